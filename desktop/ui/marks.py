"""HTML of untrusted text with a search's hits marked: every piece through html.escape."""

from __future__ import annotations

import html
from typing import Any


def marked(text: str, highlighter: Any, key: str, colour: str) -> str:
    """``text`` escaped, each hit of ``highlighter`` (a core Highlighter, or None) in a
    span with a ``colour`` background; ``key`` is the field the text shows ("" for
    none in particular)."""
    spans = highlighter.spans(text, key or None) if highlighter is not None else []
    if not spans:
        return html.escape(text)
    out, at = [], 0
    for start, end in spans:
        out.append(html.escape(text[at:start]))
        out.append(f"<span style='background-color:{colour}'>"
                   f"{html.escape(text[start:end])}</span>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def marked_fragments(document: Any, colour: Any) -> list[str]:
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
