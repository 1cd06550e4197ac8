"""Extraction over 10,000 generated articles: sentences per second (goal: under 60 s).

Without ``--extractor``, the three rule extractors one by one, article by article through
``run_article`` (story passages and the statistic vetoes read whole articles). With
``--extractor NAME`` (e.g. ``learned:default``, what ``suggest`` uses by default), that extractor
as ``suggest`` runs it: ``annotator.suggest.extract_many``, in batches and, for many articles, in
worker processes (``--workers``, all CPUs by default). Every run generates its articles afresh
and starts with empty caches.

python benchmarks/extract_bench.py [--articles N] [--extractor NAME] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

GOAL = 60.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--extractor", default=None, help="e.g. learned:default")
    parser.add_argument("--workers", type=int, default=None, help="processes (default: all CPUs)")
    args = parser.parse_args()
    from corpus import generate_articles

    from annotator.extractors.base import ArticleSentence
    from annotator.text.boilerplate import flag_boilerplate
    from annotator.text.segment import split_sentences

    texts = generate_articles(args.articles)
    articles = []
    for text in texts:
        bounds = split_sentences(text)
        flags = flag_boilerplate(text, bounds)
        articles.append(
            [
                ArticleSentence(text[b.start : b.end], f, b.paragraph)
                for b, f in zip(bounds, flags, strict=True)
            ]
        )
    sentences = sum(1 for a in articles for s in a if not s.boilerplate)
    distinct = len({s.text for a in articles for s in a if not s.boilerplate})
    print(f"{args.articles} articles, {sentences} non-boilerplate sentences ({distinct} distinct)")
    if args.extractor:
        total = run_one(args.extractor, articles, sentences, args.workers)
    else:
        total = run_rules(articles, sentences)
    print(f"goal: {args.articles} articles under {GOAL:.0f} s: {'met' if total < GOAL else 'NOT met'}")


def run_rules(articles: list, sentences: int) -> float:
    from annotator.extractors.base import run_article
    from annotator.extractors.registry import builtin_extractors

    total = 0.0
    for ex in builtin_extractors():
        t = time.perf_counter()
        found = sum(1 for a in articles for row in run_article(ex, "", a) if row)
        secs = time.perf_counter() - t
        total += secs
        print(
            f"{ex.name:<11} {secs:6.1f} s  {sentences / secs:10,.0f} sentences/s  ({found} sentences suggested)"
        )
    print(f"all three:  {total:6.1f} s  {sentences / total:10,.0f} sentences/s")
    return total


def run_one(name: str, articles: list, sentences: int, workers: int | None) -> float:
    from annotator.extractors.calibration import with_thresholds
    from annotator.extractors.registry import get
    from annotator.suggest import default_workers, extract_many

    cpu0 = _cpu_seconds()
    t = time.perf_counter()
    extractor = with_thresholds(get(name))
    loaded = time.perf_counter() - t
    found = sum(
        1
        for rows in extract_many(extractor, (("", a) for a in articles), len(articles), workers)
        for row in rows
        if row
    )
    total = time.perf_counter() - t
    cpu = _cpu_seconds() - cpu0
    used = default_workers() if workers is None else workers
    print(
        f"{name}: {total:6.1f} s (loading {loaded:.1f} s)  {sentences / total:10,.0f} sentences/s  "
        f"({found} sentences suggested, {used} worker(s))"
    )
    # on a busy machine the wall time says more about the other processes than about this code
    print(
        f"CPU: {cpu:.1f} s in this process and its workers; load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} CPUs"
    )
    return total


def _cpu_seconds() -> float:
    """User + system time of this process and of its ended worker processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


if __name__ == "__main__":
    main()
