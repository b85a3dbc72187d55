"""Where the bundled files are: beside the package in a wheel, at the repository root in a
checkout (an editable install reads the files in place, so edits show at once)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_BUNDLED = _PACKAGE / "_data"  # filled by the wheel build (see pyproject.toml)


def _data_dir(name: str) -> Path:
    bundled = _BUNDLED / name
    return bundled if bundled.is_dir() else _PACKAGE.parent / name


def resources_dir() -> Path:
    return _data_dir("resources")


def seeds_dir() -> Path:
    return _data_dir("seeds")


def seed_briefing() -> Path:
    """The briefing the window opens when given no file."""
    return seeds_dir() / "kazakhstan-belarus-state-visit-2017-11.yaml"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
