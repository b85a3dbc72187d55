"""Paths that are not regular files (a named pipe, a device) are refused at once: a pipe
with no writer used to block open() forever, in `briefing check`, `briefing build` and
the window's UI thread alike."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import run_cli

from desktop.core.extract import ArticleError, draft_text
from desktop.core.load import load_briefing, load_document
from desktop.core.problems import UnreadableFileError

NOT_REGULAR = "cannot read: not a regular file (a pipe, device or socket)"


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


@pytest.mark.timeout(10)
@pytest.mark.parametrize("load", [load_document, load_briefing])
def test_named_pipe_is_refused_without_waiting_for_a_writer(fifo, load):
    with pytest.raises(UnreadableFileError) as refused:
        load(fifo)
    assert NOT_REGULAR in str(refused.value)


@pytest.mark.timeout(10)
def test_device_is_refused_rather_than_read():
    with pytest.raises(UnreadableFileError) as refused:
        load_document("/dev/zero")
    assert NOT_REGULAR in str(refused.value)


@pytest.mark.timeout(10)
def test_named_pipe_as_an_article_is_a_clear_builder_error(fifo, tmp_path):
    with pytest.raises(ArticleError) as refused:
        draft_text(fifo, tmp_path)
    assert NOT_REGULAR in str(refused.value)


@pytest.mark.timeout(60)
def test_check_and_build_on_a_named_pipe_exit_2_with_one_line(fifo, tmp_path):
    for args in (["check", str(fifo)], ["build", str(fifo), "-o", str(tmp_path / "o.yaml")]):
        result = run_cli(*args)
        assert result.returncode == 2, result.stdout + result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and NOT_REGULAR in lines[0], result.stderr
