"""Writing a file the user asked for (a PDF, a draft, a screenshot): whole or not at all.

What the target is decides how it is written:

- a regular file, or nothing yet: a temporary file beside it, flushed to disk, then
  renamed over it, so a reader never sees half a file and a failure leaves the old one
  as it was. A new file gets the mode the user's umask gives (applied by the kernel
  when the temporary file is created, so the process umask is never changed); a file
  replaced keeps its mode.
- a symbolic link: the file it points to is the target, as for a shell's ``>``; the
  link stays a link.
- a named pipe or a character device (``/dev/null``, ``/dev/stdout`` on a terminal):
  written through, as a stream, never replaced by a file. A pipe nobody reads is
  refused at once instead of waiting forever.
- a folder, a block device or a socket: refused.

Temporary files are named ``.NAME.PID.TOKEN.part``; one left by a process that was
killed is removed by the next save to the same target (only the user's own, and only
when that process is gone or the file is a day old).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

Writer = Callable[[BinaryIO], object]

STALE_AFTER_S = 24 * 3600
_NAME_KEPT = 100  # of the target's name in a temporary name: NAME_MAX is 255 bytes


class SaveError(Exception):
    """The file could not be written; the message is one line naming it and why."""


def save(target: str | Path, content: bytes | Writer, *, private: bool = False,
         durable: bool = True) -> None:
    """Write ``content`` (bytes, or a function that writes to a binary stream) to
    ``target`` as the module docstring describes; raise SaveError, with the target left
    as it was, when that cannot be done. ``private`` makes a new file readable by its
    owner only (0600), whatever the umask; ``durable=False`` skips the flushes to disk
    (for a cache, which may lose a file to a crash but must never see half of one)."""
    target = Path(target)
    write: Writer = (lambda stream: stream.write(content)) if isinstance(content, bytes) \
        else content
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _error(target, exc) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(target, info, write)
        return
    # A link (even one to nothing yet) names the file it points to: replace that one.
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    _replace(real, target, write, info, private, durable)


def _write_through(target: Path, info: os.stat_result, write: Writer) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise SaveError(f"cannot write {target}: it is a folder")
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        kind = "a block device" if stat.S_ISBLK(mode) else "a socket or other special file"
        raise SaveError(f"cannot write {target}: it is {kind}; choose a file")
    try:
        # Non-blocking open: a pipe with no reader fails with ENXIO instead of hanging.
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise SaveError(f"cannot write {target}: it is a named pipe and nothing is "
                            "reading from it") from None
        raise _error(target, exc) from None
    try:
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb", closefd=False) as stream:
            write(stream)
    except OSError as exc:
        raise _error(target, exc) from None
    finally:
        os.close(fd)


def _replace(real: Path, target: Path, write: Writer, info: os.stat_result | None,
             private: bool, durable: bool) -> None:
    folder = real.parent
    _remove_stale(folder, real.name)
    temp = folder / f".{real.name[:_NAME_KEPT]}.{os.getpid()}.{os.urandom(4).hex()}.part"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC,
                     0o600 if private else 0o666)
    except OSError as exc:
        raise _error(target, exc) from None
    try:
        with _open_stream(fd) as stream:
            write(stream)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        if info is not None:
            os.chmod(temp, stat.S_IMODE(info.st_mode))
        os.replace(temp, real)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _error(target, exc) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if durable:
        _sync_folder(folder)


def _open_stream(fd: int) -> BinaryIO:
    return os.fdopen(fd, "wb")


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every file system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_stale(folder: Path, name: str) -> None:
    """Remove the user's own temporary files for this target that a killed process
    left: its process gone, or a day old. Someone else's are left alone."""
    prefix = f".{name[:_NAME_KEPT]}."
    now = time.time()
    try:
        candidates = [entry for entry in os.scandir(folder)
                      if entry.name.startswith(prefix) and entry.name.endswith(".part")]
    except OSError:
        return
    for entry in candidates:
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if info.st_uid != os.getuid() or not stat.S_ISREG(info.st_mode):
            continue
        pid = entry.name[len(prefix):].split(".", 1)[0]
        if now - info.st_mtime > STALE_AFTER_S or (pid.isdigit() and not _running(int(pid))):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def _error(target: Path, exc: OSError) -> SaveError:
    return SaveError(f"cannot write {target}: {exc.strerror or exc}")
