"""The seed briefing loads and is faithful to its article."""

from conftest import SEED_BRIEFING, run_cli

from desktop.core.load import load_document
from desktop.core.provenance import check_document


def test_seed_briefing_loads_and_checks_clean():
    document = load_document(SEED_BRIEFING)
    assert check_document(document) == []


def test_briefing_check_on_seed_exits_zero():
    result = run_cli("check", str(SEED_BRIEFING))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("every excerpt found in the article)")
