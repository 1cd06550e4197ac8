"""The learned model as an extractor (``learned:NAME``): suggestions carry its probabilities."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.extractors.base import ArticleSentence, Context, Suggestion
from annotator.learn.model import LearnedModel


class LearnedExtractor:
    def __init__(self, model: LearnedModel) -> None:
        self.model = model
        self.name = f"learned:{model.name}"
        self.version = model.version
        self.labels = model.labels

    def extract(self, text: str, context: Context | None = None) -> list[Suggestion]:
        probs = self.model.probabilities([text])[0]
        return [
            Suggestion(lab, round(p, 4)) for lab, p in probs.items() if p >= self.model.threshold
        ]

    def extract_many(self, texts: list[str]) -> list[list[Suggestion]]:
        """Batch prediction (much faster than one sentence at a time)."""
        return [
            [Suggestion(lab, round(p, 4)) for lab, p in probs.items() if p >= self.model.threshold]
            for probs in self.model.probabilities(texts)
        ]

    def extract_article(
        self, title: str, sentences: Sequence[ArticleSentence]
    ) -> list[list[Suggestion]]:
        """A whole article in one batch (the model reads sentences alone)."""
        return self.extract_many([s.text for s in sentences])
