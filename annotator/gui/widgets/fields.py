"""One editor widget per schema field type: text, number, choice, bool.

Every editor emits ``committed(value)`` when the user finishes a change (not when the program
sets a value), so forms write exactly what the user did. Number fields accept Chinese forms
(1.63万, 745万余) through ``annotator.schema.parse_number``; a value that does not parse is shown
in red with the reason and is not written.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from annotator.gui.plain import plain_tip
from annotator.schema import Field, parse_number

TYPING_PAUSE_MS = 800  # a text or number field is saved this long after the last key


class FieldEditor(QWidget):
    """Signals: ``committed(object)`` with the new value (None for empty); ``typing()`` when
    it starts or stops holding unsaved text."""

    committed = Signal(object)
    typing = Signal()

    def __init__(self, field: Field, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.language = language
        self._value: Any = None
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self.setObjectName(f"field_{field.id}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.widget = self._make()
        layout.addWidget(self.widget)
        if field.help:
            self.widget.setToolTip(plain_tip(field.help.get(language)))

    def _make(self) -> QWidget:
        f = self.field
        if f.type == "choice":
            box = QComboBox()
            # Item data are always strings: PySide6 6.12 mishandles the reference count of None
            # passed to or returned from QComboBox data (a crash after many calls).
            box.addItem("", "")
            for c in f.choices:
                box.addItem(c.name.get(self.language), c.id)
            box.activated.connect(lambda _i: self._commit(box.currentData() or None))
            return box
        if f.type == "bool":
            check = QCheckBox()
            check.clicked.connect(lambda on: self._commit(True if on else None))
            return check
        edit = QLineEdit()
        if f.type == "number":
            edit.setPlaceholderText("1.63万 / 195 / 12.5")
        if f.help:
            edit.setPlaceholderText(f.help.get(self.language))
        edit.editingFinished.connect(lambda: self._commit_text(edit.text()))
        edit.textEdited.connect(self._on_typed)
        self._pause.timeout.connect(lambda: self._commit_text(edit.text()))
        return edit

    def _on_typed(self, _text: str) -> None:
        self._pause.start()
        self.typing.emit()

    def dirty(self) -> bool:
        """Whether the field holds typed text that is not saved yet."""
        return self._pause.isActive()

    def set_ghost(self, suggestion: str | None) -> None:
        """Show a suggested value as placeholder text in an empty text field (None: the help)."""
        w = self.widget
        if isinstance(w, QLineEdit):
            help_text = self.field.help.get(self.language) if self.field.help else ""
            w.setPlaceholderText(
                self.tr("suggested: %s") % suggestion if suggestion is not None else help_text
            )

    def _commit_text(self, text: str) -> None:
        if self._pause.isActive():
            self._pause.stop()
            self.typing.emit()
        text = text.strip()
        if self.field.type == "number":
            if not text:
                self._set_error(None)
                self._commit(None)
                return
            try:
                value = parse_number(text)
            except (ValueError, TypeError) as e:
                self._set_error(str(e) or f"not a number: {text}")
                return
            self._set_error(None)
            self._commit(value)
            return
        self._commit(text or None)

    def _set_error(self, message: str | None) -> None:
        if message == self.error:
            return  # restyling costs; only on a change
        self.widget.setStyleSheet("border: 1px solid #d33;" if message else "")
        self.error = message
        if message:
            self.widget.setToolTip(plain_tip(message))

    error: str | None = None

    def _commit(self, value: Any) -> None:
        if value == self._value:
            return
        self._value = value
        self.committed.emit(value)

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        """Show ``value`` without emitting ``committed``."""
        self._value = value
        w = self.widget
        if isinstance(w, QComboBox):
            i = w.findData(str(value)) if value is not None else 0
            w.setCurrentIndex(i if i >= 0 else 0)
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QLineEdit):
            text = _text(value)  # unchanged text is not set again: setText repaints
            if w.text() != text and (not w.hasFocus() or w.text().strip() != text):
                w.setText(text)
            self._set_error(None)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
