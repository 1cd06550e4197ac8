"""Export speed: 600,000 annotated sentences written in the own JSONL format.

Builds a project from generated articles (benchmarks/corpus.py) and annotates 600,000 sentences
through the store API in one transaction (labels, per-label fields and, on one sentence in five,
a span). Then times ``annotator.export.writer.export_file`` beside a plain ``sqlite3`` query of the
same sentence-annotation rows dumped with ``json.dumps``, in the same run. The plain loop does no
span lookup and no JSON parsing of the stored columns, so it is the floor, not a fair rival.
Goal: the export at no less than half the plain loop's speed.

    python benchmarks/export_bench.py [--sentences 600000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate_articles  # noqa: E402

from annotator.corpus.importer import prepare  # noqa: E402
from annotator.corpus.readers import RawArticle  # noqa: E402
from annotator.export.own import SENTENCE_KEYS  # noqa: E402
from annotator.export.writer import ExportOptions, export_file  # noqa: E402
from annotator.paths import resource_path  # noqa: E402
from annotator.records import AnnotationState, SpanValue  # noqa: E402
from annotator.schema import load_schema  # noqa: E402
from annotator.store import Store, now  # noqa: E402

PLAIN_SQL = (
    "SELECT s.article_id, ar.source, ar.title, s.sentence_id, s.position, s.char_start, "
    "s.char_end, s.text, s.boilerplate, a.labels, a.fields, a.note, an.name, a.decided, "
    "a.updated_at FROM annotations a JOIN sentences s ON s.sentence_id = a.sentence_id "
    "JOIN articles ar ON ar.article_id = s.article_id "
    "JOIN annotators an ON an.annotator_id = a.annotator_id "
    "ORDER BY s.article_id, s.position, an.name"
)
# the own format's keys less the two the plain loop adds separately (spans, schema_version)
PLAIN_KEYS = tuple(k for k in SENTENCE_KEYS if k not in ("spans", "schema_version"))


def build(path: Path, target: int) -> int:
    """A project with at least ``target`` sentences, ``target`` of them annotated."""
    schema = load_schema(resource_path("labels.toml"))
    store = Store.create(path, schema)
    rng = random.Random(7)
    stamp = now()
    with store.transaction():
        import_id = store.articles.start_import(["generated"], stamp)
        total, batch = 0, 0
        while total < target:
            texts = generate_articles(500, seed=batch, paragraphs=40)
            texts = [f"批次{batch}·{t}" for t in texts]  # distinct across batches
            total += store.articles.add_many(
                [prepare(RawArticle(f"gen/{batch}/{i}.txt", t)) for i, t in enumerate(texts)],
                import_id,
                stamp,
            )
            batch += 1
        annotator = store.annotators.get_or_create("alice").annotator_id
        rows = store.query("SELECT sentence_id, length(text) FROM sentences ORDER BY sentence_id")
        span_labels = [lab.id for lab in schema.labels if lab.span]
        for sentence_id, length in rows[:target]:
            labels = tuple(rng.sample(schema.label_ids, rng.randint(0, 2)))
            fields = {}
            spans: tuple[SpanValue, ...] = ()
            if labels and rng.random() < 0.5:
                first = schema.label(labels[0])
                text_fields = [f.id for f in first.fields if f.type == "text"]
                if text_fields:
                    fields = {labels[0]: {text_fields[0]: "示例值"}}
            if rng.random() < 0.2 and length > 4:
                start = rng.randrange(0, length - 3)
                spans = (SpanValue(rng.choice(span_labels), start, start + 3),)
            store.annotations.write(
                sentence_id,
                annotator,
                AnnotationState(labels, fields, spans, decided=True),
                spans=bool(spans),
                at=stamp,
            )
    store.close()
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=600_000)
    parser.add_argument("--keep", type=Path, help="Build (or reuse) the project in this folder.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / f"export_{args.sentences}.db"
        if not db.exists():
            t0 = time.perf_counter()
            n = build(db, args.sentences)
            print(f"built {db.name}: {n} sentences in {time.perf_counter() - t0:.1f} s")

        store = Store.open(db)
        out = Path(tmp) / "ours.jsonl"
        t0 = time.perf_counter()
        report = export_file(store, out, ExportOptions(all_annotators=True))
        ours = time.perf_counter() - t0
        store.close()

        conn = sqlite3.connect(db)
        plain_out = Path(tmp) / "plain.jsonl"
        t0 = time.perf_counter()
        with open(plain_out, "w", encoding="utf-8") as f:
            for row in conn.execute(PLAIN_SQL):
                f.write(
                    json.dumps(dict(zip(PLAIN_KEYS, row, strict=False)), ensure_ascii=False) + "\n"
                )
        plain = time.perf_counter() - t0
        conn.close()
        size = out.stat().st_size / 1e6

    n = report.rows
    print(f"rows: {n}, own JSONL {size:.0f} MB")
    print(f"annotator export (own jsonl):     {ours:6.2f} s  {n / ours:10.0f} rows/s")
    print(f"plain sqlite3 + json.dumps loop:  {plain:6.2f} s  {n / plain:10.0f} rows/s")
    print(f"speed ratio annotator/plain: {plain / ours:.2f} (goal >= 0.50)")


if __name__ == "__main__":
    main()
