"""LiveSync: keep a window in step with the project file while other windows and programs use it.

- Other processes' commits are noticed through ``PRAGMA data_version`` (it moves when another
  connection commits), polled every ``POLL_MS`` and whenever the window is activated; the article
  view, the forms and the article list are then re-read, and in review mode the queue and an
  open dashboard (at most once per ``REVIEW_SPACING`` times the last re-read took: they take
  seconds on a large project, and a busy team changes it every moment).
- On a server, a change notification (LISTEN/NOTIFY) makes the connection's socket readable; a
  QSocketNotifier on it polls at once, without waiting for the timer.
- After edits go quiet for ``CHECKPOINT_MS`` (and when the store closes) the write-ahead log is
  folded into the main file, so a plain copy of the .db file holds every edit.
- An edit that finds another process holding the write lock is retried (``Store.transaction``)
  while the status bar says so; it is never refused for being busy.
- An edit refused for a conflict with another window's newer write is reported in the status bar.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QSocketNotifier, QTimer

from annotator.gui.operations import display, review_learning
from annotator.records import EMPTY_STATE, Change

if TYPE_CHECKING:
    from annotator.edits import EditConflict
    from annotator.errors import NotAllowed
    from annotator.gui.main_window import MainWindow
    from annotator.store import Store

POLL_MS = 500
CHECKPOINT_MS = 3000
BUSY_ATTEMPT_S = 0.1  # one attempt's wait for the lock, before the status bar says we wait
REVIEW_SPACING = 4  # re-read the review queue after at least 4x its last re-read time (20% busy)
REVIEW_MIN_MS = 200

translate = QCoreApplication.translate


class LiveSync(QObject):
    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.session = win.session
        self._store: Store | None = None  # the store whose busy handling is set
        self._version = -1
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.poll_timer.start()
        self.checkpoint_timer = QTimer(self)
        self.checkpoint_timer.setSingleShot(True)
        self.checkpoint_timer.setInterval(CHECKPOINT_MS)
        self.checkpoint_timer.timeout.connect(self.checkpoint)
        self.notifier: QSocketNotifier | None = None  # the server connection's socket
        self._fd: int | None = None
        self.review_timer = QTimer(self)
        self.review_timer.setSingleShot(True)
        self.review_timer.timeout.connect(self._refresh_review)
        self._review_took = 0.0
        self.session.saved.connect(lambda _name: self.checkpoint_timer.start())
        self.session.conflict.connect(self._on_conflict)
        self.session.reloaded.connect(self._attach)
        win.installEventFilter(self)
        self._attach()

    def _attach(self) -> None:
        """Set the store's busy handling (again after another project was opened)."""
        store = self.session.store
        if store is self._store:
            return
        self._store = store
        store.set_busy_timeout(BUSY_ATTEMPT_S)
        store.on_busy = self._on_busy
        self._version = store.data_version()
        self._watch(store.notify_fd())
        store.on_close = self._unwatch  # a closed socket must not stay watched

    def _watch(self, fd: int | None) -> None:
        """Watch the server connection's socket (a new one after the store connected again)."""
        self._unwatch()
        self._fd = fd
        if fd is not None:
            self.notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self.notifier.activated.connect(lambda *_: self.poll())

    def _unwatch(self) -> None:
        self._fd = None
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.win and event.type() == QEvent.Type.WindowActivate:
            self.poll()
        return False

    # ------------------------------------------------------------------ other processes

    def poll(self) -> bool:
        """Re-read what the window shows when another connection committed; True if it did."""
        self._attach()
        store = self.session.store
        try:
            version = store.data_version()
            fd = store.notify_fd()
        except Exception:  # a closed or vanished store, a server out of reach: nothing to show
            self._unwatch()  # a dead socket stays readable: watching it would spin; the timer
            return False  # polls on and watches the new connection once there is one
        if fd != self._fd:  # the store connected again: a new socket
            self._watch(fd)
        if version == self._version:
            return False
        self._version = version
        self.refresh()
        return True

    def refresh(self) -> None:
        session, win = self.session, self.win
        articles = frozenset(win.articles.article_ids())
        sentences: set[int] = set()
        kinds = {"annotation", "article_fields", "external"}
        if session.article_id is not None:
            before = [(s.sentence_id, s.boilerplate) for s in session.sentences()]
            session.refresh_sentences()
            if before != [(s.sentence_id, s.boilerplate) for s in session.sentences()]:
                kinds.add("boilerplate")
            states = session.states()
            shown = win.view.states
            sentences = {
                sid
                for sid in set(shown) | set(states)
                if shown.get(sid, EMPTY_STATE) != states.get(sid, EMPTY_STATE)
            }
            if session.sentence_id is not None:
                sentences.add(session.sentence_id)
            articles |= {session.article_id}
        count = len(session.store.articles.summaries(session.annotator.annotator_id))
        if count != len(win.articles.article_ids()):  # articles came or went: the whole list
            win.articles.reload()
            if session.article_id is not None:
                display.select_in_list(win, session.article_id)
        session.changed.emit(Change(articles, frozenset(sentences), frozenset(kinds)))
        if not self.review_timer.isActive():
            self.review_timer.start(
                max(REVIEW_MIN_MS, int(self._review_took * 1000 * REVIEW_SPACING))
            )

    def _refresh_review(self) -> None:
        started = time.perf_counter()
        review_learning.refresh_review(self.win)
        self._review_took = time.perf_counter() - started

    def refused(self, exc: NotAllowed) -> None:
        """The server refused a write (another's layer; gold without the reviewer role):
        nothing was written. Say so in the status bar and show what the database holds."""
        session = self.session
        if session.sentence_id is not None:  # typed text that was refused is not kept
            self.win.form.drop_typing(session.sentence_id, session.state(session.sentence_id))
        self.refresh()
        self.win.statusBar().showMessage(str(exc), 30000)

    # ------------------------------------------------------------------ the file

    def checkpoint(self) -> None:
        if self.win.form.dirty():
            self.checkpoint_timer.start()  # typing: the autosave comes first
            return
        self.session.store.checkpoint()

    def _on_busy(self, waited: float) -> None:
        self.win.statusBar().showMessage(
            translate("MainWindow", "Waiting for the database (another program is writing)…")
        )
        # paint the message; keys stay queued, so no second edit starts inside this one
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _on_conflict(self, conflict: EditConflict) -> None:
        self.win.form.drop_typing(conflict.sentence_id, conflict.current)
        if self.session.stepping == "undo":
            again = translate("MainWindow", "Undo again (Ctrl+Z) to undo yours over it.")
        else:
            again = translate("MainWindow", "Redo (Ctrl+Shift+Z) applies yours over it.")
        message = translate(
            "MainWindow",
            "Not saved: another window changed %s of this sentence; it shows that version now.",
        )
        self.win.statusBar().showMessage(f"{message % ', '.join(conflict.fields)} {again}", 20000)
