"""File > New from Article…: draft a briefing from a news article and open it.

The builder (core.extract) does the work; this is the dialogs around it: which article,
where to save the draft (beside the article by default), the date when the article
names no year. The draft is written whole or not at all, and a failure is one line in a
message box.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

TITLE = "New from Article"


def choose_and_draft(parent: QWidget, start: str = "") -> Path | None:
    """Ask for an article and a place for its draft, write the draft; its path, or None
    when the user cancelled or it failed (the reason shown)."""
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


def draft(parent: QWidget, article: Path, out: Path) -> Path | None:
    """Write the draft of ``article`` to ``out``, asking for the date if it is needed."""
    from ..core.extract import (
        ArticleError,
        DraftError,
        UndatedArticleError,
        draft_text,
        write_atomic,
    )

    date: str | None = None
    while True:
        try:
            text = draft_text(article, out.parent, date=date)
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
        write_atomic(out, text)
    except OSError as exc:
        _fail(parent, f"Cannot write {out}: {exc.strerror or exc}")
        return None
    return out


def _fail(parent: QWidget, message: str) -> None:
    # Not QMessageBox.warning: it guesses rich text, and a file name is anyone's text.
    box = QMessageBox(QMessageBox.Icon.Warning, TITLE, " ".join(message.split()),
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
