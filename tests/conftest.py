"""Shared test set-up: Qt offscreen before anything imports it, and common paths."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

# Set before Qt is imported anywhere, so no test ever needs a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_HASH_SEED", "0")
# The validated-briefing cache goes to a fresh folder, never the user's ~/.cache, and
# leaves with the test session.
os.environ["BRIEFING_CACHE_DIR"] = tempfile.mkdtemp(prefix="briefing-cache-")
atexit.register(shutil.rmtree, os.environ["BRIEFING_CACHE_DIR"], ignore_errors=True)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_BRIEFING = SEEDS / "kazakhstan-belarus-state-visit-2017-11.yaml"
SEED_ARTICLE = SEEDS / "kazakhstan-belarus-state-visit-2017-11.txt"


@pytest.fixture
def seed_briefing_path() -> Path:
    return SEED_BRIEFING


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The seed briefing and its article copied to a temporary folder, free to edit."""
    (tmp_path / SEED_ARTICLE.name).write_bytes(SEED_ARTICLE.read_bytes())
    target = tmp_path / SEED_BRIEFING.name
    target.write_bytes(SEED_BRIEFING.read_bytes())
    return target


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    """Run `python -m desktop ARGS` in a subprocess; returns the CompletedProcess."""
    import subprocess

    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=cwd or ROOT,
                          env=full_env, capture_output=True, text=True, timeout=120)


def refuse_reads(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Make any read of a user's file fail the test (a refusal must come before it)."""
    from desktop.core import textfile

    real_open = open
    opened: list[str] = []

    class NoReads:
        def __init__(self, handle) -> None:  # type: ignore[no-untyped-def]
            self._handle = handle

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()

        def fileno(self) -> int:
            return self._handle.fileno()

        def read(self, *_args: object) -> bytes:
            raise AssertionError("the file was read before being refused")

    def watched_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(file))
        return NoReads(real_open(file, *args, **kwargs))

    monkeypatch.setattr(textfile, "open", watched_open, raising=False)
    return opened
