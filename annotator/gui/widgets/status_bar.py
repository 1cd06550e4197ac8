"""The main window's status bar: key hints, who is annotating, save state, progress, and the
folder of the last export with a button that opens it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from annotator.gui.widgets.status import StatusField

translate = QCoreApplication.translate


class StatusBar(QStatusBar):
    def __init__(self, key_hints: str) -> None:
        super().__init__()
        self.learn_progress = QProgressBar()
        self.learn_progress.setObjectName("learn_progress")
        self.learn_progress.setMaximumWidth(160)
        self.learn_progress.hide()
        # fixed-size plain-text fields: a changed text repaints only itself (widgets/status.py)
        self.annotator = StatusField()
        self.saved = StatusField(
            translate("MainWindow", "● unsaved"), translate("MainWindow", "✓ saved %s") % "00:00:00"
        )
        self.saved.setObjectName("status_saved")
        self.progress = StatusField()
        self.progress.setObjectName("status_progress")
        self.key_hints = QLabel(key_hints)
        self.key_hints.setObjectName("key_hints")
        self.key_hints.setStyleSheet("color: #666;")
        self.open_folder = QPushButton(translate("MainWindow", "Open folder"))
        self.open_folder.setObjectName("open_export_folder")
        self.open_folder.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay in the article
        self.open_folder.setFlat(True)
        self.open_folder.hide()
        self.open_folder.clicked.connect(self._open_folder)
        self.folder: Path | None = None
        for w in (
            self.open_folder,
            self.learn_progress,
            self.annotator,
            self.saved,
            self.progress,
        ):
            self.addPermanentWidget(w)
        self.addWidget(self.key_hints)

    def show_written(self, path: Path, summary: str = "") -> None:
        """Say where a file was written (its full path) and offer to open its folder."""
        self.folder = path.resolve().parent
        self.open_folder.setToolTip(str(self.folder))
        self.open_folder.show()
        written = translate("MainWindow", "Written to %s") % path.resolve()
        self.showMessage(f"{summary} · {written}" if summary else written)

    def _open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def show_state(
        self,
        annotator: str,
        saved_at: str,
        article: str,
        decided: int,
        total: int,
        *,
        unsaved: bool = False,
    ) -> None:
        """Who annotates, whether everything typed is saved, and the progress counts."""
        self.annotator.show_text(translate("MainWindow", "Annotator: %s") % annotator)
        if unsaved:  # a field holds typed text not committed yet
            self.saved.show_text(translate("MainWindow", "● unsaved"))
        else:
            self.saved.show_text(
                translate("MainWindow", "✓ saved %s") % saved_at
                if saved_at
                else translate("MainWindow", "✓ all saved")
            )
        self.progress.show_text(
            translate("MainWindow", "Article %s · project %d/%d") % (article, decided, total)
        )
