"""File → Open project on a server: one address field; Enter opens, a refusal shows its line.

The dialog never asks for a password and never writes one anywhere: libpq reads it from
``~/.pgpass``, ``PGPASSWORD`` or a service file. It stays open on a failure (a typo in the
address is fixed in place) and emits ``opened(store)`` once a project is open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.gui.plain import plain_label
from annotator.paths import is_server_address

if TYPE_CHECKING:
    from annotator.store import Store

EXAMPLE = "postgresql://user@host:5432/dbname"


class ServerDialog(QDialog):
    """Signals: ``opened(Store)`` when the address opened a project (the dialog then closes)."""

    opened = Signal(object)

    def __init__(self, opener: Callable[[str], Store], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("server_dialog")
        self.setWindowTitle(self.tr("Open project on a server"))
        self.opener = opener
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Server address:")))
        self.address = QLineEdit()
        self.address.setObjectName("server_address")
        self.address.setPlaceholderText(EXAMPLE)
        self.address.setMinimumWidth(self.fontMetrics().horizontalAdvance(EXAMPLE) * 3 // 2)
        layout.addWidget(self.address)
        note = plain_label(
            self.tr(
                "postgresql://user@host[:port]/dbname, or service=name from a service file. "
                "The password comes from ~/.pgpass, PGPASSWORD or the service file; "
                "annotator never asks for it and never saves it."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.error = plain_label()
        self.error.setObjectName("server_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Open).setText(self.tr("Open"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.address.setFocus()

    def accept(self) -> None:
        """Open the address (Enter or Open); on failure show the one-line error and stay."""
        text = self.address.text().strip()
        if not is_server_address(text):
            self._fail(
                self.tr("%s: not a server address; it starts with postgresql:// or service=")
                % (text or "''")
            )
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # connecting takes a moment
        try:
            store = self.opener(text)
        except AnnotatorError as e:
            self._fail(str(e))
            return
        finally:
            QApplication.restoreOverrideCursor()
        super().accept()
        self.opened.emit(store)

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.address.setFocus()
        self.address.selectAll()
