"""Failures leave any existing PDF untouched and no temporary files; the CLI says why in
one line and exits 2."""

from __future__ import annotations

import errno
import io
import os
import shutil
import stat
from pathlib import Path

import pytest
from conftest import SEED_ARTICLE, SEED_BRIEFING, run_cli
from export.export_helpers import no_temp_files
from pypdf import PdfReader

OLD = b"%PDF-1.4 the previous export, which must survive\n"


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)
    return target


def _one_line_error(result) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("briefing export: ")
    return lines[0]


def test_cli_writes_a_complete_pdf_and_says_so(existing):
    result = run_cli("export", str(SEED_BRIEFING), "-o", str(existing), "--page-size",
                     "Letter")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{existing}: ") and "pages" in result.stdout
    reader = PdfReader(existing)
    assert len(reader.pages) >= 5 and reader.pages[0].mediabox.width == 612
    assert no_temp_files(existing.parent)


def _drop_root_override() -> list[str]:
    """As root, permissions are not checked; run without the capabilities that skip them."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a read-only folder cannot be made")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def test_read_only_folder_leaves_the_old_file(existing):
    import subprocess
    import sys

    from conftest import ROOT

    prefix = _drop_root_override()
    folder = existing.parent
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "desktop", "export", str(SEED_BRIEFING), "-o",
             str(existing)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    finally:
        folder.chmod(stat.S_IRWXU)
    line = _one_line_error(result)
    assert "Permission denied" in line and str(existing) in line
    assert existing.read_bytes() == OLD
    assert no_temp_files(folder)


def test_missing_folder(tmp_path):
    line = _one_line_error(run_cli("export", str(SEED_BRIEFING), "-o",
                                   str(tmp_path / "nowhere" / "out.pdf")))
    assert "No such file or directory" in line


def test_bad_briefing_leaves_the_old_file(tmp_path, existing):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nbriefing: {title: x}\nleaders: 3\n", encoding="utf-8")
    line = _one_line_error(run_cli("export", str(bad), "-o", str(existing)))
    assert f"{bad}:" in line and "more; see briefing check" in line
    assert existing.read_bytes() == OLD
    assert no_temp_files(existing.parent)


def test_missing_briefing(existing):
    line = _one_line_error(run_cli("export", str(existing.parent / "none.yaml"), "-o",
                                   str(existing)))
    assert "cannot read" in line
    assert existing.read_bytes() == OLD


def test_missing_article(seed_copy, existing):
    (seed_copy.parent / SEED_ARTICLE.name).unlink()
    line = _one_line_error(run_cli("export", str(seed_copy), "-o", str(existing)))
    assert "cannot read the article" in line
    assert existing.read_bytes() == OLD


def test_refuses_to_overwrite_the_briefing(seed_copy):
    before = seed_copy.read_bytes()
    line = _one_line_error(run_cli("export", str(seed_copy), "-o", str(seed_copy)))
    assert "is the briefing or its article" in line
    assert seed_copy.read_bytes() == before


@pytest.mark.parametrize("args", [[], ["FILE"], ["FILE", "-o", "x.pdf", "--page-size", "A3"]])
def test_usage_errors_exit_2(args):
    args = [str(SEED_BRIEFING) if a == "FILE" else a for a in args]
    result = run_cli("export", *args)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "usage" not in result.stdout


class _DiskFullAfter(io.BufferedWriter):
    """A file that accepts some bytes and then fails as a full disk does."""

    def __init__(self, fd: int, limit: int) -> None:
        super().__init__(io.FileIO(fd, "wb"))
        self.left = limit

    def write(self, data) -> int:
        if len(data) > self.left:
            super().write(bytes(data[:self.left]))
            self.left = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.left -= len(data)
        return super().write(data)


def test_disk_full_mid_write_leaves_the_old_file(qapp, monkeypatch, existing, seed,
                                                 seed_article):
    from desktop.core import savefile
    from desktop.export import ExportError, export_pdf

    written: list[Path] = []

    def fake_open(fd: int) -> _DiskFullAfter:
        written.extend(p for p in existing.parent.iterdir() if p.name.endswith(".part"))
        return _DiskFullAfter(fd, 4096)

    monkeypatch.setattr(savefile, "_open_stream", fake_open)
    with pytest.raises(ExportError, match="No space left on device"):
        export_pdf(seed, seed_article, existing)
    assert written, "the export never reached the disk"
    assert existing.read_bytes() == OLD
    assert no_temp_files(existing.parent)


def test_render_failure_leaves_the_old_file(qapp, monkeypatch, existing, seed, seed_article):
    from desktop.export import ExportError, RenderError, export_pdf
    from desktop.export import pdf as pdf_module

    def broken(*args, **kwargs):
        raise RenderError("the output device could not start a new page")

    monkeypatch.setattr(pdf_module, "paint_briefing", broken)
    with pytest.raises(ExportError, match="could not start a new page"):
        export_pdf(seed, seed_article, existing)
    assert existing.read_bytes() == OLD
    assert no_temp_files(existing.parent)


def test_unexpected_error_while_writing_cleans_up(existing):
    from desktop.core.savefile import save

    def explode(stream) -> None:
        stream.write(b"half a PDF")
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError, match="bug"):
        save(existing, explode)
    assert existing.read_bytes() == OLD
    assert no_temp_files(existing.parent)


def test_output_that_is_a_folder(tmp_path, seed, seed_article, qapp):
    from desktop.export import ExportError, export_pdf

    with pytest.raises(ExportError, match="it is a folder"):
        export_pdf(seed, seed_article, tmp_path)
    assert no_temp_files(tmp_path)


def test_a_briefing_beyond_qts_layout_limit_is_refused_cleanly(qapp, monkeypatch, existing,
                                                               seed, seed_article):
    from desktop.export import ExportError, export_pdf, paginate

    # The real limit (2**23 dots, ~9,900 pages) takes a 100,000-entry briefing to reach;
    # lowering it exercises the same path on the seed.
    monkeypatch.setattr(paginate, "MAX_HEIGHT", 2_000)
    with pytest.raises(ExportError, match="too long to lay out"):
        export_pdf(seed, seed_article, existing)
    assert existing.read_bytes() == OLD
    assert no_temp_files(existing.parent)


def test_unreadable_qt_output_is_a_finish_error():
    from datetime import UTC, datetime

    from desktop.export.pdfpost import FinishError, finish

    with pytest.raises(FinishError, match="could not be read back"):
        finish(b"%PDF-1.4\nnot really a PDF\n", page_count=1, outline=[], destinations=[],
               info={}, moment=datetime(2017, 11, 30, tzinfo=UTC))


@pytest.mark.parametrize(("old", "new", "problem"), [
    ("value: 441.4", "value: " + "9" * 400,
     "175:12: trade_statistics[0].value: 99999999999999999999... is too long for a number "
     "(400 characters; a number has at most 15 significant digits)"),
    ("arithmetic: 441.4 / (1 + 60 / 100)", "arithmetic: '" + "-" * 10_000 + "1'",
     "198:19: trade_statistics[1].derived.arithmetic: the arithmetic is 10,001 characters "
     "long; at most 500"),
])
def test_a_number_out_of_bounds_is_one_line_and_leaves_the_old_file(tmp_path, existing, old,
                                                                    new, problem):
    # These were an OverflowError and a MemoryError traceback.
    shutil.copy(SEED_ARTICLE, tmp_path)
    briefing = tmp_path / SEED_BRIEFING.name
    text = SEED_BRIEFING.read_text(encoding="utf-8")
    briefing.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_cli("export", str(briefing), "-o", str(existing))
    assert _one_line_error(result) == f"briefing export: {briefing}:{problem}"
    assert existing.read_bytes() == OLD
    assert no_temp_files(existing.parent)
