"""How long a big import holds the project's write lock, and how long an edit waits meanwhile.

Imports generated articles while a second connection makes an edit (BEGIN IMMEDIATE + insert +
commit) every 50 ms; prints the import time, the time of the publishing transaction (the only
time the import holds the write lock) and the longest wait of an edit.

    python benchmarks/import_lock_bench.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import write_corpus  # noqa: E402

from annotator.corpus.importer import import_paths  # noqa: E402
from annotator.paths import resource_path  # noqa: E402
from annotator.schema import load_schema  # noqa: E402
from annotator.store import Store, staging  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    out = Path(__file__).parent / "out"
    files = write_corpus(out / f"corpus_{args.articles}", args.articles)
    held: list[float] = []
    publish = staging.ImportStaging.publish

    def timed(self, *a, **k):
        t = time.perf_counter()
        try:
            return publish(self, *a, **k)
        finally:
            held.append(time.perf_counter() - t)

    staging.ImportStaging.publish = timed
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = Store.create(db, load_schema(resource_path("labels.toml")))
        waits: list[float] = []
        done = threading.Event()

        def editor() -> None:
            con = sqlite3.connect(db, timeout=30, isolation_level=None)
            n = 0
            while not done.is_set():
                t = time.perf_counter()
                con.execute("BEGIN IMMEDIATE")
                con.execute(
                    "INSERT INTO annotators (name, kind, created_at) VALUES (?, 'human', '')",
                    [f"e{n}"],
                )
                con.execute("COMMIT")
                waits.append(time.perf_counter() - t)
                n += 1
                time.sleep(0.05)
            con.close()

        thread = threading.Thread(target=editor)
        thread.start()
        t0 = time.perf_counter()
        report = import_paths(store, [files[0].parent])
        total = time.perf_counter() - t0
        done.set()
        thread.join()
        store.close()
    print(report.summary())
    print(f"import {total:.2f} s; write lock held {held[0] * 1000:.0f} ms (publish)")
    print(f"{len(waits)} edits meanwhile; longest wait {max(waits) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
