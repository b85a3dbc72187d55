"""A briefing's article is used only when it lies inside the briefing's folder and has the
sha256 the briefing gives: a received briefing cannot show, search or print any other file
on the reader's machine, and an edited article cannot go on backing its excerpts."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import SEED_ARTICLE, SEED_BRIEFING, run_cli

from desktop.core.article import ArticleRefused, locate, open_verified
from desktop.core.load import load_document
from desktop.core.provenance import check_document

SHA = hashlib.sha256(SEED_ARTICLE.read_bytes()).hexdigest()
SECRET = "PRIVATE KEY 7f3a9c"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A private file next to (not inside) the folder the briefing was saved in."""
    secret = tmp_path / "id_rsa"
    secret.write_text(SECRET, encoding="utf-8")
    return secret


def _briefing_naming(seed_copy: Path, reference: str, sha256: str = SHA) -> Path:
    text = seed_copy.read_text(encoding="utf-8")
    text = text.replace(f"path: {SEED_ARTICLE.name}", f"path: '{reference}'")
    text = text.replace(SHA, sha256)
    seed_copy.write_text(text, encoding="utf-8")
    return seed_copy


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:  # in a subfolder, so there is an "outside" to reach
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / SEED_ARTICLE.name).write_bytes(SEED_ARTICLE.read_bytes())
    target = folder / "received.yaml"
    target.write_bytes(SEED_BRIEFING.read_bytes())
    return target


def _hostile_references(seed_copy: Path, outside: Path) -> dict[str, str]:
    folder = seed_copy.parent
    (folder / "link.txt").symlink_to(outside)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(outside.parent)
    (folder / "loop").symlink_to(folder / "loop")
    return {
        "absolute": str(outside),
        "dot-dot": "../id_rsa",
        "dot-dot deep": "sub/../../id_rsa",
        "link out": "link.txt",
        "folder link out": "sub/up/id_rsa",
        "proc": "/proc/self/environ",
        "home": "~/.ssh/id_rsa",
        "control characters": "a\x1b[2Jb.txt",
        "nul": "a\x00b.txt",
    }


HOSTILE = ["absolute", "dot-dot", "dot-dot deep", "link out", "folder link out", "proc",
           "home", "control characters", "nul"]


@pytest.mark.parametrize("kind", HOSTILE)
def test_an_article_outside_the_briefings_folder_is_refused_before_it_is_read(
        seed_copy, outside, kind):
    reference = _hostile_references(seed_copy, outside)[kind]
    with pytest.raises(ArticleRefused) as refused:
        locate(seed_copy, reference)
    assert refused.value.field == "path"
    assert "\x1b" not in refused.value.reason and "\x00" not in refused.value.reason


@pytest.mark.parametrize("kind", ["dot-dot", "link out", "absolute"])
def test_even_with_its_true_hash_a_file_outside_the_folder_is_refused(seed_copy, outside,
                                                                      kind):
    # The hash alone would let a file whose bytes are known (a standard config file) in.
    reference = _hostile_references(seed_copy, outside)[kind]
    true_hash = hashlib.sha256(outside.read_bytes()).hexdigest()
    with pytest.raises(ArticleRefused, match="briefing's folder"):
        open_verified(seed_copy, reference, true_hash)


def test_inside_the_folder_links_and_subfolders_are_fine(seed_copy):
    folder = seed_copy.parent
    (folder / "articles").mkdir()
    (folder / "articles" / "a.txt").write_bytes(SEED_ARTICLE.read_bytes())
    (folder / "same.txt").symlink_to(folder / SEED_ARTICLE.name)
    for reference in ("articles/a.txt", "same.txt", f"articles/../{SEED_ARTICLE.name}",
                      f"./{SEED_ARTICLE.name}"):
        assert open_verified(seed_copy, reference, SHA).text.startswith("ASTANA")


def test_check_reports_a_hostile_path_at_the_field_without_reading_it(seed_copy, outside,
                                                                      capsys):
    from desktop.cli import main

    _briefing_naming(seed_copy, "../id_rsa")
    assert main(["check", str(seed_copy)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"{seed_copy}:25:11: briefing.article.path: '../id_rsa' leads outside the briefing's "
        "folder; an article must be in the briefing's folder or below it: copy it beside the "
        "briefing and give its file name"]
    assert SECRET not in out


def test_an_edited_article_gives_one_problem_and_no_excerpt_is_compared(seed_copy):
    article = seed_copy.parent / SEED_ARTICLE.name
    edited = article.read_text(encoding="utf-8").replace("60 percent", "61 percent")
    article.write_text(edited, encoding="utf-8")
    problems = check_document(load_document(seed_copy))
    new = hashlib.sha256(edited.encode("utf-8")).hexdigest()
    assert [(p.line, p.column) for p in problems] == [(26, 13)]
    assert problems[0].message.startswith(
        f"briefing.article.sha256: the article '{SEED_ARTICLE.name}' is not the file this "
        f"briefing was made from (its sha256 begins {new[:12]}, the briefing's {SHA[:12]})")
    assert problems[0].message.endswith(f"set sha256 to {new} and check the excerpts again")


def test_once_the_briefing_names_the_edited_article_its_excerpts_are_checked(seed_copy):
    article = seed_copy.parent / SEED_ARTICLE.name
    edited = article.read_text(encoding="utf-8").replace("60 percent", "61 percent")
    article.write_text(edited, encoding="utf-8")
    _briefing_naming(seed_copy, SEED_ARTICLE.name,
                     hashlib.sha256(edited.encode("utf-8")).hexdigest())
    messages = [p.message for p in check_document(load_document(seed_copy))]
    assert messages and all("excerpt not found" in m for m in messages)
    assert any('where the excerpt has "0 percent to' in m for m in messages)


@pytest.mark.parametrize("kind", ["dot-dot", "link out", "absolute"])
def test_export_refuses_an_article_it_may_not_use_and_writes_nothing(seed_copy, outside,
                                                                     kind):
    reference = _hostile_references(seed_copy, outside)[kind]
    _briefing_naming(seed_copy, reference, hashlib.sha256(outside.read_bytes()).hexdigest())
    out = seed_copy.parent / "out.pdf"
    result = run_cli("export", str(seed_copy), "-o", str(out))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and ":25:11: briefing.article.path: " in lines[0], result.stderr
    assert not out.exists()


def test_export_refuses_an_edited_article_rather_than_print_excerpts_it_contradicts(
        seed_copy):
    article = seed_copy.parent / SEED_ARTICLE.name
    article.write_text(article.read_text(encoding="utf-8").replace("60 percent", "61 percent"),
                       encoding="utf-8")
    out = seed_copy.parent / "out.pdf"
    result = run_cli("export", str(seed_copy), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.startswith(f"briefing export: {seed_copy}:26:13: "
                                    "briefing.article.sha256: ")
    assert len(result.stderr.splitlines()) == 1
    assert not out.exists()


def test_search_in_the_article_refuses_an_unverified_one(seed_copy, outside):
    _briefing_naming(seed_copy, str(outside), hashlib.sha256(outside.read_bytes()).hexdigest())
    result = run_cli("search", str(seed_copy), "--article", "private")
    assert result.returncode == 2
    assert SECRET not in result.stdout + result.stderr
    assert "briefing.article.path" in result.stderr


def test_the_environment_never_reaches_a_pdf(seed_copy, tmp_path):
    _briefing_naming(seed_copy, "/proc/self/environ")
    out = tmp_path / "env.pdf"
    result = run_cli("export", str(seed_copy), "-o", str(out),
                     env={"BRIEFING_SECRET_TOKEN": SECRET})
    assert result.returncode == 2 and not out.exists()
    assert SECRET not in result.stderr


def test_a_link_loop_or_a_folder_is_refused_in_one_line(seed_copy, outside):
    _hostile_references(seed_copy, outside)  # makes "loop", a link to itself
    for reference, reason in (("loop", "Too many levels of symbolic links"),
                              ("sub", "it is a directory"), (".", "it is a directory")):
        with pytest.raises(ArticleRefused) as refused:
            open_verified(seed_copy, reference, SHA)
        assert refused.value.field == "path"
        assert refused.value.reason == f"cannot read the article '{reference}': {reason}"
