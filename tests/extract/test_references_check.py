"""The team's hand-made reference briefings are honest by the format's own rule: every
value stated in its entry's excerpts or marked inferred, added or derived."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main

HERE = Path(__file__).parent
REFERENCES = sorted([*(HERE / "articles").glob("*.yaml"), *(HERE / "heldout").glob("*.yaml")])


@pytest.mark.parametrize("reference", REFERENCES, ids=lambda p: p.stem)
def test_a_reference_briefing_passes_the_check(reference, capsys):
    assert main(["check", "-q", str(reference)]) == 0
    assert capsys.readouterr().out == ""


def test_there_are_references_to_check():
    assert len(REFERENCES) >= 4
