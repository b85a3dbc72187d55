"""The PDF's text layer reads as the briefing does (no ligature characters, spaces as
spaces), pages never end on a heading or begin with a stray last row, print and print
preview cut pages exactly where the export does, and a filtered export says what its
search left out."""

from __future__ import annotations

import dataclasses

import pytest
from export.export_helpers import page_texts, pdf_has, with_entries
from generate_briefing import write
from pypdf import PdfReader

from desktop.core.load import load_briefing

LIGATURES = range(0xFB00, 0xFB50)  # Latin, Armenian and Hebrew presentation forms


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    path = write(300, folder / "generated.yaml")
    return load_briefing(path), (folder / load_briefing(path).briefing.article.path
                                 ).read_text(encoding="utf-8")


def _raw_text(path) -> str:
    """The text exactly as pypdf extracts it: nothing unfolded, nothing normalised."""
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_text_layer_is_plain_for_the_seed(seed_export):
    text = _raw_text(seed_export[0])
    assert "first nine months" in text and "significant" in text
    assert not [c for c in text if ord(c) in LIGATURES]
    assert "\t" not in text  # Qt's maps read every space as a tab


def test_the_text_layer_is_plain_for_a_generated_briefing(qapp, tmp_path, generated):
    from desktop.export import export_pdf

    briefing, article = generated
    out = tmp_path / "generated.pdf"
    export_pdf(briefing, article, out)
    text = _raw_text(out)
    assert not [c for c in text if ord(c) in LIGATURES] and "\t" not in text
    assert briefing.briefing.title in text


def _writer(resolution: int, margins_mm: float = 0.0):
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(resolution)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(*[margins_mm] * 4), QPageLayout.Unit.Millimeter))
    return writer, (buffer, array)


def _printer(resolution: int):
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(resolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(6.35, 6.35, 6.35, 6.35), QPageLayout.Unit.Millimeter)
    return printer


@pytest.mark.parametrize("which", ["seed", "generated"])
def test_print_and_preview_cut_pages_where_the_export_does(qapp, which, seed, seed_article,
                                                           generated):
    from desktop.export.render import lay_out

    briefing, article = (seed, seed_article) if which == "seed" else generated
    exported, _keep = _writer(72)
    reference = [(p.top, p.bottom) for p in lay_out(exported, briefing, article).pages]
    assert len(reference) > 3
    for device in (_printer(300), _printer(1200), _writer(600, 10)[0]):
        assert [(p.top, p.bottom) for p in lay_out(device, briefing, article).pages] == \
            reference


@pytest.mark.parametrize("which", ["seed", "generated"])
def test_no_page_ends_with_a_heading_or_starts_with_a_last_row_alone(qapp, which, seed,
                                                                      seed_article, generated):
    from desktop.export.render import lay_out

    briefing, article = (seed, seed_article) if which == "seed" else generated
    writer, _keep = _writer(72)
    laid = lay_out(writer, briefing, article)
    end = laid.doc.documentLayout().documentSize().height()
    line = 10.0  # the smallest printed line, in layout units (72 per inch)
    assert laid.geometry.headings
    for top, bottom in laid.geometry.headings:
        page = next(p for p in laid.pages if p.top <= top < p.bottom)
        if page.bottom < end - 1:
            assert page.bottom - bottom >= line, (top, page)
    tops = {round(p.top, 2) for p in laid.pages}
    stray = [t for t in laid.geometry.tables
             if len(t.row_tops) - t.header_rows >= 2 and round(t.row_tops[-1], 2) in tops]
    assert stray == []


def test_a_short_last_page_of_a_section_would_not_have_fit_before(qapp, seed, seed_article):
    from desktop.export.render import lay_out

    writer, _keep = _writer(72)
    laid = lay_out(writer, seed, seed_article)
    height = laid.frame.body.height()
    for before, page in zip(laid.pages, laid.pages[1:], strict=False):
        used = page.bottom - page.top
        if used < height / 4:  # a nearly empty page: its content had no room before
            assert (before.bottom - before.top) + used > height


def test_a_filtered_export_says_what_its_search_left_out(qapp, tmp_path, seed, seed_article):
    from desktop.export import export_pdf

    leaders_only = with_entries(seed, **{name: () for name in (
        "agreements", "trade_statistics", "cooperation_areas", "organisations", "events")})
    out = tmp_path / "filtered.pdf"
    export_pdf(leaders_only, seed_article, out, query_label="Lukashenko")
    reader = PdfReader(out)
    assert pdf_has(reader, "No agreements match “Lukashenko”.")
    assert not pdf_has(reader, "No agreements in this briefing")
    overview = page_texts(reader)[0]
    assert "leaders" in overview and "agreements" not in overview.split(
        "In this briefing")[1].split("About this briefing")[0]
    unfiltered = tmp_path / "empty.pdf"
    export_pdf(dataclasses.replace(leaders_only, leaders=()), seed_article, unfiltered)
    assert pdf_has(PdfReader(unfiltered), "No agreements in this briefing.")
