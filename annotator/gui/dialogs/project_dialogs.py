"""Choosing project files and article files (thin wrappers so tests can patch them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from annotator.gui.plain import plain_message_box


def tr(text: str) -> str:
    return QCoreApplication.translate("ProjectDialogs", text)


class ProjectDialogs:
    @classmethod
    def new_project(cls, parent: QWidget | None) -> tuple[Path, Path | None] | None:
        """A new project file, and optionally a label schema file (None: the default schema)."""
        path, _ = QFileDialog.getSaveFileName(
            parent, tr("New project"), "project.db", tr("Annotator projects (*.db)")
        )
        if not path:
            return None
        schema, _ = QFileDialog.getOpenFileName(
            parent,
            tr("Label schema (Cancel for the default schema)"),
            "",
            tr("Label schemas (*.toml)"),
        )
        return Path(path), (Path(schema) if schema else None)

    @classmethod
    def open_project(cls, parent: QWidget | None) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, tr("Open project"), "", tr("Annotator projects (*.db);;All files (*)")
        )
        return Path(path) if path else None

    @classmethod
    def other_project(cls, parent: QWidget | None) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, tr("Merge another project into this one"), "", tr("Annotator projects (*.db)")
        )
        return Path(path) if path else None

    @classmethod
    def save_copy(cls, parent: QWidget | None) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            parent, tr("Save a copy for merging"), "copy.db", tr("Annotator projects (*.db)")
        )
        return Path(path) if path else None

    @classmethod
    def article_files(cls, parent: QWidget | None) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(
            parent,
            tr("Import articles"),
            "",
            tr("Articles (*.txt *.html *.htm *.jsonl);;All files (*)"),
        )
        return [Path(p) for p in paths]

    @classmethod
    def split_huge(cls, parent: QWidget | None, message: str) -> bool:
        """An article was over the size limit: split such articles at blank lines and retry?"""
        box = plain_message_box(
            QMessageBox.Icon.Question,
            tr("Article too large"),
            message + "\n\n" + tr("Split it at blank lines into several articles and import?"),
            parent,
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    @classmethod
    def article_folder(cls, parent: QWidget | None) -> list[Path]:
        path = QFileDialog.getExistingDirectory(parent, tr("Import a folder of articles"))
        return [Path(path)] if path else []
