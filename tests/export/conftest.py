"""Export test set-up: the seed loaded and exported once per session."""

from __future__ import annotations

import pytest
from conftest import SEED_ARTICLE, SEED_BRIEFING
from pypdf import PdfReader

from desktop.core.load import load_document
from desktop.core.model import Briefing


@pytest.fixture(scope="session")
def seed() -> Briefing:
    return load_document(SEED_BRIEFING).briefing


@pytest.fixture(scope="session")
def seed_article() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_export(qapp, tmp_path_factory, seed, seed_article):
    """(path, ExportResult) of the seed exported as A4 by the library function."""
    from desktop.export import export_pdf

    path = tmp_path_factory.mktemp("seed") / "seed.pdf"
    return path, export_pdf(seed, seed_article, path, source_name=SEED_ARTICLE.name)


@pytest.fixture(scope="session")
def seed_reader(seed_export) -> PdfReader:
    return PdfReader(seed_export[0])


