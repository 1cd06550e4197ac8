"""Asking for the annotator's name (first start and "Switch annotator")."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget


class AnnotatorDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, current: str | None, known: list[str]) -> str | None:
        """Return the chosen name (stripped), or None when cancelled or empty."""
        items = list(dict.fromkeys([*([current] if current else []), *known]))
        name, ok = QInputDialog.getItem(
            parent,
            QInputDialog.tr("Annotator"),
            QInputDialog.tr("Your name (each annotator has their own layer):"),
            items or [""],
            0,
            True,
        )
        name = name.strip()
        return name if ok and name else None
