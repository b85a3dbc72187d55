"""Briefing text as inert HTML for print. Figures and dates are written by
``desktop.present``, as the window writes them."""

from __future__ import annotations

import html

from ..core.longtext import breakable, shortened

# A value is printed whole up to here (about six pages; the longest statement of a real
# briefing is a tenth of it); past it, the rest is left out with a note saying how much.
# A field of a million characters took 5-20 s to lay out, and the 32 MiB a briefing may
# hold would take minutes before being refused as too many pages.
PRINT_CHARS = 20_000


def esc(text: str) -> str:
    """A briefing value as inert HTML: every string from a briefing goes through here.
    Runs too long to wrap at a space get break opportunities (core/longtext.py): Qt lays
    out an unbreakable run in time that grows with the square of its length."""
    text, more = shortened(text, PRINT_CHARS)
    out = esc_text(text)
    return out + f" [… {more:,} more characters in the briefing file]" if more else out


def esc_text(text: str) -> str:
    """Text as inert HTML with break opportunities, never cut (the article appendix)."""
    return html.escape(breakable(text).text, quote=True)
