"""The exported seed, read back with pypdf: content, structure, metadata, fonts."""

from __future__ import annotations

from conftest import SEED_ARTICLE
from export.export_helpers import page_texts, pdf_has, squash
from pypdf import PdfReader

from desktop.export.content import SECTION_TITLES
from desktop.present.numbers import amount


def test_every_leader_agreement_figure_and_area_is_printed(seed, seed_reader):
    for leader in seed.leaders:
        assert pdf_has(seed_reader, leader.name), leader.name
        for statement in leader.statements:
            assert pdf_has(seed_reader, statement.text), statement.text[:40]
    for agreement in seed.agreements:
        assert pdf_has(seed_reader, agreement.title), agreement.title
    for stat in seed.trade_statistics:
        assert pdf_has(seed_reader, stat.metric), stat.metric
        if stat.value is not None:
            assert pdf_has(seed_reader, amount(stat)), amount(stat)
    for area in seed.cooperation_areas:
        assert pdf_has(seed_reader, area.area), area.area
        for place in area.places:
            assert pdf_has(seed_reader, place.name), place.name
    for org in seed.organisations:
        assert pdf_has(seed_reader, org.name), org.name
    for event in seed.events:
        assert pdf_has(seed_reader, event.title), event.title


def test_cyrillic_names_print_as_cyrillic(seed, seed_reader):
    names = [n.name for leader in seed.leaders for n in leader.native_names]
    assert "Нұрсұлтан Назарбаев" in names and "Аляксандр Лукашэнка" in names
    for name in names:
        assert pdf_has(seed_reader, name), name


def test_every_source_excerpt_and_the_article_are_printed(seed, seed_reader, seed_article):
    excerpts = {e for leader in seed.leaders for e in leader.source}
    excerpts |= {e for a in seed.agreements for e in a.source}
    excerpts |= {e for s in seed.trade_statistics for e in s.source}
    for excerpt in excerpts:
        assert pdf_has(seed_reader, excerpt), excerpt[:50]
    paragraphs = [p for p in seed_article.splitlines() if p.strip()]
    for paragraph in paragraphs:  # the whole article, as the appendix
        assert pdf_has(seed_reader, paragraph), paragraph[:50]
    assert squash(paragraphs[-1][-60:]) in squash(page_texts(seed_reader)[-1])


def test_title_block_names_date_place_article_and_generation_time(seed_reader):
    first = page_texts(seed_reader)[0]
    assert "29–30 November 2017" in first
    assert "Minsk, Belarus" in first
    assert SEED_ARTICLE.name in first
    assert "Generated" in first and "UTC" in first


def test_page_count_and_page_n_of_m_footer(seed_export, seed_reader):
    _, result = seed_export
    count = len(seed_reader.pages)
    assert count == result.page_count >= 5
    for number, text in enumerate(page_texts(seed_reader), start=1):
        assert f"Page {number} of {count}" in text


def test_running_header_carries_the_title_after_the_first_page(seed, seed_reader):
    texts = page_texts(seed_reader)
    header = squash(seed.briefing.title + " Briefing note")
    assert header not in squash(texts[0])  # the title block stands in for it there
    for text in texts[1:]:
        assert header in squash(text)


def test_metadata(seed, seed_reader):
    meta = seed_reader.metadata
    assert meta.title == seed.briefing.title
    assert meta.subject == "Briefing note: Minsk, Belarus, 29–30 November 2017"
    assert "Nursultan Nazarbayev" in meta["/Keywords"] and "CSTO" in meta["/Keywords"]
    assert meta.creator.startswith("Briefing Viewer")
    xmp = seed_reader.xmp_metadata
    assert xmp is not None and xmp.dc_title["x-default"] == seed.briefing.title


def test_outline_has_one_entry_per_section_pointing_at_its_heading(seed_reader):
    outline = seed_reader.outline
    assert [item.title for item in outline] == [title for _, title in SECTION_TITLES]
    texts = page_texts(seed_reader)
    for item in outline:
        page = seed_reader.get_destination_page_number(item)
        assert squash(item.title) in squash(texts[page]), item.title
    pages = [seed_reader.get_destination_page_number(item) for item in outline]
    assert pages == sorted(pages)


def test_contents_entries_link_to_named_destinations(seed_reader):
    names = seed_reader.named_destinations
    links = [a.get_object() for a in seed_reader.pages[0].get("/Annots", [])]
    dests = [str(a["/Dest"]) for a in links if a.get("/Subtype") == "/Link"]
    anchors = [anchor for anchor, _ in SECTION_TITLES]
    assert set(anchors) <= set(dests)
    assert all(dest in names for dest in dests)
    for anchor in anchors:
        assert seed_reader.get_destination_page_number(names[anchor]) >= 0


def test_note_references_link_to_their_notes(seed_reader):
    names = seed_reader.named_destinations
    notes = [name for name in names if name.startswith("n")]
    assert len(notes) >= 30
    texts = page_texts(seed_reader)
    page = seed_reader.get_destination_page_number(names["n1"])
    assert "[1]" in texts[page]


def test_fonts_are_the_bundled_dejavu_embedded(seed_reader):
    seen = set()
    for page in seed_reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            seen.add(str(font["/BaseFont"]).split("+")[-1])
    assert seen and all(name.startswith("/DejaVu") or name.startswith("DejaVu")
                        for name in seen), seen


def test_derived_figures_are_marked_with_their_arithmetic(seed_reader):
    assert pdf_has(seed_reader, "Derived: 441.4 / (1 + 60 / 100) = 275.875 ≈ 275.9")
    text = squash("\n".join(page_texts(seed_reader)))
    # In the table, and as the chart's bar label (the chart and the table say it alike):
    assert text.count(squash("$275.9 million (derived)")) >= 2


def test_chart_is_vector_graphics(seed_reader):
    texts = page_texts(seed_reader)
    trade = next(i for i, t in enumerate(texts) if "BILATERAL TRADE TURNOVER" in t)
    page = seed_reader.pages[trade]
    assert "January-September 2017" in texts[trade]
    content = page.get_contents().get_data()
    assert b" re" in content  # rectangles drawn as paths
    for p in seed_reader.pages:
        xobjects = p["/Resources"].get("/XObject", {})
        assert not [x for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"]


def test_letter_page_size(qapp, tmp_path, seed, seed_article):
    from desktop.export import export_pdf

    out = tmp_path / "letter.pdf"
    export_pdf(seed, seed_article, out, page_size="Letter")
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_pdfa_1b_identification_and_matching_metadata(qapp, tmp_path, seed, seed_article):
    from desktop.export import export_pdf

    out = tmp_path / "archive.pdf"
    export_pdf(seed, seed_article, out, pdfa=True)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-1.4\n%")
    reader = PdfReader(out)
    root = reader.trailer["/Root"]
    intents = [i.get_object() for i in root["/OutputIntents"]]
    assert intents and intents[0]["/S"] == "/GTS_PDFA1"
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "<pdfaid:part>1</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    info = reader.metadata
    assert f">{info.title}<" in xmp
    created = info["/CreationDate"]  # D:YYYYMMDDHHmmSS+00'00'
    iso = f"{created[2:6]}-{created[6:8]}-{created[8:10]}T{created[10:12]}:{created[12:14]}"
    assert f"<xmp:CreateDate>{iso}:{created[14:16]}+00:00</xmp:CreateDate>" in xmp
    assert "/ID" in reader.trailer


def test_query_label_is_stated_in_the_title_block(qapp, tmp_path, seed, seed_article):
    from desktop.export import export_pdf

    out = tmp_path / "filtered.pdf"
    export_pdf(seed, seed_article, out, query_label="Minsk")
    reader = PdfReader(out)
    assert pdf_has(reader, "Filtered: only entries matching the query “Minsk” are included.")
    assert "Minsk" in reader.metadata.subject and "query" in reader.metadata.subject
