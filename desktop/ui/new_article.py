"""File > New from Article…: draft a briefing from a news article and open it.

The builder (core.extract) does the work; this is the dialogs around it: which article,
where to save the draft (beside the article by default), the date when the article
names no year. The draft is written whole or not at all, and a failure is one line in a
message box.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

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
        DraftError,
        UndatedArticleError,
        prepare_draft,
        save_draft,
    )
    from ..core.savefile import SaveError

    date: str | None = None
    while True:
        try:
            prepared = prepare_draft(article, out.parent, date=date, out=out)
            break
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


def _fail(parent: QWidget, message: str) -> None:
    # Not QMessageBox.warning: it guesses rich text, and a file name is anyone's text.
    box = QMessageBox(QMessageBox.Icon.Warning, TITLE, " ".join(message.split()),
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
