"""Training, article-grouped cross-validation, learning curves and uncertainty ordering."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.errors import AnnotatorError, Cancelled
from annotator.learn.features import Sparse, builtin_rule_votes, featurize
from annotator.learn.model import LearnedModel, data_hash, require_sklearn
from annotator.store import now
from annotator.store.learning import TrainingRow

MIN_POSITIVES = 5  # fewer positive sentences than this: no classifier for the label
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]  # polled between fits: True stops the job with Cancelled


class NotEnoughData(AnnotatorError):
    pass


@dataclass(frozen=True, slots=True)
class Dataset:
    texts: list[str]
    targets: dict[str, list[int]]  # label → 0/1 per text
    groups: list[int]  # article id per text (folds never split an article)
    labels: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.texts)


def make_dataset(rows: Sequence[TrainingRow], labels: Sequence[str]) -> Dataset:
    texts = [r.text for r in rows]
    targets = {lab: [1 if lab in r.labels else 0 for r in rows] for lab in labels}
    return Dataset(texts, targets, [r.article_id for r in rows], tuple(labels))


LARGE = 20_000  # from this many sentences on, stochastic gradient descent replaces liblinear


def _classifier(n: int) -> Any:
    """Logistic regression either way; balanced weights because every label is rarer than not.

    liblinear is exact and well-behaved on the small data of a starting project; on large data
    SGD with the logistic loss reaches the same kind of model in a fraction of the time.
    """
    if n >= LARGE:
        # lazy: scikit-learn is an optional extra, and slow to import
        from sklearn.linear_model import SGDClassifier

        return SGDClassifier(
            loss="log_loss",
            alpha=2e-6,
            class_weight="balanced",
            max_iter=40,
            tol=1e-3,
            random_state=0,
        )
    # lazy: scikit-learn is an optional extra, and slow to import
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(solver="liblinear", C=4.0, class_weight="balanced", max_iter=200)


def _check(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled("training")


def _fit_label(x: Sparse, y: Sequence[int]) -> Any:
    clf = _classifier(x.shape[0])
    clf.fit(x, y)
    return clf


def check_data(ds: Dataset) -> dict[str, str]:
    """Labels that cannot be trained, with the reason in words."""
    skipped = {}
    for lab in ds.labels:
        pos = sum(ds.targets[lab])
        neg = len(ds) - pos
        if pos < MIN_POSITIVES:
            skipped[lab] = f"only {pos} positive sentence(s) (need at least {MIN_POSITIVES})"
        elif neg < MIN_POSITIVES:
            skipped[lab] = (
                f"only {neg} sentence(s) without the label (need at least {MIN_POSITIVES})"
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
    features: Sparse | None = None,
    cancel: Cancel | None = None,
) -> dict[str, Any]:
    """P/R/F1 per label (pooled over folds) and micro/macro; ``fraction`` of each training fold's
    articles are used (for learning curves)."""
    require_sklearn()
    skipped = check_data(ds)
    labels = [lab for lab in ds.labels if lab not in skipped]
    if features is None:
        rules = builtin_rule_votes(labels) if use_rules else None
        features = featurize(ds.texts, rules)
    x = features
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
        trained_sizes.append(len(train))
        for lab in labels:
            y = [ds.targets[lab][j] for j in train]
            yt = [ds.targets[lab][j] for j in test]
            if len(set(y)) < 2:  # this fold's training part has one class only
                pred = [0] * len(test)
            else:
                _check(cancel)
                pred = list(_fit_label(x[train], y).predict(x[test]))
            c = counts[lab]
            c[0] += sum(1 for a, b in zip(pred, yt, strict=True) if a and b)
            c[1] += sum(1 for a, b in zip(pred, yt, strict=True) if a and not b)
            c[2] += sum(1 for a, b in zip(pred, yt, strict=True) if b and not a)
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
) -> LearnedModel:
    """Fit one classifier per label with enough data; with ``cv`` > 1, cross-validate first."""
    require_sklearn()

    skipped = check_data(ds)
    labels = tuple(lab for lab in ds.labels if lab not in skipped)
    if not labels:
        reasons = "; ".join(f"{lab}: {why}" for lab, why in skipped.items())
        raise NotEnoughData(f"too little data to train any label ({reasons})")
    report = cross_validate(ds, cv, use_rules=use_rules, cancel=cancel) if cv and cv > 1 else None
    rules = builtin_rule_votes(labels) if use_rules else None
    x = featurize(ds.texts, rules)
    classifiers = {}
    for i, lab in enumerate(labels, start=1):
        _check(cancel)
        classifiers[lab] = _fit_label(x, ds.targets[lab])
        if progress:
            progress(i, len(labels))
    settings = {"rules": use_rules, "labels": labels}
    version = data_hash(list(zip(ds.texts, _label_tuples(ds), strict=True)), settings)
    info = {"sentences": len(ds), "articles": len(set(ds.groups)), "data_hash": version}
    info.update(trained_on or {})
    info["positives"] = {lab: sum(ds.targets[lab]) for lab in ds.labels}
    return LearnedModel(
        name=name,
        version=version,
        schema_hash=schema_hash,
        labels=labels,
        skipped=skipped,
        classifiers=classifiers,
        use_rules=use_rules,
        trained_on=info,
        cv=report,
        created_at=now(),
    )


def _label_tuples(ds: Dataset) -> list[tuple[str, ...]]:
    return [tuple(lab for lab in ds.labels if ds.targets[lab][i]) for i in range(len(ds))]


def learning_curve(
    ds: Dataset,
    fractions: Sequence[float] = (0.1, 0.2, 0.4, 0.6, 0.8, 1.0),
    k: int = 5,
    *,
    use_rules: bool = True,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> list[dict[str, Any]]:
    """Cross-validated F1 when training on growing fractions of each fold's articles."""
    require_sklearn()
    trainable = [lab for lab in ds.labels if lab not in check_data(ds)]
    rules = builtin_rule_votes(trainable) if use_rules else None
    x = featurize(ds.texts, rules)  # once: only the training subsets change
    points = []
    for i, frac in enumerate(fractions, start=1):
        rep = cross_validate(ds, k, use_rules=use_rules, fraction=frac, features=x, cancel=cancel)
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
