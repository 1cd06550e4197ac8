"""Long jobs off the GUI thread, with progress and a Cancel that leaves nothing half-done.

A worker opens its own connection to the project file (SQLite connections belong to one
thread); the job runs in one transaction there, and the window refreshes when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from annotator.store import Store


class Job(QObject):
    """Signals: ``progress(done, total)``, ``done(result)``, ``failed(exception)``."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, db_path: Path | str, fn: Callable[..., Any]) -> None:
        super().__init__()
        self.db_path = db_path
        self.fn = fn
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:
        try:
            with Store.open(self.db_path) as store:
                result = self.fn(store, progress=self.progress.emit, cancel=lambda: self.cancelled)
        except BaseException as e:  # reported to the user as a dialog
            self.failed.emit(e)
        else:
            self.done.emit(result)


class Runner(QThread):
    """Runs one Job on its own thread."""

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job

    def run(self) -> None:
        self.job.run()
