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

Goal: the full report under 2 s; our alpha no slower than the package's.

    python benchmarks/agreement_bench.py [--sentences 600000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

from annotator.agreement import build_report, compute_agreement, load
from annotator.agreement.measures import MISSING, krippendorff_alpha
from annotator.paths import resource_path
from annotator.review import auto_adjudicate_agreed, progress, queue
from annotator.schema import load_schema
from annotator.store import Store, now
from annotator.store.articles import NewArticle, NewSentence

PER_ARTICLE = 30
SENTENCE = "全市公安机关共抓获犯罪嫌疑人195名同比下降12.5%。"  # 27 characters
RATES = (0.2, 0.1, 0.05)  # chance of each label in the "truth" (statistic, anecdote, slogan...)


def build(path: Path, sentences: int, seed: int = 1) -> None:
    """Write the benchmark project (articles through the store, annotations by executemany)."""
    schema = load_schema(resource_path("labels.toml"))
    labels = schema.label_ids
    span_label = next(lab.id for lab in schema.labels if lab.span)
    span_bit = labels.index(span_label)
    n_articles = sentences // PER_ARTICLE
    text = SENTENCE * PER_ARTICLE
    step = len(SENTENCE)
    sents = [NewSentence(i * step, (i + 1) * step, i, False) for i in range(PER_ARTICLE)]
    with Store.create(path, schema) as store, store.transaction():
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
    rng = np.random.default_rng(seed)
    n = n_articles * PER_ARTICLE
    rates = np.array([RATES[i] if i < len(RATES) else 0.05 for i in range(len(labels))])
    truth = rng.random((n, len(labels))) < rates
    canon = [
        json.dumps([lab for i, lab in enumerate(labels) if m >> i & 1], separators=(",", ":"))
        for m in range(1 << len(labels))
    ]
    weights = 1 << np.arange(len(labels))
    stamp = now()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
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
        sids = np.flatnonzero(decided) + 1
        conn.executemany(
            "INSERT INTO annotations (sentence_id, annotator_id, labels, fields, note, decided, "
            "created_at, updated_at) VALUES (?,?,?,?,'',1,?,?)",
            (
                (sid, annotator_id, canon[m], f, stamp, stamp)
                for sid, m, f in zip(
                    sids.tolist(),
                    masks[decided].tolist(),
                    [fields[i] for i in (sids - 1).tolist()],
                    strict=True,
                )
            ),
        )
        span_sids = np.flatnonzero(has_span) + 1
        # 195名 is [14, 18) of the sentence; one span in ten also takes the 人 before it
        starts = 14 - (rng.random(len(span_sids)) < 0.1)
        conn.executemany(
            "INSERT INTO spans (sentence_id, annotator_id, label, char_start, char_end, fields) "
            "VALUES (?,?,?,?,?,'{}')",
            (
                (sid, annotator_id, span_label, st, 18)
                for sid, st in zip(span_sids.tolist(), starts.tolist(), strict=True)
            ),
        )
    conn.execute("COMMIT")
    conn.close()


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """(best, median) seconds of ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=600_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    path = out / f"agreement_{args.sentences}.db"
    if not path.exists():
        t0 = time.perf_counter()
        build(path, args.sentences)
        print(f"built {path.name} in {time.perf_counter() - t0:.1f} s")

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
        f"full agreement report from the project file: {t_full:6.3f} s (median {m_full:.3f}; goal < 2 s)"
    )
    print(f"  load decided annotations + spans (SQLite):  {t_load:6.3f} s (median {m_load:.3f})")
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
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copy(path, copy)
        with Store.open(copy) as store:
            t_auto, _, result = best(lambda: auto_adjudicate_agreed(store), 1)
            t_again, _, again = best(lambda: auto_adjudicate_agreed(store), 1)
    print(f"auto-adjudicate agreed: {t_auto:6.3f} s  promoted {result.promoted:,}")
    print(f"  again (idempotent):   {t_again:6.3f} s  promoted {again.promoted:,}")


if __name__ == "__main__":
    sys.exit(main())
