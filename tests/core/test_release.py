"""load_briefing frees the YAML nodes an entry at a time (so a worker thread never holds
the GIL for the whole teardown); what it returns is exactly what a full load gives."""

from __future__ import annotations

from conftest import SEED_BRIEFING
from generate_briefing import write

from desktop.core import load


def test_released_load_gives_the_same_briefing(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", "off")
    released: list[int] = []
    real_release = load._release

    def counting_release(root):  # type: ignore[no-untyped-def]
        real_release(root)
        released.append(sum(len(section.value) for _key, section in root.value
                            if isinstance(section.value, list)))

    monkeypatch.setattr(load, "_release", counting_release)
    for path in (SEED_BRIEFING, write(500, tmp_path / "b.yaml")):
        assert load.load_briefing(path) == load.load_document(path).briefing
    assert released == [0, 0]  # every section emptied, entry by entry
