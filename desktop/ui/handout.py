"""File > Export PDF…, Export What the Search Shows… and Print…: the window's side of the
PDF renderer in desktop/export (which the command line uses too). A file dialog or a
print preview around the renderer; every failure a message box, and any existing file
left as it was."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .messages import show_message

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QWidget

    from ..core.model import Briefing
    from .briefing_file import Loaded
    from .mainwindow import MainWindow

PDF_FILTER = "PDF files (*.pdf)"


def ask_and_export(window: MainWindow, *, shown_only: bool = False) -> None:
    """Ask where, then write the briefing on screen (or what the search shows) as a PDF."""
    loaded = window.loaded()
    if loaded is None or _article_refused(window, loaded, "Export PDF", "written"):
        return
    briefing, query = loaded.briefing, None
    if shown_only:
        shown = window.search.shown_briefing()
        if shown is None:
            show_message(window, "Export PDF", "No search is active: type a search first, "
                         "or use Export PDF… for the whole briefing.")
            return
        briefing, query = shown
    suffix = "-search" if query else ""
    written = save_pdf_as(
        window, briefing, loaded.article,
        suggested=loaded.path.with_name(f"{loaded.path.stem}{suffix}.pdf"),
        query_label=query, source_name=loaded.briefing.briefing.article.path)
    if written is not None:
        window.statusBar().showMessage(f"Exported {written}", 8000)


def ask_and_print(window: MainWindow) -> None:
    """Print the briefing on screen (what the search shows, if a search is active)."""
    loaded = window.loaded()
    if loaded is None or _article_refused(window, loaded, "Print", "printed"):
        return
    shown = window.search.shown_briefing()
    briefing, query = shown if shown is not None else (loaded.briefing, None)
    print_with_preview(window, briefing, loaded.article, query_label=query,
                       source_name=loaded.briefing.briefing.article.path)


def _article_refused(window: MainWindow, loaded: Loaded, title: str, done: str) -> bool:
    """Whether the article may not go into a hand-out (and the user has been told why):
    a PDF whose excerpts no verified article backs is what a reader must never hand out,
    the same rule as `briefing export`."""
    if loaded.article is not None:
        return False
    show_message(window, title, f"The briefing was not {done}: its article could not be "
                 f"verified.\n\n{loaded.article_problem}")
    return True


def save_pdf_as(parent: QWidget | None, briefing: Briefing, article_text: str | None, *,
                suggested: Path, query_label: str | None = None,
                source_name: str | None = None) -> Path | None:
    """Ask where to save, export, and return the written path (None if cancelled or if it
    failed, in which case the user has seen why and any existing file is untouched)."""
    from PySide6.QtWidgets import QFileDialog

    from ..export.pdf import ExportError, export_pdf

    chosen, _ = QFileDialog.getSaveFileName(parent, "Export PDF", str(suggested), PDF_FILTER)
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
    try:
        return export_pdf(briefing, article_text, path, query_label=query_label,
                          source_name=source_name).path
    except ExportError as exc:
        show_message(parent, "Export PDF", f"The PDF was not written.\n\n{exc}")
        return None


def print_preview(parent: QWidget | None, briefing: Briefing, article_text: str | None, *,
                  query_label: str | None = None,
                  source_name: str | None = None) -> QPrintPreviewDialog:
    """A print preview whose pages (and the print it sends) come from the PDF renderer."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from ..export.printing import paint_request_handler
    from ..export.render import RenderError

    # The dialog's own printer: a QPrinter passed in would not be owned by the dialog, and
    # Python would free it while the dialog still paints on it.
    dialog = QPrintPreviewDialog(parent)
    dialog.setWindowTitle("Print preview")
    paint = paint_request_handler(briefing, article_text, query_label=query_label,
                                  source_name=source_name)

    def paint_or_explain(device: QPrinter) -> None:
        try:
            paint(device)
        except RenderError as exc:
            show_message(dialog, "Print", f"The briefing could not be printed.\n\n{exc}")

    dialog.paintRequested.connect(paint_or_explain)
    return dialog


def print_with_preview(parent: QWidget | None, briefing: Briefing, article_text: str | None,
                       *, query_label: str | None = None,
                       source_name: str | None = None) -> bool:
    """Show the preview; True if the user printed."""
    from PySide6.QtWidgets import QDialog

    dialog = print_preview(parent, briefing, article_text, query_label=query_label,
                           source_name=source_name)
    return dialog.exec() == QDialog.DialogCode.Accepted
