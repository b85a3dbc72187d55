"""`briefing search FILE QUERY`: one hit a line, exit 0 with hits, 1 with none, 2 on error."""

from conftest import SEED_BRIEFING, run_cli


def hits(stdout: str) -> list[list[str]]:
    return [line.split("\t") for line in stdout.splitlines()]


def test_hits_are_section_entry_field_snippet_lines():
    result = run_cli("search", str(SEED_BRIEFING), "Лукашэнка")
    assert result.returncode == 0, result.stderr
    assert hits(result.stdout) == [
        ["leaders", "Alexander Lukashenko", "native_names[0].name", "Аляксандр Лукашэнка"]]
    assert result.stderr == ""


def test_every_line_has_four_fields_and_no_stray_whitespace():
    result = run_cli("search", str(SEED_BRIEFING), "Kazakhstan")
    assert result.returncode == 0, result.stderr
    rows = hits(result.stdout)
    assert len(rows) > 20
    for row in rows:
        assert len(row) == 4, row
        assert all(part == " ".join(part.split()) and part for part in row), row
    sections = [row[0] for row in rows]
    assert sections[0] == "briefing" and "leaders" in sections and "events" in sections


def test_nested_field_paths_and_numbers():
    result = run_cli("search", str(SEED_BRIEFING), "441.4 section:trade")
    rows = hits(result.stdout)
    assert ["trade_statistics", "Bilateral trade turnover", "value", "441.4"] in rows
    assert any(row[2] == "derived.arithmetic" and row[3] == "441.4 / (1 + 60 / 100)"
               for row in rows)


def test_no_hit_exits_one_with_no_output():
    result = run_cli("search", str(SEED_BRIEFING), "zanzibar")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "")


def test_bad_query_exits_two_with_one_line_saying_where():
    result = run_cli("search", str(SEED_BRIEFING), 'belarus "trade turnover')
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        'briefing search: bad query at column 9: unclosed quote: add the closing "']
    result = run_cli("search", str(SEED_BRIEFING), "colour:red")
    assert result.returncode == 2
    assert "unknown field 'colour'" in result.stderr and "country" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_file_exits_two(tmp_path):
    result = run_cli("search", str(tmp_path / "missing.yaml"), "x")
    assert result.returncode == 2 and "cannot read" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_briefing_exits_two_printing_its_problems(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nleaders: 3\n", encoding="utf-8")
    result = run_cli("search", str(bad), "x")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"{bad}:") and "Traceback" not in result.stderr


def test_missing_arguments_is_a_usage_error():
    result = run_cli("search", str(SEED_BRIEFING))
    assert result.returncode == 2 and "see briefing search --help" in result.stderr


def test_article_option_searches_the_article_lines():
    result = run_cli("search", "--article", str(SEED_BRIEFING), "Gumilev section:article")
    rows = hits(result.stdout)
    assert result.returncode == 0 and rows
    assert all(row[0] == "article" and row[1].startswith("line ") and row[2] == "text"
               for row in rows)


def test_terminal_controls_from_the_briefing_are_printed_as_escapes(seed_copy):
    # A hostile name that would clear and recolour the terminal, ring it, and return
    # the cursor to forge the rest of the line.
    text = seed_copy.read_text(encoding="utf-8").replace(
        "  - name: Nursultan Nazarbayev",
        '  - name: "Nursultan Nazarbayev\\e[2J\\e[31mPWNED\\a\\u009b0m\\rX"', 1)
    seed_copy.write_text(text, encoding="utf-8")
    result = run_cli("search", str(seed_copy), "name:nursultan")
    assert result.returncode == 0, result.stderr
    assert not any(c in result.stdout for c in "\x1b\x07\x9b\r")
    assert ("leaders\tNursultan Nazarbayev\\x1b[2J\\x1b[31mPWNED\\x07\\x9b0m X\tname\t"
            "Nursultan Nazarbayev\\x1b[2J\\x1b[31mPWNED\\x07\\x9b0m X") in result.stdout


def test_a_query_that_starts_with_a_dash_is_a_query_not_an_option():
    seed, query = str(SEED_BRIEFING), "-nursultan section:leaders"
    for argv in ([seed, query], [seed, "--", query], ["--", seed, query],
                 [seed, "--article", query], [seed, query, "--article"],
                 [seed, "-nursultan"]):
        result = run_cli("search", *argv)
        assert result.returncode == 0, (argv, result.stderr)
        rows = hits(result.stdout)
        assert rows and all(row[1] != "Nursultan Nazarbayev" for row in rows), argv
        if "section:leaders" in argv[-1]:
            assert {row[1] for row in rows} == {"Alexander Lukashenko"}, argv


def test_a_mistyped_long_option_is_still_an_error():
    result = run_cli("search", str(SEED_BRIEFING), "--articel", "x")
    assert result.returncode == 2
    assert result.stderr == ("briefing search: unrecognized arguments: --articel (see "
                             "briefing search --help)\n")


def test_a_query_of_thousands_of_words_is_refused_at_once_with_its_column():
    query = " ".join(f"w{i}*" for i in range(10_000))
    result = run_cli("search", str(SEED_BRIEFING), query)
    assert result.returncode == 2
    assert result.stderr == ("briefing search: bad query at column 311: too many words: a "
                             "query may hold 64, phrases included; search for fewer\n")
