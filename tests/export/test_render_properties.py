"""Any valid briefing exports: generated briefings whose text is any Unicode the bundled
fonts draw give a complete PDF whose text holds every entry's title."""

from __future__ import annotations

import dataclasses
import unicodedata
from functools import cache

from export.export_helpers import squash
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from desktop.core.model import SECTIONS, entry_label

LABEL_FIELD = {"leaders": "name", "agreements": "title", "trade_statistics": "metric",
               "cooperation_areas": "area", "organisations": "name", "events": "title"}
# Left-to-right scripts (Latin, Greek, Cyrillic incl. Kazakh and Belarusian letters,
# symbols): their text reads back from the PDF in order. Right-to-left text is drawn in
# visual order, so it has its own check below.
BLOCKS = [(0x21, 0x250), (0x370, 0x530), (0x1E00, 0x1F00), (0x2010, 0x2200)]
RTL_LABELS = ["مرحبا بالعالم", "שלום עולם", "abc مرحبا 123"]


@cache
def drawn_characters() -> tuple[str, ...]:
    """Letters, digits, punctuation and symbols both export faces (Sans, Serif) draw."""
    from PySide6.QtGui import QFont, QFontMetrics

    from desktop.export.qtapp import BODY_FAMILY, TITLE_FAMILY, ensure_gui_app, register_fonts

    ensure_gui_app()
    register_fonts()
    faces = [QFontMetrics(QFont(family)) for family in (BODY_FAMILY, TITLE_FAMILY)]
    return tuple(chr(code) for start, end in BLOCKS for code in range(start, end)
                 if unicodedata.category(chr(code))[0] in "LNPS"
                 and unicodedata.normalize("NFKC", chr(code)) == chr(code)
                 and all(face.inFontUcs4(code) for face in faces))


word = st.deferred(lambda: st.text(st.sampled_from(drawn_characters()), min_size=1,
                                   max_size=12))
labels = st.lists(word, min_size=1, max_size=8).map(" ".join)


@st.composite
def briefings(draw, seed):
    changes = {"briefing": dataclasses.replace(seed.briefing, title=draw(labels),
                                               summary=draw(labels))}
    for section, _cls in SECTIONS:
        templates = getattr(seed, section)
        count = draw(st.integers(0, 4))
        changes[section] = tuple(
            dataclasses.replace(templates[n % len(templates)],
                                **{LABEL_FIELD[section]: draw(labels)})
            for n in range(count))
    return dataclasses.replace(seed, **changes)


def export_text(briefing, article, folder) -> str:
    from desktop.export import export_pdf

    out = folder / "generated.pdf"
    result = export_pdf(briefing, article, out)
    reader = PdfReader(out)
    assert len(reader.pages) == result.page_count
    return squash("".join(page.extract_text() for page in reader.pages))


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_generated_briefings_export_with_every_title(qapp, tmp_path_factory, seed,
                                                     seed_article, data):
    briefing = data.draw(briefings(seed))
    text = export_text(briefing, seed_article, tmp_path_factory.mktemp("render"))
    for section, _cls in SECTIONS:
        for entry in getattr(briefing, section):
            assert squash(entry_label(entry)) in text, (section, entry_label(entry))


def test_right_to_left_titles_export_with_all_their_letters(qapp, tmp_path, seed,
                                                            seed_article):
    leaders = tuple(dataclasses.replace(seed.leaders[0], name=name) for name in RTL_LABELS)
    text = export_text(dataclasses.replace(seed, leaders=leaders), seed_article, tmp_path)
    for name in RTL_LABELS:
        letters = [c for c in squash(name) if c.isalpha()]
        assert all(text.count(c) >= letters.count(c) for c in set(letters)), name
