"""The main window: assembles the tabs, menus, banner, loader and file watcher.

Each part lives in its own module and knows nothing of the others; this class only
builds them and connects their signals (see ``_connect``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..core.model import Briefing
from . import columns
from .actions import MENUS, Act, create_actions
from .banner import ProblemBanner
from .describe import all_excerpts, as_plain_text
from .entry_tab import EntryTab
from .excerpts import find_excerpt
from .loader import DocumentLoader, Loaded
from .overview_tab import OverviewTab
from .recent import RecentFiles
from .source_tab import SourceTab
from .timeline_chart import TimelineChart
from .trade_chart import TradeChart
from .watcher import FileWatcher

APP_NAME = "Briefing Viewer"
DEFAULT_SIZE = (1200, 800)
YAML_SUFFIXES = (".yaml", ".yml")
# Tab name (as --tab takes it), its label, and the briefing section an entry tab lists.
TABS: tuple[tuple[str, str, str | None], ...] = (
    ("overview", "&Overview", None),
    ("leaders", "&Leaders", "leaders"),
    ("agreements", "&Agreements", "agreements"),
    ("trade", "&Trade statistics", "trade_statistics"),
    ("cooperation", "&Cooperation areas", "cooperation_areas"),
    ("timeline", "T&imeline", "events"),
    ("source", "&Source", None),
)


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.setAcceptDrops(True)
        self._settings = settings
        self.recent = RecentFiles(settings)
        self._path: Path | None = None  # the file asked for (watched, reloaded)
        self._loaded: Loaded | None = None  # the last good briefing, on screen
        self._query = ""
        self.actions_by_id = create_actions(self)
        self.loader = DocumentLoader(self)
        self.watcher = FileWatcher(self)
        self._build()
        self._connect()
        self._restore_geometry()

    # --- assembly ------------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = ProblemBanner(self)
        self.overview = OverviewTab(self)
        self.trade_chart = TradeChart(self)
        self.timeline_chart = TimelineChart(self)
        self.source = SourceTab(self)
        self.entry_tabs: dict[str, EntryTab] = {
            "leaders": EntryTab("leaders", columns.LEADERS, parent=self),
            "agreements": EntryTab("agreements", columns.AGREEMENTS, parent=self),
            "trade": EntryTab("trade", columns.TRADE, header=self.trade_chart,
                              noun="trade figures", parent=self),
            "cooperation": EntryTab("cooperation", columns.COOPERATION,
                                    noun="cooperation areas", parent=self),
            "timeline": EntryTab("timeline", columns.EVENTS, header=self.timeline_chart,
                                 sort_column=0, noun="events", parent=self),
        }
        pages: dict[str, QWidget] = {"overview": self.overview, "source": self.source,
                                     **self.entry_tabs}
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setAccessibleName("Briefing sections")
        self.tabs.setDocumentMode(True)
        self.tab_names = [name for name, _label, _section in TABS]
        for name, label, _section in TABS:
            self.tabs.addTab(pages[name], label)
            pages[name].setAccessibleName(label.replace("&", ""))
        self.tabs.tabBar().setAccessibleName("Tabs")

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.statusBar().setAccessibleName("Status")

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        menu_bar.setAccessibleName("Menu bar")
        for title, acts in MENUS:
            menu = menu_bar.addMenu(title)
            for act in acts:
                if act is None:
                    menu.addSeparator()
                    continue
                menu.addAction(self.actions_by_id[act])
                if act is Act.OPEN:
                    self.recent_menu = QMenu("Open &Recent", menu)
                    self.recent_menu.setObjectName("recentMenu")
                    self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
                    menu.addMenu(self.recent_menu)
            if title == "&Edit":
                view = menu_bar.addMenu("&View")
                for number, (name, label, _section) in enumerate(TABS, 1):
                    action = QAction(label.replace("&", ""), self)
                    action.setObjectName(f"tab_{name}")
                    action.setShortcut(f"Ctrl+{number}")
                    action.triggered.connect(lambda _=False, n=name: self.select_tab(n))
                    view.addAction(action)
        self._fill_recent_menu()

    def _connect(self) -> None:
        a = self.actions_by_id
        a[Act.OPEN].triggered.connect(self.open_dialog)
        a[Act.RELOAD].triggered.connect(self.reload)
        a[Act.QUIT].triggered.connect(self.close)
        a[Act.COPY].triggered.connect(self.copy_entry)
        a[Act.SHOW_IN_ARTICLE].triggered.connect(self.show_in_article)
        a[Act.ABOUT].triggered.connect(self._about)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self.watcher.changed.connect(self._on_file_changed)
        self.overview.tab_requested.connect(self.select_tab)
        for tab in self.entry_tabs.values():
            tab.entry_selected.connect(self._on_entry_selected)
            tab.show_in_article_requested.connect(self.show_in_article)
            tab.copy_requested.connect(self.copy_entry)
        trade, timeline = self.entry_tabs["trade"], self.entry_tabs["timeline"]
        trade.entry_selected.connect(
            lambda _e: self.trade_chart.set_selected(trade.selected_entry_index()))
        timeline.entry_selected.connect(
            lambda _e: self.timeline_chart.set_selected(timeline.selected_entry_index()))
        self.trade_chart.bar_clicked.connect(trade.select_entry_index)
        self.timeline_chart.event_clicked.connect(timeline.select_entry_index)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._refresh_colours)

    # --- files -----------------------------------------------------------------------------

    def open_file(self, path: str | Path) -> None:
        """Open a briefing; problems show in the banner, the current briefing stays."""
        self._path = Path(path).absolute()
        self.statusBar().showMessage(f"Opening {self._path.name}…")
        self.loader.request(self._path, "open")

    def reload(self) -> None:
        if self._path is not None:
            self.loader.request(self._path, "reload")

    def open_dialog(self) -> None:
        start = str(self._path.parent) if self._path else ""
        name, _filter = QFileDialog.getOpenFileName(
            self, "Open briefing", start, "Briefings (*.yaml *.yml);;All files (*)")
        if name:
            self.open_file(name)

    def current_path(self) -> Path | None:
        return self._path

    def loaded(self) -> Loaded | None:
        return self._loaded

    def briefing(self) -> Briefing | None:
        return self._loaded.document.briefing if self._loaded else None

    def _on_loaded(self, loaded: Loaded, reason: str) -> None:
        if self._path is not None and loaded.path != self._path:
            return  # a newer file was asked for meanwhile
        self._loaded = loaded
        self._show(loaded)
        self.banner.hide()
        self.recent.add(loaded.path)
        self.watcher.watch(self._watched_paths(loaded))
        verb = "Reloaded" if reason == "reload" else "Opened"
        self.statusBar().showMessage(f"{verb} {loaded.path.name}", 5000)

    def _on_failed(self, path: Path, lines: list[str], reason: str) -> None:
        if self._loaded is None:
            title = f"{path.name} could not be opened:"
        elif self._loaded.path == path:
            title = (f"{path.name} has problems; still showing the last good version "
                     "(it reloads as soon as the file is fixed):")
        else:
            title = (f"{path.name} could not be opened; still showing "
                     f"{self._loaded.path.name}:")
        self.banner.show_problems(title, lines)
        self.statusBar().showMessage(f"{path.name}: {len(lines)} problem(s)")
        if reason == "open" or (self._loaded is not None and self._loaded.path == path):
            # Keep watching what the user asked for, so fixing it in an editor shows at once.
            article = self._watched_paths(self._loaded)[1:] if self._loaded else []
            self.watcher.watch([path, *article])

    def _watched_paths(self, loaded: Loaded | None) -> list[Path]:
        if loaded is None:
            return []
        article = loaded.path.parent / loaded.document.briefing.briefing.article.path
        return [loaded.path, article]

    def _on_file_changed(self) -> None:
        self.reload()

    def _show(self, loaded: Loaded) -> None:
        briefing = loaded.document.briefing
        article = loaded.article
        found = None
        if article is not None:
            def found(excerpt: str, _text: str = article) -> bool:
                return find_excerpt(_text, excerpt) is not None
        self.overview.set_briefing(briefing)
        for name, _label, section in TABS:
            if section is not None:
                self.entry_tabs[name].set_entries(getattr(briefing, section), found)
        self.trade_chart.set_statistics(briefing.trade_statistics)
        self.timeline_chart.set_events(briefing.events)
        self.source.set_article(str(briefing.briefing.article.path), article,
                                loaded.article_problem)
        current = self.current_entry_tab()
        self._on_entry_selected(current.selected_entry() if current else None)
        self.setWindowTitle(f"{briefing.briefing.title} — {loaded.path.name} — {APP_NAME}")
        if self._query:
            self.apply_query(self._query)

    # --- entries and provenance ----------------------------------------------------------

    def current_entry_tab(self) -> EntryTab | None:
        page = self.tabs.currentWidget()
        return page if isinstance(page, EntryTab) else None

    def select_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(self.tab_names.index(name))

    def current_tab_name(self) -> str:
        return self.tab_names[self.tabs.currentIndex()]

    def _on_tab_changed(self, _index: int) -> None:
        tab = self.current_entry_tab()
        if tab is not None:
            self._on_entry_selected(tab.selected_entry())

    def _on_entry_selected(self, entry: Any) -> None:
        if self.sender() is not None and self.sender() is not self.current_entry_tab() \
                and isinstance(self.sender(), EntryTab):
            return  # a tab in the background restored its selection
        self.source.view.highlight(all_excerpts(entry) if entry is not None else ())

    def selected_entry(self) -> Any:
        tab = self.current_entry_tab()
        return tab.selected_entry() if tab else None

    def show_in_article(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.statusBar().showMessage("Select an entry first, then Show in Article.", 4000)
            return
        self.source.view.highlight(all_excerpts(entry))
        self.select_tab("source")
        if self.source.view.show_first_excerpt():
            self.source.view.setFocus()
        else:
            self.statusBar().showMessage("This entry's excerpts were not found in the "
                                         "article.", 6000)

    def copy_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.statusBar().showMessage("Select an entry to copy it.", 4000)
            return
        QGuiApplication.clipboard().setText(as_plain_text(entry))
        self.statusBar().showMessage("Copied the entry with its excerpts.", 3000)

    def apply_query(self, text: str) -> None:
        """Where search plugs in: show only the entries matching ``text``.

        The search work implements this with core's search: for each entry tab, the
        indices of matching entries go to ``EntryTab.set_row_filter`` (None shows all).
        Until then the query is kept and every entry stays visible.
        """
        self._query = text
        if text:
            self.statusBar().showMessage(
                f"Search is not available in this version yet; ignoring '{text}'.")

    # --- window ----------------------------------------------------------------------------

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = self.recent.paths()
        for path in paths:
            action = menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_file(p))
        if paths:
            menu.addSeparator()
        clear = menu.addAction("Clear the list")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.recent.clear)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_briefing(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_briefing(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_file(path)

    def _restore_geometry(self) -> None:
        self.resize(*DEFAULT_SIZE)
        if self._settings is not None:
            geometry = self._settings.value("window/geometry")
            if isinstance(geometry, QByteArray | bytes):
                self.restoreGeometry(QByteArray(geometry))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._settings is not None:
            self._settings.setValue("window/geometry", self.saveGeometry())
            self._settings.sync()
        self.watcher.clear()
        super().closeEvent(event)

    def _refresh_colours(self, *_args: object) -> None:
        self.banner.refresh_colours()
        self.source.view.refresh_colours()
        for tab in self.entry_tabs.values():
            tab.refresh_colours()
        self.trade_chart.update()
        self.timeline_chart.update()

    def _about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, f"About {APP_NAME}",
                          f"{APP_NAME} {__version__}\n\nRead, search and print briefing notes "
                          "whose every fact is tied to its article.\nMIT licence; fonts: "
                          "DejaVu.", QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


def _dropped_briefing(mime: Any) -> Path | None:
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if isinstance(url, QUrl) and url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in YAML_SUFFIXES:
                return path
    return None
