"""After any dialog of the main window closes, the keys go back to the article view.

Qt gives the focus back to whatever widget had it before the dialog (the article list, the
search box), so the next label key would do nothing. Every dialog is a child of the main
window (that is what makes it window-modal), so the window hears of each one when it is
polished and watches it hide.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QChildEvent, QEvent, QObject, QTimer
from PySide6.QtWidgets import QDialog, QWidget


class FocusReturn(QObject):
    def __init__(self, window: QWidget, give_focus: Callable[[], None]) -> None:
        super().__init__(window)
        self.give_focus = give_focus
        self._watched: set[int] = set()
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.ChildPolished and isinstance(event, QChildEvent):
            child = event.child()
            if isinstance(child, QDialog) and id(child) not in self._watched:
                self._watched.add(id(child))
                child.installEventFilter(self)
                child.destroyed.connect(partial(self._forget, id(child)))
        elif kind == QEvent.Type.Hide and isinstance(obj, QDialog):
            QTimer.singleShot(0, self.give_focus)  # after Qt restored the old focus widget
        return False

    def _forget(self, key: int, _obj: object = None) -> None:
        self._watched.discard(key)
