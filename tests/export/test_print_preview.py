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


def test_preview_dialog_from_the_window_helper(qtbot, seed, seed_article):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    from desktop.ui.handout import print_preview

    dialog = print_preview(None, seed, seed_article, query_label="Minsk")
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert preview.pageCount() >= 5


def test_export_dialog_writes_the_chosen_file(qtbot, monkeypatch, tmp_path, seed, seed_article):
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.handout import save_pdf_as

    chosen = tmp_path / "handout"  # no extension: ".pdf" is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(chosen), "PDF files (*.pdf)"))
    shown: list[str] = []
    monkeypatch.setattr("desktop.ui.handout.show_message",
                        lambda *args: shown.append(args[2]))
    written = save_pdf_as(None, seed, seed_article, suggested=tmp_path / "x.pdf")
    assert written == tmp_path / "handout.pdf" and not shown
    assert PdfReader(written).pages


def test_export_dialog_explains_a_failure(qtbot, monkeypatch, tmp_path, seed, seed_article):
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.handout import save_pdf_as

    target = tmp_path / "missing-folder" / "out.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "PDF files (*.pdf)"))
    shown: list[str] = []
    monkeypatch.setattr("desktop.ui.handout.show_message",
                        lambda *args: shown.append(args[2]))
    assert save_pdf_as(None, seed, seed_article, suggested=target) is None
    assert len(shown) == 1 and "No such file or directory" in shown[0]
    assert not target.parent.exists()


def test_export_dialog_cancelled(qtbot, monkeypatch, tmp_path, seed, seed_article):
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.handout import save_pdf_as

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    assert save_pdf_as(None, seed, seed_article, suggested=tmp_path / "x.pdf") is None
    assert not list(tmp_path.iterdir())
