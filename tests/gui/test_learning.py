"""Active learning in the workbench: retrain in the background, uncertain-first queue, curve."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from annotator.gui.operations import review_learning
from annotator.records import AnnotationState

from .helpers import finish_job, press, simple_labels


@pytest.fixture
def labeled_window(qtbot, store, seeds_project, open_window):
    lead = store.annotators.get_or_create("lead")
    with store.transaction():
        for aid in store.articles.ids()[:4]:
            for s in store.sentences.for_article(aid):
                if not s.boilerplate:
                    store.annotations.write(
                        s.sentence_id,
                        lead.annotator_id,
                        AnnotationState(labels=simple_labels(s.text), decided=True),
                    )
    return open_window(seeds_project, "alice")


def test_retrain_runs_in_the_background_and_fills_the_queue(qtbot, labeled_window, store):
    win = labeled_window
    job = review_learning.retrain(win)
    assert win.learn_progress.isVisible()  # the window keeps working while it trains
    (result,) = finish_job(qtbot, win, job.done)
    assert result.model == "learned:default" and result.suggestions > 0
    assert not win.learn_progress.isVisible()
    press(qtbot, win, Qt.Key.Key_U)
    assert win.uncertain.isVisible() and win.uncertain.list.count() == len(result.queue) > 10
    scores = [u for _s, _a, u in result.queue]
    assert scores == sorted(scores, reverse=True)
    # choosing the first queued sentence and confirming moves to the next one in the queue
    aid, sid = win.uncertain.list.item(0).data(Qt.ItemDataRole.UserRole)
    win.uncertain.sentence_chosen.emit(aid, sid)
    assert win.session.sentence_id == sid
    press(qtbot, win, Qt.Key.Key_Return)
    assert win.session.sentence_id == result.queue[1][0]
    # the learned model's suggestions show as ghosts in the articles
    total = store.query("SELECT count(*) FROM suggestions WHERE extractor = 'learned:default'")[0][
        0
    ]
    assert total == result.suggestions


def test_learning_curve_dialog(qtbot, labeled_window):
    win = labeled_window
    job = review_learning.show_curve(win)
    finish_job(qtbot, win, job.done)
    dialogs = [d for d in win.findChildren(QDialog, "curve_dialog") if d.isVisible()]
    assert dialogs and "micro F1" in dialogs[0].chart.series
    image = dialogs[0].chart.grab()
    assert not image.isNull()
    dialogs[0].close()


def test_retrain_without_data_shows_a_clear_error(qtbot, window):
    from PySide6.QtWidgets import QMessageBox

    job = review_learning.retrain(window)
    (exc,) = finish_job(qtbot, window, job.failed)
    assert "no decided sentences to learn from" in str(exc)
    assert any("no decided sentences" in b.text() for b in window.findChildren(QMessageBox))


def test_closing_the_window_stops_a_running_job(qtbot, labeled_window):
    # Before: close() waited 5 s for a job that ignored Cancel, then the window took the
    # still-running QThread with it and the process aborted (seen with the CPUs busy).
    win = labeled_window
    review_learning.show_curve(win)
    assert win.runner.isRunning()
    win.close()
    assert not win.runner.isRunning()
