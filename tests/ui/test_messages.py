"""Every message box shows its text literally: a file name, a title or an exception's
message is anyone's text, and QMessageBox would otherwise guess it is rich text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.ui.messages import message_box

HOSTILE = "cannot write <b>x</b><img src=file:///etc/passwd>"


@pytest.mark.parametrize(("kind", "icon"), [("error", QMessageBox.Icon.Critical),
                                            ("warning", QMessageBox.Icon.Warning),
                                            ("information", QMessageBox.Icon.Information)])
def test_a_message_box_shows_untrusted_text_literally(qtbot, kind, icon):
    box = message_box(None, "Export PDF", HOSTILE, kind=kind, details=f"<i>{HOSTILE}</i>")
    qtbot.add_widget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == HOSTILE and box.icon() == icon
    assert box.detailedText() == f"<i>{HOSTILE}</i>"  # the details are plain text always
