"""With SOURCE_DATE_EPOCH the same briefing gives the same bytes; without it, now."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import SEED_BRIEFING, run_cli
from export.export_helpers import page_texts
from pypdf import PdfReader

EPOCH = "1512000000"  # 2017-11-30 00:00:00 UTC


def test_same_briefing_same_bytes_across_processes(tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (first, second):
        result = run_cli("export", str(SEED_BRIEFING), "-o", str(out),
                         env={"SOURCE_DATE_EPOCH": EPOCH})
        assert result.returncode == 0, result.stderr
    assert first.read_bytes() == second.read_bytes()
    reader = PdfReader(first)
    assert reader.metadata["/CreationDate"] == "D:20171130000000+00'00'"
    assert reader.metadata["/ModDate"] == "D:20171130000000+00'00'"
    assert "2017-11-30 00:00 UTC" in page_texts(reader)[0]


@pytest.mark.parametrize("pdfa", [[], ["--pdfa"]], ids=["pdf", "pdfa"])
def test_same_epoch_same_bytes_in_every_time_zone(tmp_path, pdfa):
    # Qt stamps local time, "Z" in UTC and "+09'00'" elsewhere: the lengths differed.
    outs = {}
    for zone in ("UTC", "Asia/Tokyo", "America/St_Johns", "Etc/GMT+12"):
        out = tmp_path / f"{zone.replace('/', '-')}.pdf"
        result = run_cli("export", str(SEED_BRIEFING), "-o", str(out), *pdfa,
                         env={"SOURCE_DATE_EPOCH": EPOCH, "TZ": zone})
        assert result.returncode == 0, result.stderr
        outs[zone] = out.read_bytes()
    assert len(set(outs.values())) == 1, {zone: len(data) for zone, data in outs.items()}
    reader = PdfReader(tmp_path / "UTC.pdf", strict=True)
    assert reader.metadata["/CreationDate"] == "D:20171130000000+00'00'"
    assert len(reader.pages) == len(PdfReader(tmp_path / "Asia-Tokyo.pdf").pages)


def test_pdfa_is_reproducible_too(tmp_path):
    outs = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    for out in outs:
        result = run_cli("export", str(SEED_BRIEFING), "-o", str(out), "--pdfa",
                         env={"SOURCE_DATE_EPOCH": EPOCH})
        assert result.returncode == 0, result.stderr
    assert outs[0].read_bytes() == outs[1].read_bytes()


def test_without_source_date_epoch_the_date_is_now(qapp, tmp_path, monkeypatch, seed,
                                                   seed_article):
    from desktop.export import export_pdf

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(UTC).replace(microsecond=0)
    out = tmp_path / "now.pdf"
    export_pdf(seed, seed_article, out)
    after = datetime.now(UTC)
    stamp = PdfReader(out).metadata["/CreationDate"]
    made = datetime.strptime(stamp[2:16], "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    assert before <= made <= after


def test_bad_source_date_epoch_is_one_clear_error(qapp, tmp_path, monkeypatch, seed,
                                                  seed_article):
    from desktop.export import ExportError, export_pdf

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ExportError, match="SOURCE_DATE_EPOCH is not a number"):
        export_pdf(seed, seed_article, tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())
