"""Files over the size cap are refused in the window, at once, naming the limit and how
to raise it; the briefing on screen stays."""

from __future__ import annotations

import os

import pytest
from conftest import SEED_BRIEFING, refuse_reads

from desktop.core.textfile import MAX_BYTES_ENV

FIFTY_MB = 50 * 1024 * 1024
REFUSAL = (f"file is 50.0 MiB, over the 32.0 MiB limit (set {MAX_BYTES_ENV} to a larger "
           "number of bytes to open it)")


@pytest.fixture(autouse=True)
def default_limit(monkeypatch):
    monkeypatch.delenv(MAX_BYTES_ENV, raising=False)


def test_window_refuses_a_too_big_file_with_the_banner(make_window, tmp_path, qtbot,
                                                       monkeypatch):
    window = make_window(SEED_BRIEFING)
    huge = tmp_path / "huge.yaml"
    huge.touch()
    os.truncate(huge, FIFTY_MB)  # sparse: nothing is written, the size is what counts
    opened = refuse_reads(monkeypatch)
    window.open_file(huge)
    qtbot.waitUntil(lambda: window.banner.isVisible() and not window.loader.is_busy(),
                    timeout=5000)
    assert opened == [str(huge)]  # refused from its size, never read
    assert window.banner.lines() == [f"{huge}:1:1: {REFUSAL}"]
    assert "could not be opened; still showing" in window.banner.title.text()
    assert window.loaded().path == SEED_BRIEFING


def test_a_briefing_that_grows_over_the_limit_keeps_the_last_good(make_window, seed_copy,
                                                                  qtbot):
    window = make_window(seed_copy)
    title = window.briefing().briefing.title
    good = seed_copy.read_bytes()
    os.truncate(seed_copy, FIFTY_MB)
    qtbot.waitUntil(window.banner.isVisible, timeout=5000)
    assert window.banner.lines() == [f"{seed_copy}:1:1: {REFUSAL}"]
    assert "last good version" in window.banner.title.text()
    assert window.briefing().briefing.title == title
    seed_copy.write_bytes(good)
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=5000)
    assert window.briefing().briefing.title == title


@pytest.mark.timeout(20)
def test_window_refuses_a_named_pipe_without_hanging(make_window, tmp_path, qtbot):
    window = make_window(SEED_BRIEFING)
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    window.open_file(pipe)
    qtbot.waitUntil(lambda: window.banner.isVisible() and not window.loader.is_busy(),
                    timeout=5000)
    assert "not a regular file" in window.banner.lines()[0]
    assert window.loaded().path == SEED_BRIEFING


def test_a_100k_character_text_is_clipped_in_cells_and_title_bar_and_cut_in_panes(
        make_window, seed_copy, qtbot):
    from desktop.core.longtext import LINE_CHARS, PANE_CHARS

    long_name = "Нұрсұлтан Назарбаев مرحبا " * 4000  # 104,000 characters
    text = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text(text.replace("name: Nursultan Nazarbayev",
                                      f'name: "{long_name}"', 1), encoding="utf-8")
    text = seed_copy.read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("  title: "))
    seed_copy.write_text(text.replace(title_line, f'  title: "{long_name}"', 1),
                         encoding="utf-8")
    window = make_window(seed_copy, tab="leaders")
    assert window.windowTitle().startswith(long_name[:199] + "…")
    # A pane shows the first PANE_CHARS characters and says how many are left out.
    shown = " ".join(long_name[:PANE_CHARS].split())
    more = f"… ({len(long_name) - PANE_CHARS:,} more characters: Copy copies the " \
           "whole entry)"
    assert f"{shown} {more}" in window.overview_tab().text()
    tab = window.entry_tab("leaders")
    cell = tab.model.index(0, 0).data()
    assert len(cell) == LINE_CHARS and "…" in cell
    assert long_name.startswith(cell[:cell.index("…")])
    tab.select_row(0)
    assert f"{shown} {more}" in tab.detail.toPlainText()
