"""Validated briefings kept on disk, keyed by the exact bytes of the file.

Composing and validating YAML is slow for a big briefing (libyaml's Python binding
builds a million nodes for 50,000 entries); unpickling the same validated model is far
faster. Files the fast reader (fastread.py) takes are not stored: pickling them would
cost as much as reading them again. The key is the SHA-256 of the file's bytes and of
the code that validates them, so a cached briefing is always what a fresh load would
give: an edited file or a changed validator is simply a miss. Only valid briefings are
cached: problems need the YAML's line and column, so a bad file is always parsed afresh.
Any cache trouble (unwritable folder, a damaged entry) is a miss, never an error the user
sees.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from . import gcpause
from .model import Briefing

CACHE_ENV = "BRIEFING_CACHE_DIR"  # a folder, or "off" to disable the cache
MAX_ENTRIES = 16
# Only the exact reader's results are stored, so only its code is in the key.
_CODE = ("model.py", "rules.py", "numeric.py", "validate.py", "yamlread.py", "textfile.py",
         "cache.py")
_salt: bytes | None = None


def cache_dir() -> Path | None:
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return None if configured in ("", "off") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefing-viewer" / "validated"


def _key(data: bytes) -> str:
    global _salt
    if _salt is None:
        here = Path(__file__).parent
        digest = hashlib.sha256(pickle.format_version.encode())
        for name in _CODE:
            digest.update((here / name).read_bytes())
        _salt = digest.digest()
    return hashlib.sha256(_salt + data).hexdigest()


def get(data: bytes) -> Briefing | None:
    """The briefing validated earlier from exactly these bytes, if the cache has it."""
    folder = cache_dir()
    if folder is None:
        return None
    entry = folder / f"{_key(data)}.pickle"
    try:
        raw = entry.read_bytes()
    except OSError:
        return None
    try:
        with gcpause.paused():  # hundreds of thousands of new objects, none cyclic
            briefing = pickle.loads(raw)
    except Exception:  # a damaged or foreign entry: forget it, load afresh
        entry.unlink(missing_ok=True)
        return None
    if not isinstance(briefing, Briefing):
        entry.unlink(missing_ok=True)
        return None
    os.utime(entry)  # recently used: pruned last
    return briefing


def put(data: bytes, briefing: Briefing) -> None:
    """Remember a briefing validated from ``data`` (atomically; failures are ignored)."""
    folder = cache_dir()
    if folder is None:
        return
    from .savefile import SaveError, save  # only on a miss

    try:
        folder.mkdir(parents=True, exist_ok=True)
        save(folder / f"{_key(data)}.pickle",
             lambda out: pickle.dump(briefing, out, protocol=pickle.HIGHEST_PROTOCOL),
             private=True, durable=False)
        _prune(folder)
    except (OSError, SaveError, pickle.PicklingError, RecursionError):
        return


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[MAX_ENTRIES:]:
        stale.unlink(missing_ok=True)
