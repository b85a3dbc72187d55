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
    monkeypatch.setattr("desktop.ui.handout.show_message",
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


def test_a_briefing_whose_article_is_not_verified_is_not_handed_out(make_window, monkeypatch,
                                                                     seed_copy, tmp_path):
    # A received briefing naming a file outside its folder: the window shows the briefing,
    # says in the banner why the article is not used, and neither exports nor prints.
    secret = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    secret.write_text("PRIVATE KEY 7f3a9c", encoding="utf-8")
    text = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text(text.replace("path: kazakhstan-belarus-state-visit-2017-11.txt",
                                      f"path: ../{secret.name}"), encoding="utf-8")
    errors: list[str] = []
    monkeypatch.setattr("desktop.ui.handout.show_message",
                        lambda parent, title, message: errors.append(message))
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: asked.append("save") or ("", ""))
    window = make_window(seed_copy, tab="source")
    assert window.banner.isVisible()
    assert window.banner.lines() == [
        f"{seed_copy}:25:11: briefing.article.path: '../{secret.name}' leads outside the "
        "briefing's folder; an article must be in the briefing's folder or below it: copy "
        "it beside the briefing and give its file name"]
    assert window.source_tab().view.toPlainText() == ""
    window.apply_query("private")
    assert "PRIVATE" not in window.source_tab().view.toPlainText()
    window.actions_by_id[Act.EXPORT_PDF].trigger()
    window.actions_by_id[Act.PRINT].trigger()
    assert asked == []
    assert len(errors) == 2 and all("its article could not be verified" in e for e in errors)
    assert not list(tmp_path.glob("*.pdf"))
