"""The main window: assembles the tabs, menus, banner, loader and file watcher.

Each part lives in its own module and knows nothing of the others; this class builds
them (``_build``), connects their signals (``_connect``) and handles what crosses parts:
files (open, reload, drop, recent) and provenance (highlight, show in article, copy).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from .. import __version__
from ..core.pages import HEADER_SECTION
from .actions import MENUS, Act, create_actions
from .loader import DocumentLoader, Failed, Loaded
from .pages import PAGES
from .recent import RecentFiles, RecentMenu
from .search_bar import SearchBar
from .search_controller import SearchController
from .tab_pages import BriefingTabs
from .watcher import FileWatcher
from .widgets import after_first_paint

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData, QSettings
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from ..core.model import Briefing, Entry
    from .banner import ProblemBanner
    from .draft_banner import DraftBanner
    from .entry_tab import EntryTab
    from .overview_tab import OverviewTab
    from .pages import EntryPage, OverviewPage, PageMaker
    from .results_panel import ResultsPanel
    from .source_tab import SourceTab

APP_NAME = "Briefing Viewer"
DEFAULT_SIZE = (1200, 800)
YAML_SUFFIXES = (".yaml", ".yml")
TITLE_CHARS = 200


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None, *,
                 pages: Sequence[PageMaker] | None = None) -> None:
        """``pages``: the pages to show as tabs (the registry's, unless given)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.setAcceptDrops(True)
        self._settings = settings
        self.recent = RecentFiles(settings)
        self._pending_recent: Path | None = None  # opened, not yet in the recent list
        self._path: Path | None = None  # the file asked for (watched, reloaded)
        self._loaded: Loaded | None = None  # the last good briefing, on screen
        self.actions_by_id = create_actions(self)
        self.loader = DocumentLoader(self)
        self.watcher = FileWatcher(self)
        self._build(pages)
        self._connect()
        self._restore_geometry()

    # --- assembly ------------------------------------------------------------------------

    def _build(self, pages: Sequence[PageMaker] | None) -> None:
        # The banners are made when there is something to show: most starts have neither.
        self._banner: ProblemBanner | None = None
        self._draft_banner: DraftBanner | None = None
        self.tabs = BriefingTabs(self, PAGES if pages is None else pages)
        self.tab_names = self.tabs.names
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._central_layout = layout
        self._build_search()
        self._build_menus()
        self.statusBar().setAccessibleName("Status")

    def problem_lines(self) -> list[str]:
        """The problems the banner shows, if it is shown (made only when there are some)."""
        banner = self._banner
        return banner.lines() if banner is not None and banner.isVisible() else []

    @property
    def banner(self) -> ProblemBanner:
        """Why a file could not be (re)loaded, one line a problem; above everything."""
        if self._banner is None:
            from .banner import ProblemBanner

            self._banner = ProblemBanner(self)
            self._central_layout.insertWidget(0, self._banner)
        return self._banner

    @property
    def draft_banner(self) -> DraftBanner:
        """The notice that the briefing on screen is an unreviewed draft; above the tabs."""
        if self._draft_banner is None:
            from .draft_banner import DraftBanner

            self._draft_banner = DraftBanner(self)
            layout = self._central_layout
            layout.insertWidget(layout.indexOf(self.tabs), self._draft_banner)
        return self._draft_banner

    def _build_search(self) -> None:
        results = self.actions_by_id[Act.RESULTS_PANEL]
        self.search_bar = SearchBar(results, self)
        self.addToolBar(self.search_bar)  # in the top area
        self._results_panel: ResultsPanel | None = None  # made when first shown
        results.toggled.connect(self._show_results)
        self.search = SearchController(self.tabs, self.search_bar, self)
        self.search.failed.connect(lambda message: self.statusBar().showMessage(message))

    def _show_results(self, shown: bool) -> None:
        if shown or self._results_panel is not None:
            self.results_panel.setVisible(shown)

    def _leave_search(self) -> None:
        """Esc in an empty search field: back to the list (or article) on screen."""
        from PySide6.QtCore import Qt  # not at import: see widgets.set_enum_property

        target = self.tabs.current_page().focus_widget()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def results_panel(self) -> ResultsPanel:
        """The dock listing every search hit (made on first use: start-up pays nothing)."""
        if self._results_panel is None:
            from PySide6.QtCore import Qt

            from .results_panel import ResultsPanel

            panel = ResultsPanel(self.tabs.section_title, self)
            panel.hide()
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
            panel.visibilityChanged.connect(self.actions_by_id[Act.RESULTS_PANEL].setChecked)
            self._results_panel = panel
            self.search.attach_panel(panel)
        return self._results_panel

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
                    self.recent_menu = RecentMenu(self.recent, menu)
                    menu.addMenu(self.recent_menu)
            if title == "&Edit":
                view = menu_bar.addMenu("&View")
                for number, page in enumerate(self.tabs.pages, 1):
                    action = QAction(page.spec.title, self)
                    action.setObjectName(f"tab_{page.spec.name}")
                    action.setShortcuts([QKeySequence(f"Ctrl+{number}")])  # see actions.py
                    action.triggered.connect(
                        lambda _=False, p=page: self.tabs.select_page(p))
                    view.addAction(action)
                view.addSeparator()
                view.addAction(self.actions_by_id[Act.RESULTS_PANEL])

    def _connect(self) -> None:
        a = self.actions_by_id
        a[Act.OPEN].triggered.connect(self.open_dialog)
        a[Act.RELOAD].triggered.connect(self.reload)
        a[Act.QUIT].triggered.connect(self.close)
        a[Act.COPY].triggered.connect(self.copy_entry)
        a[Act.SHOW_IN_ARTICLE].triggered.connect(lambda: self.show_in_article())
        a[Act.ABOUT].triggered.connect(self._about)
        a[Act.NEW_FROM_ARTICLE].triggered.connect(self.new_from_article)
        a[Act.EXPORT_PDF].triggered.connect(lambda: self.export_pdf())
        a[Act.EXPORT_SHOWN].triggered.connect(lambda: self.export_pdf(shown_only=True))
        a[Act.PRINT].triggered.connect(lambda: self.print_briefing())
        a[Act.FIND].triggered.connect(self.search_bar.focus_field)
        a[Act.FIND_NEXT].triggered.connect(self.search.next_hit)
        a[Act.FIND_PREVIOUS].triggered.connect(self.search.previous_hit)
        self.search_bar.field.left.connect(self._leave_search)
        self.recent_menu.open_requested.connect(self.open_file)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self.watcher.changed.connect(self.reload)
        self.tabs.entry_selected.connect(self._highlight)
        self.tabs.show_in_article_requested.connect(self.show_in_article)
        self.tabs.excerpt_requested.connect(self.show_in_article)
        self.tabs.copy_requested.connect(self.copy_entry)

    # --- the tabs ------------------------------------------------------------------------

    def select_tab(self, name: str) -> None:
        """Show the page of this name (as `briefing --tab` takes it)."""
        self.tabs.select(name)

    def current_tab_name(self) -> str:
        return self.tabs.current_name()

    def overview_tab(self) -> OverviewTab:
        """The Overview's content (the page that shows the briefing's header)."""
        return cast("OverviewPage", self.tabs.page_for(HEADER_SECTION)).tab()

    def source_tab(self) -> SourceTab:
        """The article's content."""
        return self.tabs.article_page().tab()

    def entry_tab(self, name: str) -> EntryTab:
        """The content of the entry list of this name."""
        return cast("EntryPage", self.tabs.page(name)).tab()

    def selected_entry(self) -> Entry | None:
        return self.tabs.selected_entry()

    # --- files -----------------------------------------------------------------------------

    def open_file(self, path: str | Path, preloaded: Loaded | Failed | None = None) -> None:
        """Open a briefing; problems show in the banner, the current briefing stays.

        ``preloaded`` is the file already read (by `briefing FILE` before Qt started).
        """
        self._path = Path(path).absolute()
        self.statusBar().showMessage(f"Opening {self._path.name}…")
        # Watched from before it is read: a save while a big file loads is not missed.
        self.watcher.watch([self._path])
        if preloaded is not None:
            self.loader.deliver(preloaded, "open")
            return
        self.loader.request(self._path, "open")
        if self.loader.is_busy():  # a big file, loading in a thread
            self.tabs.show_loading(self._path.name)

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
        self.tabs.show_loaded(loaded)
        title = loaded.briefing.briefing.title
        if len(title) > TITLE_CHARS:  # a title bar shows a line; the Overview has it all
            title = title[:TITLE_CHARS - 1] + "…"
        self.setWindowTitle(f"{title} — {loaded.path.name} — {APP_NAME}")
        if loaded.article_problem is not None:
            # The briefing is readable; its article is not (missing, changed, or outside
            # the briefing's folder): say so above the tabs, with the fix, not only in
            # the Source tab, since excerpts and export depend on it.
            self.banner.show_problems(
                f"{loaded.path.name}: the article is not shown, searched or printed:",
                [loaded.article_problem])
        elif self._banner is not None:
            self._banner.hide()
        if loaded.briefing.briefing.draft:
            self.draft_banner.show()
        elif self._draft_banner is not None:
            self._draft_banner.hide()
        # Remembered once the briefing is on screen: the list goes to disk with an fsync,
        # which the first paint of `briefing FILE` need not wait for.
        self._pending_recent = loaded.path
        after_first_paint(self.tabs, self._remember_recent)
        self.watcher.watch(self._watched_paths(loaded))
        verb = "Reloaded" if reason == "reload" else "Opened"
        self.statusBar().showMessage(f"{verb} {loaded.path.name}", 5000)
        self.search.set_loaded(loaded)  # the query in the field applies again once indexed

    def _remember_recent(self) -> None:
        path, self._pending_recent = self._pending_recent, None
        if path is not None:
            self.recent.add(path)

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

    @staticmethod
    def _watched_paths(loaded: Loaded | None) -> list[Path]:
        if loaded is None:
            return []
        from ..core.article import ArticleRefused, locate

        try:  # an article outside the briefing's folder is not read, so not watched
            return [loaded.path, locate(loaded.path, loaded.briefing.briefing.article.path)]
        except ArticleRefused:
            return [loaded.path]

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

    # --- provenance ------------------------------------------------------------------------

    def _highlight(self, entry: Entry | None) -> None:
        """Mark the excerpts of the entry selected in the article."""
        if entry is None:
            self.tabs.article_page().mark_excerpts(())
            return
        from ..present.describe import all_excerpts

        self.tabs.article_page().mark_excerpts(all_excerpts(entry))

    def show_in_article(self, excerpt: str = "") -> None:
        """Switch to the article at the selected entry's excerpt (``excerpt``, or the first).

        On the article itself, each use moves on to the next marked excerpt.
        """
        article = self.tabs.article_page()
        if self.tabs.current_page() is article and not excerpt:
            if not article.show_next_excerpt():
                self.statusBar().showMessage("No excerpt is marked in the article.", 4000)
            return
        entry = self.selected_entry()
        if entry is None:
            self.statusBar().showMessage("Select an entry first, then Show in Article.", 4000)
            return
        from ..present.describe import all_excerpts

        article.mark_excerpts(all_excerpts(entry))
        self.tabs.select_page(article)
        if article.show_excerpt(excerpt):
            focus = article.focus_widget()
            if focus is not None:
                focus.setFocus()
            self.statusBar().showMessage(
                f"{article.excerpt_count()} excerpt(s) marked; Ctrl+J moves to the next.",
                5000)
        else:
            self.statusBar().showMessage("This entry's excerpts were not found in the "
                                         "article.", 6000)

    def copy_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.statusBar().showMessage("Select an entry to copy it.", 4000)
            return
        from PySide6.QtGui import QGuiApplication

        from ..present.describe import as_plain_text

        QGuiApplication.clipboard().setText(as_plain_text(entry))
        self.statusBar().showMessage("Copied the entry with its excerpts.", 3000)

    def export_pdf(self, *, shown_only: bool = False) -> None:
        """File > Export PDF… (or Export What the Search Shows…, ``shown_only``)."""
        from . import handout  # with the first hand-out, not at start-up

        handout.ask_and_export(self, shown_only=shown_only)

    def print_briefing(self) -> None:
        from . import handout

        handout.ask_and_print(self)

    def apply_query(self, text: str) -> None:
        """Search for ``text`` as if typed in the search field (`briefing --query`)."""
        self.search_bar.set_text(text)
        self.search.run_now()

    def is_busy(self) -> bool:
        """True while a briefing is loading or being indexed for search."""
        return self.loader.is_busy() or self.search.is_busy()

    def new_from_article(self) -> None:
        """File > New from Article…: draft a briefing from an article and open it."""
        from .new_article import choose_and_draft

        start = str(self._path.parent) if self._path else ""
        drafted = choose_and_draft(self, start)
        if drafted is not None:
            self.open_file(drafted.path)
            copied = ("" if drafted.article_copy is None else
                      f" The article was copied beside it ({drafted.article_copy.name}): a "
                      "briefing reads its article from its own folder.")
            self.statusBar().showMessage(f"Drafted {drafted.path.name}; review it, then set "
                                         f"draft: false.{copied}", 12000)

    # --- window ----------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        self.resize(*DEFAULT_SIZE)
        if self._settings is not None:
            from PySide6.QtCore import QByteArray

            geometry = self._settings.value("window/geometry")
            if isinstance(geometry, QByteArray | bytes):
                self.restoreGeometry(QByteArray(geometry))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._remember_recent()  # a file opened a moment ago, its first paint not yet due
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
        if self._banner is not None:
            self._banner.refresh_colours()
        if self._draft_banner is not None:
            self._draft_banner.refresh_colours()
        self.tabs.refresh_colours()

    def _about(self) -> None:
        from .messages import show_message

        show_message(self, f"About {APP_NAME}",
                     f"{APP_NAME} {__version__}\n\nRead, search and print briefing notes whose "
                     "every fact is tied to its article.\nMIT licence; fonts: DejaVu.",
                     kind="information")


def _dropped_briefing(mime: QMimeData) -> Path | None:
    from PySide6.QtCore import QUrl

    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if isinstance(url, QUrl) and url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in YAML_SUFFIXES:
                return path
    return None
