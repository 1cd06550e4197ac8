"""StatusField: a status-bar text that changes without relaying out or repainting the bar.

A QLabel whose text changes asks its parent for a new layout; the QStatusBar answers a layout
request by repainting itself whole, with every label in it. A key press changes the "saved"
time and the progress counts, so each press repainted the whole bar. A StatusField sets only a
text that differs, and has a fixed size (grown, never shrunk, when a longer text comes): a
widget of fixed size does not ask its parent for a layout, so only the field itself repaints.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

PAD = 8  # pixels beside the text, as the status bar's own spacing


class StatusField(QLabel):
    def __init__(self, *samples: str, parent: QWidget | None = None) -> None:
        """``samples``: texts to make room for now (the widest this field will show)."""
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # names and titles are shown literally
        self.setFixedHeight(self.sizeHint().height())
        if samples:
            self.reserve(*samples)

    def reserve(self, *samples: str) -> None:
        """Make room now for the widest of ``samples`` (the texts this field will show)."""
        width = max(self.fontMetrics().horizontalAdvance(t) for t in samples) + PAD
        self.setFixedWidth(max(width, self.width() if self.minimumWidth() else 0))

    def show_text(self, text: str) -> None:
        if text == self.text():
            return
        width = self.fontMetrics().horizontalAdvance(text) + PAD
        if width > self.width() or self.minimumWidth() != self.maximumWidth():
            self.setFixedWidth(max(width, self.minimumWidth()))  # a relayout, only to grow
        self.setText(text)
