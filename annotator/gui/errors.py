"""Errors reach the user as dialogs with the one-line message, never as a silent failure.

The dialog's chrome (title, button) is translated; the message is the error's own text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.errors import AnnotatorError
from annotator.gui.plain import plain_message_box


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    if isinstance(exc, AnnotatorError):
        text = str(exc)
    else:
        text = f"{type(exc).__name__}: {exc}"
    box = plain_message_box(
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("Errors", "annotator: error"),
        text,
        parent,
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("error_dialog")
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("Errors", "OK"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal but not blocking: the event loop (and tests) keep running
