"""Project text is shown as text, never as HTML.

Qt guesses rich text: a ``QLabel``, a ``QMessageBox`` and a tool tip render a string as HTML
when ``Qt.mightBeRichText`` is true for it (STYLE Part B.10). A title such as
``T<img src="/dev/zero">`` then makes Qt load /dev/zero as an image (std::bad_alloc, issue 12),
and ``<b>x</b>`` shows as a bold "x" instead of what is stored. Every label, tool tip and
message box that can hold a title, sentence, note, name, source or field value goes through
these helpers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # convertFromPlainText lives in QtGui's Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows ``text`` (and whatever is set later) literally."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tip(text: str) -> str:
    """``text`` as a tool tip that shows it literally (tool tips guess rich text)."""
    if not text:
        return ""
    return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def plain_message_box(
    icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None
) -> QMessageBox:
    """A QMessageBox whose text is shown literally."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box
