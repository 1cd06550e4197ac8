"""How soon a window on a server project shows another session's edit (LISTEN/NOTIFY).

Opens a real MainWindow (offscreen) on a project database with the seeds imported, then, from a
second connection (another session, as another annotator's app would be), writes a label into
the sentence the window shows and runs the window's event loop until its article view shows the
new state. Each round flips the label on or off. It measures that delay with the window's socket
notifier (a notification makes it poll at once), then with the notifier switched off (only the
500 ms poll), and counts the window's polls during a second of quiet (a notifier that fires
without a change would spin). Nothing is asserted.

    QT_QPA_PLATFORM=offscreen python benchmarks/live_refresh_bench.py \\
        --db postgresql://annotator_admin@127.0.0.1:54331/postgres [--rounds 40]

``--db`` names a server; the benchmark creates (and drops) its own database there.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def create_project(server: str, name: str) -> str:
    import psycopg

    from annotator.corpus.importer import import_paths
    from annotator.paths import resource_path, seeds_dir
    from annotator.schema import load_schema
    from annotator.store import Store

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = server.rsplit("/", 1)[0] + "/" + name
    with Store.create(url, load_schema(resource_path("labels.toml"))) as store:
        import_paths(store, [seeds_dir()])
    return url


def rounds(app, win, writer, n: int) -> list[float]:
    """Milliseconds from the other session's commit to the window showing it, per round."""
    from annotator import edits
    from annotator.edits import SetState

    session = win.session
    sid, aid = session.sentence_id, session.article_id
    me = writer.annotators.get(session.annotator.name).annotator_id
    took = []
    for _ in range(n):
        before, version = writer.annotations.versioned(sid, me)
        after = edits.toggle_label(before, "statistic")
        start = time.perf_counter()
        SetState(aid, sid, me, before, after, "bench", version).apply(writer)
        while win.view.states.get(sid, before) != after:
            app.processEvents()
            time.sleep(0.0005)  # the event loop waits on sockets and timers like this too
        took.append((time.perf_counter() - start) * 1000)
    return took


def quiet_polls(app, win, seconds: float = 1.0) -> int:
    calls = 0
    original = win.sync.poll

    def counting():
        nonlocal calls
        calls += 1
        return original()

    win.sync.poll = counting
    if win.sync.notifier is not None:
        win.sync.notifier.activated.disconnect()
        win.sync.notifier.activated.connect(lambda *_: win.sync.poll())
    win.sync.poll_timer.timeout.disconnect()
    win.sync.poll_timer.timeout.connect(lambda: win.sync.poll())
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    return calls


def report(name: str, took: list[float]) -> None:
    took = sorted(took)
    p90 = took[int(len(took) * 0.9) - 1]
    print(
        f"{name:<28} median {statistics.median(took):7.1f} ms   p90 {p90:7.1f} ms   "
        f"max {took[-1]:7.1f} ms   ({len(took)} rounds)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, help="a server address (postgresql://…)")
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()

    import tempfile

    os.environ["ANNOTATOR_HOME"] = tempfile.mkdtemp()
    from PySide6.QtWidgets import QApplication

    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import ProjectSession
    from annotator.store import Store

    app = QApplication([])
    url = create_project(args.db, "live_refresh_bench")
    store, writer = Store.open(url), Store.open(url)
    try:
        win = MainWindow(ProjectSession(store, "alice"))
        win.show()
        app.processEvents()
        report("with the socket notifier", rounds(app, win, writer, args.rounds))
        print(f"{'polls in 1 s of quiet':<28} {quiet_polls(app, win)}")
        win.sync._unwatch()
        report("500 ms poll only", rounds(app, win, writer, args.rounds))
        win.close()
    finally:
        writer.close()
        store.close()
        import psycopg

        with psycopg.connect(args.db, autocommit=True) as conn:
            conn.execute('DROP DATABASE IF EXISTS "live_refresh_bench" WITH (FORCE)')


if __name__ == "__main__":
    main()
