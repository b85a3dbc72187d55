"""Values of the format's fixed vocabulary (an agreement's status and kind, a statement's
kind) as words: ``in_force`` is "in force" in every view."""

from __future__ import annotations


def term(value: str) -> str:
    return value.replace("_", " ")
