"""Helpers for reading exported PDFs back (pypdf) and making variant briefings."""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

from pypdf import PdfReader

from desktop.core.model import Briefing


def squash(text: str) -> str:
    """Text with ligatures unfolded and all whitespace removed, so a phrase matches
    however the PDF wrapped it across lines or cells."""
    return "".join(unicodedata.normalize("NFKC", text).split())


_TEXTS: dict[int, tuple[PdfReader, list[str]]] = {}


def page_texts(reader: PdfReader) -> list[str]:
    """Each page's text, ligatures unfolded, runs of blanks (pypdf emits tabs) as one
    space; extracted once per reader."""
    cached = _TEXTS.get(id(reader))
    if cached is None or cached[0] is not reader:
        texts = ["\n".join(" ".join(line.split()) for line in
                           unicodedata.normalize("NFKC", page.extract_text()).splitlines())
                 for page in reader.pages]
        cached = _TEXTS[id(reader)] = (reader, texts)
    return cached[1]


def pdf_has(reader: PdfReader, phrase: str) -> bool:
    return squash(phrase) in squash("\n".join(page_texts(reader)))


def with_entries(briefing: Briefing, **sections: object) -> Briefing:
    return dataclasses.replace(briefing, **sections)


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".part")]
