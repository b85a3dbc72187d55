"""Big briefings: loaded off the UI thread, listed without a widget per row."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import SEED_BRIEFING
from generate_briefing import write
from PySide6.QtWidgets import QApplication

from desktop.ui import briefing_file
from desktop.ui.pages import EntryPage


def test_big_files_load_in_a_thread_and_stale_results_are_dropped(make_window, qtbot,
                                                                  monkeypatch, seed_copy):
    monkeypatch.setattr(briefing_file, "THREAD_ABOVE_BYTES", 0)
    window = make_window()
    window.open_file(SEED_BRIEFING)
    window.open_file(seed_copy)  # asked for while the first still loads
    assert window.loader.is_busy()
    assert window.overview_tab().text() == f"Loading {seed_copy.name}…"
    qtbot.waitUntil(lambda: not window.loader.is_busy(), timeout=10_000)
    assert window.current_path() == seed_copy
    assert window.loaded().path == seed_copy


def _widgets_after_showing_every_tab(make_window, path: Path) -> tuple[int, int]:
    window = make_window(path)
    for name in window.tab_names:
        window.select_tab(name)
        QApplication.processEvents()
    rows = sum(page.tab().model.rowCount() for page in window.tabs.pages
               if isinstance(page, EntryPage))
    return len(window.findChildren(object)), rows


def test_widget_count_does_not_grow_with_the_number_of_entries(make_window, tmp_path):
    small = write(100, tmp_path / "small" / "b.yaml")
    large = write(2000, tmp_path / "large" / "b.yaml")
    small_objects, small_rows = _widgets_after_showing_every_tab(make_window, small)
    large_objects, large_rows = _widgets_after_showing_every_tab(make_window, large)
    assert large_rows == 2000 and small_rows == 100
    assert abs(large_objects - small_objects) < 20


def test_many_events_are_drawn_as_a_histogram(make_window, tmp_path):
    window = make_window(write(400, tmp_path / "b.yaml"), tab="timeline")
    chart = window.entry_tab("timeline").header
    assert chart.is_histogram()
    chart.grab()  # paints without error


def test_editing_the_article_withdraws_it_until_the_briefing_names_it_again(
        make_window, seed_copy, qtbot):
    # An edited article no longer backs the excerpts: the window stops showing and
    # searching it at once, says why with the fix, and shows it again once the briefing
    # gives its new sha256.
    window = make_window(seed_copy, tab="source")
    article = seed_copy.with_suffix(".txt")
    changed = ("ASTANA – changed.\n" + article.read_text(encoding="utf-8")).encode("utf-8")
    article.write_bytes(changed)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=3000)
    assert "is not the file this briefing was made from" in window.banner.lines()[0]
    assert window.source_tab().view.toPlainText() == ""
    assert window.loaded().article is None
    old_sha = window.loaded().briefing.briefing.article.sha256
    new_sha = hashlib.sha256(changed).hexdigest()
    assert f"set sha256 to {new_sha}" in window.banner.lines()[0]
    seed_copy.write_text(seed_copy.read_text(encoding="utf-8").replace(old_sha, new_sha),
                         encoding="utf-8")
    qtbot.waitUntil(lambda: window.source_tab().view.toPlainText().startswith(
        "ASTANA – changed."), timeout=3000)
    assert not window.banner.isVisible()
