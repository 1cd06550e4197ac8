"""The list of every keyboard shortcut (?), built from the live actions."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [
            (
                a.text().replace("&", ""),
                ", ".join(
                    s.toString(QKeySequence.SequenceFormat.NativeText)
                    for s in [*a.shortcuts(), *map(QKeySequence, a.property("view_keys") or [])]
                ),
            )
            for a in actions
            if a.shortcuts()
        ]
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.setWordWrap(False)
        for i, (text, keys) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(text))
            table.setItem(i, 1, QTableWidgetItem(keys))
        table.resizeColumnToContents(1)
        metrics = table.fontMetrics()
        command_width = max((metrics.horizontalAdvance(t) for t, _k in rows), default=200)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        # wide enough for both columns whole (the Keys column is never cut off)
        self.resize(max(560, command_width + table.columnWidth(1) + 80), 560)
