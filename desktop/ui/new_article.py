"""File > New from Article…: draft a briefing from a news article and open it.

The builder (core.extract) does the work; this is the dialogs around it: which article,
where to save the draft (beside the article by default), the date when the article
names no year. The draft is written whole or not at all, and a failure is one line in a
message box.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog, QWidget

from .messages import show_message

if TYPE_CHECKING:
    from ..core.extract import Draft

TITLE = "New from Article"


def choose_and_draft(parent: QWidget, start: str = "") -> Drafted | None:
    """Ask for an article and a place for its draft, write the draft; what was written, or
    None when the user cancelled or it failed (the reason shown)."""
    name, _filter = QFileDialog.getOpenFileName(
        parent, "New briefing from an article", start, "Articles (*.txt);;All files (*)")
    if not name:
        return None
    article = Path(name)
    out_name, _filter = QFileDialog.getSaveFileName(
        parent, "Save the draft briefing as", str(article.with_suffix(".yaml")),
        "Briefings (*.yaml *.yml)")
    if not out_name:
        return None
    out = Path(out_name)
    if out.suffix.lower() not in (".yaml", ".yml"):
        out = out.with_name(out.name + ".yaml")
    return draft(parent, article, out)


class Drafted(NamedTuple):
    path: Path
    article_copy: Path | None  # where the article was copied, beside the draft


def draft(parent: QWidget, article: Path, out: Path) -> Drafted | None:
    """Write the draft of ``article`` to ``out``, asking for the date if it is needed.

    An article outside the draft's folder is copied beside the draft (a briefing reads its
    article from its own folder).
    """
    from ..core.extract import (
        ArticleError,
        DraftCancelled,
        DraftError,
        UndatedArticleError,
        save_draft,
    )
    from ..core.savefile import SaveError

    date: str | None = None
    while True:
        try:
            prepared = _prepare_with_progress(parent, article, out, date)
            break
        except DraftCancelled:
            return None
        except UndatedArticleError:
            date, ok = QInputDialog.getText(
                parent, TITLE, f"{article.name} names no year. The article's date "
                "(such as 2017-11-30, 2017-11 or 2017):")
            if not ok or not date.strip():
                return None
            date = date.strip()
        except ArticleError as exc:  # its message names the file
            _fail(parent, str(exc))
            return None
        except DraftError as exc:
            _fail(parent, f"{article.name}: {exc}")
            return None
    try:
        save_draft(prepared, out)
    except SaveError as exc:
        message = str(exc)
        _fail(parent, message[:1].upper() + message[1:])
        return None
    return Drafted(out, prepared.article_copy)


SHOW_PROGRESS_AFTER_MS = 300


def _prepare_with_progress(parent: QWidget, article: Path, out: Path,
                           date: str | None) -> Draft:
    """prepare_draft in a worker thread, the window live meanwhile: a long article (a few
    megabytes take seconds) no longer freezes it, and a progress dialog with Cancel appears once the
    work has lasted SHOW_PROGRESS_AFTER_MS. Raises what prepare_draft raises, or
    DraftCancelled when the user cancels."""
    from ..core.extract import prepare_draft
    from . import threads
    from .widgets import plain_label

    stop = threading.Event()
    outcome: list[tuple[Draft | None, BaseException | None]] = []
    loop = QEventLoop()

    def work() -> Draft:
        return prepare_draft(article, out.parent, date=date, out=out, stop=stop.is_set)

    def deliver(draft: Draft) -> None:
        outcome.append((draft, None))
        loop.quit()

    def failed(exc: Exception) -> None:  # raised again here, in the GUI thread
        outcome.append((None, exc))
        loop.quit()

    progress = QProgressDialog(parent)
    progress.setWindowTitle(TITLE)
    # A label of our own: QProgressDialog's guesses rich text, and a file name is anyone's.
    progress.setLabel(plain_label(f"Drafting a briefing from {article.name}…", progress))
    progress.setRange(0, 0)
    progress.setMinimumWidth(progress.fontMetrics().averageCharWidth() * 60)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setAutoClose(False)
    progress.canceled.connect(stop.set)
    progress.reset()  # not shown until the timer says the work is taking a while
    QTimer.singleShot(SHOW_PROGRESS_AFTER_MS, progress,
                      lambda: progress.show() if not outcome else None)
    threads.start(work, progress, deliver, "new-from-article", failed)
    loop.exec()
    progress.hide()
    progress.deleteLater()
    draft, error = outcome[0]
    if error is not None:
        raise error
    assert draft is not None
    return draft


def _fail(parent: QWidget, message: str) -> None:
    show_message(parent, TITLE, " ".join(message.split()), kind="warning")
