"""Thin window-side wrappers for File > Export PDF... and File > Print...: a file dialog or a
print preview around the renderer, errors shown in a message box. Needs QApplication."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ..core.model import Briefing
from .pdf import ExportError, export_pdf
from .printing import paint_request_handler
from .render import RenderError

PDF_FILTER = "PDF files (*.pdf)"


def error_box(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """An error box that shows its text literally (QMessageBox.critical guesses rich text,
    and a file name or a briefing's title is anyone's text)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def plain_error(parent: QWidget | None, title: str, text: str) -> None:
    error_box(parent, title, text).exec()


def export_pdf_interactively(parent: QWidget | None, briefing: Briefing,
                             article_text: str | None, *, suggested: Path,
                             query_label: str | None = None,
                             source_name: str | None = None) -> Path | None:
    """Ask where to save, export, and return the written path (None if cancelled or if it
    failed, in which case the user has seen why and any existing file is untouched)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, "Export PDF", str(suggested), PDF_FILTER)
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
    try:
        return export_pdf(briefing, article_text, path, query_label=query_label,
                          source_name=source_name).path
    except ExportError as exc:
        plain_error(parent, "Export PDF", f"The PDF was not written.\n\n{exc}")
        return None


def make_print_preview(parent: QWidget | None, briefing: Briefing, article_text: str | None,
                       *, query_label: str | None = None,
                       source_name: str | None = None) -> QPrintPreviewDialog:
    """A print preview whose pages (and the print it sends) come from the PDF renderer."""
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
            plain_error(dialog, "Print", f"The briefing could not be printed.\n\n{exc}")

    dialog.paintRequested.connect(paint_or_explain)
    return dialog


def print_with_preview(parent: QWidget | None, briefing: Briefing, article_text: str | None,
                       *, query_label: str | None = None,
                       source_name: str | None = None) -> bool:
    """Show the preview; True if the user printed."""
    dialog = make_print_preview(parent, briefing, article_text, query_label=query_label,
                                source_name=source_name)
    return dialog.exec() == QDialog.DialogCode.Accepted
