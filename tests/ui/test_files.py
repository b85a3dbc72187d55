"""Opening, reloading, dropping and remembering files; bad files never crash."""

from __future__ import annotations

import os
import re
from pathlib import Path

from conftest import SEED_ARTICLE, SEED_BRIEFING
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from desktop.ui.mainwindow import MainWindow

PROBLEM_LINE = re.compile(r"^.+:\d+:\d+: .+$")
OLD_TITLE = "Nazarbayev in Minsk: talks with Lukashenko and the CSTO anniversary session"


def _title(window: MainWindow) -> str:
    return window.briefing().briefing.title if window.briefing() else ""


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_valid_edit_reloads_keeping_tab_and_entry(make_window, seed_copy, qtbot):
    window = make_window(seed_copy, tab="agreements")
    window.entry_tab("agreements").select_row(2)
    _edit(seed_copy, f'title: "{OLD_TITLE}"', 'title: "Edited title"')
    qtbot.waitUntil(lambda: _title(window) == "Edited title", timeout=3000)
    assert window.current_tab_name() == "agreements"
    assert window.entry_tab("agreements").selected_entry_index() == 2
    assert "Edited title" in window.overview_tab().text().splitlines()
    assert not window.banner.isVisible()


def test_rename_save_is_seen_and_watched_again(make_window, seed_copy, qtbot):
    window = make_window(seed_copy)
    for title in ("First save", "Second save"):
        text = seed_copy.read_text(encoding="utf-8")
        fresh = seed_copy.with_name("tmp-save.yaml")
        fresh.write_text(re.sub(r'title: "Nazarbayev[^"]*"|title: "[^"]* save"',
                                f'title: "{title}"', text, count=1), encoding="utf-8")
        os.replace(fresh, seed_copy)
        qtbot.waitUntil(lambda t=title: _title(window) == t, timeout=3000)
    assert str(seed_copy) in window.watcher.watched_files()


def test_invalid_edit_keeps_the_last_good_briefing_and_lists_problems(make_window, seed_copy,
                                                                       qtbot):
    window = make_window(seed_copy, tab="leaders")
    window.entry_tab("leaders").select_row(1)
    _edit(seed_copy, "    role: President\n    country: Belarus",
          "    role: President\n    country: [not, a, string]")
    _edit(seed_copy, "status: signed", "status: maybe")
    qtbot.waitUntil(window.banner.isVisible, timeout=3000)
    lines = window.banner.lines()
    assert len(lines) == 2 and all(PROBLEM_LINE.match(line) for line in lines), lines
    assert all(line.startswith(str(seed_copy)) for line in lines)
    assert "last good version" in window.banner.title.text()
    assert _title(window) == OLD_TITLE
    assert window.current_tab_name() == "leaders"
    assert window.entry_tab("leaders").selected_entry_index() == 1
    # Fixing the file brings the new content and removes the banner.
    seed_copy.write_text(SEED_BRIEFING.read_text(encoding="utf-8").replace(
        OLD_TITLE, "Fixed"), encoding="utf-8")
    qtbot.waitUntil(lambda: _title(window) == "Fixed", timeout=3000)
    assert not window.banner.isVisible()


def test_bad_file_at_start_shows_the_banner(make_window, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nbriefing: [unclosed\n", encoding="utf-8")
    window = make_window(bad)
    assert window.banner.isVisible()
    assert "could not be opened" in window.banner.title.text()
    assert all(PROBLEM_LINE.match(line) for line in window.banner.lines())
    assert window.briefing() is None
    assert window.entry_tab("leaders").model.rowCount() == 0


def test_missing_file_and_bad_file_while_one_is_open(make_window, tmp_path):
    window = make_window(SEED_BRIEFING)
    window.open_file(tmp_path / "missing.yaml")
    assert window.banner.isVisible()
    assert "cannot read" in window.banner.lines()[0]
    not_yaml = tmp_path / "binary.yaml"
    not_yaml.write_bytes(b"\xff\xfe\x00garbage")
    window.open_file(not_yaml)
    assert window.banner.isVisible() and "still showing" in window.banner.title.text()
    assert _title(window) == OLD_TITLE


def test_missing_article_still_shows_the_briefing(make_window, tmp_path):
    lonely = tmp_path / SEED_BRIEFING.name
    lonely.write_bytes(SEED_BRIEFING.read_bytes())
    window = make_window(lonely)
    assert _title(window) == OLD_TITLE
    assert window.source_tab().info.text().startswith("The article is not shown")
    assert window.banner.isVisible()
    assert window.banner.lines() == [
        f"{lonely}:25:11: briefing.article.path: cannot read the article "
        f"'{SEED_ARTICLE.name}': no such file"]


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_dropping_a_yaml_file_opens_it(make_window, seed_copy, tmp_path):
    window = make_window()
    note = tmp_path / "note.txt"
    note.write_text("not a briefing")
    text_only = _mime(note)  # kept alive: the event holds only a pointer to it
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, text_only,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()
    mime = _mime(note, seed_copy)
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert window.current_path() == seed_copy
    assert _title(window) == OLD_TITLE


def test_recent_files_are_remembered_most_recent_first(make_window, seed_copy, settings,
                                                       qtbot):
    window = make_window(SEED_BRIEFING)
    window.open_file(seed_copy)
    # Written once the briefing has been painted (the first paint does not wait for it).
    qtbot.waitUntil(lambda: window.recent.paths() == [str(seed_copy), str(SEED_BRIEFING)])
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.recent_menu.refill()
    actions = [a for a in again.recent_menu.actions() if a.text().endswith(".yaml")]
    assert [a.text() for a in actions] == [str(seed_copy), str(SEED_BRIEFING)]
    actions[1].trigger()
    assert again.current_path() == SEED_BRIEFING
    again.close()  # before its first paint: what it opened is remembered all the same
    assert again.recent.paths()[0] == str(SEED_BRIEFING)


def test_reopening_the_latest_file_leaves_the_settings_file_alone(make_window, seed_copy,
                                                                 settings, qtbot):
    # Writing the settings syncs them to disk; a start on the latest file need not wait.
    window = make_window(seed_copy)
    stored = Path(settings.fileName()).stat()
    window.reload()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    window.open_file(seed_copy)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    assert window.recent.paths() == [str(seed_copy)]
    after = Path(settings.fileName()).stat()
    assert (after.st_ino, after.st_mtime_ns) == (stored.st_ino, stored.st_mtime_ns)


def test_window_geometry_is_remembered(make_window, settings, qtbot):
    window = make_window(SEED_BRIEFING)
    window.resize(700, 520)
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 520)


def test_html_in_a_briefing_is_shown_literally(make_window, seed_copy, qtbot):
    _edit(seed_copy, f'title: "{OLD_TITLE}"',
          "title: \"<b>Bold</b> <img src=file:///etc/passwd>\"")
    _edit(seed_copy, "name: Nursultan Nazarbayev", "name: \"<i>Nazarbayev</i>\"")
    window = make_window(seed_copy, tab="leaders")
    literal = "<b>Bold</b> <img src=file:///etc/passwd>"
    overview = window.overview_tab()
    assert overview.text().splitlines()[0] == literal
    assert "<img" not in overview.page.toHtml()  # escaped, never an image element
    assert literal in window.windowTitle()
    tab = window.entry_tab("leaders")
    assert tab.model.index(0, 0).data() == "<i>Nazarbayev</i>"
    tab.select_row(0)
    assert tab.detail.toPlainText().splitlines()[0] == "<i>Nazarbayev</i>"
    assert "<i>" not in tab.detail.toHtml().replace("&lt;i&gt;", "")


def test_f5_reloads_and_an_excerpt_missing_from_the_article_is_flagged(make_window, seed_copy):
    from desktop.ui.actions import Act

    window = make_window(seed_copy, tab="agreements")
    window.watcher.clear()  # only F5 may reload here
    _edit(seed_copy, '"The talks also resulted in signed agreements',
          '"The talks never resulted in signed agreements')
    window.actions_by_id[Act.RELOAD].trigger()
    tab = window.entry_tab("agreements")
    assert tab.selected_entry_index() == 0
    assert "not found in the article" in tab.detail.toPlainText()
    tab.select_row(1)
    assert "not found in the article" not in tab.detail.toPlainText()


# The 400-digit integer opened (and crashed the Trade tab's chart), the 10,000-term sum
# raised RecursionError, and 1e999 - 1e999 opened as a valid briefing; now each file's one
# problem is named in the banner.
NUMBERS_OUT_OF_BOUNDS = {
    "a 400-digit integer": (
        "value: 441.4", "value: " + "9" * 400,
        "175:12: trade_statistics[0].value: 99999999999999999999... is too long for a number "
        "(400 characters; a number has at most 15 significant digits)"),
    "a sum of 10,000 terms": (
        "arithmetic: 441.4 / (1 + 60 / 100)", "arithmetic: " + "+".join(["1"] * 10_000),
        "198:19: trade_statistics[1].derived.arithmetic: the arithmetic is 19,999 characters "
        "long; at most 500"),
    "NaN from arithmetic": (
        "arithmetic: 441.4 / (1 + 60 / 100)", "arithmetic: 1e999 - 1e999",
        "198:19: trade_statistics[1].derived.arithmetic: '1e999 - 1e999': 1e999 is too large "
        "(a number is less than 10^15 in size)"),
}


def test_a_number_out_of_bounds_shows_the_banner_at_start(make_window, seed_copy):
    for old, new, problem in NUMBERS_OUT_OF_BOUNDS.values():
        seed_copy.write_bytes(SEED_BRIEFING.read_bytes())
        _edit(seed_copy, old, new)
        window = make_window(seed_copy)
        assert window.banner.isVisible()
        assert "could not be opened" in window.banner.title.text()
        assert window.banner.lines() == [f"{seed_copy}:{problem}"]
        assert window.briefing() is None
        window.close()
