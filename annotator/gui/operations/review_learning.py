"""Review mode, the agreement dashboard, and the Learn menu (retrain, uncertain first, curve)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from annotator.errors import AnnotatorError
from annotator.gui import i18n
from annotator.gui.errors import show_error
from annotator.gui.operations.projects import run_background
from annotator.gui.widgets.learning import CurveDialog

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow
    from annotator.gui.workers import Job
    from annotator.learn.active import Retrained

translate = QCoreApplication.translate

WORKBENCH_MENUS = ("annotate", "navigate", "learn")  # their keys rest while reviewing


def toggle_review(win: MainWindow) -> None:
    """Switch between annotating and reviewing; workbench keys rest while reviewing."""
    on = win.acts["review_mode"].isChecked()
    win.form.commit_note()
    for spec in win.specs:
        if spec.menu in WORKBENCH_MENUS:
            win.acts[spec.name].setEnabled(not on)
    win.stack.setCurrentIndex(1 if on else 0)
    win.key_hints.setVisible(not on)  # the annotation keys rest while reviewing
    if on:
        win.review.refresh()
        win.review.queue_list.setFocus()
    else:
        win.reload_article()  # gold edits may have changed what the view shows
        win.view.setFocus()


def show_dashboard(win: MainWindow) -> None:
    from annotator.gui.widgets.dashboard import Dashboard
    from annotator.review.dashboard import dashboard_data

    try:
        data = dashboard_data(win.session.store, win.review.chosen())
    except AnnotatorError as e:
        show_error(win, e, translate("MainWindow", "Agreement dashboard"))
        return
    dialog = Dashboard(data, win.session.schema, i18n.content_language(win.language), win)
    dialog.chosen = win.review.chosen()
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def refresh_review(win: MainWindow) -> None:
    """Re-read the review queue (when shown) and any open dashboard: others changed the project."""
    from annotator.gui.widgets.dashboard import Dashboard
    from annotator.review.dashboard import dashboard_data

    if win.stack.currentIndex() == 1:
        win.review.live_refresh()
    for dialog in win.findChildren(Dashboard):
        if dialog.isVisible():
            try:
                dialog.show_data(dashboard_data(win.session.store, dialog.chosen))
            except AnnotatorError as e:  # e.g. fewer than two annotators left in the choice
                win.statusBar().showMessage(str(e), 8000)


def go_to_queued(win: MainWindow, article_id: int, sentence_id: int) -> None:
    """A sentence chosen in the uncertain-first list."""
    win.form.commit_note()
    win.session.go_to(article_id, sentence_id)
    win.view.setFocus()


def retrain(win: MainWindow) -> Job | None:
    """Train the learned model in the background, then refresh suggestions and the queue."""

    def finished(result: Retrained) -> None:
        win.session.load_suggestions()
        win.view.set_suggestions(win.session.all_suggestions())
        win.uncertain.set_queue(result.queue, result.texts, result.model)
        win.statusBar().showMessage(
            translate("MainWindow", "Model %s trained on %d sentences; %d suggestions refreshed.")
            % (result.model, result.sentences, result.suggestions),
            10000,
        )

    return run_background(
        win,
        partial(_retrain_job, win.session.annotator.annotator_id),
        translate("MainWindow", "Training the model in the background…"),
        translate("MainWindow", "Training failed"),
        finished,
    )


def show_curve(win: MainWindow) -> Job | None:
    def finished(points) -> None:
        win.statusBar().clearMessage()
        dialog = CurveDialog(points, win)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    return run_background(
        win,
        _curve_job,
        translate("MainWindow", "Computing the learning curve…"),
        translate("MainWindow", "Learning curve failed"),
        finished,
    )


def _retrain_job(annotator_id, store, progress, cancel):
    from annotator.learn.active import retrain as retrain_project

    return retrain_project(store, annotator_id, progress=progress, cancel=cancel)


def _curve_job(store, progress, cancel):
    from annotator.learn.project import curve_project

    return curve_project(store, cv=3, progress=progress, cancel=cancel)
