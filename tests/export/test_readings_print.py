"""The printed briefing signs inferred and added values as the window does, says why in a
note under each entry, explains the signs once, and keeps derived figures out of the
headline numbers."""

from __future__ import annotations

import dataclasses

from export.export_helpers import page_texts, pdf_has, squash
from pypdf import PdfReader

from desktop.core.model import Marking


def test_signs_reasons_and_the_legend_are_printed(seed_reader, seed):
    assert pdf_has(seed_reader, "29–30 November 2017 †")  # the title block's date
    assert pdf_has(seed_reader, "† inferred: a reading of the article, not its words; "
                                "‡ added: knowledge from outside the article")
    assert pdf_has(seed_reader, "Нурсултан Назарбаев (ru) ‡")
    assert pdf_has(seed_reader, "‡ Added (native names): " + seed.leaders[0].added[0].reason)
    assert pdf_has(seed_reader, "Kazakhstan, Belarus †")
    assert pdf_has(seed_reader, "† Inferred (parties): " + seed.agreements[0].inferred[0].reason)
    assert pdf_has(seed_reader, "January-September 2016 †")


def test_derived_figures_are_not_headline_numbers(seed_reader):
    overview = squash(page_texts(seed_reader)[0])
    key = overview[overview.index(squash("Key figures")):]
    assert squash("$441.4 million") in key and "275.9" not in key
    assert squash("hatched bars: values derived from them") in squash(
        "\n".join(page_texts(seed_reader)))


def test_a_briefing_without_markings_prints_no_signs(qapp, tmp_path, seed, seed_article):
    from desktop.export import export_pdf

    def bare(entry):  # type: ignore[no-untyped-def]
        return dataclasses.replace(entry, inferred=(), added=()) if hasattr(
            entry, "inferred") else entry

    plain = dataclasses.replace(
        seed, briefing=bare(seed.briefing),
        **{name: tuple(bare(e) for e in getattr(seed, name)) for name in (
            "leaders", "agreements", "trade_statistics", "cooperation_areas",
            "organisations", "events")})
    path = tmp_path / "plain.pdf"
    export_pdf(plain, seed_article, path, source_name="a.txt")
    text = "\n".join(page_texts(PdfReader(path)))
    assert "†" not in text and "‡" not in text
    assert "a reading of the article" not in text
    marked = dataclasses.replace(plain, events=(dataclasses.replace(
        plain.events[0], added=(Marking(fields=("place",), reason="From a map."),)),
        *plain.events[1:]))
    path = tmp_path / "marked.pdf"
    export_pdf(marked, seed_article, path, source_name="a.txt")
    reader = PdfReader(path)
    assert pdf_has(reader, "Belarusian National Technical University ‡")
    assert pdf_has(reader, "‡ Added (place): From a map.")
