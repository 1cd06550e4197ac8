"""Calibrated scores and per-label thresholds for extractors, chosen on the corpus's ``calib`` split.

``resources/models/calibration.json`` (written by ``tools/train_default_model.py``) holds, per
extractor and label, a Platt scaling of the raw score (``sigmoid(a * logit(score) + b)``) and the
lowest threshold whose precision on ``calib`` reaches the target (0.85), plus the extractor that
``annotator suggest`` uses by default: the one with the best macro F1 on ``calib`` at its
thresholds. Learned article models carry their own calibration inside the model file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotator.extractors.base import ArticleSentence, Context, Extractor, Suggestion, run_article
from annotator.paths import resource_path

FALLBACK_DEFAULT = "rules"


def calibration_path() -> Path:
    return resource_path("models", "calibration.json")


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    path = calibration_path()
    if not path.exists():
        return {}
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def default_extractor_name() -> str:
    """The extractor ``annotator suggest`` uses when none is named (chosen on ``calib``)."""
    return str(_table().get("default_extractor", FALLBACK_DEFAULT))


@dataclass(frozen=True, slots=True)
class LabelCalibration:
    a: float
    b: float
    threshold: float

    def probability(self, score: float) -> float:
        s = min(max(score, 1e-4), 1 - 1e-4)
        z = self.a * math.log(s / (1 - s)) + self.b
        return 1.0 / (1.0 + math.exp(-z))


def calibration_for(name: str) -> dict[str, LabelCalibration]:
    table = _table().get("extractors", {}).get(name, {})
    return {lab: LabelCalibration(**v) for lab, v in table.items()}


class Calibrated:
    """An extractor whose scores are calibrated and whose suggestions pass the label thresholds."""

    def __init__(
        self,
        inner: Extractor,
        table: Mapping[str, LabelCalibration],
        min_confidence: Mapping[str, float] | None = None,
    ) -> None:
        self.inner = inner
        self.name = inner.name
        self.version = inner.version
        self.labels = tuple(inner.labels)
        self.table = dict(table)
        self.thresholds = {lab: c.threshold for lab, c in self.table.items()}
        if min_confidence is not None:
            self.thresholds.update(min_confidence)

    def _keep(self, suggestions: Sequence[Suggestion]) -> list[Suggestion]:
        out = []
        for g in suggestions:
            cal = self.table.get(g.label)
            p = cal.probability(g.score) if cal else g.score
            if p >= self.thresholds.get(g.label, 0.0):
                out.append(Suggestion(g.label, round(p, 4), g.spans, g.fields))
        return out

    def extract(self, text: str, context: Context | None = None) -> list[Suggestion]:
        return self._keep(self.inner.extract(text, context))

    def extract_article(
        self, title: str, sentences: Sequence[ArticleSentence]
    ) -> list[list[Suggestion]]:
        return [self._keep(r) for r in run_article(self.inner, title, sentences)]


def with_thresholds(extractor: Extractor, min_confidence: float | None = None) -> Extractor:
    """The extractor as ``suggest`` runs it: calibrated scores, only suggestions above threshold.

    ``min_confidence`` overrides every label's threshold. An extractor that calibrates itself
    (a learned article model) takes the override; one calibrated on ``calib`` in
    ``calibration.json`` (the rules) is wrapped; any other is only filtered by the override.
    """
    override = None if min_confidence is None else dict.fromkeys(extractor.labels, min_confidence)
    if hasattr(extractor, "thresholds") and hasattr(extractor, "model"):
        if override:
            extractor.thresholds.update(override)
        return extractor
    table = calibration_for(extractor.name)
    if table or override:
        return Calibrated(extractor, table, override)
    return extractor
