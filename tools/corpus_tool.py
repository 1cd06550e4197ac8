"""Tools for writing and annotating the development corpus (resources/corpus/).

Articles are plain files written by the project (never pasted from real pages) in
resources/corpus/articles/; each has an annotation file of the same stem in
resources/corpus/annotations/ (one JSON line per sentence, in order, as the app segments it).

  python tools/corpus_tool.py skeleton FILE...   write an annotation skeleton for each article
                                                  (keeps labels already written for unchanged text)
  python tools/corpus_tool.py check [FILE...]    validate annotation files against their articles
  python tools/corpus_tool.py stats              counts per label, topic, province, split

Annotation line: {"i": 3, "text": "...", "boilerplate": false, "labels": ["statistic"],
                  "spans": [{"label": "statistic", "text": "1.63万名"}]}
Spans are exact substrings of the sentence (statistic: each figure; slogan: each formula,
without quotation marks); an anecdote takes no spans.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "resources" / "corpus"
ARTICLES = CORPUS / "articles"
ANNOTATIONS = CORPUS / "annotations"
LABELS = ("statistic", "anecdote", "slogan")


def _sentences(path: Path) -> list[tuple[str, bool]]:
    from annotator.corpus.importer import prepare
    from annotator.corpus.readers import read_file

    raw = next(iter(read_file(path)))
    art = prepare(raw)
    return [(raw.text[s.start : s.end], s.boilerplate) for s in art.sentences]


def _ann_path(article: Path) -> Path:
    return ANNOTATIONS / (article.stem + ".jsonl")


def _read(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def skeleton(paths: list[Path]) -> None:
    ANNOTATIONS.mkdir(parents=True, exist_ok=True)
    for article in paths:
        old = {row["text"]: row for row in _read(_ann_path(article))}
        rows = []
        for i, (text, boiler) in enumerate(_sentences(article)):
            prev = old.get(text, {})
            rows.append(
                {
                    "i": i,
                    "text": text,
                    "boilerplate": boiler,
                    "labels": prev.get("labels", []),
                    "spans": prev.get("spans", []),
                }
            )
        _ann_path(article).write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8"
        )
        print(f"{_ann_path(article).relative_to(ROOT)}: {len(rows)} sentences")


def check(paths: list[Path]) -> int:
    errors = 0
    for article in paths:
        ann = _ann_path(article)
        rows = _read(ann)
        sents = _sentences(article)
        if [r["text"] for r in rows] != [t for t, _ in sents]:
            print(f"{ann.name}: sentences differ from the article's segmentation; rerun skeleton")
            errors += 1
            continue
        for r in rows:
            where = f"{ann.name}: i={r['i']}"
            for lab in r["labels"]:
                if lab not in LABELS:
                    print(f"{where}: unknown label {lab!r}")
                    errors += 1
            for sp in r["spans"]:
                if sp["label"] not in r["labels"]:
                    print(f"{where}: span label {sp['label']!r} not among the sentence's labels")
                    errors += 1
                if sp["label"] == "anecdote":
                    print(f"{where}: anecdotes take no spans")
                    errors += 1
                if sp["text"] not in r["text"]:
                    print(f"{where}: span {sp['text']!r} is not in the sentence")
                    errors += 1
    return errors


def stats(paths: list[Path]) -> None:
    c: Counter[str] = Counter()
    for article in paths:
        for r in _read(_ann_path(article)):
            c["sentences"] += 1
            c["boilerplate"] += r["boilerplate"]
            for lab in r["labels"]:
                c[lab] += 1
    print(f"articles {len(paths)}", dict(c))


def main(argv: list[str]) -> int:
    cmd, args = argv[0], [Path(a) for a in argv[1:]]
    paths = args or sorted(ARTICLES.glob("*.txt"))
    if cmd == "skeleton":
        skeleton(paths)
    elif cmd == "check":
        n = check(paths)
        print(f"{n} problem(s) in {len(paths)} article(s)")
        return 1 if n else 0
    elif cmd == "stats":
        stats(paths)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
