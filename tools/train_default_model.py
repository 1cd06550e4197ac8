"""Train the shipped learned model and calibrate every built-in extractor on the corpus.

    python tools/train_default_model.py

- trains ``learned:default`` on the ``dev`` split of ``resources/corpus`` and the seeds' reference
  annotation (``tests/data/reference/seeds.jsonl``), and calibrates it on
  ``calib`` (Platt scaling, thresholds for precision 0.85) → ``resources/models/default.npz``;
- calibrates the rule extractors on ``calib`` the same way and chooses the default extractor of
  ``annotator suggest`` by macro F1 on ``calib`` → ``resources/models/calibration.json``.

``test`` is never read here.
"""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from annotator import devcorpus  # noqa: E402
from annotator.extractors import scoring  # noqa: E402
from annotator.extractors.calibration import Calibrated, LabelCalibration  # noqa: E402
from annotator.extractors.registry import BUILTIN  # noqa: E402
from annotator.learn.article_extractor import ArticleModelExtractor  # noqa: E402
from annotator.learn.article_model import from_corpus, train_article_model  # noqa: E402
from annotator.paths import resource_path  # noqa: E402
from annotator.schema import load_schema  # noqa: E402

PRECISION = 0.85
LABELS = ("statistic", "anecdote", "slogan")


def platt(pairs: list[tuple[float, bool]]) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    xs = [[math.log(min(max(s, 1e-4), 1 - 1e-4) / (1 - min(max(s, 1e-4), 1 - 1e-4)))] for s, _ in pairs]
    ys = [g for _, g in pairs]
    if all(ys) or not any(ys):
        return 1.0, 0.0
    m = LogisticRegression(C=100.0).fit(xs, ys)
    return float(m.coef_[0][0]), float(m.intercept_[0])


def calibrate_rules(name: str, calib: list) -> dict[str, dict[str, float]]:
    ex = BUILTIN[name]()
    scores = scoring.predict_scores(ex, calib)
    table = {}
    for label in ex.labels:
        a, b = platt(scoring.pairs(calib, scores, label))
        cal = LabelCalibration(a, b, 0.0)
        probs = [(cal.probability(s) if s > 0 else 0.0, g) for s, g in scoring.pairs(calib, scores, label)]
        cut = scoring.threshold_for_precision(probs, PRECISION)
        table[label] = {"a": round(a, 5), "b": round(b, 5), "threshold": round(cut if cut is not None else 1.0, 4)}
    return table


def macro_f1(ex, articles) -> tuple[float, dict]:
    scores = scoring.predict_scores(ex, articles)
    counts = scoring.count(articles, scores, LABELS)
    return sum(c.f1 for c in counts.values()) / len(LABELS), counts


def main() -> None:
    t = time.time()
    dev = devcorpus.load(["dev"])
    calib = devcorpus.load(["calib"])
    schema = load_schema(resource_path("labels.toml"))
    rule_scores = scoring.predict_scores(BUILTIN["rules"](), calib)
    votes = [
        np.array([[row.get(lab, 0.0) for lab in LABELS] for row in art]).reshape(-1, len(LABELS))
        for art in rule_scores
    ]
    model = train_article_model(
        "default",
        from_corpus(dev + devcorpus.load_seeds_reference()),
        LABELS,
        schema.hash,
        calib=from_corpus(calib),
        calib_rules=votes,
        precision=PRECISION,
    )
    model.info["trained_on_corpus"] = {"split": "dev", "articles": len(dev), "plus": "seeds reference"}
    path = model.save(resource_path("models", "default.npz"))
    print(f"{path.relative_to(ROOT)}: thresholds {model.thresholds} ({time.time() - t:.0f} s)")

    table = {name: calibrate_rules(name, calib) for name in ("statistics", "slogans", "anecdotes", "rules")}
    candidates = {
        "rules": Calibrated(BUILTIN["rules"](), {k: LabelCalibration(**v) for k, v in table["rules"].items()}),
        "learned:default": ArticleModelExtractor(model, "learned:default", spans_from=BUILTIN["rules"]()),
    }
    results = {}
    for name, ex in candidates.items():
        f1, counts = macro_f1(ex, calib)
        results[name] = f1
        print(f"calib {name}: macro F1 {f1:.3f}", {k: round(c.f1, 3) for k, c in counts.items()})
    default = max(results, key=lambda k: results[k])
    out = {
        "note": "made by tools/train_default_model.py on the calib split; do not edit by hand",
        "precision_target": PRECISION,
        "default_extractor": default,
        "calib_macro_f1": {k: round(v, 4) for k, v in results.items()},
        "extractors": table,
    }
    resource_path("models", "calibration.json").write_text(json.dumps(out, indent=1) + "\n", "utf-8")
    print(f"default extractor: {default}")


if __name__ == "__main__":
    main()
