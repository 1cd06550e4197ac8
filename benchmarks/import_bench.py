"""Import speed: decode + segment + flag + insert of 10,000 generated articles.

Prints MB/s and sentences/s of ``annotator.corpus.importer.import_paths`` beside a plain
``sqlite3`` executemany of exactly the same rows into the same tables, in the same run.
Goal (issue 2): the whole import at no less than half the speed of that plain insert.

    python benchmarks/import_bench.py [--articles 10000]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import write_corpus  # noqa: E402

from annotator.corpus.importer import import_paths  # noqa: E402
from annotator.paths import resource_path  # noqa: E402
from annotator.schema import load_schema  # noqa: E402
from annotator.store import Store  # noqa: E402
from annotator.store.migrations import SCHEMA_V1  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    out = Path(__file__).parent / "out"
    files = write_corpus(out / f"corpus_{args.articles}", args.articles)
    megabytes = sum(p.stat().st_size for p in files) / 1e6

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = Store.create(db, load_schema(resource_path("labels.toml")))
        t0 = time.perf_counter()
        report = import_paths(store, [files[0].parent])
        ours = time.perf_counter() - t0
        articles = store.query(
            "SELECT source, title, text, text_hash, meta, import_id, imported_at FROM articles"
        )
        sentences = store.query(
            "SELECT article_id, position, char_start, char_end, paragraph, boilerplate, text FROM sentences"
        )
        store.close()

        plain_db = Path(tmp) / "plain.db"
        conn = sqlite3.connect(plain_db, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        for stmt in SCHEMA_V1.split(";"):
            if stmt.strip():
                conn.execute(stmt)
        conn.execute(
            "INSERT INTO imports (started_at, paths, articles_added, duplicates) VALUES ('', '[]', 0, 0)"
        )
        t0 = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO articles (source, title, text, text_hash, meta, import_id, imported_at) VALUES (?,?,?,?,?,?,?)",
            articles,
        )
        conn.executemany(
            "INSERT INTO sentences (article_id, position, char_start, char_end, paragraph, boilerplate, text) "
            "VALUES (?,?,?,?,?,?,?)",
            sentences,
        )
        conn.execute("COMMIT")
        plain = time.perf_counter() - t0
        conn.close()

    n = report.sentences
    print(f"corpus: {report.added} articles, {megabytes:.1f} MB, {n} sentences")
    print(
        f"annotator import (decode+segment+insert): {ours:7.2f} s  {megabytes / ours:7.2f} MB/s  {n / ours:10.0f} sentences/s"
    )
    print(
        f"plain sqlite3 executemany (same rows):    {plain:7.2f} s  {megabytes / plain:7.2f} MB/s  {n / plain:10.0f} sentences/s"
    )
    print(f"speed ratio annotator/plain: {plain / ours:.2f} (goal >= 0.50)")


if __name__ == "__main__":
    main()
