"""Drive a real workbench window on a project file and print every edit the status bar reports as
saved, until killed (tests/hostile/test_kill9.py kills it with SIGKILL at random moments).

    python tests/hostile/kill_driver.py PROJECT.db SEED

Lines: ``READY``; ``DOING <sentence_id>`` before each action (the one a kill may cut short);
``SAVED <json>`` with the sentence's state once the status bar says it is saved; ``SHOWN <json>``
with the note box's text while typing in it and the status bar says "saved".
"""

from __future__ import annotations

import json
import os
import random
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main(path: str, seed: int) -> None:
    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import ProjectSession
    from annotator.store import Store

    app = QApplication([])  # noqa: F841 - keeps the application alive
    rng = random.Random(seed)
    store = Store.open(path)
    session = ProjectSession(store, "alice")
    win = MainWindow(session)
    win.show()
    QTest.qWaitForWindowExposed(win)
    win.activateWindow()
    QTest.qWaitForWindowActive(win)
    win.view.setFocus()
    touched: set[int] = set()

    def on_changed(change) -> None:
        touched.update(change.sentences)

    def on_saved(_name: str) -> None:
        # connected after the window's own slot: the status bar already says "saved"
        if not win.status_saved.text().startswith("✓ saved"):
            return
        for sid in sorted(touched):
            state = store.annotations.state(sid, session.annotator.annotator_id)
            line = {"sid": sid, "labels": list(state.labels), "note": state.note}
            print("SAVED " + json.dumps(line | {"decided": state.decided}), flush=True)
        touched.clear()

    session.changed.connect(on_changed)
    session.saved.connect(on_saved)
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        action = rng.choice(["1", "2", "3", "J", "Return", "note", "K", "0"])
        print(f"DOING {session.sentence_id}", flush=True)
        if action == "note":
            QTest.keyClick(win.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClicks(win.form.note, f" n{n}")
            QTest.qWait(rng.randint(0, 1200))  # the typing pause saves it, no Escape needed
            if win.status_saved.text().startswith("✓ saved"):  # what the user sees as saved
                shown = {"sid": session.sentence_id, "note": win.form.note.toPlainText()}
                print("SHOWN " + json.dumps(shown), flush=True)
                QTest.qWait(rng.randint(50, 300))  # the user reads it before going on
            QTest.keyClick(win.form.note, Qt.Key.Key_Escape)
        else:
            key = {"Return": Qt.Key.Key_Return}.get(action) or getattr(Qt.Key, f"Key_{action}")
            QTest.keyClick(win.view, key)
        QTest.qWait(rng.randint(0, 30))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
