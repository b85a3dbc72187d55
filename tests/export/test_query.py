"""`briefing export --query Q` exports only what the search matches and says so."""

from __future__ import annotations

from conftest import SEED_BRIEFING, run_cli
from export.export_helpers import no_temp_files, pdf_has
from pypdf import PdfReader


def test_query_narrows_the_pdf_and_the_title_block_names_it(tmp_path):
    out = tmp_path / "signed.pdf"
    result = run_cli("export", str(SEED_BRIEFING), "-o", str(out), "--query", "status:signed")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    assert pdf_has(reader, "status:signed")
    assert pdf_has(reader, "Bilateral socio-economic agreement until 2026")
    assert not pdf_has(reader, "Declaration in connection with the CSTO's anniversary")
    assert not pdf_has(reader, "Nursultan Nazarbayev President Kazakhstan")
    full = tmp_path / "full.pdf"
    assert run_cli("export", str(SEED_BRIEFING), "-o", str(full)).returncode == 0
    assert len(reader.pages) < len(PdfReader(full).pages)


def test_cross_script_query_exports_the_leader(tmp_path):
    out = tmp_path / "leader.pdf"
    result = run_cli("export", str(SEED_BRIEFING), "-o", str(out), "--query",
                     "name:Лукашенко")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    assert pdf_has(reader, "Аляксандр Лукашэнка")  # native names appear only in entries
    assert not pdf_has(reader, "Нұрсұлтан Назарбаев")


def test_bad_or_empty_query_writes_nothing_and_exits_2(tmp_path):
    out = tmp_path / "out.pdf"
    bad = run_cli("export", str(SEED_BRIEFING), "-o", str(out), "--query", '"unclosed')
    assert bad.returncode == 2
    assert bad.stderr == ("briefing export: bad query at column 1: unclosed quote: add the "
                          "closing \"\n")
    empty = run_cli("export", str(SEED_BRIEFING), "-o", str(out), "--query", "zanzibar")
    assert empty.returncode == 2
    assert empty.stderr == ("briefing export: the query 'zanzibar' matches no entry; nothing "
                            "written\n")
    assert not out.exists() and no_temp_files(tmp_path)
