"""Training a project's article model, article-grouped cross-validation, learning curves and
uncertainty ordering.

The model is ``annotator.learn.article_model.ArticleModel``: it reads each sentence in its
article. A project's data is its decided sentences, one training article per (article, layer);
the shipped development corpus (``dev`` split and the seeds' reference) can be added as ``base``
articles, which are always trained on and never scored. Calibration (Platt scaling and the
per-label thresholds for precision 0.85) runs on articles the model did not learn from: the
corpus's ``calib`` split, or held-out project articles, or not at all (thresholds 0.5), and the
model's ``info["calibration"]`` says which.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from annotator.errors import AnnotatorError, Cancelled
from annotator.extractors.base import run_article
from annotator.extractors.builtin import rules
from annotator.learn.article_model import ArticleModel, TrainArticle, train_article_model
from annotator.learn.model import require_sklearn
from annotator.store import now

MIN_POSITIVES = 5  # fewer positive sentences than this: the label is left out
PRECISION = 0.85  # the calibrated thresholds' precision target on held-out articles
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]  # polled between fits: True stops the job with Cancelled


class NotEnoughData(AnnotatorError):
    pass


@dataclass
class Dataset:
    articles: list[TrainArticle]  # the project's: one per (article, layer)
    groups: list[int]  # article id of each (folds never split an article)
    labels: tuple[str, ...]
    base: list[TrainArticle] = field(default_factory=list)  # always trained on, never scored
    calib: list[TrainArticle] = field(default_factory=list)  # calibration articles, if any

    def __len__(self) -> int:
        """Decided sentences of the project (the corpus not counted)."""
        return known_sentences(self.articles)


def known_sentences(articles: Sequence[TrainArticle]) -> int:
    return sum(
        1
        for a in articles
        for s, labs in zip(a.sentences, a.labels, strict=True)
        if labs is not None and not s.boilerplate
    )


def positives(articles: Sequence[TrainArticle], label: str) -> int:
    return sum(
        1
        for a in articles
        for s, labs in zip(a.sentences, a.labels, strict=True)
        if labs is not None and not s.boilerplate and label in labs
    )


def _check(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled("training")


def check_data(ds: Dataset) -> dict[str, str]:
    """Labels that cannot be trained, with the reason in words."""
    everything = ds.articles + ds.base
    total = known_sentences(everything)
    skipped = {}
    for lab in ds.labels:
        pos = positives(everything, lab)
        if pos < MIN_POSITIVES:
            skipped[lab] = f"only {pos} positive sentence(s) (need at least {MIN_POSITIVES})"
        elif total - pos < MIN_POSITIVES:
            skipped[lab] = (
                f"only {total - pos} sentence(s) without the label (need at least {MIN_POSITIVES})"
            )
    return skipped


def folds(groups: Sequence[int], k: int) -> list[tuple[list[int], list[int]]]:
    """K folds of (train, test) indexes with whole articles on one side (GroupKFold)."""
    # lazy: scikit-learn is an optional extra, and slow to import
    from sklearn.model_selection import GroupKFold

    n_groups = len(set(groups))
    if n_groups < 2:
        raise NotEnoughData(f"cross-validation needs at least 2 articles; the data has {n_groups}")
    k = min(k, n_groups)
    splitter = GroupKFold(n_splits=k)
    idx = list(range(len(groups)))
    return [(list(tr), list(te)) for tr, te in splitter.split(idx, groups=groups)]


def rule_votes(article: TrainArticle, labels: Sequence[str]) -> np.ndarray:
    """The rule extractors' (sentences, labels) scores for one article, 0 where silent."""
    found = run_article(rules(), article.title, article.sentences)
    return np.array(
        [[max((g.score for g in f if g.label == lab), default=0.0) for lab in labels] for f in found]
    ).reshape(len(found), len(labels))


def article_probabilities(model: ArticleModel, article: TrainArticle) -> np.ndarray:
    """(sentences, labels) probabilities, with the rules' votes when the calibration uses them."""
    votes = rule_votes(article, model.labels) if model.uses_rules else None
    return model.article_probabilities(article.sentences, votes)


def _fit(
    ds: Dataset,
    train_part: Sequence[TrainArticle],
    labels: Sequence[str],
    schema_hash: str,
    name: str,
    calib: Sequence[TrainArticle],
    use_rules: bool,
    cancel: Cancel | None,
) -> ArticleModel:
    """One model on ``train_part`` plus the base articles, calibrated on ``calib`` if any."""
    votes = [rule_votes(a, labels) for a in calib] if calib and use_rules else None
    return train_article_model(
        name,
        list(train_part) + ds.base,
        labels,
        schema_hash,
        calib=calib,
        calib_rules=votes,
        precision=PRECISION,
        check=lambda: _check(cancel),
    )


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = (
        2 * p * r / (p + r)
        if p is not None and r is not None and p + r
        else (0.0 if tp + fp + fn else None)
    )
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def cross_validate(
    ds: Dataset,
    k: int = 5,
    *,
    use_rules: bool = True,
    fraction: float = 1.0,
    progress: Progress | None = None,
    seed: int = 0,
    cancel: Cancel | None = None,
) -> dict[str, Any]:
    """P/R/F1 per label (pooled over folds, at each fold model's thresholds) and micro/macro.

    Folds hold out whole project articles; ``fraction`` of each training fold's articles are
    used (for learning curves). The base articles are in every fold's training part; with
    ``calib`` articles each fold's model is calibrated on them, else its thresholds are 0.5.
    """
    require_sklearn()
    skipped = check_data(ds)
    labels = [lab for lab in ds.labels if lab not in skipped]
    counts = {lab: [0, 0, 0] for lab in labels}
    splits = folds(ds.groups, k)
    trained_sizes = []
    rng = random.Random(seed)
    for i, (train, test) in enumerate(splits, start=1):
        if fraction < 1.0:
            arts = sorted({ds.groups[j] for j in train})
            rng.shuffle(arts)
            keep = set(arts[: max(1, math.ceil(len(arts) * fraction))])
            train = [j for j in train if ds.groups[j] in keep]
        part = [ds.articles[j] for j in train]
        trained_sizes.append(known_sentences(part))
        if labels:
            model = _fit(ds, part, labels, "cv", "cv", ds.calib, use_rules, cancel)
            for j in test:
                art = ds.articles[j]
                probs = article_probabilities(model, art)
                for s, labs, row in zip(art.sentences, art.labels, probs, strict=True):
                    if labs is None or s.boilerplate:
                        continue
                    for li, lab in enumerate(labels):
                        said, truth = bool(row[li] >= model.threshold(lab)), lab in labs
                        c = counts[lab]
                        c[0] += int(said and truth)
                        c[1] += int(said and not truth)
                        c[2] += int(truth and not said)
        if progress:
            progress(i, len(splits))
    per_label = {lab: _prf(*counts[lab]) for lab in labels}
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    f1s = [v["f1"] for v in per_label.values() if v["f1"] is not None]
    return {
        "folds": len(splits),
        "sentences": len(ds),
        "articles": len(set(ds.groups)),
        "train_sentences_mean": sum(trained_sizes) / len(trained_sizes),
        "labels": per_label,
        "micro": _prf(tp, fp, fn),
        "macro_f1": sum(f1s) / len(f1s) if f1s else None,
        "skipped": skipped,
    }


CALIB_MIN_ARTICLES = 10  # fewer project articles than this: no held-out calibration
CALIB_EVERY = 5  # else every fifth article is held out to calibrate on


def train(
    ds: Dataset,
    *,
    name: str,
    schema_hash: str,
    use_rules: bool = True,
    cv: int = 0,
    trained_on: dict[str, Any] | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ArticleModel:
    """Fit the article model on every label with enough data; with ``cv`` > 1, cross-validate
    first. Calibrated on ``ds.calib``, else on held-out project articles when there are enough."""
    require_sklearn()
    skipped = check_data(ds)
    labels = tuple(lab for lab in ds.labels if lab not in skipped)
    if not labels:
        reasons = "; ".join(f"{lab}: {why}" for lab, why in skipped.items())
        raise NotEnoughData(f"too little data to train any label ({reasons})")
    report = cross_validate(ds, cv, use_rules=use_rules, cancel=cancel) if cv and cv > 1 else None
    steps = 2
    if progress:
        progress(1, steps)
    part, calib = ds.articles, ds.calib
    held: set[int] = set()
    ids = sorted(set(ds.groups))
    if ds.calib:
        note = f"on the corpus's calib split ({known_sentences(calib)} sentences)"
    elif len(ids) >= CALIB_MIN_ARTICLES:
        held = set(ids[CALIB_EVERY - 1 :: CALIB_EVERY])
        part = [a for a, g in zip(ds.articles, ds.groups, strict=True) if g not in held]
        calib = [a for a, g in zip(ds.articles, ds.groups, strict=True) if g in held]
        note = (
            f"on {len(held)} held-out project articles ({known_sentences(calib)} sentences), "
            "which it was not trained on"
        )
    else:
        note = (
            f"not calibrated: {len(ids)} project article(s), fewer than {CALIB_MIN_ARTICLES} "
            "to hold out; scores are the model's own, threshold 0.5 (add --corpus to calibrate "
            "on the corpus's calib split)"
        )
    model = _fit(ds, part, labels, schema_hash, name, calib, use_rules, cancel)
    if progress:
        progress(2, steps)
    info = {
        "sentences": known_sentences(part),
        "articles": len(set(ds.groups) - held),
        "positives": {lab: positives(part, lab) for lab in ds.labels},
    }
    if ds.base:
        info["corpus_sentences"] = known_sentences(ds.base)
    info.update(trained_on or {})
    model.info.update(
        {
            "trained_on": info,
            "skipped": skipped,
            "cv": report,
            "calibration": note,
            "created_at": now(),
        }
    )
    return model


def learning_curve(
    ds: Dataset,
    fractions: Sequence[float] = (0.1, 0.2, 0.4, 0.6, 0.8, 1.0),
    k: int = 5,
    *,
    use_rules: bool = True,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> list[dict[str, Any]]:
    """Cross-validated F1 when training on growing fractions of each fold's project articles
    (plus the base articles, if any): how many of its own sentences a project needs."""
    require_sklearn()
    points = []
    for i, frac in enumerate(fractions, start=1):
        rep = cross_validate(ds, k, use_rules=use_rules, fraction=frac, cancel=cancel)
        points.append(
            {
                "fraction": frac,
                "train_sentences": round(rep["train_sentences_mean"]),
                "micro_f1": rep["micro"]["f1"],
                "macro_f1": rep["macro_f1"],
                "labels": {lab: v["f1"] for lab, v in rep["labels"].items()},
            }
        )
        if progress:
            progress(i, len(fractions))
    return points


def uncertainty(probabilities: dict[str, float]) -> float:
    """How unsure the model is about a sentence: 1 at p = 0.5 for some label, 0 when all are sure."""
    if not probabilities:
        return 0.0
    return max(1.0 - 2.0 * abs(p - 0.5) for p in probabilities.values())
