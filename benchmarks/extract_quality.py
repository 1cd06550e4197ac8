"""Extractor quality on the development corpus: P/R/F1 per label, per split, and a learning curve.

    python benchmarks/extract_quality.py            # the tables (about a minute)
    python benchmarks/extract_quality.py --curve    # also the learning curve on test (slow)

Rows:
- ``rules (any)``: the rule baselines, every suggestion counted (their old behaviour);
- ``rules``: the rules calibrated on ``calib``, at the thresholds chosen there (precision 0.85);
- ``learned:default``: the shipped model (trained on ``dev``, calibrated on ``calib``), at its
  thresholds. This is what ``annotator suggest`` uses by default.

``dev`` figures of the learned model are on its own training data and ``calib`` figures on the
data its thresholds were chosen on: only ``test`` (frozen, never read while building anything)
estimates quality on unseen articles. The seeds row uses the hand-judged reference annotation of
the five seed articles (``tests/data/reference/seeds.jsonl``); the rules were written from the
seeds and the shipped model trains on them too, so that row is not an estimate either.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from annotator import devcorpus  # noqa: E402
from annotator.devcorpus import CorpusArticle  # noqa: E402
from annotator.extractors import scoring  # noqa: E402
from annotator.extractors.calibration import with_thresholds  # noqa: E402
from annotator.extractors.registry import get  # noqa: E402
from annotator.learn.article_extractor import ArticleModelExtractor  # noqa: E402
from annotator.learn.article_model import from_corpus, train_article_model  # noqa: E402

LABELS = ("statistic", "anecdote", "slogan")
GOALS = {"statistic": 0.92, "anecdote": 0.75, "slogan": 0.75}
SEED_GOALS = {"statistic": 0.95, "anecdote": 0.80, "slogan": 0.80}


def table(name: str, ex, splits: dict[str, list[CorpusArticle]]) -> None:
    for split, articles in splits.items():
        counts = scoring.count(articles, scoring.predict_scores(ex, articles), LABELS)
        cells = "  ".join(
            f"{lab[:4]} P{c.precision:.2f} R{c.recall:.2f} F{c.f1:.2f}" for lab, c in counts.items()
        )
        print(f"{name:<16} {split:<6} {cells}")


def goal_line(name: str, ex, articles: list[CorpusArticle], goals: dict[str, float]) -> None:
    counts = scoring.count(articles, scoring.predict_scores(ex, articles), LABELS)
    parts = []
    for lab, c in counts.items():
        ok = "meets" if c.f1 >= goals[lab] else "below"
        parts.append(f"{lab} F1 {c.f1:.3f} ({ok} {goals[lab]:.2f}, precision {c.precision:.3f})")
    print(f"  {name}: " + "; ".join(parts))


def curve(test: list[CorpusArticle], calib: list[CorpusArticle]) -> None:
    dev = devcorpus.load(["dev"])
    rng = random.Random(7)
    order = dev[:]
    rng.shuffle(order)
    rules = with_thresholds(get("rules"))
    base = scoring.count(test, scoring.predict_scores(rules, test), LABELS)
    votes = [
        np.array([[row.get(lab, 0.0) for lab in LABELS] for row in art]).reshape(-1, len(LABELS))
        for art in scoring.predict_scores(get("rules"), calib)
    ]
    print("\nLearning curve on test (model trained on the first N dev sentences, whole articles,")
    print("calibrated on calib); F1 per label; the rules for comparison:")
    print(f"{'sentences':>9}  " + "  ".join(f"{lab:>9}" for lab in LABELS))
    print(f"{'rules':>9}  " + "  ".join(f"{base[lab].f1:9.3f}" for lab in LABELS))
    for target in (250, 500, 1000, 1500, 10**9):
        chosen, n = [], 0
        for a in order:
            if n >= target:
                break
            chosen.append(a)
            n += len(a.sentences)
        model = train_article_model(
            "curve", from_corpus(chosen), LABELS, "curve", calib=from_corpus(calib), calib_rules=votes
        )
        ex = ArticleModelExtractor(model, "curve", spans_from=get("rules"))
        c = scoring.count(test, scoring.predict_scores(ex, test), LABELS)
        print(f"{n:>9}  " + "  ".join(f"{c[lab].f1:9.3f}" for lab in LABELS), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--curve", action="store_true", help="also the learning curve (slow)")
    args = parser.parse_args()
    t = time.time()
    splits = {s: devcorpus.load([s]) for s in devcorpus.SPLITS}
    seeds = devcorpus.load_seeds_reference()
    extractors = {
        "rules (any)": get("rules"),
        "rules": with_thresholds(get("rules")),
        "learned:default": get("learned:default"),
    }
    print("Sentence-level precision, recall, F1 per label")
    for name, ex in extractors.items():
        table(name, ex, {**splits, "seeds": seeds})
    print("\nAgainst the goals (test: articles never read while building anything):")
    for name, ex in extractors.items():
        goal_line(name, ex, splits["test"], GOALS)
    print("Seeds (goals 0.95 / 0.80 / 0.80):")
    for name, ex in extractors.items():
        goal_line(name, ex, seeds, SEED_GOALS)
    print(f"({time.time() - t:.0f} s)")
    if args.curve:
        curve(splits["test"], splits["calib"])


if __name__ == "__main__":
    main()
