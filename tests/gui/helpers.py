"""Helpers shared by the GUI tests: an active window, key presses on the article view, moving
to a sentence or an article by its text, and the annotation rows of the project file."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt


def show_active(qtbot, win):
    """Show ``win`` and make it the active window: shortcuts fire only there (STYLE Part B.1)."""
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitActive(win):
        win.activateWindow()
    win.view.setFocus()
    return win


def finish_job(qtbot, win, signal):
    """Wait for the window's background job to end and ``signal`` (its done or failed) to reach
    the GUI thread; return the signal's arguments.

    The worker is joined first, however long it takes on a loaded machine; only the delivery
    of the queued signal is timed.
    """
    with qtbot.waitSignal(signal, timeout=10000) as blocker:
        win.runner.wait()
    return blocker.args


def press(qtbot, win, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(win.view, key, modifier)


def activate(qtbot, win):
    with qtbot.waitActive(win):
        win.activateWindow()
    win.view.setFocus()


def point_of(view, sentence_id, offset):
    """Viewport point of a sentence-relative code point offset (through the view's own mapping)."""
    rect = view.cursor_rect_at(sentence_id, offset)
    return QPoint(rect.left() + 1, rect.center().y())


def drag(qtbot, view, start, end, modifier=Qt.KeyboardModifier.NoModifier):
    """Select with the mouse from viewport point ``start`` to ``end``."""
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, modifier, start)
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, modifier, end)


def current_text(win):
    return win.session.sentence().text


def go_to_text(win, needle):
    for s in win.session.sentences():
        if needle in s.text:
            win.session.go_to(s.article_id, s.sentence_id)
            return s
    raise AssertionError(needle)


def open_article(win, title_part):
    for aid in win.articles.article_ids():
        if title_part in win.articles.summary(aid).title:
            win.session.go_to(aid, None)
            return aid
    raise AssertionError(title_part)


def simple_labels(text):
    """Learnable stand-in labels for training (the tests check mechanics, not model quality)."""
    labels = []
    if any(ch.isdigit() for ch in text):
        labels.append("statistic")
    if "“" in text:
        labels.append("anecdote")
    return tuple(labels)


def rows(project, annotator="alice"):
    """(sentence text, labels JSON, decided) of one annotator's rows, in sentence order, read
    through a new connection to the project (a file or a server database)."""
    from annotator.store import Store

    with Store.open(project) as store:
        return store.query(
            "SELECT s.text, a.labels, a.decided FROM annotations a JOIN sentences s USING (sentence_id) "
            "JOIN annotators n USING (annotator_id) WHERE n.name = ? ORDER BY s.sentence_id",
            [annotator],
        )
