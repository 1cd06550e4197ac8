"""Training the learned extractor on 100,000 sentences: features, fitting, total (goal < 60 s).

Sentences are drawn from the seed articles' sentences (recombined, so each is a real sentence of
the genre) with stand-in labels from simple patterns; the timing, not the quality, is measured.
Rule-extractor features are included when the rule extractors are installed.

    python benchmarks/train_bench.py [--sentences N]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=100_000)
    args = parser.parse_args()
    from corpus import seed_paragraphs

    from annotator.learn.features import builtin_rule_votes, featurize
    from annotator.learn.train import Dataset, train
    from annotator.text.segment import split_sentences

    pool = []
    for para in seed_paragraphs():
        pool.extend(para[b.start : b.end] for b in split_sentences(para))
    rng = random.Random(7)
    figure = re.compile(r"\d+(\.\d+)?万?余?(名|起|人次|个|元|%)")
    texts, groups = [], []
    for i in range(args.sentences):
        a, b = rng.choice(pool), rng.choice(pool)
        texts.append(a if i % 3 else a + b)  # vary lengths and make most sentences distinct
        groups.append(i // 40)
    labels = ("statistic", "anecdote", "slogan")
    targets = {
        "statistic": [int(bool(figure.search(t))) for t in texts],
        "anecdote": [int("“" in t and "说" in t) for t in texts],
        "slogan": [int(bool(re.search(r"“[^”]{2,10}”", t))) for t in texts],
    }
    ds = Dataset(texts, targets, groups, labels)
    rules = builtin_rule_votes(labels)
    print(
        f"{len(ds)} sentences, {sum(map(len, texts)) / 1e6:.1f} M characters; "
        f"rule features: {'yes' if rules else 'no (extractors not installed)'}"
    )
    t0 = time.perf_counter()
    featurize(texts[:2000], rules)  # warm jieba
    t1 = time.perf_counter()
    x_time_start = time.perf_counter()
    featurize(texts, rules)
    feat = time.perf_counter() - x_time_start
    t2 = time.perf_counter()
    model = train(ds, name="bench", schema_hash="bench", use_rules=rules is not None, cv=0)
    total = time.perf_counter() - t2
    print(
        f"features alone: {feat:.1f} s ({len(ds) / feat:,.0f} sentences/s; jieba warm-up {t1 - t0:.1f} s)"
    )
    print(f"train (features + {len(model.labels)} classifiers): {total:.1f} s   (goal < 60 s)")


if __name__ == "__main__":
    main()
