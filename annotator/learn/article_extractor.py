"""A trained article model as an extractor: reads whole articles, suggests with calibrated scores.

``learned:default`` is the model shipped in ``resources/models/default.npz`` (trained on the
development corpus's ``dev`` split, calibrated on ``calib``); ``learned:NAME`` is one a project
trained with ``annotator train``. Every suggestion's score is the calibrated probability; those
below the label's threshold (chosen on ``calib`` for precision 0.85) are not suggested unless a
lower ``min_confidence`` is asked for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np

from annotator.extractors.base import (
    ArticleSentence,
    Context,
    Extractor,
    Suggestion,
    run_article,
)
from annotator.learn.article_model import ArticleModel, load_article_model
from annotator.paths import resource_path


class ArticleModelExtractor:
    def __init__(
        self,
        model: ArticleModel,
        name: str,
        min_confidence: Mapping[str, float] | None = None,
        spans_from: Extractor | None = None,
    ) -> None:
        self.model = model
        # the model decides the sentence's labels; a rule extractor, if given, marks the spans
        # and fills the fields of the labels the model suggests (figures, formulas)
        self.spans_from = spans_from
        self.name = name
        self.version = model.version
        self.labels = model.labels
        self.thresholds = {lab: model.threshold(lab) for lab in model.labels}
        if min_confidence is not None:
            self.thresholds.update(min_confidence)

    def warm(self) -> None:
        """Load what every article needs (jieba's dictionary) before worker processes fork, so
        they share it instead of each loading its own."""
        from annotator.text.tokens import pos_tag

        pos_tag("预热")

    def rule_detail(
        self, title: str, sentences: Sequence[ArticleSentence]
    ) -> list[dict[str, Suggestion]]:
        """Per sentence, the rule extractor's suggestions by label (none without ``spans_from``)."""
        if self.spans_from is None:
            return [{} for _ in sentences]
        return [
            {g.label: g for g in found}
            for found in run_article(self.spans_from, title, sentences)
        ]

    def _votes(self, detail: Sequence[Mapping[str, Suggestion]]) -> np.ndarray:
        return np.array(
            [[float(d[lab].score) if lab in d else 0.0 for lab in self.labels] for d in detail]
        ).reshape(len(detail), len(self.labels))

    def probabilities(
        self, sentences: Sequence[ArticleSentence], detail: Sequence[Mapping[str, Suggestion]]
    ) -> np.ndarray:
        """(sentences, labels) calibrated probabilities, given the rules' suggestions."""
        return self.model.article_probabilities(sentences, self._votes(detail))

    def extract_article(
        self, title: str, sentences: Sequence[ArticleSentence]
    ) -> list[list[Suggestion]]:
        return self.extract_articles([(title, sentences)])[0]

    def extract_articles(
        self, articles: Sequence[tuple[str, Sequence[ArticleSentence]]]
    ) -> list[list[list[Suggestion]]]:
        """``extract_article`` for many (title, sentences) at once: the rules run article by
        article, the model featurises and scores the whole batch in one pass."""
        details = [self.rule_detail(title, sentences) for title, sentences in articles]
        probs = self.model.batch_probabilities(
            [sentences for _, sentences in articles], [self._votes(d) for d in details]
        )
        return [
            self._keep(sentences, p, d)
            for (_, sentences), p, d in zip(articles, probs, details, strict=True)
        ]

    def _keep(
        self,
        sentences: Sequence[ArticleSentence],
        probs: np.ndarray,
        detail: Sequence[Mapping[str, Suggestion]],
    ) -> list[list[Suggestion]]:
        out: list[list[Suggestion]] = []
        for s, row, rule in zip(sentences, probs, detail, strict=True):
            if s.boilerplate:
                out.append([])
                continue
            keep = []
            for lab, p in zip(self.labels, row, strict=True):
                if p >= self.thresholds[lab]:
                    r = rule.get(lab)
                    spans, fields = (r.spans, r.fields) if r is not None else ((), {})
                    keep.append(Suggestion(lab, round(float(p), 4), spans, fields))
            out.append(keep)
        return out

    def extract(self, text: str, context: Context | None = None) -> list[Suggestion]:
        """One sentence alone (no neighbours): prefer ``extract_article``."""
        sentences = [ArticleSentence(text)]
        if context is not None and context.previous:
            sentences.insert(0, ArticleSentence(context.previous))
        return self.extract_article(context.article_title if context else "", sentences)[-1]



@lru_cache(maxsize=1)
def shipped_model() -> ArticleModel:
    """The model shipped in ``resources/models/default.npz`` (loaded once per process)."""
    return load_article_model(resource_path("models", "default.npz"))


__all__ = ["ArticleModelExtractor", "shipped_model"]
