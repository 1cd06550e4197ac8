"""The three rule extractors over 10,000 generated articles: sentences per second (goal < 60 s).

Each extractor runs as ``suggest`` runs it: article by article through ``run_article`` (story
passages and the statistic vetoes read whole articles).

python benchmarks/extract_bench.py [--articles N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    from corpus import generate_articles

    from annotator.extractors.base import ArticleSentence, run_article
    from annotator.extractors.registry import builtin_extractors
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
    sentences = [s for a in articles for s in a if not s.boilerplate]
    print(f"{args.articles} articles, {len(sentences)} non-boilerplate sentences")
    total = 0.0
    for ex in builtin_extractors():
        t = time.perf_counter()
        found = sum(1 for a in articles for row in run_article(ex, "", a) if row)
        secs = time.perf_counter() - t
        total += secs
        print(
            f"{ex.name:<11} {secs:6.1f} s  {len(sentences) / secs:10,.0f} sentences/s  ({found} sentences suggested)"
        )
    print(
        f"all three:  {total:6.1f} s  {len(sentences) / total:10,.0f} sentences/s   (goal: under 60 s)"
    )


if __name__ == "__main__":
    main()
