"""The Overview tab: what the briefing is about and its key figures at a glance."""

from __future__ import annotations

import heapq

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.model import SECTIONS, Briefing, TradeStatistic
from . import dates, formatting, theme
from .describe import derived_arithmetic
from .widgets import plain_label

KEY_FIGURES = 4
# Overview buttons jump to the tab that lists each section.
SECTION_TABS = {"leaders": "leaders", "agreements": "agreements", "trade_statistics": "trade",
                "cooperation_areas": "cooperation", "events": "timeline"}


def key_figures(stats: tuple[TradeStatistic, ...]) -> list[int]:
    """Indices of the figures worth a glance: money first, moving ones next."""
    ranked = heapq.nsmallest(KEY_FIGURES, (
        (s.unit != "currency", s.change is None, s.derived is not None, i)
        for i, s in enumerate(stats) if s.value is not None))
    return [key[-1] for key in ranked]


class FigureCard(QFrame):
    def __init__(self, stat: TradeStatistic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("figureCard")
        layout = QVBoxLayout(self)
        amount = plain_label(formatting.amount(stat), self, scale=1.6, bold=True, wrap=False)
        layout.addWidget(amount)
        layout.addWidget(plain_label(stat.metric + (f", {stat.period}" if stat.period else ""),
                                     self))
        if stat.change is not None:
            layout.addWidget(plain_label(formatting.change(stat.change), self))
        arithmetic = derived_arithmetic(stat)
        if arithmetic:
            mark = plain_label(f"derived: {arithmetic}", self, name="derivedMark")
            palette = mark.palette()
            palette.setColor(QPalette.ColorRole.WindowText, theme.derived_bar(palette))
            mark.setPalette(palette)
            layout.addWidget(mark)
        layout.addStretch(1)


class OverviewTab(QScrollArea):
    tab_requested = Signal(str)

    def __init__(self, briefing: Briefing | None = None, parent: QWidget | None = None,
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("overviewTab")
        self.setAccessibleName("Overview")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._page: QWidget | None = None
        self.set_briefing(briefing)

    def set_briefing(self, briefing: Briefing | None) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        if briefing is None:
            layout.addWidget(plain_label("No briefing open. Use File > Open (Ctrl+O) or drop "
                                         "a .yaml file on the window.", page))
        else:
            self._fill(layout, page, briefing)
        layout.addStretch(1)
        self.setWidget(page)  # deletes the previous page
        self._page = page

    def _fill(self, layout: QVBoxLayout, page: QWidget, briefing: Briefing) -> None:
        header = briefing.briefing
        if header.draft:
            layout.addWidget(plain_label("DRAFT: machine-made, not reviewed by a person", page,
                                         bold=True, name="draftMark"))
        layout.addWidget(plain_label(header.title, page, scale=1.5, bold=True, name="title"))
        where = " · ".join(p for p in (dates.readable(header.date), header.place,
                                       f"dateline {header.dateline}" if header.dateline
                                       else "") if p)
        layout.addWidget(plain_label(where, page, scale=1.05, name="datePlace"))
        layout.addWidget(plain_label(header.summary, page, name="summary"))

        figures = key_figures(briefing.trade_statistics)
        if figures:
            layout.addSpacing(6)
            layout.addWidget(plain_label("Key figures", page, scale=1.15, bold=True))
            grid = QGridLayout()
            grid.setSpacing(10)
            for n, index in enumerate(figures):
                grid.addWidget(FigureCard(briefing.trade_statistics[index], page), 0, n)
            layout.addLayout(grid)

        layout.addSpacing(6)
        layout.addWidget(plain_label("In this briefing", page, scale=1.15, bold=True))
        row = QHBoxLayout()
        for section, _cls in SECTIONS:
            count = len(getattr(briefing, section))
            tab = SECTION_TABS.get(section)
            if tab is None or not count:
                continue
            noun = section.replace("_", " ")
            button = QPushButton(f"{count:,} {noun}", page)
            button.setAccessibleName(f"Show the {count:,} {noun}")
            button.clicked.connect(lambda _=False, t=tab: self.tab_requested.emit(t))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

        if briefing.organisations:
            layout.addSpacing(6)
            layout.addWidget(plain_label("Organisations named", page, scale=1.15, bold=True))
            for org in briefing.organisations[:50]:
                name = f"{org.name} ({org.acronym})" if org.acronym else org.name
                layout.addWidget(plain_label(f"• {name}" + (f": {org.note}" if org.note else ""),
                                             page))
            if len(briefing.organisations) > 50:
                layout.addWidget(plain_label(f"… and {len(briefing.organisations) - 50:,} "
                                             "more", page))

        layout.addSpacing(6)
        layout.addWidget(plain_label("Source", page, scale=1.15, bold=True))
        article = header.article
        described = article.title or article.path
        if article.publisher:
            described += f" ({article.publisher})"
        layout.addWidget(plain_label(f"Article: {described}", page, name="articleRef"))
        if header.note:
            layout.addWidget(plain_label(header.note, page, name="note"))
        url = QUrl(article.url or "")
        if url.isValid() and url.scheme() in ("http", "https"):
            button = QPushButton("Open the article in the web browser", page)
            button.setAccessibleName("Open the article in the web browser")
            button.setToolTip(url.toString())
            button.clicked.connect(lambda _=False, u=url: QDesktopServices.openUrl(u))
            layout.addWidget(button)

    def labels(self) -> list[QLabel]:
        return self.findChildren(QLabel)
