"""Asking for the annotator's name (first start and "Switch annotator")."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget


class AnnotatorDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, current: str | None, known: list[str]) -> str | None:
        """Return the chosen name (stripped), or None when cancelled or empty."""
        items = list(dict.fromkeys([*([current] if current else []), *known]))
        # PySide6 lets tr be called on the class (context "QInputDialog"); its stubs do not
        name, ok = QInputDialog.getItem(
            parent,
            QInputDialog.tr("Annotator"),  # type: ignore[call-arg, arg-type]
            QInputDialog.tr("Your name (each annotator has their own layer):"),  # type: ignore[call-arg, arg-type]
            items or [""],
            0,
            True,
        )
        name = name.strip()
        return name if ok and name else None
