"""File > New from Article…: the builder's draft written, opened, and flagged as a draft."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_ARTICLE, SEED_BRIEFING
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from desktop.core.load import load_briefing
from desktop.ui.actions import Act
from desktop.ui.draft_banner import TEXT


def _dialogs(monkeypatch, article: Path, save_as: Path | None = None) -> dict:
    asked: dict = {}

    def open_name(_parent, _caption, _start, _filter):
        asked["open"] = True
        return str(article), ""

    def save_name(_parent, _caption, default, _filter):
        asked["default"] = default
        return str(save_as or default), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    return asked


def _message_boxes(monkeypatch) -> list[str]:
    shown: list[str] = []

    def exec_(box):
        shown.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def test_new_from_article_writes_the_draft_beside_it_and_opens_it(make_window, monkeypatch,
                                                                  tmp_path, qtbot):
    article = tmp_path / "visit.txt"
    article.write_bytes(SEED_ARTICLE.read_bytes())
    asked = _dialogs(monkeypatch, article)
    window = make_window(SEED_BRIEFING)
    assert not window.draft_banner.isVisible()
    action = window.actions_by_id[Act.NEW_FROM_ARTICLE]
    assert action.shortcut().toString() == "Ctrl+Shift+N"
    action.trigger()
    out = tmp_path / "visit.yaml"
    assert asked["default"] == str(out)
    qtbot.waitUntil(lambda: not window.is_busy())
    assert window.current_path() == out
    draft = load_briefing(out)
    assert draft.briefing.draft is True
    assert window.briefing() == draft
    assert window.draft_banner.isVisible() and window.draft_banner.text() == TEXT
    assert window.entry_tab("leaders").model.rowCount() == len(draft.leaders) > 0
    # Search works on the new briefing at once.
    window.search_bar.set_text("lukashenko")
    assert window.search.result().count("leaders") >= 1


def test_an_undated_article_asks_for_the_date(make_window, monkeypatch, tmp_path, qtbot):
    article = tmp_path / "plain.txt"
    article.write_text("Nothing much happened here on May 3.\n", encoding="utf-8")
    _dialogs(monkeypatch, article, save_as=tmp_path / "out")
    prompts = []

    def get_text(_parent, _title, label, *args, **kwargs):
        prompts.append(label)
        return "2019-05", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    window = make_window(SEED_BRIEFING)
    window.new_from_article()
    qtbot.waitUntil(lambda: not window.is_busy())
    out = tmp_path / "out.yaml"  # the suffix is added
    assert prompts and "names no year" in prompts[0]
    assert window.current_path() == out
    assert load_briefing(out).briefing.date == "2019-05"
    assert window.draft_banner.isVisible()


def test_cancelling_the_date_writes_nothing(make_window, monkeypatch, tmp_path):
    article = tmp_path / "plain.txt"
    article.write_text("Nothing much happened here on May 3.\n", encoding="utf-8")
    _dialogs(monkeypatch, article)
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *args, **kwargs: ("", False)))
    window = make_window(SEED_BRIEFING)
    window.new_from_article()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain.txt", "settings.ini"]
    assert window.current_path() == SEED_BRIEFING


def test_a_bad_article_is_one_line_in_a_message_box_and_nothing_is_written(
        make_window, monkeypatch, tmp_path):
    article = tmp_path / "binary.txt"
    article.write_bytes(b"\x00\x01\x02 not text \xff\xfe")
    _dialogs(monkeypatch, article)
    shown = _message_boxes(monkeypatch)
    window = make_window(SEED_BRIEFING)
    window.new_from_article()
    assert len(shown) == 1 and "\n" not in shown[0] and "binary.txt" in shown[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["binary.txt", "settings.ini"]
    assert window.current_path() == SEED_BRIEFING


def test_an_unwritable_place_is_reported(make_window, monkeypatch, tmp_path):
    article = tmp_path / "visit.txt"
    article.write_bytes(SEED_ARTICLE.read_bytes())
    _dialogs(monkeypatch, article, save_as=tmp_path / "missing" / "visit.yaml")
    shown = _message_boxes(monkeypatch)
    window = make_window(SEED_BRIEFING)
    window.new_from_article()
    assert len(shown) == 1 and shown[0].startswith("Cannot write ")
    assert not (tmp_path / "missing").exists()


def test_the_draft_banner_follows_the_draft_flag(make_window, seed_copy, qtbot):
    text = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text(text.replace("  dateline: ASTANA\n", "  dateline: ASTANA\n"
                                      "  draft: true\n", 1), encoding="utf-8")
    window = make_window(seed_copy)
    assert window.briefing().briefing.draft
    assert window.draft_banner.isVisible()
    seed_copy.write_text(text, encoding="utf-8")  # reviewed: the flag goes
    qtbot.waitUntil(lambda: not window.briefing().briefing.draft, timeout=3000)
    assert not window.draft_banner.isVisible()


def _long_article(path: Path, megabytes: float) -> Path:
    """Realistic prose (the seed) repeated: drafting takes seconds per megabyte."""
    base = SEED_ARTICLE.read_bytes()
    path.write_bytes(b"\n".join([base] * int(megabytes * 1024 * 1024 / len(base))))
    return path


def _watch_drafting(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """How each drafting ended ("done" or "cancelled"), and the event loop's ticks seen
    from inside it, recorded by a spy around the builder the window calls."""
    from desktop.core import extract

    real = extract.prepare_draft
    ended: list[str] = []

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            draft = real(*args, **kwargs)
        except extract.DraftCancelled:
            ended.append("cancelled")
            raise
        ended.append("done")
        return draft

    monkeypatch.setattr(extract, "prepare_draft", spy)
    return ended


@pytest.mark.timeout(60)
def test_a_long_article_is_drafted_with_the_window_live_and_a_progress_dialog(
        make_window, monkeypatch, tmp_path, qtbot):
    article = _long_article(tmp_path / "long.txt", 1.5)
    _dialogs(monkeypatch, article)
    ended = _watch_drafting(monkeypatch)
    window = make_window(SEED_BRIEFING)
    ticks_while_drafting: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks_while_drafting.append(1) if not ended else None)
    timer.start(20)
    shown: list[bool] = []
    QTimer.singleShot(600, lambda: shown.append(any(
        d.isVisible() for d in window.findChildren(QProgressDialog))))
    window.new_from_article()
    timer.stop()
    assert ended == ["done"] and window.current_path() == tmp_path / "long.yaml"
    # The event loop went on while the builder worked (in one call in the GUI thread, it
    # could not tick at all), and the progress dialog was up, then closed.
    assert len(ticks_while_drafting) >= 5 and shown == [True]
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))


@pytest.mark.timeout(60)
def test_cancel_stops_drafting_and_writes_nothing(make_window, monkeypatch, tmp_path):
    article = _long_article(tmp_path / "long.txt", 3)
    _dialogs(monkeypatch, article)
    ended = _watch_drafting(monkeypatch)
    window = make_window(SEED_BRIEFING)

    def cancel_when_shown() -> None:
        dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        if dialogs:
            dialogs[0].findChild(QPushButton).click()  # as the user does
        else:
            QTimer.singleShot(50, cancel_when_shown)

    QTimer.singleShot(50, cancel_when_shown)
    window.new_from_article()
    assert ended == ["cancelled"]  # the builder stopped, it did not run to the end
    assert sorted(p.name for p in tmp_path.iterdir()) == ["long.txt", "settings.ini"]
    assert window.current_path() == SEED_BRIEFING
