"""File > Export PDF…, Export What the Search Shows… and Print… in the window."""

from __future__ import annotations

from conftest import SEED_BRIEFING
from export.export_helpers import pdf_has
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.ui.actions import Act


def choose(monkeypatch, target):
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "PDF files (*.pdf)"))


def test_export_pdf_writes_the_whole_briefing(make_window, monkeypatch, tmp_path):
    window = make_window(SEED_BRIEFING)
    choose(monkeypatch, tmp_path / "handout.pdf")
    window.actions_by_id[Act.EXPORT_PDF].trigger()
    reader = PdfReader(tmp_path / "handout.pdf")
    assert pdf_has(reader, "Declaration in connection with the CSTO's anniversary")
    assert pdf_has(reader, "Аляксандр Лукашэнка")
    assert window.statusBar().currentMessage() == f"Exported {tmp_path / 'handout.pdf'}"


def test_export_what_the_search_shows_names_the_query(make_window, monkeypatch, tmp_path):
    window = make_window(SEED_BRIEFING, tab="agreements")
    window.apply_query("status:signed")
    assert window.entry_tab("agreements").model.rowCount() == 2
    suggested = []

    def save(parent, title, start, filters):
        suggested.append(start)
        return str(tmp_path / "signed.pdf"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.actions_by_id[Act.EXPORT_SHOWN].trigger()
    assert suggested == [str(SEED_BRIEFING.with_name(f"{SEED_BRIEFING.stem}-search.pdf"))]
    reader = PdfReader(tmp_path / "signed.pdf")
    assert pdf_has(reader, "status:signed")
    assert pdf_has(reader, "Bilateral socio-economic agreement until 2026")
    assert not pdf_has(reader, "Declaration in connection with the CSTO's anniversary")


def test_export_what_the_search_shows_without_a_search_explains(make_window, monkeypatch,
                                                                 tmp_path):
    window = make_window(SEED_BRIEFING)
    said = []
    monkeypatch.setattr("desktop.export.dialogs.plain_error",
                        lambda parent, title, text: said.append(text))
    choose(monkeypatch, tmp_path / "never.pdf")
    window.actions_by_id[Act.EXPORT_SHOWN].trigger()
    assert said == ["No search is active: type a search first, or use Export PDF… for the "
                    "whole briefing."]
    assert not (tmp_path / "never.pdf").exists()


def test_print_opens_a_preview_of_the_rendered_pages(make_window, monkeypatch):
    window = make_window(SEED_BRIEFING)
    pages = []

    def exec_preview(dialog):
        preview = dialog.findChild(QPrintPreviewWidget)
        preview.updatePreview()
        pages.append(preview.pageCount())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintPreviewDialog, "exec", exec_preview)
    window.actions_by_id[Act.PRINT].trigger()
    assert pages and pages[0] >= 5
