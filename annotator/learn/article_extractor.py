"""A trained article model as an extractor: reads whole articles, suggests with calibrated scores.

``learned:default`` is the model shipped in ``resources/models/default.npz`` (trained on the
development corpus's ``dev`` split, calibrated on ``calib``); ``learned:NAME`` is one a project
trained with ``annotator train``. Every suggestion's score is the calibrated probability; those
below the label's threshold (chosen on ``calib`` for precision 0.85) are not suggested unless a
lower ``min_confidence`` is asked for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from annotator.extractors.base import ArticleSentence, Context, Suggestion, sentence_contexts
from annotator.learn.article_model import ArticleModel


class ArticleModelExtractor:
    def __init__(
        self, model: ArticleModel, name: str, min_confidence: Mapping[str, float] | None = None
    ) -> None:
        self.model = model
        self.name = name
        self.version = model.version
        self.labels = model.labels
        self.thresholds = {lab: model.threshold(lab) for lab in model.labels}
        if min_confidence is not None:
            self.thresholds.update(min_confidence)

    def extract_article(
        self, title: str, sentences: Sequence[ArticleSentence]
    ) -> list[list[Suggestion]]:
        probs = self.model.article_probabilities(sentences)
        out: list[list[Suggestion]] = []
        for s, row in zip(sentences, probs, strict=True):
            out.append(
                []
                if s.boilerplate
                else [
                    Suggestion(lab, round(float(p), 4))
                    for lab, p in zip(self.labels, row, strict=True)
                    if p >= self.thresholds[lab]
                ]
            )
        return out

    def extract(self, text: str, context: Context | None = None) -> list[Suggestion]:
        """One sentence alone (no neighbours): prefer ``extract_article``."""
        sentences = [ArticleSentence(text)]
        if context is not None and context.previous:
            sentences.insert(0, ArticleSentence(context.previous))
        return self.extract_article(context.article_title if context else "", sentences)[-1]


__all__ = ["ArticleModelExtractor", "sentence_contexts"]
