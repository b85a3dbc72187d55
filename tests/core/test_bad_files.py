"""Each malformed briefing in tests/core/bad gets its exact message and exit code, quickly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import refuse_reads, run_cli

from desktop.cli import main

BAD = Path(__file__).parent / "bad"
SEED_ARTICLE = (Path(__file__).parents[2] / "seeds"
                / "kazakhstan-belarus-state-visit-2017-11.txt")
ARTICLE_HASH = "283fe65e894c2b16b4a3172242951e3b995903b4b14df55c72dc38016731acf9"

EXPECTED = {
    "syntax-error.yaml": [
        "4:7: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence "
        "at 3:10)"],
    "wrong-type.yaml": ["13:11: leaders[0].name: expected text, found a list"],
    "missing-required.yaml": [
        "3:3: briefing: missing required field 'place' in the briefing section"],
    "unknown-field.yaml": [
        "15:5: leaders[0]: unknown field 'rol' in leader (did you mean 'role'?)"],
    "duplicate-key.yaml": ["6:3: briefing: duplicate key 'title' (first at 3:3)"],
    "billion-laughs.yaml": [
        "1:1: aliases would expand the document to 490,329,064 nodes from 28 written "
        "(limit: 100,000 added by aliases); this looks like a 'billion laughs' file"],
    "recursive-alias.yaml": ["2:11: recursive alias: a node that contains itself"],
    "python-tag.yaml": [
        "6:12: briefing.summary: tag '!!python/object/apply:os.system' is not allowed; "
        "briefings use plain YAML values only"],
    "not-utf8.yaml": ["5:18: invalid UTF-8 byte 0xE9; save the file as UTF-8"],
    "utf16.yaml": ["1:1: file is UTF-16-encoded; save it as UTF-8"],
    "empty.yaml": [
        "1:1: file is empty; a briefing is a mapping with schema_version, briefing and the "
        "list sections"],
    "list-at-top.yaml": ["1:1: expected a mapping of sections at the top level, found a list"],
    "excerpt-not-in-article.yaml": [
        "25:9: trade_statistics[0].source[0]: excerpt not found in the article: after "
        "\"...ine months of 2017 increased 6\" the article has \"0 percent to\" where the "
        "excerpt has \"1 percent to\""],
    "value-not-in-source.yaml": [
        "21:12: trade_statistics[0].value: 442 is not stated in this entry's source "
        "excerpts; quote the sentence that states it, or mark it derived with its "
        "arithmetic, or list it under inferred or added with a reason: "
        "{fields: [value], reason: ...}"],
    "wrong-arithmetic.yaml": [
        "23:19: trade_statistics[0].derived.arithmetic: '441.4 / 1.5' gives 294.267, which "
        "does not round to the value 276"],
    "wrong-sha256.yaml": [
        "9:13: briefing.article.sha256: the article "
        "'kazakhstan-belarus-state-visit-2017-11.txt' is not the file this briefing was made "
        f"from (its sha256 begins {ARTICLE_HASH[:12]}, the briefing's 000{ARTICLE_HASH[3:12]}),"
        " so its text is not used: restore that article, or if you changed it on purpose, "
        f"set sha256 to {ARTICLE_HASH} and check the excerpts again"],
    "bad-enum.yaml": [
        "22:12: trade_statistics[0].scale: 'milion' is not one of: thousand, million, "
        "billion, trillion (did you mean 'million'?)"],
    "several-problems.yaml": [
        "4:9: briefing.date: '29 November 2017' is not a date such as 2017-11-29, 2017-11, "
        "2017 or 2017-11-29/2017-11-30",
        "13:5: leaders[0]: missing required field 'role' in leader",
        "20:15: trade_statistics[0].currency: 'dollars' is not an ISO 4217 currency code "
        "such as USD or EUR",
        "21:12: trade_statistics[0].scale: 'millions' is not one of: thousand, million, "
        "billion, trillion (did you mean 'million'?)",
        "22:5: trade_statistics[0]: duplicate key 'scale' (first at 21:5)"],
    # Numbers and arithmetic out of bounds (core/numeric.py): each one problem at its place,
    # where there were tracebacks (OverflowError, MemoryError, RecursionError) and wrong oks.
    "huge-integer.yaml": [
        "14:12: trade_statistics[0].value: 99999999999999999999... is too long for a number "
        "(400 characters; a number has at most 15 significant digits)"],
    "many-minus-signs.yaml": [
        "16:19: trade_statistics[0].derived.arithmetic: the arithmetic is 10,001 characters "
        "long; at most 500"],
    "long-sum.yaml": [
        "16:19: trade_statistics[0].derived.arithmetic: the arithmetic is 19,999 characters "
        "long; at most 500"],
    "nan-arithmetic.yaml": [
        "16:19: trade_statistics[0].derived.arithmetic: '1e999 - 1e999': 1e999 is too large "
        "(a number is less than 10^15 in size)"],
    "numbers-out-of-bounds.yaml": [
        "15:12: trade_statistics[0].value: .inf is not a finite number",
        "21:12: trade_statistics[1].value: .NaN is not a finite number",
        "27:12: trade_statistics[2].value: 1.0e+308 is too large (a number is less than 10^15 "
        "in size)",
        "34:12: trade_statistics[3].value: 1.0e-400 is too close to zero (a number other than "
        "0 is at least 10^-15 in size)",
        "41:12: trade_statistics[4].value: 441.400000000000000001 has 21 significant digits "
        "(a number has at most 15)",
        "47:12: trade_statistics[5].value: 1000000000000000 is too large (a number is less "
        "than 10^15 in size)",
        "54:21: trade_statistics[6].change.value: 0xFFFFFFFFFFFFFFFFFF... is too large (a "
        "number is less than 10^15 in size)",
        "62:21: trade_statistics[7].change.value: 1:59:59:59:59:59:59:... is too long for a "
        "number (3,001 characters; a number has at most 15 significant digits)"],
    "arithmetic-out-of-bounds.yaml": [
        "17:19: trade_statistics[0].derived.arithmetic: "
        "'((((((((((((((((((((((1))))))))))))))))))))))' nests more than 20 parentheses and "
        "signs deep (at character 21)",
        "26:19: trade_statistics[1].derived.arithmetic: '999999999999999 * 999999999999999 * "
        "999999999999999 * 99...' overflows: a step of it is beyond the largest number a float "
        "holds (1.8e+308)",
        "35:19: trade_statistics[2].derived.arithmetic: '0.000000000000001 * 0.000000000000001 "
        "* 0.00000000000000...' underflows: a step of it is closer to zero than a float holds "
        "exactly (2.2e-308)",
        "43:19: trade_statistics[3].derived.arithmetic: '441.4 / (1 - 100 / 100)' divides by "
        "zero",
        "51:19: trade_statistics[4].derived.arithmetic: "
        "'99999999999999999999999999999999999999999999999999999999...': "
        "99999999999999999999... is too large (a number is less than 10^15 in size)",
        "60:19: trade_statistics[5].derived.arithmetic: '999999999999999 / 0.000000000000001 / "
        "0.000000000000001 ...' overflows: a step of it is beyond the largest number a float "
        "holds (1.8e+308)",
        "68:19: trade_statistics[6].derived.arithmetic: '2 ** 10' is not arithmetic (numbers "
        "with + - * / and parentheses): '*' at character 4 is not a number",
        "76:19: trade_statistics[7].derived.arithmetic: '__import__('os').system('true')' is "
        "not arithmetic (numbers with + - * / and parentheses): '_' at character 1 is not a "
        "number",
        "84:19: trade_statistics[8].derived.arithmetic: '441.4 / (1 + 60 / 100' is not "
        "arithmetic (numbers with + - * / and parentheses): a parenthesis is not closed"],
}


def test_every_file_in_the_corpus_has_an_expectation():
    assert sorted(p.name for p in BAD.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gets_exact_problems_and_exit_1(name, capsys, monkeypatch, tmp_path):
    # Each briefing beside its article, as a briefing must be (see core/article.py).
    shutil.copy(BAD / name, tmp_path)
    shutil.copy(SEED_ARTICLE, tmp_path)
    monkeypatch.chdir(tmp_path)
    code = main(["check", name])
    out, err = capsys.readouterr()
    assert code == 1
    assert err == ""
    assert out.splitlines() == [f"{name}:{line}" for line in EXPECTED[name]]


def test_huge_file_is_refused_before_reading_with_the_limit_named(tmp_path, capsys,
                                                                   monkeypatch):
    huge = tmp_path / "huge.yaml"
    with open(huge, "wb") as handle:  # sparse: 40 MiB on paper, nothing on disk
        handle.truncate(40 * 1024 * 1024)
    opened = refuse_reads(monkeypatch)
    code = main(["check", str(huge)])
    assert opened == [str(huge)]  # opened to ask its size, never read
    assert code == 1
    assert capsys.readouterr().out == (
        f"{huge}:1:1: file is 40.0 MiB, over the 32.0 MiB limit (set BRIEFING_MAX_BYTES to "
        "a larger number of bytes to open it)\n")


def test_size_limit_can_be_lowered_and_raised_by_environment(seed_copy, monkeypatch, capsys):
    monkeypatch.setenv("BRIEFING_MAX_BYTES", "1000")
    assert main(["check", str(seed_copy)]) == 1
    assert "over the 1000 bytes limit" in capsys.readouterr().out
    monkeypatch.setenv("BRIEFING_MAX_BYTES", str(10**8))
    assert main(["check", str(seed_copy)]) == 0


@pytest.mark.parametrize(("target", "reason"), [
    ("missing.yaml", "no such file"),
    (".", "it is a directory"),
])
def test_unreadable_file_exits_2_with_one_line(tmp_path, target, reason, capsys):
    path = tmp_path / target
    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"briefing check: {path}: cannot read: {reason}\n"


def test_usage_error_exits_2_without_traceback():
    result = run_cli("check")
    assert result.returncode == 2
    assert result.stderr.startswith("briefing check: the following arguments are required")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
