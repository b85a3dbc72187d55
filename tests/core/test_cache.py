"""The validated-briefing cache gives exactly what a fresh load gives, or nothing."""

from __future__ import annotations

import pytest

from desktop.core import cache
from desktop.core.load import load_briefing, load_document
from desktop.core.problems import BriefingError


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    return folder


def test_second_load_comes_from_the_cache_and_equals_a_fresh_load(seed_copy, cache_folder,
                                                                   monkeypatch):
    fresh = load_document(seed_copy).briefing
    first = load_briefing(seed_copy)
    assert len(list(cache_folder.glob("*.pickle"))) == 1
    monkeypatch.setattr("desktop.core.load.parse_document", None)  # parsing now would fail
    assert load_briefing(seed_copy) == first == fresh


def test_an_edited_file_is_a_miss(seed_copy, cache_folder):
    load_briefing(seed_copy)
    text = seed_copy.read_text(encoding="utf-8").replace("place: Minsk, Belarus",
                                                         "place: Minsk")
    seed_copy.write_text(text, encoding="utf-8")
    assert load_briefing(seed_copy).briefing.place == "Minsk"
    assert len(list(cache_folder.glob("*.pickle"))) == 2


def test_a_bad_file_is_never_cached(seed_copy, cache_folder):
    seed_copy.write_text("schema_version: 1\n", encoding="utf-8")
    with pytest.raises(BriefingError):
        load_briefing(seed_copy)
    assert not cache_folder.exists() or not list(cache_folder.glob("*.pickle"))


def test_a_damaged_entry_is_dropped_and_the_file_parsed(seed_copy, cache_folder):
    expected = load_briefing(seed_copy)
    (entry,) = cache_folder.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_briefing(seed_copy) == expected
    assert entry.read_bytes() != b"not a pickle"  # rewritten by the fresh load


def test_cache_can_be_turned_off_and_an_unusable_folder_is_ignored(seed_copy, tmp_path,
                                                                   monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    assert load_briefing(seed_copy).briefing.place == "Minsk, Belarus"
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))  # cannot be created
    assert load_briefing(seed_copy).briefing.place == "Minsk, Belarus"


def test_cache_keeps_only_the_most_recent_entries(seed_copy, cache_folder):
    text = seed_copy.read_text(encoding="utf-8")
    for index in range(cache.MAX_ENTRIES + 3):
        seed_copy.write_text(text.replace("place: Minsk, Belarus", f"place: Minsk {index}"),
                             encoding="utf-8")
        load_briefing(seed_copy)
    assert len(list(cache_folder.glob("*.pickle"))) == cache.MAX_ENTRIES
    assert not list(cache_folder.glob("*.partial"))
