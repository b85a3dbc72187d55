"""File > Export PDF…, Export What the Search Shows… and Print…: the window's side of the
PDF renderer in desktop/export (which the command line uses too)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Loaded
    from .mainwindow import MainWindow


def _article_refused(window: MainWindow, loaded: Loaded, title: str, done: str) -> bool:
    """Whether the article may not go into a hand-out (and the user has been told why):
    a PDF whose excerpts no verified article backs is what a reader must never hand out,
    the same rule as `briefing export`."""
    if loaded.article is not None:
        return False
    from ..export.dialogs import plain_error

    plain_error(window, title, f"The briefing was not {done}: its article could not "
                f"be verified.\n\n{loaded.article_problem}")
    return True


def export_pdf(window: MainWindow, *, shown_only: bool = False) -> None:
    """Ask where, then write the briefing on screen (or what the search shows) as a PDF."""
    from ..export.dialogs import export_pdf_interactively, plain_error

    loaded = window.loaded()
    if loaded is None or _article_refused(window, loaded, "Export PDF", "written"):
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
    if loaded is None or _article_refused(window, loaded, "Print", "printed"):
        return
    shown = window.search.shown_briefing()
    briefing, query = shown if shown is not None else (loaded.briefing, None)
    print_with_preview(window, briefing, loaded.article, query_label=query,
                       source_name=loaded.briefing.briefing.article.path)
