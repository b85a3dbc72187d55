"""The detail pane marks a search's hits over the page (not in it): on the right words,
whatever the page around them says, and without building the page again while the same
entry stays selected."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core.highlight import Highlighter
from desktop.core.model import Leader
from desktop.core.query import parse_query
from desktop.ui.detail_pane import DetailPane


@pytest.fixture
def pane(qtbot):
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show()
    return pane


def _search(pane: DetailPane, query: str) -> list[str]:
    pane.set_highlighter(Highlighter(parse_query(query, typing=True)))
    QApplication.processEvents()
    return pane.highlighted_texts()


def test_marks_land_on_the_hits_not_on_the_labels_before_them(pane):
    # The role is the word "Role", the country "Country": a mark must find the values,
    # not the labels "Role" and "Country" just before them.
    entry = Leader(name="Country Role", role="Role", country="Country",
                   note="🙂 emoji first, then the Role again", source=("The Role said.",))
    pane.show_entry(entry)
    assert _search(pane, "role") == ["Role", "Role", "Role", "Role"]  # title, value, note,
    plain = pane.toPlainText()  # excerpt; the labels stay unmarked
    assert plain.count("Role") == 5
    assert _search(pane, "country:country") == ["Country"]  # the Country field only
    assert _search(pane, "emoji") == ["emoji"]  # after a character beyond U+FFFF


def test_refining_a_query_moves_only_the_marks(pane):
    entry = Leader(name="Alexander Lukashenko", role="President", country="Belarus",
                   source=("Lukashenko met Nazarbayev in Minsk.",))
    pane.show_entry(entry)
    page = pane.toHtml()
    revision = pane.document().revision()
    assert _search(pane, "luk") == ["Luk", "Luk"]
    assert _search(pane, "lukashenko minsk") == ["Lukashenko", "Lukashenko", "Minsk"]
    assert _search(pane, "zzz") == []
    assert pane.document().revision() == revision  # the page was not set again
    assert pane.toHtml() == page


def test_text_the_page_shows_otherwise_is_marked_in_the_html(pane):
    # Whitespace is written as the page shows it; a line separator is not found as
    # written, so this entry's marks go into its HTML, and are as right.
    entry = Leader(name="Alexander\tLukashenko", role="President", country="Belarus",
                   note="Line one\u2028Lukashenko again", source=("Lukashenko  spoke.",))
    pane.show_entry(entry)
    assert _search(pane, "lukashenko") == ["Lukashenko"] * 3


def test_an_entry_marked_in_its_html_keeps_no_marks_of_the_entry_before(pane):
    plain = Leader(name="Alexander Lukashenko", role="President", country="Belarus",
                   source=("Lukashenko spoke.",))
    odd = Leader(name="Nursultan Nazarbayev", role="President", country="Kazakhstan",
                 note="Line one\u2028line two", source=("Nazarbayev spoke.",))
    pane.show_entry(plain)
    assert _search(pane, "lukashenko") == ["Lukashenko"] * 2
    pane.show_entry(odd)  # marked in its HTML: the extra marks over the page must go
    assert pane.extraSelections() == []
    assert _search(pane, "president") == ["President"]
