"""Agreement speed: the full report on 600,000 sentences × 3 annotators, beside ``krippendorff``.

Builds (once, cached in benchmarks/out/) a real project file: 20,000 articles of 30 sentences,
three annotators who each decide 95% of the sentences and flip each label with 5% chance,
statistic spans with jittered boundaries and statistic form fields. Sentences are inserted with
``store.articles.add_many``; the 1.7 million annotation rows with a plain sqlite3 executemany in
exactly the form ``Annotations.write`` stores (compact JSON, schema order), which is much faster
than validating each one.

Then, in the same run, best of ``--repeat``:

- the whole ``annotator agreement`` computation from the project file (open, load, every
  measure, JSON), and its two halves: loading from SQLite, and computing from the in-memory
  reliability data the CLI loads;
- Krippendorff's alpha (nominal, on label sets) here and in the ``krippendorff`` PyPI package
  (``pip install -e '.[bench]'``) on the same data;
- the review queue, progress and auto-adjudication of agreed sentences (on a copy).

With ``--db postgresql://...`` the same project is built (once) in that server database, the
annotation and span rows by COPY, and every figure is measured from the server.

Goal: the full report under 2 s from a file, under 3 s from a server (issue 14); our alpha no
slower than the package's.

    python benchmarks/agreement_bench.py [--sentences 600000] [--repeat 3]
        [--db postgresql://user@host:port/dbname]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import numpy as np

from annotator.agreement import build_report, compute_agreement, load
from annotator.agreement.measures import MISSING, krippendorff_alpha
from annotator.errors import StoreError
from annotator.paths import is_server_address, resource_path
from annotator.review import auto_adjudicate_agreed, progress, queue
from annotator.schema import load_schema
from annotator.store import Store, now
from annotator.store.articles import NewArticle, NewSentence
from annotator.store.pg_backend import describe

PER_ARTICLE = 30
SENTENCE = "全市公安机关共抓获犯罪嫌疑人195名同比下降12.5%。"  # 27 characters
RATES = (0.2, 0.1, 0.05)  # chance of each label in the "truth" (statistic, anecdote, slogan...)


def build(target: str | Path, sentences: int, seed: int = 1) -> None:
    """Write the benchmark project (articles through the store, annotations in bulk): a file
    with a plain sqlite3 executemany, a server database with COPY."""
    schema = load_schema(resource_path("labels.toml"))
    n_articles = sentences // PER_ARTICLE
    text = SENTENCE * PER_ARTICLE
    step = len(SENTENCE)
    sents = [NewSentence(i * step, (i + 1) * step, i, False) for i in range(PER_ARTICLE)]
    with Store.create(target, schema) as store:
        with store.transaction():
            import_id = store.articles.start_import(["benchmark"], now())
            store.articles.add_many(
                (
                    NewArticle(f"bench/{a}.txt", f"文章{a}", text, f"hash{a}", {}, sents)
                    for a in range(n_articles)
                ),
                import_id,
                now(),
            )
            for name in ("alice", "bob", "carol"):
                store.annotators.get_or_create(name)
        first = int(store.query("SELECT min(sentence_id) FROM sentences")[0][0])
        layers = _layers(schema, n_articles * PER_ARTICLE, first, seed)
        if store.on_server:
            _copy_rows(store, layers)
    if not store.on_server:
        conn = sqlite3.connect(target, isolation_level=None)
        conn.execute("BEGIN")
        for annotations, spans in layers:
            conn.executemany(
                "INSERT INTO annotations (sentence_id, annotator_id, labels, fields, note, "
                "decided, created_at, updated_at) VALUES (?,?,?,?,'',1,?,?)",
                annotations,
            )
            conn.executemany(
                "INSERT INTO spans (sentence_id, annotator_id, label, char_start, char_end, "
                "fields) VALUES (?,?,?,?,?,'{}')",
                spans,
            )
        conn.execute("COMMIT")
        conn.close()


def _copy_rows(store: Store, layers: Iterator[tuple[Iterator[Any], Iterator[Any]]]) -> None:
    """COPY the annotation and span rows into a server project (one transaction)."""
    conn = store.backend.conn
    with conn.transaction(), conn.cursor() as cur:
        for annotations, spans in layers:
            with cur.copy(
                "COPY annotations (sentence_id, annotator_id, labels, fields, note, decided, "
                "created_at, updated_at) FROM STDIN"
            ) as copy:
                for sid, aid, labels, fields, created, updated in annotations:
                    copy.write_row((sid, aid, labels, fields, "", 1, created, updated))
            with cur.copy(
                "COPY spans (sentence_id, annotator_id, label, char_start, char_end, fields) "
                "FROM STDIN"
            ) as copy:
                for row in spans:
                    copy.write_row((*row, "{}"))
    conn.execute("ANALYZE")


def _layers(
    schema: Any, n: int, first: int, seed: int
) -> Iterator[tuple[Iterator[Any], Iterator[Any]]]:
    """Per annotator (ids 1-3): the annotation rows (sentence, annotator, labels, fields,
    created, updated) in exactly the form ``Annotations.write`` stores, and the span rows
    (sentence, annotator, label, start, end). Sentence ids are ``first`` .. ``first + n - 1``."""
    labels = schema.label_ids
    span_label = next(lab.id for lab in schema.labels if lab.span)
    span_bit = labels.index(span_label)
    rng = np.random.default_rng(seed)
    rates = np.array([RATES[i] if i < len(RATES) else 0.05 for i in range(len(labels))])
    truth = rng.random((n, len(labels))) < rates
    canon = [
        json.dumps([lab for i, lab in enumerate(labels) if m >> i & 1], separators=(",", ":"))
        for m in range(1 << len(labels))
    ]
    weights = 1 << np.arange(len(labels))
    stamp = now()
    for annotator_id in (1, 2, 3):
        masks = ((truth ^ (rng.random(truth.shape) < 0.05)) * weights).sum(axis=1)
        decided = rng.random(n) < 0.95
        unit = np.where(rng.random(n) < 0.9, "名", "人")
        has_span = decided & (masks >> span_bit & 1 == 1)
        fields = [
            json.dumps({span_label: {"unit": u}}, ensure_ascii=False, separators=(",", ":"))
            if s
            else "{}"
            for u, s in zip(unit.tolist(), has_span.tolist(), strict=True)
        ]
        rows = np.flatnonzero(decided)
        annotations = (
            (first + r, annotator_id, canon[m], fields[r], stamp, stamp)
            for r, m in zip(rows.tolist(), masks[decided].tolist(), strict=True)
        )
        span_rows = np.flatnonzero(has_span)
        # 195名 is [14, 18) of the sentence; one span in ten also takes the 人 before it
        starts = 14 - (rng.random(len(span_rows)) < 0.1)
        spans = (
            (first + r, annotator_id, span_label, st, 18)
            for r, st in zip(span_rows.tolist(), starts.tolist(), strict=True)
        )
        yield annotations, spans


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """(best, median) seconds of ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), result


def _holds_project(target: str | Path, sentences: int) -> bool:
    """Whether ``target`` already holds the benchmark project of this size."""
    if is_server_address(target):
        try:
            store = Store.open(target)
        except StoreError:  # an empty database: build the project there
            return False
    elif Path(target).exists():
        store = Store.open(target)
    else:
        return False
    with store:
        have = int(store.query("SELECT count(*) FROM sentences")[0][0])
    if have != sentences // PER_ARTICLE * PER_ARTICLE:
        raise SystemExit(f"{target}: holds a project of {have:,} sentences, not {sentences:,}")
    return True


@contextlib.contextmanager
def _copy_of(target: str | Path) -> Iterator[str | Path]:
    """A throwaway copy of the project: a file copied, or a server database made from it as a
    template (``CREATE DATABASE ... TEMPLATE``: no one else may be connected to it)."""
    if not is_server_address(target):
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "copy.db"
            shutil.copy(target, copy)
            yield copy
        return
    import psycopg
    from psycopg import sql

    url = urlsplit(str(target))
    source = unquote(url.path.lstrip("/"))
    name = f"{source}_copy"
    admin = urlunsplit(url._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(source)
            )
        )
    try:
        yield urlunsplit(url._replace(path="/" + quote(name, safe="")))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=600_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--db",
        help="a server database (postgresql://...; it must exist: createdb first) to build the "
        "project in, if it holds none yet, and to measure from; default: a file in benchmarks/out",
    )
    args = parser.parse_args()
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    path: str | Path = args.db or out / f"agreement_{args.sentences}.db"
    server = args.db is not None
    if not _holds_project(path, args.sentences):
        t0 = time.perf_counter()
        build(path, args.sentences)
        print(
            f"built {describe(str(path)) if server else Path(path).name} in "
            f"{time.perf_counter() - t0:.1f} s"
        )
    where = "the server" if server else "the project file"
    engine = "PostgreSQL" if server else "SQLite"
    goal = 3 if server else 2

    def full_report() -> dict[str, Any]:
        with Store.open(path) as store:
            return compute_agreement(store).to_json()

    def load_only() -> Any:
        with Store.open(path) as store:
            return load(store)

    t_full, m_full, report = best(full_report, args.repeat)
    t_load, m_load, data = best(load_only, args.repeat)
    t_compute, m_compute, _ = best(lambda: build_report(data).to_json(), args.repeat)
    t_alpha, m_alpha, ours = best(lambda: krippendorff_alpha(data.values), args.repeat)
    units, raters = data.values.shape
    print(
        f"data: {units:,} units × {raters} annotators, {int((data.values != MISSING).sum()):,} values"
    )
    print(
        f"full agreement report from {where}: {t_full:6.3f} s (median {m_full:.3f}; "
        f"goal < {goal} s)"
    )
    print(f"  load decided annotations + spans ({engine}): {t_load:6.3f} s (median {m_load:.3f})")
    print(
        f"  every measure from in-memory data + JSON:   {t_compute:6.3f} s (median {m_compute:.3f})"
    )
    print(
        f"Krippendorff's alpha, label sets (ours):      {t_alpha:6.3f} s  alpha = {ours.value:.6f}"
    )
    try:
        import krippendorff
    except ImportError:
        print("krippendorff package not installed: pip install -e '.[bench]' to compare")
    else:
        reliability = np.where(data.values == MISSING, np.nan, data.values).T.astype(float)
        t_pkg, m_pkg, theirs = best(
            lambda: krippendorff.alpha(
                reliability_data=reliability, level_of_measurement="nominal"
            ),
            args.repeat,
        )
        print(
            f"Krippendorff's alpha, krippendorff {version('krippendorff')}:  {t_pkg:6.3f} s  "
            f"alpha = {theirs:.6f}  (our time / theirs: {t_alpha / t_pkg:.2f})"
        )
        print(f"the whole report vs the package's single alpha: {t_full / t_pkg:.2f}× its time")
    print(f"overall alpha in the report: {report['overall']['krippendorff_alpha']:.6f}")

    with Store.open(path) as store:
        t_prog, _, prog = best(lambda: progress(store), 1)
        t_queue, _, items = best(lambda: queue(store), 1)
        t_pair, _, _ = best(lambda: queue(store, label="slogan", pair=("alice", "bob")), 1)
    print(f"review progress: {t_prog:6.3f} s  {prog}")
    print(f"review queue:    {t_queue:6.3f} s  {len(items):,} disputed sentences")
    print(f"queue filtered by label and pair: {t_pair:6.3f} s")
    with _copy_of(path) as copy, Store.open(copy) as store:
        t_auto, _, result = best(lambda: auto_adjudicate_agreed(store), 1)
        t_again, _, again = best(lambda: auto_adjudicate_agreed(store), 1)
    print(f"auto-adjudicate agreed: {t_auto:6.3f} s  promoted {result.promoted:,}")
    print(f"  again (idempotent):   {t_again:6.3f} s  promoted {again.promoted:,}")


if __name__ == "__main__":
    sys.exit(main())
