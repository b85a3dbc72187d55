"""Live reload against the ways editors save a file.

Each case turns a good briefing bad by one way of saving (or by removing, replacing or
locking the file), then good again with a new title. Throughout, the window must keep
the last good briefing, show the banner while the file is bad, recover when it is good,
and never leave the event loop for more than 100 ms: a timer ticking every 2 ms records
the longest gap between its ticks while the edits happen.
"""

from __future__ import annotations

import builtins
import os
import re
import shutil
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SEED_BRIEFING
from generate_briefing import write
from PySide6.QtCore import Qt, QTimer

from desktop.core import textfile
from desktop.ui.mainwindow import MainWindow

TITLE_LINE = re.compile(r"^  title: .*$", re.MULTILINE)


class LoopWatch:
    """Records, while the edits happen, in which thread each load of a briefing ran and
    whether the event loop ticked meanwhile (a 2 ms timer)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from desktop.ui import briefing_file as module

        self.loads: list[tuple[bool, int]] = []  # (in the GUI thread, ticks meanwhile)
        self._ticks = 0
        self._active = False
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(2)
        self._timer.timeout.connect(self._tick)
        real = module.load_or_fail

        def watched(path: Path):  # type: ignore[no-untyped-def]
            if not self._active:  # the briefing opened before the edits
                return real(path)
            in_gui = threading.current_thread() is threading.main_thread()
            before = self._ticks
            result = real(path)
            if not in_gui:  # the worker waits for the loop to tick at least once
                deadline = time.monotonic() + 5
                while self._ticks == before and time.monotonic() < deadline:
                    time.sleep(0.001)
            self.loads.append((in_gui, self._ticks - before))
            return result

        monkeypatch.setattr(module, "load_or_fail", watched)

    def __enter__(self) -> LoopWatch:
        self._active = True
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._active = False
        self._timer.stop()

    def _tick(self) -> None:
        self._ticks += 1

    def assert_responsive(self, briefing_file: Path) -> None:
        """The big file (read again once it is good) was read in a worker while the loop
        went on ticking; the seed, read in milliseconds, in the GUI thread. (A missing or
        unreadable file is refused in the GUI thread, whatever its size was.)"""
        from desktop.ui.briefing_file import is_big

        assert self.loads, "nothing was loaded"
        in_workers = [ticks for in_gui, ticks in self.loads if not in_gui]
        assert all(ticks > 0 for ticks in in_workers), self.loads
        assert bool(in_workers) is is_big(briefing_file), self.loads


@pytest.fixture
def loop_watch(monkeypatch: pytest.MonkeyPatch) -> LoopWatch:
    return LoopWatch(monkeypatch)


def _retitled(text: str, title: str) -> str:
    return TITLE_LINE.sub(f'  title: "{title}"', text, count=1)


def _broken(text: str) -> str:
    return TITLE_LINE.sub("  title: [never closed", text, count=1)


# --- the ways of saving: each takes the file, the new bytes and a wait(ms) -------------

Wait = Callable[[int], None]


def truncate_then_write(path: Path, data: bytes, wait: Wait) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(0)
        handle.flush()
        wait(30)  # the empty file is on disk for a moment, as with a slow writer
        handle.write(data)


def temp_then_rename(path: Path, data: bytes, wait: Wait) -> None:
    temporary = path.with_name(f".{path.name}.swp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def burst_of_writes(path: Path, data: bytes, wait: Wait) -> None:
    """Five writes within 50 ms, the early ones partial, as a chunked writer leaves them."""
    for part in range(1, 5):
        path.write_bytes(data[:len(data) * part // 5])
        wait(10)
    path.write_bytes(data)


def delete_then_create(path: Path, data: bytes, wait: Wait) -> None:
    path.unlink()
    wait(20)
    path.write_bytes(data)


SAVES = [truncate_then_write, temp_then_rename, burst_of_writes,
         delete_then_create]


# --- the files -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated_source(tmp_path_factory) -> Path:
    return write(3000, tmp_path_factory.mktemp("generated") / "generated.yaml")


@pytest.fixture(params=["seed", "generated"])
def briefing_file(request, tmp_path: Path) -> Path:
    """A copy of the seed, or of a 3,000-entry generated briefing (loaded in a thread)."""
    source = SEED_BRIEFING if request.param == "seed" else request.getfixturevalue(
        "generated_source")
    article = source.parent / (source.stem + ".txt" if request.param == "seed"
                               else "article.txt")
    shutil.copy(article, tmp_path / article.name)
    target = tmp_path / source.name
    shutil.copy(source, target)
    return target


def _title(window: MainWindow) -> str:
    briefing = window.briefing()
    return briefing.briefing.title if briefing else ""


def _open(make_window, path: Path) -> MainWindow:
    window = make_window(path, tab="trade")  # the chart is the costliest page to refill
    window.entry_tab("trade").select_row(2)
    assert not window.banner.isVisible()
    return window


def _assert_kept(window: MainWindow, title: str) -> None:
    assert window.banner.isVisible()
    assert "last good version" in window.banner.title.text()
    assert _title(window) == title
    assert window.current_tab_name() == "trade"
    assert window.entry_tab("trade").selected_entry_index() == 2


def _assert_recovered(qtbot, window: MainWindow, title: str) -> None:
    qtbot.waitUntil(lambda: _title(window) == title and not window.loader.is_busy(),
                    timeout=10_000)
    assert not window.banner.isVisible()
    assert window.entry_tab("trade").selected_entry_index() == 2


@pytest.mark.parametrize("save", SAVES, ids=[s.__name__ for s in SAVES])
def test_bad_save_keeps_last_good_then_recovers(loop_watch, make_window, briefing_file, qtbot,
                                                save):
    window = _open(make_window, briefing_file)
    good_title = _title(window)
    text = briefing_file.read_text(encoding="utf-8")
    with loop_watch as meter:
        save(briefing_file, _broken(text).encode(), qtbot.wait)
        qtbot.waitUntil(lambda: window.banner.isVisible() and not window.loader.is_busy()
                        and "YAML syntax" in window.banner.lines()[0], timeout=10_000)
        _assert_kept(window, good_title)
        save(briefing_file, _retitled(text, "Saved again").encode(), qtbot.wait)
        _assert_recovered(qtbot, window, "Saved again")
    meter.assert_responsive(briefing_file)


def test_a_stalled_truncation_is_shown_then_recovers(loop_watch, make_window, briefing_file, qtbot):
    window = _open(make_window, briefing_file)
    good_title = _title(window)
    text = briefing_file.read_bytes()
    with loop_watch as meter:
        briefing_file.write_bytes(b"")
        qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
        _assert_kept(window, good_title)
        briefing_file.write_bytes(_retitled(text.decode(), "Written at last").encode())
        _assert_recovered(qtbot, window, "Written at last")
    meter.assert_responsive(briefing_file)


def test_a_burst_of_saves_ends_on_the_last_one(loop_watch, make_window, briefing_file, qtbot):
    window = _open(make_window, briefing_file)
    text = briefing_file.read_text(encoding="utf-8")
    results: list[str] = []
    window.loader.loaded.connect(lambda loaded, _reason: results.append("loaded"))
    window.loader.failed.connect(lambda _path, _lines, _reason: results.append("failed"))
    with loop_watch as meter:
        for number in range(5):  # five whole saves within 50 ms
            briefing_file.write_text(_retitled(text, f"Save {number}"), encoding="utf-8")
            qtbot.wait(10)
        _assert_recovered(qtbot, window, "Save 4")
        qtbot.wait(400)  # nothing more arrives: the burst was one reload
    assert results == ["loaded"]
    meter.assert_responsive(briefing_file)


def test_deleted_file_is_reported_and_picked_up_when_recreated(loop_watch, make_window,
                                                               briefing_file, qtbot):
    window = _open(make_window, briefing_file)
    good_title = _title(window)
    data = briefing_file.read_bytes()
    with loop_watch as meter:
        briefing_file.unlink()
        qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
        _assert_kept(window, good_title)
        assert "no such file" in window.banner.lines()[0]
        briefing_file.write_bytes(_retitled(data.decode(), "Back again").encode())
        _assert_recovered(qtbot, window, "Back again")
    meter.assert_responsive(briefing_file)


def test_file_replaced_by_a_directory_and_back(loop_watch, make_window, briefing_file, qtbot):
    window = _open(make_window, briefing_file)
    good_title = _title(window)
    data = briefing_file.read_bytes()
    with loop_watch as meter:
        briefing_file.unlink()
        briefing_file.mkdir()
        qtbot.waitUntil(lambda: window.banner.isVisible()
                        and "directory" in window.banner.lines()[0], timeout=10_000)
        _assert_kept(window, good_title)
        briefing_file.rmdir()
        briefing_file.write_bytes(_retitled(data.decode(), "A file again").encode())
        _assert_recovered(qtbot, window, "A file again")
    meter.assert_responsive(briefing_file)


@pytest.fixture
def permissions_enforced(monkeypatch):
    """Tests run as root here, for whom chmod 000 does not stop reading. Emulate an
    ordinary user: the briefing reader's open() refuses a file with no read bit, as the
    kernel would. The chmod itself is real, so the watcher sees a real change."""
    real_open = builtins.open

    def user_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if "r" in mode and isinstance(file, str | Path) and os.path.isfile(file) \
                and not os.stat(file).st_mode & (stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(textfile, "open", user_open, raising=False)


def test_unreadable_file_is_reported_and_recovers(loop_watch, make_window, briefing_file, qtbot,
                                                  permissions_enforced):
    window = _open(make_window, briefing_file)
    good_title = _title(window)
    with loop_watch as meter:
        briefing_file.chmod(0)
        qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
        _assert_kept(window, good_title)
        assert "permission denied" in window.banner.lines()[0]
        briefing_file.chmod(0o644)
        qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=10_000)
        assert _title(window) == good_title
    meter.assert_responsive(briefing_file)


def test_a_save_during_a_big_load_is_not_missed(make_window, briefing_file, qtbot,
                                                monkeypatch):
    """The second save lands after the worker thread read the first, and the first's
    result arrives before the second's debounce is over: the second must still load."""
    from desktop.ui import briefing_file as module

    window = _open(make_window, briefing_file)
    text = briefing_file.read_text(encoding="utf-8")
    real_load = module.load
    first_read, second_saved = threading.Event(), threading.Event()

    def load_then_wait(path: Path):  # type: ignore[no-untyped-def]
        loaded = real_load(path)
        if not second_saved.is_set():
            first_read.set()
            second_saved.wait(5)
        return loaded

    monkeypatch.setattr(module, "THREAD_ABOVE_BYTES", 0)
    monkeypatch.setattr(module, "load", load_then_wait)
    briefing_file.write_text(_retitled(text, "First"), encoding="utf-8")
    qtbot.waitUntil(first_read.is_set, timeout=5000)
    briefing_file.write_text(_retitled(text, "Second"), encoding="utf-8")
    second_saved.set()
    qtbot.waitUntil(lambda: _title(window) == "First", timeout=5000)
    _assert_recovered(qtbot, window, "Second")


def test_folder_removed_and_restored(loop_watch, make_window, briefing_file, qtbot):
    """As a branch switch or a sync tool does: the whole folder goes, then comes back."""
    window = _open(make_window, briefing_file)
    good_title = _title(window)
    folder = briefing_file.parent
    saved = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    with loop_watch as meter:
        shutil.rmtree(folder)
        qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
        _assert_kept(window, good_title)
        assert "no such file" in window.banner.lines()[0]
        folder.mkdir()
        qtbot.wait(300)  # the folder alone: the file is still missing
        for name, data in saved.items():
            (folder / name).write_bytes(
                _retitled(data.decode(), "Restored").encode() if name == briefing_file.name
                else data)
        _assert_recovered(qtbot, window, "Restored")
    meter.assert_responsive(briefing_file)
