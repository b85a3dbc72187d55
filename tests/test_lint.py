"""The code base stays ruff-clean (run as a test so the README's one test line covers it)."""

import subprocess
import sys

from conftest import ROOT


def test_ruff_reports_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--output-format",
                             "concise", "desktop", "tests", "benchmarks"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
