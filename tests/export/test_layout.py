"""Pagination: rows never split, header rows repeated, headings kept with what follows,
untrusted text printed as text."""

from __future__ import annotations

import dataclasses
import itertools
import time

import pytest
from export.export_helpers import page_texts, pdf_has, squash, with_entries
from pypdf import PdfReader

from desktop.core.model import Agreement, Event

HOSTILE = ("<b>bold?</b>", "<img src=file:///etc/passwd>", '<a href="http://evil/">x</a>',
           "&amp; &lt;", "<table><tr><td>cell</td></tr></table>")


def _many_agreements(seed, count: int):
    base = seed.agreements[0]
    agreements = tuple(
        dataclasses.replace(base, title=f"Agreement {i} " + "on cooperation " * (i % 9),
                            note=("A note that runs over more than one line of the "
                                  "document column " * (i % 4)) or None)
        for i in range(count))
    return with_entries(seed, agreements=agreements)


@pytest.fixture(scope="module")
def long_briefing(seed):
    return _many_agreements(seed, 260)


def _laid_out(briefing, article):
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPdfWriter

    from desktop.export.render import lay_out

    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(600)
    return lay_out(writer, briefing, article), (writer, buffer)


def test_no_page_break_falls_inside_a_table_row(qapp, long_briefing, seed_article):
    laid, _keep = _laid_out(long_briefing, seed_article)
    assert len(laid.pages) > 10
    cuts = [page.bottom for page in laid.pages[:-1]]
    assert not any(page.hard for page in laid.pages)
    rows_checked = 0
    for table in laid.geometry.tables:
        edges = (*table.row_tops, table.bottom)
        for top, bottom in itertools.pairwise(edges):
            rows_checked += 1
            assert not [c for c in cuts if top + 0.5 < c < bottom - 0.5], (top, bottom)
    assert rows_checked > 260


def test_pages_that_continue_a_table_repeat_its_header(qapp, long_briefing, seed_article):
    laid, _keep = _laid_out(long_briefing, seed_article)
    continued = [p for p in laid.pages if p.header is not None]
    assert len(continued) >= 5
    headers = {t.header for t in laid.geometry.tables if t.header_rows}
    for page in continued:
        assert page.header in headers  # a real header row, also for later chunks
        assert page.header[1] - page.header[0] > 0


def test_repeated_header_is_printed_on_every_agreements_page(qapp, tmp_path, long_briefing,
                                                             seed_article):
    from desktop.export import export_pdf

    out = tmp_path / "long.pdf"
    export_pdf(long_briefing, seed_article, out)
    texts = page_texts(PdfReader(out))
    pages = [t for t in texts if "Agreement 1" in t or "Agreement 2" in t]
    assert len(pages) >= 5
    for text in pages:
        assert "DOCUMENT STATUS PARTIES DATE" in " ".join(text.split()), text[:200]
    assert pdf_has(PdfReader(out), "Agreement 259 on cooperation")


def test_a_heading_is_kept_with_what_follows_it(qapp, long_briefing, seed_article):
    laid, _keep = _laid_out(long_briefing, seed_article)
    doc, layout = laid.doc, laid.doc.documentLayout()
    end = layout.documentSize().height()
    headings = []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            rect = layout.blockBoundingRect(block)
            headings.append((rect.bottom() - rect.height() / 2, rect.bottom()))
        block = block.next()
    assert len(headings) > 10
    for middle, bottom in headings:
        page = next(p for p in laid.pages if p.top <= middle < p.bottom)
        assert bottom <= page.bottom  # not cut through
        if page.bottom < end - 1:
            assert page.bottom - bottom > 50  # something after it on the same page


def test_the_appendix_starts_a_new_page(qapp, long_briefing, seed_article):
    laid, _keep = _laid_out(long_briefing, seed_article)
    article_top = laid.geometry.anchors["article"]
    assert any(abs(page.top - article_top) < 1 for page in laid.pages)


def test_briefing_text_is_printed_as_text_never_as_markup(qapp, tmp_path, seed, seed_article):
    from desktop.export import export_pdf

    leader = dataclasses.replace(seed.leaders[0], name=HOSTILE[0], role=HOSTILE[1])
    event = Event(date="2017", title=HOSTILE[2], place=HOSTILE[3], note=HOSTILE[4],
                  source=("<script>alert(1)</script>",))
    agreement = Agreement(title=HOSTILE[1], kind="agreement", status="signed",
                          parties=(HOSTILE[0],), source=("x",))
    header = dataclasses.replace(seed.briefing, title=HOSTILE[0], place=HOSTILE[1])
    briefing = dataclasses.replace(seed, leaders=(leader,), events=(event,),
                                   agreements=(agreement,), briefing=header)
    out = tmp_path / "hostile.pdf"
    export_pdf(briefing, "<i>article</i> <img src=x>", out, query_label="<u>q</u>")
    reader = PdfReader(out)
    for text in (*HOSTILE, "<script>alert(1)</script>", "<i>article</i> <img src=x>",
                 "<u>q</u>"):
        assert pdf_has(reader, text), text
    assert reader.metadata.title == HOSTILE[0]
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        assert not [x for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"]
        for annot in page.get("/Annots", []):
            assert "/URI" not in annot.get_object().get("/A", {}), "briefing text made a link"


def test_empty_sections_say_so(qapp, tmp_path, seed, seed_article):
    from desktop.export import export_pdf

    out = tmp_path / "empty.pdf"
    export_pdf(with_entries(seed, leaders=(), trade_statistics=(), events=()), None, out)
    reader = PdfReader(out)
    for what in ("leaders", "trade statistics", "events"):
        assert pdf_has(reader, f"No {what} in this briefing."), what
    assert pdf_has(reader, "The article was not available when this PDF was made.")
    assert [item.title for item in reader.outline][1] == "Leaders"


@pytest.mark.timeout(60)
def test_a_field_of_a_million_characters_prints_in_seconds_cut_and_said_so(qapp, tmp_path,
                                                                          seed, seed_article):
    # A 1,000,000-character word in a table cell took two minutes to lay out: Qt breaks an
    # unbreakable run in time that grows with its square. A value prints whole up to
    # PRINT_CHARS, with break opportunities in long runs, and says what is left out.
    from desktop.export import export_pdf
    from desktop.export.markup import PRINT_CHARS

    word = "Q" * 1_000_000
    stats = (dataclasses.replace(seed.trade_statistics[0], metric=word),
             *seed.trade_statistics[1:])
    long_article = seed_article + "\n\n" + "W" * 50_000 + " the end of it."
    started = time.process_time()
    export_pdf(dataclasses.replace(seed, trade_statistics=stats), long_article,
               tmp_path / "long.pdf")
    assert time.process_time() - started < 20
    reader = PdfReader(tmp_path / "long.pdf")
    more = 1_000_000 - PRINT_CHARS
    assert pdf_has(reader, f"[… {more:,} more characters in the briefing file]")
    assert pdf_has(reader, "W" * 300 + " the end of it.")  # the article is never cut


def test_a_paragraph_over_several_pages_prints_each_line_once(qapp, tmp_path, seed,
                                                              seed_article):
    # Qt paints a paragraph from the last line above the clip: the line before each cut
    # inside a paragraph printed again at the top of the next page (and came twice in
    # the PDF's text).
    import re
    from collections import Counter

    from desktop.export import export_pdf

    words = " ".join(f"w{i}x" for i in range(2_500))
    leader = seed.leaders[0]
    statements = (dataclasses.replace(leader.statements[0], text=words),
                  *leader.statements[1:])
    long = dataclasses.replace(seed, leaders=(dataclasses.replace(leader,
                                                                  statements=statements),
                                              *seed.leaders[1:]))
    export_pdf(long, seed_article, tmp_path / "long.pdf")
    reader = PdfReader(tmp_path / "long.pdf")
    # Whitespace dropped: pypdf's extraction may break a line's text anywhere.
    counts = Counter(re.findall(r"w\d+x", squash("\n".join(page_texts(reader)))))
    assert len(reader.pages) > 5
    assert counts == Counter(words.split())
