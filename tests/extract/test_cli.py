"""`briefing build`: exit codes, one-line errors, atomic output, stdout."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEED_ARTICLE, run_cli


def _copy_seed(tmp_path: Path) -> Path:
    article = tmp_path / SEED_ARTICLE.name
    shutil.copy(SEED_ARTICLE, article)
    return article


def test_build_writes_a_draft_that_checks(tmp_path: Path):
    article = _copy_seed(tmp_path)
    out = tmp_path / "out.yaml"
    result = run_cli("build", str(article), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    check = run_cli("check", str(out))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "draft: true" in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [article.name, "out.yaml"]


def test_a_draft_in_a_subfolder_names_the_article_above_it_by_a_copy(tmp_path: Path):
    # A briefing reads its article only inside its own folder, so the article travels with
    # a draft written elsewhere, and the user is told.
    article = _copy_seed(tmp_path)
    out = tmp_path / "drafts" / "out.yaml"
    out.parent.mkdir()
    result = run_cli("build", str(article), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == (f"briefing build: copied {article} to {out.parent / article.name}"
                             ", beside the draft (a briefing reads its article from its own "
                             "folder)\n")
    assert (out.parent / article.name).read_bytes() == article.read_bytes()
    assert f"    path: {article.name}\n" in out.read_text(encoding="utf-8")
    check = run_cli("check", str(out))
    assert check.returncode == 0, check.stdout + check.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == [article.name, "out.yaml"]
    again = run_cli("build", str(article), "-o", str(out))  # the copy is there: used as is
    assert again.returncode == 0 and again.stderr == "", again.stderr


def test_a_draft_never_overwrites_a_different_article_of_the_same_name(tmp_path: Path):
    article = _copy_seed(tmp_path)
    out = tmp_path / "drafts" / "out.yaml"
    out.parent.mkdir()
    other = out.parent / article.name
    other.write_text("Another article entirely.", encoding="utf-8")
    line = _one_line_error(run_cli("build", str(article), "-o", str(out)))
    assert f"already has a different {article.name}" in line
    assert other.read_text(encoding="utf-8") == "Another article entirely."
    assert not out.exists()


def test_a_draft_on_stdout_must_be_able_to_reach_its_article(tmp_path: Path):
    article = _copy_seed(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    line = _one_line_error(run_cli("build", str(article), "-o", "-", cwd=elsewhere))
    assert "not in this folder or below it" in line
    assert list(elsewhere.iterdir()) == []


def test_build_overwrites_atomically(tmp_path: Path):
    article = _copy_seed(tmp_path)
    out = tmp_path / "out.yaml"
    out.write_text("old", encoding="utf-8")
    assert run_cli("build", str(article), "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_build_to_stdout(tmp_path: Path):
    article = _copy_seed(tmp_path)
    result = run_cli("build", article.name, "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "schema_version: 1" in result.stdout
    assert f"path: {article.name}" in result.stdout


def _one_line_error(result) -> str:  # type: ignore[no-untyped-def]
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_missing_article(tmp_path: Path):
    line = _one_line_error(run_cli("build", str(tmp_path / "nope.txt"), "-o",
                                   str(tmp_path / "o.yaml")))
    assert "no such file" in line
    assert not (tmp_path / "o.yaml").exists()


def test_not_utf8_names_the_byte(tmp_path: Path):
    article = tmp_path / "latin1.txt"
    article.write_bytes("ASTANA – Caf\u00e9 talks.".encode("utf-8")[:12] + b"\xe9 talks.\n")
    line = _one_line_error(run_cli("build", str(article), "-o", str(tmp_path / "o.yaml")))
    assert line == (f"briefing build: {article}:1:11: invalid UTF-8 byte 0xE9; save the file "
                    "as UTF-8")


def test_binary_file(tmp_path: Path):
    article = tmp_path / "image.txt"
    article.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    line = _one_line_error(run_cli("build", str(article), "-o", str(tmp_path / "o.yaml")))
    assert "binary" in line


def test_empty_article(tmp_path: Path):
    article = tmp_path / "empty.txt"
    article.write_text("\n  \n", encoding="utf-8")
    line = _one_line_error(run_cli("build", str(article), "-o", str(tmp_path / "o.yaml")))
    assert "no text" in line


def test_undated_article_asks_for_date(tmp_path: Path):
    article = tmp_path / "undated.txt"
    article.write_text("The ministers met on Tuesday.\n", encoding="utf-8")
    line = _one_line_error(run_cli("build", str(article), "-o", str(tmp_path / "o.yaml")))
    assert "--date" in line
    result = run_cli("build", str(article), "-o", str(tmp_path / "o.yaml"), "--date", "2020")
    assert result.returncode == 0, result.stderr
    assert run_cli("check", str(tmp_path / "o.yaml")).returncode == 0


def test_directory_and_unwritable_output(tmp_path: Path):
    line = _one_line_error(run_cli("build", str(tmp_path), "-o", str(tmp_path / "o.yaml")))
    assert "directory" in line
    article = _copy_seed(tmp_path)
    line = _one_line_error(run_cli("build", str(article), "-o",
                                   str(tmp_path / "missing" / "o.yaml")))
    assert "cannot write" in line


def test_output_is_required(tmp_path: Path):
    result = run_cli("build", str(_copy_seed(tmp_path)))
    assert result.returncode == 2
    assert "-o" in result.stderr


def test_a_draft_never_replaces_its_own_article(tmp_path: Path):
    article = _copy_seed(tmp_path)
    before = article.read_bytes()
    (tmp_path / "draft.yaml").symlink_to(article)
    for out in (article, tmp_path / "draft.yaml"):
        line = _one_line_error(run_cli("build", str(article), "-o", str(out)))
        assert line.endswith("the draft would replace its own article; choose another "
                             "output file")
    assert article.read_bytes() == before


@pytest.mark.parametrize(("encoding", "named"), [
    ("utf-16", "UTF-16-encoded"), ("utf-16-le", "UTF-16-encoded (no byte-order mark)"),
    ("utf-16-be", "UTF-16-encoded (no byte-order mark)"),
    ("utf-32-le", "UTF-32-encoded (no byte-order mark)")])
@pytest.mark.parametrize("script", ["latin", "cyrillic"])
def test_a_wide_encoding_is_named_not_called_binary(tmp_path: Path, encoding, named, script):
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    if script == "cyrillic":  # few NULs in UTF-16: no "every other byte" pattern to see
        text = "Президент Казахстана Нурсултан Назарбаев прибыл в Минск 29 ноября 2017. " * 60
    article = tmp_path / "article.txt"
    article.write_bytes(text.encode(encoding))
    line = _one_line_error(run_cli("build", str(article), "-o", str(tmp_path / "o.yaml")))
    assert line == f"briefing build: {article}:1:1: file is {named}; save it as UTF-8"


def test_binary_is_still_called_binary(tmp_path: Path):
    article = tmp_path / "image.txt"
    article.write_bytes(bytes(range(256)) * 40)
    line = _one_line_error(run_cli("build", str(article), "-o", str(tmp_path / "o.yaml")))
    assert line == (f"briefing build: {article}:1:1: a NUL byte: this looks like a binary "
                    "file, not plain text")
