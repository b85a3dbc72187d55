"""Print preview and printing use the same renderer (offscreen)."""

from __future__ import annotations

from export.export_helpers import page_texts
from pypdf import PdfReader


def test_print_preview_dialog_renders_pages(qtbot, seed, seed_article):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

    from desktop.export.printing import paint_request_handler

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer)
    qtbot.addWidget(dialog)
    calls: list[int] = []
    handler = paint_request_handler(seed, seed_article, source_name="article.txt")

    def paint(device: QPrinter) -> None:
        calls.append(1)
        handler(device)

    dialog.paintRequested.connect(paint)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert calls
    assert preview.pageCount() >= 5


def test_printing_to_a_pdf_printer_gives_the_same_pages(qapp, tmp_path, seed, seed_article,
                                                        seed_export):
    from PySide6.QtPrintSupport import QPrinter

    from desktop.export import paint_briefing

    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    result = paint_briefing(printer, seed, seed_article)
    reader = PdfReader(out)
    assert len(reader.pages) == result.page_count
    # Same layout rules as the export: every page numbered "of" the same total.
    assert f"Page 1 of {result.page_count}" in page_texts(reader)[0]
