"""Sentence-level precision, recall and F1 of an extractor on annotated articles.

Used by ``benchmarks/extract_quality.py`` and the choice of thresholds on the ``calib`` split.
A sentence counts as predicted for a label when the extractor suggests it with a score at or
above that label's threshold; boilerplate sentences are never predicted, and their gold labels
(none, by the guidelines) still count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotator.devcorpus import CorpusArticle
from annotator.extractors.base import ArticleSentence, Extractor, run_article


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# per article, per sentence: {label: best score}
Scores = list[list[dict[str, float]]]


def article_inputs(article: CorpusArticle) -> list[ArticleSentence]:
    return [ArticleSentence(s.text, s.boilerplate, s.paragraph) for s in article.sentences]


def predict_scores(extractor: Extractor, articles: Sequence[CorpusArticle]) -> Scores:
    """Each sentence's best score per label."""
    out: Scores = []
    for article in articles:
        rows = []
        for suggestions in run_article(extractor, article.title, article_inputs(article)):
            best: dict[str, float] = {}
            for g in suggestions:
                best[g.label] = max(best.get(g.label, 0.0), float(g.score))
            rows.append(best)
        out.append(rows)
    return out


def count(
    articles: Sequence[CorpusArticle],
    scores: Scores,
    labels: Sequence[str],
    thresholds: Mapping[str, float] | None = None,
) -> dict[str, Counts]:
    """TP/FP/FN per label at the given per-label score thresholds (default: any suggestion)."""
    th = thresholds or {}
    out = {}
    for label in labels:
        tp = fp = fn = 0
        cut = th.get(label, 0.0)
        for article, rows in zip(articles, scores, strict=True):
            for s, row in zip(article.sentences, rows, strict=True):
                predicted = label in row and row[label] >= cut
                gold = label in s.labels
                tp += predicted and gold
                fp += predicted and not gold
                fn += gold and not predicted
        out[label] = Counts(tp, fp, fn)
    return out


def pairs(
    articles: Sequence[CorpusArticle], scores: Scores, label: str
) -> list[tuple[float, bool]]:
    """(score, is gold) for every sentence; 0.0 where nothing was suggested."""
    return [
        (row.get(label, 0.0), label in s.labels)
        for article, rows in zip(articles, scores, strict=True)
        for s, row in zip(article.sentences, rows, strict=True)
    ]


def threshold_for_precision(pairs_: Sequence[tuple[float, bool]], target: float) -> float | None:
    """The score threshold with the best F1 among those whose precision is at least ``target``.

    The precision and recall at an observed score are over all sentences scoring at or above
    it (``pairs_`` holds every sentence, 0.0 where nothing was suggested). The threshold
    returned lies halfway between that score and the next lower observed one (or zero), so a
    score a little below what calibration saw still counts. None when no threshold reaches the
    target.
    """
    positives = sum(1 for _s, g in pairs_ if g)
    ranked = sorted((p for p in pairs_ if p[0] > 0), key=lambda p: -p[0])
    best: tuple[float, float, float] | None = None  # (f1, score, next lower score)
    tp = fp = 0
    i = 0
    while i < len(ranked):
        score = ranked[i][0]
        while i < len(ranked) and ranked[i][0] == score:
            tp += ranked[i][1]
            fp += not ranked[i][1]
            i += 1
        precision = tp / (tp + fp)
        if precision >= target and positives:
            recall = tp / positives
            f1 = 2 * precision * recall / (precision + recall)
            if best is None or f1 > best[0]:
                best = (f1, score, ranked[i][0] if i < len(ranked) else 0.0)
    return None if best is None else (best[1] + best[2]) / 2
