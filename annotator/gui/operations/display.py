"""View, Annotator and Help menus: what is shown, in which language, for which annotator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from annotator import __version__
from annotator.errors import AnnotatorError
from annotator.gui import i18n, settings
from annotator.gui.dialogs.annotator_dialog import AnnotatorDialog
from annotator.gui.dialogs.shortcuts_dialog import ShortcutsDialog
from annotator.gui.errors import show_error
from annotator.gui.operations.annotate import move
from annotator.gui.operations.projects import tell_layer
from annotator.workbench import switch_refused

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

translate = QCoreApplication.translate


def toggle_boilerplate(win: MainWindow) -> None:
    """H: hide or show boilerplate; leave the current sentence if it just got hidden."""
    hide = win.acts["hide_boilerplate"].isChecked()
    win.view.set_hide_boilerplate(hide, win.session.sentences())
    s = win.session.sentence()
    if hide and s is not None and s.boilerplate:
        move(win, +1)


def toggle_guidelines(win: MainWindow) -> None:
    win.guidelines.setVisible(not win.guidelines.isVisible())


def toggle_suggestions(win: MainWindow) -> None:
    win.view.set_suggestions(
        win.session.all_suggestions(), show=win.acts["show_suggestions"].isChecked()
    )


def toggle_uncertain(win: MainWindow) -> None:
    win.uncertain.setVisible(not win.uncertain.isVisible())


def set_language(win: MainWindow, language: str) -> None:
    win.form.commit_note()
    win.language = i18n.install_language(language)
    settings.put("language", win.language)
    win.rebuild()


def switch_annotator(win: MainWindow) -> None:
    session = win.session
    known = [a.name for a in session.store.annotators.all()]
    name = AnnotatorDialog.ask(win, session.annotator.name, known)
    if not name or name == session.annotator.name:
        return
    kept = switch_refused(session.store, name)
    if kept is not None:
        tell_layer(win, kept)
        return
    win.form.commit_note()
    try:
        session.set_annotator(name)
    except AnnotatorError as e:
        show_error(win, e)
        return
    settings.put("annotator", name)


def show_shortcuts(win: MainWindow) -> None:
    dialog = ShortcutsDialog(win.actions(), win)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def show_about(win: MainWindow) -> None:
    QMessageBox.about(
        win,
        translate("MainWindow", "About annotator"),
        translate(
            "MainWindow", "annotator %s — an annotation workbench for Chinese news and publicity."
        )
        % __version__,
    )


def select_in_list(win: MainWindow, article_id: int) -> None:
    """Select and show the article's row in the (filtered) article list."""
    row = win.articles.row_of(article_id)
    if row is None:
        return
    index = win.filter.mapFromSource(win.articles.index(row, 0))
    if index.isValid():
        win.article_table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        win.article_table.scrollTo(index)
