"""Exporting over a PDF that another program holds open (a viewer showing last week's
handout): the new file replaces it whole, and the reader keeps the old bytes it opened."""

from __future__ import annotations

from conftest import SEED_BRIEFING, run_cli
from export.export_helpers import no_temp_files
from pypdf import PdfReader


def test_export_over_a_file_open_elsewhere(tmp_path):
    target = tmp_path / "handout.pdf"
    old = b"%PDF-1.4 last week's handout\n"
    target.write_bytes(old)
    with open(target, "rb") as reader_elsewhere:
        result = run_cli("export", str(SEED_BRIEFING), "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert reader_elsewhere.read() == old  # its view is whole, never half-replaced
    assert len(PdfReader(target).pages) >= 5
    assert no_temp_files(tmp_path)
