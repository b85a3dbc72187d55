"""What `-o` names decides how a PDF, a draft or a screenshot is written: a file is replaced
whole, a link's file is replaced and the link kept, a pipe or a character device is written
through and never replaced, anything else is refused; new files follow the umask, and
temporary files a killed process left are cleaned up."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEED_BRIEFING, run_cli

from desktop.core.savefile import STALE_AFTER_S, SaveError, save


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_regular_file_is_replaced_whole_and_keeps_its_mode(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    save(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _temps(tmp_path) == []


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path, umask):
    # In a child process: the umask is process-wide, and the writer must never touch it.
    target = tmp_path / "new.yaml"
    code = ("import os, sys; os.umask(int(sys.argv[2], 8)); "
            "from desktop.core.savefile import save; save(sys.argv[1], b'x'); "
            "print(oct(os.umask(0)))")
    result = subprocess.run([sys.executable, "-c", code, str(target), oct(umask)[2:]],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert result.stdout.strip() == oct(umask)  # unchanged by the save


def test_private_files_are_for_their_owner_only_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        save(tmp_path / "cache.pickle", b"x", private=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "cache.pickle").stat().st_mode) == 0o600


def test_a_link_is_kept_and_the_file_it_points_to_is_replaced(tmp_path):
    real = tmp_path / "real" / "handout.pdf"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "latest.pdf"
    link.symlink_to(real)
    save(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new"
    assert _temps(real.parent) == [] and _temps(tmp_path) == []


def test_a_dangling_link_creates_the_file_it_names(tmp_path):
    link = tmp_path / "latest.pdf"
    link.symlink_to(tmp_path / "made.pdf")
    save(link, b"new")
    assert link.is_symlink() and (tmp_path / "made.pdf").read_bytes() == b"new"


class _PipeReader(threading.Thread):
    """Holds a named pipe open for reading (so a writer may open it at once) and collects
    what one writer sends, until that writer closes it."""

    def __init__(self, fifo: Path) -> None:
        super().__init__(daemon=True)
        self.fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        os.set_blocking(self.fd, True)
        self.data = b""
        self.start()

    def run(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            chunk = os.read(self.fd, 1 << 16)
            if chunk:
                self.data += chunk
            elif self.data:  # the writer came and went
                break
            else:  # no writer yet: a pipe without one reads as at its end
                time.sleep(0.01)
        os.close(self.fd)


@pytest.mark.timeout(20)
def test_a_named_pipe_is_written_through_to_its_reader(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = _PipeReader(fifo)
    save(fifo, b"%PDF " * 50_000)  # more than a pipe's buffer
    reader.join()
    assert reader.data == b"%PDF " * 50_000
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still a pipe


@pytest.mark.timeout(10)
def test_a_named_pipe_nobody_reads_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(SaveError, match="it is a named pipe and nothing is reading from it"):
        save(fifo, b"x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_character_device_is_written_through_never_replaced():
    before = os.stat("/dev/null")
    save("/dev/null", b"discarded")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert after.st_ino == before.st_ino


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(SaveError, match="it is a folder"):
        save(tmp_path, b"x")
    with pytest.raises(SaveError, match="it is a folder"):
        (tmp_path / "link").symlink_to(tmp_path)
        save(tmp_path / "link", b"x")


def test_a_socket_is_refused(tmp_path):
    import socket

    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(SaveError, match="it is a socket"):
            save(path, b"x")
    assert stat.S_ISSOCK(path.lstat().st_mode)


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")

    def explode(stream) -> None:
        stream.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(SaveError, match=r"cannot write .*out\.pdf: No space left on device"):
        save(target, explode)
    assert target.read_bytes() == b"old" and _temps(tmp_path) == []


def test_temporary_files_of_a_killed_writer_are_removed_by_the_next_save(tmp_path):
    target = tmp_path / "out.pdf"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a pid that no longer runs
    dead = tmp_path / f".out.pdf.{gone.pid}.0badc0de.part"
    dead.write_bytes(b"half a PDF")
    alive = tmp_path / f".out.pdf.{os.getppid()}.0badc0de.part"  # a running process's
    alive.write_bytes(b"in progress")
    old = tmp_path / ".out.pdf.a1b2c3d4.part"  # the older naming, a day and more old
    old.write_bytes(b"ancient")
    os.utime(old, (time.time() - STALE_AFTER_S - 60,) * 2)
    recent_old = tmp_path / ".out.pdf.e5f6a7b8.part"  # the older naming, recent
    recent_old.write_bytes(b"maybe in progress")
    other = tmp_path / ".other.pdf.1.0badc0de.part"  # another target's
    other.write_bytes(b"not ours to judge")
    save(target, b"new")
    assert _temps(tmp_path) == sorted(p.name for p in (alive, recent_old, other))


@pytest.mark.timeout(60)
@pytest.mark.parametrize("command", ["export", "build"])
def test_the_command_line_writes_through_a_pipe_and_leaves_it_a_pipe(tmp_path, command):
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    reader = _PipeReader(fifo)
    source = SEED_BRIEFING if command == "export" else SEED_BRIEFING.with_suffix(".txt")
    result = run_cli(command, str(source), "-o", str(fifo))
    reader.join()
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert reader.data.startswith(b"%PDF-" if command == "export" else b"# yaml-language")


def test_the_command_line_refuses_a_pipe_nobody_reads_with_one_line(tmp_path):
    fifo = tmp_path / "out.pdf"
    os.mkfifo(fifo)
    result = run_cli("export", str(SEED_BRIEFING), "-o", str(fifo))
    assert result.returncode == 2
    assert result.stderr == (f"briefing export: cannot write {fifo}: it is a named pipe and "
                             "nothing is reading from it\n")
