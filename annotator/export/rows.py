"""The record for one exported sentence-annotation: what every export format is written from.

``ExportRow`` is what ``store.exports.rows()`` streams: one sentence with one annotator's state of
it, plus the article it belongs to. Offsets: ``start``/``end`` are code points into the article,
span offsets are code points into the sentence (``text[span.start:span.end]``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from annotator.records import FieldValues, SpanValue


@dataclass(frozen=True, slots=True)
class ExportRow:
    article_id: int
    source: str
    article_title: str
    sentence_id: int
    index: int  # the sentence's 0-based position in the article
    start: int  # code points into the article text
    end: int
    text: str
    boilerplate: bool
    annotator: str
    annotator_kind: str  # "human" or "gold"
    labels: tuple[str, ...]  # schema order
    fields: Mapping[str, FieldValues]  # label id → field values
    spans: tuple[SpanValue, ...]  # sorted by (start, end, label)
    note: str
    decided: bool
    updated_at: str
    annotator_id: int
