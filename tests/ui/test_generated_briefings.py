"""The window shows any valid briefing: generated ones whose text is any Unicode the
bundled DejaVu fonts draw (Latin, Cyrillic, Greek, Arabic and Hebrew right to left,
symbols and the emoji DejaVu has), very long strings included, open and paint on every
tab without a Qt warning or an exception, and every entry's label is in its tab's model.
"""

from __future__ import annotations

import copy
import shutil
import unicodedata
from functools import cache

import yaml
from conftest import SEED_ARTICLE, SEED_BRIEFING
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from desktop.core.longtext import clipped
from desktop.core.model import SECTIONS, entry_label
from desktop.core.pages import PAGES
from desktop.ui.fonts import UI_FAMILY, register_bundled_fonts
from desktop.ui.pages import EntryPage

SEED_DATA = yaml.safe_load(SEED_BRIEFING.read_text(encoding="utf-8"))
SECTION_OF_TAB = {page.name: page.sections[0] for page in PAGES
                  if page.sections[0] in dict(SECTIONS)}
LABEL_FIELD = {"leaders": "name", "agreements": "title", "trade_statistics": "metric",
               "cooperation_areas": "area", "events": "title"}
LABEL_COLUMN = {"leaders": 0, "agreements": 0, "trade": 0, "cooperation": 0, "timeline": 1}
# Blocks sampled for characters, so every script the analysts meet is drawn from.
BLOCKS = [(0x20, 0x250), (0x370, 0x530), (0x590, 0x700), (0x1E00, 0x2000),
          (0x2000, 0x2700), (0xFB00, 0xFEFF), (0x1F300, 0x1F700)]
RTL_SAMPLES = ["مرحبا بالعالم", "שלום עולם", "\u202eRTL override\u202c", "abc مرحبا 123"]


@cache
def drawn_characters() -> tuple[str, ...]:
    """Printable characters the bundled DejaVu Sans has glyphs for (needs the app)."""
    register_bundled_fonts()
    metrics = QFontMetrics(QFont(UI_FAMILY))
    return tuple(
        chr(code) for start, end in BLOCKS for code in range(start, end)
        if unicodedata.category(chr(code))[0] in "LMNPS" or chr(code) == " "
        if metrics.inFontUcs4(code))


covered_text = st.deferred(lambda: st.text(st.sampled_from(drawn_characters()), min_size=1,
                                           max_size=60))
label = st.one_of(covered_text, st.sampled_from(RTL_SAMPLES),
                  covered_text.map(lambda s: (s * (3000 // len(s) + 1))[:3000]),
                  ).filter(lambda s: s.strip())


@st.composite
def briefings(draw) -> dict:
    """The seed with its labels and free text replaced and each section's length varied."""
    data = copy.deepcopy(SEED_DATA)
    data["briefing"]["title"] = draw(label)
    data["briefing"]["summary"] = draw(label)
    for section, field in LABEL_FIELD.items():
        templates = SEED_DATA.get(section) or []
        count = draw(st.integers(0, 6)) if templates else 0
        entries = []
        for number in range(count):
            entry = copy.deepcopy(templates[number % len(templates)])
            entry[field] = draw(label)
            if "details" in entry:
                entry["details"] = draw(label)
            entries.append(entry)
        data[section] = entries
    return data


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=briefings())
def test_window_shows_generated_briefings(make_window, qtbot, tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("generated")
    shutil.copy(SEED_ARTICLE, folder / SEED_ARTICLE.name)
    path = folder / "generated.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    with qtbot.captureExceptions() as exceptions:
        window = make_window(path)
        assert not window.banner.isVisible(), window.banner.lines()
        assert window.briefing().briefing.title == data["briefing"]["title"]
        for name in window.tab_names:
            window.select_tab(name)
            QApplication.processEvents()
            page = window.tabs.current_page()
            tab = page.tab() if isinstance(page, EntryPage) else None
            if tab is not None and tab.model.rowCount():
                tab.select_row(tab.model.rowCount() - 1)  # the detail pane draws it
            window.grab()
        for name, section in SECTION_OF_TAB.items():
            model = window.entry_tab(name).model
            shown = [model.index(row, LABEL_COLUMN[name]).data()
                     for row in range(model.rowCount())]
            # A cell shows at most LINE_CHARS of a label; the detail pane shows it whole.
            assert shown == [clipped(entry_label(model.entry(row)))
                             for row in range(model.rowCount())]
            assert sorted(shown) == sorted(clipped(e[LABEL_FIELD[section]])
                                           for e in data[section])
        window.close()
    assert not exceptions
