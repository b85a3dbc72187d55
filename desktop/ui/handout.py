"""File > Export PDF…, Export What the Search Shows… and Print…: the window's side of the
PDF renderer in desktop/export (which the command line uses too)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .mainwindow import MainWindow


def export_pdf(window: MainWindow, *, shown_only: bool = False) -> None:
    """Ask where, then write the briefing on screen (or what the search shows) as a PDF."""
    from ..export.dialogs import export_pdf_interactively, plain_error

    loaded = window.loaded()
    if loaded is None:
        return
    briefing, query = loaded.briefing, None
    if shown_only:
        shown = window.search.shown_briefing()
        if shown is None:
            plain_error(window, "Export PDF", "No search is active: type a search first, or "
                        "use Export PDF… for the whole briefing.")
            return
        briefing, query = shown
    suffix = "-search" if query else ""
    written = export_pdf_interactively(
        window, briefing, loaded.article,
        suggested=loaded.path.with_name(f"{loaded.path.stem}{suffix}.pdf"),
        query_label=query, source_name=loaded.briefing.briefing.article.path)
    if written is not None:
        window.statusBar().showMessage(f"Exported {written}", 8000)


def print_briefing(window: MainWindow) -> None:
    """Print the briefing on screen (what the search shows, if a search is active)."""
    from ..export.dialogs import print_with_preview

    loaded = window.loaded()
    if loaded is None:
        return
    shown = window.search.shown_briefing()
    briefing, query = shown if shown is not None else (loaded.briefing, None)
    print_with_preview(window, briefing, loaded.article, query_label=query,
                       source_name=loaded.briefing.briefing.article.path)
