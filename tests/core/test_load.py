"""Loading turns YAML into the typed model, tolerating what editors legitimately write."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import ROOT, SEED_BRIEFING

from desktop.core.load import load_document, parse_document
from desktop.core.model import Briefing, Leader
from desktop.core.problems import BriefingError

MINIMAL = """\
schema_version: 1
briefing:
  title: T
  date: 2017-11-29
  place: P
  summary: S
  article: {path: a.txt, sha256: %s}
  source: [x]
""" % ("0" * 64)


def parse(text: str):
    return parse_document(text, ROOT / "mem.yaml").briefing


def test_seed_loads_into_immutable_typed_model():
    briefing = load_document(SEED_BRIEFING).briefing
    assert isinstance(briefing, Briefing)
    assert [leader.name for leader in briefing.leaders] == [
        "Nursultan Nazarbayev", "Alexander Lukashenko"]
    assert isinstance(briefing.leaders[0], Leader)
    assert briefing.trade_statistics[0].value == 441.4
    assert briefing.trade_statistics[1].derived is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        briefing.leaders[0].name = "x"  # type: ignore[misc]


def test_seed_lists_every_document_figure_and_place_of_the_article():
    briefing = load_document(SEED_BRIEFING).briefing
    kinds = {a.kind: a.status for a in briefing.agreements}
    assert kinds == {"agreement": "signed", "documents": "signed", "declaration": "adopted",
                     "statement": "issued", "decision": "considered"}
    values = {s.value for s in briefing.trade_statistics}
    assert {441.4, 275.9, 260, 6, 150, 3} <= values
    places = {p.name for area in briefing.cooperation_areas for p in area.places}
    assert {"Karaganda", "Semey", "Kostanai", "Pavlodar", "Uralsk", "Aktobe"} <= places
    assert sum("Centre for" in p.name for area in briefing.cooperation_areas
               for p in area.places) == 2


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_document(path).briefing.briefing.title == "T"


def test_unquoted_date_number_and_norway_are_text_as_written():
    text = MINIMAL.replace("title: T", "title: 1984").replace("place: P", "place: NO")
    header = parse(text).briefing
    assert (header.title, header.place, header.date) == ("1984", "NO", "2017-11-29")


def test_empty_optional_value_means_absent():
    assert parse(MINIMAL + "leaders:\n").leaders == ()


def test_merge_keys_apply_and_explicit_keys_win():
    text = MINIMAL + """\
leaders:
  - &base {name: A, role: President, country: X, source: [s]}
  - <<: *base
    name: B
"""
    leaders = parse(text).leaders
    assert [(leader.name, leader.country) for leader in leaders] == [("A", "X"), ("B", "X")]


def test_small_aliases_are_allowed():
    text = MINIMAL + """\
agreements:
  - {title: A, kind: agreement, status: signed, parties: &p [X, Y], source: [s]}
  - {title: B, kind: agreement, status: signed, parties: *p, source: [s]}
"""
    assert [a.parties for a in parse(text).agreements] == [("X", "Y"), ("X", "Y")]


def test_impossible_calendar_date_is_refused():
    with pytest.raises(BriefingError) as caught:
        parse(MINIMAL.replace("2017-11-29", "2017-02-30"))
    assert [p.message for p in caught.value.problems] == [
        "briefing.date: '2017-02-30' is not a real calendar date"]


def test_number_in_quotes_is_refused_with_a_hint():
    text = MINIMAL + "trade_statistics:\n  - {metric: M, value: '441.4', source: [s]}\n"
    with pytest.raises(BriefingError) as caught:
        parse(text)
    assert [str(p) for p in caught.value.problems] == [
        f"{ROOT / 'mem.yaml'}:10:24: trade_statistics[0].value: expected a number, found "
        "text '441.4' (remove the quotes)"]


def test_several_documents_in_one_file_are_refused():
    with pytest.raises(BriefingError) as caught:
        parse(MINIMAL + "---\nschema_version: 1\n")
    assert caught.value.problems[0].message.startswith(
        "YAML syntax: but found another document")


def test_problem_lines_escape_newlines_and_terminal_controls():
    text = MINIMAL + "leaders:\n  - {\"na\\nme\\u001b[31m\": x}\n"
    with pytest.raises(BriefingError) as caught:
        parse(text)
    lines = [str(p) for p in caught.value.problems]
    assert all("\n" not in line and "\x1b" not in line for line in lines)
    assert any("unknown field 'na\\nme\\x1b[31m' in leader" in line for line in lines)
