"""HTML of untrusted text with a search's hits marked: every piece through html.escape."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ..core.longtext import breakable, left_out, shortened

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QTextDocument

    from ..core.highlight import Highlighter


def marked(text: str, highlighter: Highlighter | None, key: str, colour: str) -> str:
    """``text`` escaped, each hit of ``highlighter`` (a core Highlighter, or None) in a
    span with a ``colour`` background; ``key`` is the field the text shows ("" for
    none in particular). Long runs get break opportunities (core/longtext.py), found
    after the hits so that these are found in the text as written."""
    spans = highlighter.spans(text, key or None) if highlighter is not None else []
    if not spans:
        return _escaped(text)
    out, at = [], 0
    for start, end in spans:
        out.append(_escaped(text[at:start]))
        out.append(f"<span style='background-color:{colour}'>"
                   f"{_escaped(text[start:end])}</span>")
        at = end
    out.append(_escaped(text[at:]))
    return "".join(out)


def pane_html(text: str, highlighter: Highlighter | None = None, key: str = "",
              colour: str = "") -> str:
    """``text`` for a page that wraps it: cut to what a pane shows (saying how much is
    left out), marked as :func:`marked` does (no ``highlighter``: escaped only)."""
    text, more = shortened(text)
    out = marked(text, highlighter, key, colour)
    return out + f" <i style='color:gray'>{html.escape(left_out(more))}</i>" if more else out


def _escaped(text: str) -> str:
    return html.escape(breakable(text).text)


def marked_fragments(document: QTextDocument, colour: QColor) -> list[str]:
    """The text under each mark of ``colour`` (a QColor) in a QTextDocument, in order."""
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color() == colour:
                found.append(fragment.text())
            it += 1
        block = block.next()
    return found
