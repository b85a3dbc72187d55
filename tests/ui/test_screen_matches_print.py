"""The window and the PDF say the same thing for every value.

For the seed, a generated briefing and one made to hold every kind of value the two
views once wrote differently (currencies, changes, trends, dates of every shape), the
text the window shows (each cell of each list tab, the formatted lines of the detail
pane, the Overview's date and key figures) is read from the widgets and looked for in
the text of the exported PDF (pypdf), in the row printed for the same entry.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from conftest import SEED_ARTICLE, SEED_BRIEFING
from export.export_helpers import page_texts, squash
from generate_briefing import write
from pypdf import PdfReader

from desktop.core.load import load_briefing
from desktop.export import export_pdf
from desktop.ui.entry_model import ENTRY_INDEX_ROLE

# Each list tab: its section, the PDF section it is printed in, the field that starts an
# entry's row in print, and the columns shown as a list of several values in the window
# but one per row in print (checked item by item) or not printed as such (a count).
TABS = {
    "leaders": ("leaders", "Leaders", "name", {"Statements": None}),
    "agreements": ("agreements", "Agreements", "title", {}),
    "trade": ("trade_statistics", "Trade statistics", "metric", {}),
    "cooperation": ("cooperation_areas", "Cooperation areas", "area",
                    {"Places": "items", "Products": "items"}),
    "timeline": ("events", "Timeline", "title", {}),
}
HEADINGS = ("Overview", "Leaders", "Agreements", "Trade statistics", "Cooperation areas",
            "Organisations", "Timeline", "Source excerpts")
# Detail pane lines whose values are written by the presentation layer or printed as is
# (a statement's kind is printed as quotation marks or "(reported)", so only an
# agreement's kind is compared).
PANE_LABELS = {"Figure", "Change", "Derived", "Date", "Established", "Status", "Period",
               "Parties", "Validity", "Role", "Country"}


def _varied(folder: Path) -> Path:
    """A briefing holding each kind of value once written two ways, and its article."""
    sentences: list[str] = []

    def said(text: str) -> list[str]:
        sentences.append(text)
        return [text]

    stats = [
        {"metric": "Tenge turnover", "value": 441.4, "unit": "currency", "currency": "KZT",
         "scale": "million", "period": "2017",
         "source": said("Tenge turnover was 441.4 million tenge in 2017.")},
        {"metric": "Euro grants", "value": 2.5, "unit": "currency", "currency": "EUR",
         "scale": "billion", "qualifier": "about", "direction": "decrease",
         "change": {"value": 20, "unit": "percent", "compared_with": "2016"},
         "source": said("Euro grants fell 20 percent to about 2.5 billion euros.")},
        {"metric": "Yuan loans", "value": 1500, "unit": "currency", "currency": "CNY",
         "scale": "billion", "change": {"value": 3, "unit": "percent"},
         "source": said("Yuan loans reached 1500 billion yuan, 3 percent more.")},
        {"metric": "Rouble payments", "value": 12, "unit": "currency", "currency": "RUB",
         "scale": "thousand", "direction": "increase",
         "source": said("Rouble payments rose to 12 thousand roubles.")},
        {"metric": "Grain shipped", "value": 1.23456789, "unit": "tonnes",
         "source": said("Grain shipped came to 1.23456789 tonnes.")},
        {"metric": "Plants opened", "value": 6, "unit": "plants",
         "change": {"value": 2, "unit": "plants"},
         "source": said("Plants opened numbered 6, 2 plants more.")},
        {"metric": "Cargo flows", "direction": "unchanged",
         "source": said("Cargo flows were unchanged.")},
        {"metric": "Tenge turnover", "value": 275.9, "unit": "currency", "currency": "KZT",
         "scale": "million", "period": "2016",
         "derived": {"arithmetic": "441.4 / (1 + 60 / 100)"},
         "source": said("Tenge turnover grew 60 percent in 2017.")},
    ]
    agreement_dates = ["2017-11-29/2017-12-02", "2017-01/2017-09", "2015/2016",
                       "2016-12-31/2017-01-02", "2017-11", None]
    agreements = [{"title": f"Agreement number {n}", "kind": "memorandum",
                   "status": "in_force" if n % 2 else "signed", "parties": ["A", "B"],
                   **({"date": date} if date else {}),
                   "source": said(f"Agreement number {n} was signed by A and B.")}
                  for n, date in enumerate(agreement_dates)]
    events = [{"date": date, "title": f"Event number {n}",
               "source": said(f"Event number {n} took place.")}
              for n, date in enumerate(["2016-11/2017-02", "2017/2018-03", "2012",
                                        "2017-11-30", "2017-11-29/2017-11-30"])]
    areas = [{"area": "Machine building", "details": "Tractors and lorries.",
              "places": [{"name": "Kostanai", "established": "2017-11", "products": ["cars"]},
                         {"name": "Minsk", "established": "2012/2013",
                          "products": ["tractors", "lorries"]}],
              "source": said("Machine building goes on in Kostanai and Minsk.")}]
    leaders = [{"name": "A. Person", "role": "Prime Minister", "country": "Kazakhstan",
                "source": said("A. Person, the Prime Minister of Kazakhstan, spoke.")}]
    article = "\n".join(sentences) + "\n"
    data = {"schema_version": 1, "briefing": {
        "title": "Every kind of value", "date": "2017-11-29/2017-12-02", "place": "Minsk",
        "summary": "Values of every kind.", "article": {
            "path": "article.txt", "sha256": hashlib.sha256(article.encode()).hexdigest()},
        "source": [sentences[0]]},
        "leaders": leaders, "agreements": agreements, "trade_statistics": stats,
        "cooperation_areas": areas, "events": events}
    (folder / "article.txt").write_text(article, encoding="utf-8")
    path = folder / "varied.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def _seed(folder: Path) -> Path:
    (folder / SEED_ARTICLE.name).write_bytes(SEED_ARTICLE.read_bytes())
    path = folder / SEED_BRIEFING.name
    path.write_bytes(SEED_BRIEFING.read_bytes())
    return path


MAKERS = {"seed": _seed, "generated": lambda folder: write(80, folder / "generated.yaml"),
          "varied": _varied}


def _sections(text: str) -> dict[str, str]:
    """The squashed text of each printed section, found after the contents table."""
    at = text.index(squash("Appendix: the article")) + 1  # the contents table's last row
    found: dict[str, str] = {}
    starts = []
    for number, heading in enumerate(HEADINGS, start=1):
        at = text.index(squash(f"{number} {heading}"), at)
        starts.append(at)
    ends = [*starts[1:], text.index(squash("Appendix: the article"), starts[-1])]
    for heading, start, end in zip(HEADINGS, starts, ends, strict=True):
        found[heading] = text[start:end]
    found["title block"] = text[:text.index(squash("Contents"))]
    return found


def _rows(section_text: str, anchors: list[str], after: str) -> list[str]:
    """Each entry's stretch of its section, from its anchor to the next entry's. In the
    trade section an anchor is followed by its note reference ("[", ``after``), as a
    table row prints it and a chart's label never does."""
    positions, at = [], 0
    for anchor in anchors:
        at = section_text.index(squash(anchor) + after, at)
        positions.append(at)
        at += 1
    ends = [*positions[1:], len(section_text)]
    return [section_text[start:end] for start, end in zip(positions, ends, strict=True)]


@pytest.mark.parametrize("kind", list(MAKERS))
def test_window_and_pdf_say_the_same(make_window, qtbot, tmp_path, kind):
    path = MAKERS[kind](tmp_path)
    briefing = load_briefing(path)
    article = (path.parent / briefing.briefing.article.path).read_text(encoding="utf-8")
    export_pdf(briefing, article, tmp_path / "out.pdf")
    printed = _sections(squash("\n".join(page_texts(PdfReader(tmp_path / "out.pdf")))))
    window = make_window(path)
    compared = 0

    def in_print(shown: str, where: str, what: str) -> None:
        nonlocal compared
        assert squash(shown) in where, f"{what}: the window says {shown!r}; print does not"
        compared += 1

    for tab_name, (section, heading, anchor_field, special) in TABS.items():
        entries = getattr(briefing, section)
        rows = _rows(printed[heading], [getattr(e, anchor_field) for e in entries],
                     "[" if tab_name == "trade" else "")
        window.select_tab(tab_name)
        tab = window.entry_tab(tab_name)
        model = tab.model
        headers = [column.header for column in model.columns]
        assert model.rowCount() == len(entries)
        for row in range(model.rowCount()):
            index = model.index(row, 0).data(ENTRY_INDEX_ROLE)
            for column, header in enumerate(headers):
                shown = model.index(row, column).data()
                what = f"{tab_name} row {index} {header}"
                if not shown or special.get(header, "") is None:
                    continue
                if special.get(header) == "items":
                    for item in shown.split(", "):
                        if not item.startswith("… (+"):  # a count of the items not shown
                            in_print(item, printed[heading], what)
                elif tab_name == "timeline" and header == "Date":  # printed before the title
                    in_print(shown + entries[index].title, printed[heading], what)
                else:
                    in_print(shown, rows[index], what)
            tab.select_entry_index(index)
            lines = tab.detail.toPlainText().split("\n")
            for at, label in enumerate(lines[:-1]):
                if label in PANE_LABELS or (label == "Kind" and tab_name == "agreements"):
                    value = lines[at + 1].removeprefix("derived ")
                    where = rows[index]
                    if tab_name == "cooperation" or (tab_name == "timeline" and label == "Date"):
                        where = printed[heading]  # in the places table; before the title
                    in_print(value, where, f"{tab_name} entry {index} pane {label}")

    overview = window.overview_tab().text().split("\n")
    in_print("Date" + overview[1].split(" · ")[0], printed["title block"], "Overview date")
    if "Key figures" in overview:
        start = overview.index("Key figures") + 1
        figures = overview[start:overview.index("", start)]
        key = printed["Overview"][printed["Overview"].index(squash("Key figures")):]
        at = 0
        for line in figures:  # in print as on screen, in the same order
            found = key.find(squash(line), at)
            assert found >= 0, f"Overview key figure line {line!r} not printed in its place"
            at = found + 1
            compared += 1
    assert compared > 20
