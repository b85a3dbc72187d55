"""The main window: assembles the tabs, menus, banner, loader and file watcher.

Each part lives in its own module and knows nothing of the others; this class only
builds them and connects their signals (see ``_connect``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from .. import __version__
from .actions import MENUS, Act, create_actions
from .banner import ProblemBanner
from .lazy_page import LazyPage
from .loader import DocumentLoader, Loaded
from .recent import RecentFiles
from .watcher import FileWatcher

if TYPE_CHECKING:
    from ..core.model import Briefing
    from .entry_tab import EntryTab

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
# Entry tab -> (column set in columns.py, noun for counts, column sorted at start).
ENTRY_TABS: dict[str, tuple[str, str, int | None]] = {
    "leaders": ("LEADERS", "leaders", None),
    "agreements": ("AGREEMENTS", "agreements", None),
    "trade": ("TRADE", "trade figures", None),
    "cooperation": ("COOPERATION", "cooperation areas", None),
    "timeline": ("EVENTS", "events", 0),
}


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
        self._found: Any = None  # excerpt -> whether the article contains it
        self.actions_by_id = create_actions(self)
        self.loader = DocumentLoader(self)
        self.watcher = FileWatcher(self)
        self._build()
        self._connect()
        self._restore_geometry()

    # --- assembly ------------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = ProblemBanner(self)
        self.pages: dict[str, LazyPage] = {}
        self._entry_tabs: dict[str, EntryTab] = {}
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setAccessibleName("Briefing sections")
        self.tabs.setDocumentMode(True)
        self.tab_names = [name for name, _label, _section in TABS]
        for name, label, section in TABS:
            if name == "overview":
                build = self._build_overview
            elif name == "source":
                build = self._build_source
            else:
                build = partial(self._build_entry_tab, name, section)
            page = LazyPage(build, self)
            page.setObjectName(f"{name}Page")
            page.setAccessibleName(label.replace("&", ""))
            self.pages[name] = page
            self.tabs.addTab(page, label)
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
        self.tabs.currentChanged.connect(self._on_tab_changed)

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
        from PySide6.QtWidgets import QFileDialog

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
        return self._loaded.briefing if self._loaded else None

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
        article = loaded.path.parent / loaded.briefing.briefing.article.path
        return [loaded.path, article]

    def _on_file_changed(self) -> None:
        self.reload()

    # --- tab pages, each built when first shown ----------------------------------------

    def _build_overview(self, parent: QWidget) -> QWidget:
        from .overview_tab import OverviewTab

        overview = OverviewTab(parent)
        overview.tab_requested.connect(self.select_tab)
        if self._loaded is not None:
            overview.set_briefing(self._loaded.briefing)
        return overview

    def _build_source(self, parent: QWidget) -> QWidget:
        from .source_tab import SourceTab

        source = SourceTab(parent)
        if self._loaded is not None:
            self._fill_source(source, self._loaded)
        return source

    def _build_entry_tab(self, name: str, section: str, parent: QWidget) -> QWidget:
        from . import columns
        from .entry_tab import EntryTab

        chart: Any = None
        if name == "trade":
            from .trade_chart import TradeChart

            chart = TradeChart(parent)
        elif name == "timeline":
            from .timeline_chart import TimelineChart

            chart = TimelineChart(parent)
        spec = ENTRY_TABS[name]
        tab = EntryTab(name, getattr(columns, spec[0]), header=chart, noun=spec[1],
                       sort_column=spec[2], parent=parent)
        self._entry_tabs[name] = tab
        tab.entry_selected.connect(self._on_entry_selected)
        tab.show_in_article_requested.connect(self.show_in_article)
        tab.copy_requested.connect(self.copy_entry)
        if chart is not None:
            tab.entry_selected.connect(lambda _e: chart.set_selected(tab.selected_entry_index()))
            (chart.bar_clicked if name == "trade" else chart.event_clicked).connect(
                tab.select_entry_index)
        if self._loaded is not None:
            self._fill_entry_tab(tab, section, self._loaded.briefing)
        return tab

    def _fill_entry_tab(self, tab: EntryTab, section: str, briefing: Briefing) -> None:
        tab.set_entries(getattr(briefing, section), self._found)
        if tab.header is not None:
            if tab.name == "trade":
                tab.header.set_statistics(briefing.trade_statistics)
            else:
                tab.header.set_events(briefing.events)

    def _fill_source(self, source: Any, loaded: Loaded) -> None:
        source.set_article(str(loaded.briefing.briefing.article.path),
                           loaded.article, loaded.article_problem)

    def overview_tab(self) -> Any:
        return self.pages["overview"].content()

    def source_tab(self) -> Any:
        return self.pages["source"].content()

    def entry_tab(self, name: str) -> EntryTab:
        self.pages[name].content()
        return self._entry_tabs[name]

    def built_entry_tabs(self) -> list[EntryTab]:
        return list(self._entry_tabs.values())

    def _show(self, loaded: Loaded) -> None:
        briefing = loaded.briefing
        article = loaded.article
        self._found = None
        if article is not None:
            def found(excerpt: str, _text: str = article) -> bool:
                from .excerpts import find_excerpt

                return find_excerpt(_text, excerpt) is not None
            self._found = found
        if self.pages["overview"].is_built():
            self.overview_tab().set_briefing(briefing)
        for name, _label, section in TABS:
            if section is not None and name in self._entry_tabs:
                self._fill_entry_tab(self._entry_tabs[name], section, briefing)
        if self.pages["source"].is_built():
            self._fill_source(self.source_tab(), loaded)
        current = self.current_entry_tab()
        self._on_entry_selected(current.selected_entry() if current else None)
        self.setWindowTitle(f"{briefing.briefing.title} — {loaded.path.name} — {APP_NAME}")
        if self._query:
            self.apply_query(self._query)

    # --- entries and provenance ----------------------------------------------------------

    def current_entry_tab(self) -> EntryTab | None:
        return self._entry_tabs.get(self.current_tab_name())

    def select_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(self.tab_names.index(name))

    def current_tab_name(self) -> str:
        return self.tab_names[self.tabs.currentIndex()]

    def _on_tab_changed(self, _index: int) -> None:
        tab = self.current_entry_tab()
        if tab is not None:
            self._on_entry_selected(tab.selected_entry())

    def _on_entry_selected(self, entry: Any) -> None:
        sender = self.sender()
        if sender in self._entry_tabs.values() and sender is not self.current_entry_tab():
            return  # a tab in the background restored its selection
        if entry is None and not self.pages["source"].is_built():
            return
        from .describe import all_excerpts

        self.source_tab().view.highlight(all_excerpts(entry) if entry is not None else ())

    def selected_entry(self) -> Any:
        tab = self.current_entry_tab()
        return tab.selected_entry() if tab else None

    def show_in_article(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.statusBar().showMessage("Select an entry first, then Show in Article.", 4000)
            return
        from .describe import all_excerpts

        view = self.source_tab().view
        view.highlight(all_excerpts(entry))
        self.select_tab("source")
        if view.show_first_excerpt():
            view.setFocus()
        else:
            self.statusBar().showMessage("This entry's excerpts were not found in the "
                                         "article.", 6000)

    def copy_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.statusBar().showMessage("Select an entry to copy it.", 4000)
            return
        from .describe import as_plain_text

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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            # Light <-> dark. The children get the new palette after this window does,
            # so re-pick colours once the event loop has delivered it to all of them.
            QTimer.singleShot(0, self._refresh_colours)
        super().changeEvent(event)

    def _refresh_colours(self) -> None:
        """Re-pick the viewer's own colours (the system scheme changed the palette)."""
        self.banner.refresh_colours()
        if self.pages["overview"].is_built() and self._loaded is not None:
            self.overview_tab().set_briefing(self._loaded.briefing)
        if self.pages["source"].is_built():
            self.source_tab().view.refresh_colours()
        for tab in self._entry_tabs.values():
            tab.refresh_colours()
            if tab.header is not None:
                tab.header.update()

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

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
