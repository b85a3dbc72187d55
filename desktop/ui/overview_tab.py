"""The Overview tab: what the briefing is about and its key figures at a glance.

The page is one text view of HTML built here, every briefing string escaped with
``html.escape`` (a page of thirty word-wrapped labels took several times as long to lay
out at start-up); the section buttons and the article link are real buttons, for the
keyboard.
"""

from __future__ import annotations

import html
from collections.abc import Collection

from PySide6.QtCore import Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..core.model import SECTIONS, Briefing
from ..core.origins import BriefingMarks
from ..present import dates, numbers
from ..present.figures import key_figure, key_figures
from ..present.readings import note as reading_note
from ..present.readings import origin_at, signed
from . import theme
from .marks import marked_fragments, pane_html
from .widgets import InertTextBrowser, plain_label

MAX_ORGANISATIONS = 50


class OverviewTab(QWidget):
    section_requested = Signal(str)  # a section's button: show the page listing it

    def __init__(self, briefing: Briefing | None = None, parent: QWidget | None = None, *,
                 shown_here: Collection[str] = ()) -> None:
        """``shown_here``: the sections this page shows itself, which get no button."""
        super().__init__(parent)
        self._shown_here = shown_here
        self.setObjectName("overviewTab")
        self.page = InertTextBrowser(self)
        self.page.setObjectName("overviewPage")
        self.page.setAccessibleName("Briefing overview")
        self.page.document().setDocumentMargin(14)
        self._buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._buttons)
        layout.addWidget(self.page, 1)
        self._briefing: Briefing | None = None
        self._highlighter: object = None  # the search's core Highlighter, or None
        self.set_briefing(briefing)

    def text(self) -> str:
        """The page as plain text, as a screen reader or a copy gets it."""
        return self.page.toPlainText()

    def refresh_colours(self) -> None:
        self.set_briefing(self._briefing)

    def highlighted_texts(self) -> list[str]:
        """The text under each search highlight on the page, in order."""
        return marked_fragments(self.page.document(), theme.search_background(self.palette()))

    def set_highlighter(self, highlighter: object) -> None:
        """Mark a search's hits on the page (None: no search)."""
        if highlighter is self._highlighter:
            return
        self._highlighter = highlighter
        if self._briefing is not None:
            scroll = self.page.verticalScrollBar().value()
            self.page.setHtml(self._html(self._briefing))
            self.page.verticalScrollBar().setValue(scroll)

    def set_briefing(self, briefing: Briefing | None, loading: str = "") -> None:
        """Show a briefing; with none, say what is loading (``loading``) or how to open."""
        self._briefing = briefing
        self._fill_buttons(briefing)
        if briefing is not None:
            self.page.setHtml(self._html(briefing))
        elif loading:
            self.page.setHtml(f"<p>Loading {html.escape(loading)}…</p>")
        else:
            self.page.setHtml("<p>No briefing open. Use File &gt; Open (Ctrl+O) or drop a "
                              ".yaml file on the window.</p>")

    def _fill_buttons(self, briefing: Briefing | None) -> None:
        while (item := self._buttons.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().deleteLater()
        if briefing is None:
            return
        self._buttons.addWidget(plain_label("In this briefing:", self, wrap=False))
        for section, _cls in SECTIONS:
            count = len(getattr(briefing, section))
            if section in self._shown_here or not count:
                continue
            noun = section.replace("_", " ")
            button = QPushButton(f"{numbers.number(count)} {noun}", self)
            button.setAccessibleName(f"Show the {numbers.number(count)} {noun}")
            button.clicked.connect(lambda _=False, s=section: self.section_requested.emit(s))
            self._buttons.addWidget(button)
        self._buttons.addStretch(1)
        if not briefing.briefing.article.url:
            return  # no link to offer, and no QUrl to make (importing it builds its enums)
        from PySide6.QtCore import QUrl

        url = QUrl(briefing.briefing.article.url)
        if url.isValid() and url.scheme() in ("http", "https"):
            button = QPushButton("Open the article in the web browser", self)
            button.setAccessibleName("Open the article in the web browser")
            button.setToolTip(url.toString())
            button.clicked.connect(lambda _=False, u=url: QDesktopServices.openUrl(u))
            self._buttons.addWidget(button)

    def _html(self, briefing: Briefing) -> str:
        esc = pane_html  # briefing text of any length: cut and made breakable
        header = briefing.briefing
        palette = self.palette()
        hit = theme.search_background(palette).name()

        def mark(text: str, key: str = "") -> str:
            return pane_html(text, self._highlighter, key, hit)

        derived = theme.derived_bar(palette).name()
        muted = "gray"
        out = []
        if header.draft:
            out.append(f"<p style='color:{derived}'><b>DRAFT: machine-made, not reviewed by "
                       "a person</b></p>")
        out.append(f"<h2>{mark(header.title, 'title')}</h2>")
        marks = BriefingMarks(briefing)
        signs = marks.of(header)
        date_origin = origin_at(signs, ("date",))
        place_origin = origin_at(signs, ("place",))
        where = " · ".join(p for p in (signed(dates.readable(header.date), date_origin),
                                       signed(header.place, place_origin),
                                       f"dateline {header.dateline}" if header.dateline
                                       else "") if p)
        out.append(f"<p style='color:{muted}'>{mark(where)}")
        for origin, what in ((date_origin, "date"), (place_origin, "place")):
            if origin is not None:  # the reason at hand, under what it explains
                out.append(f"<br/><i>{esc(reading_note(origin, what))}</i>")
        out.append("</p>")
        out.append(f"<p>{mark(header.summary, 'summary')}</p>")

        figures = key_figures(briefing.trade_statistics)
        if figures:
            cells = []
            for index in figures:
                stat = briefing.trade_statistics[index]
                shown = key_figure(stat, marks.of(stat))
                cell = [f"<span style='font-size:x-large'><b>{esc(shown.amount)}"
                        f"</b></span><br/>{esc(shown.what)}"]
                if shown.moved:
                    cell.append(f"<br/>{esc(shown.moved)}")
                cell.extend(f"<br/><i style='color:{muted}'>{esc(n)}</i>" for n in shown.notes)
                cells.append(f"<td width='25%' style='padding:8px'>{''.join(cell)}</td>")
            out.append("<h3>Key figures</h3><table border='1' cellspacing='0' "
                       "cellpadding='8' width='100%' style='border-color:#999'>"
                       f"<tr>{''.join(cells)}</tr></table>")

        if briefing.organisations:
            out.append("<h3>Organisations named</h3><ul>")
            for org in briefing.organisations[:MAX_ORGANISATIONS]:
                name = f"{org.name} ({org.acronym})" if org.acronym else org.name
                note = f": {org.note}" if org.note else ""
                out.append(f"<li>{mark(name + note)}</li>")
            out.append("</ul>")
            if len(briefing.organisations) > MAX_ORGANISATIONS:
                more = len(briefing.organisations) - MAX_ORGANISATIONS
                out.append(f"<p>… and {more:,} more</p>")

        article = header.article
        described = article.title or article.path
        if article.publisher:
            described += f" ({article.publisher})"
        out.append(f"<h3>Source</h3><p>Article: {esc(described)}</p>")
        if header.note:
            out.append(f"<p style='color:{muted}'>{mark(header.note, 'note')}</p>")
        return "".join(out)
