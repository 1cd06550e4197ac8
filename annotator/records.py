"""Small frozen records passed between the store, the core and the GUI.

The store converts its rows into these at its boundary; nothing outside the store sees a row dict.
Offsets are Python code points: article offsets for sentences, sentence offsets for spans.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

FieldValues = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Article:
    article_id: int
    source: str
    title: str
    text: str
    text_hash: str
    meta: Mapping[str, Any]
    imported_at: str


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list: counts and one annotator's progress."""

    article_id: int
    source: str
    title: str
    sentences: int
    boilerplate: int
    decided: int  # decided non-boilerplate sentences of the annotator asked about

    @property
    def total(self) -> int:
        """Sentences to decide: every sentence that is not boilerplate."""
        return self.sentences - self.boilerplate

    @property
    def status(self) -> str:
        """'not started', 'in progress' or 'done' for this annotator."""
        if self.decided == 0:
            return "not started"
        return "done" if self.decided >= self.total else "in progress"


@dataclass(frozen=True, slots=True)
class Sentence:
    sentence_id: int
    article_id: int
    position: int  # 0-based index in the article
    start: int  # offsets into the article text
    end: int
    paragraph: int
    boilerplate: bool
    text: str


@dataclass(frozen=True, slots=True)
class Annotator:
    annotator_id: int
    name: str
    kind: str  # "human" or "gold"


@dataclass(frozen=True, slots=True)
class SpanValue:
    """A marked substring of a sentence: ``sentence.text[start:end]``, with its form fields."""

    label: str
    start: int
    end: int
    fields: FieldValues = field(default_factory=dict)

    def key(self) -> tuple[str, int, int]:
        return (self.label, self.start, self.end)


@dataclass(frozen=True, slots=True)
class AnnotationState:
    """Everything one annotator said about one sentence. Undecided and empty means 'not seen'."""

    labels: tuple[str, ...] = ()
    fields: Mapping[str, FieldValues] = field(default_factory=dict)  # label id → field values
    spans: tuple[SpanValue, ...] = ()
    note: str = ""
    decided: bool = False

    def is_empty(self) -> bool:
        return not (self.labels or self.fields or self.spans or self.note or self.decided)

    def with_(self, **changes: Any) -> AnnotationState:
        return replace(self, **changes)


EMPTY_STATE = AnnotationState()


@dataclass(frozen=True, slots=True)
class Annotation:
    """A stored annotation: the state plus whose it is and when it changed."""

    sentence_id: int
    annotator_id: int
    state: AnnotationState
    created_at: str
    updated_at: str
    version: int = 0  # moves on every write (0: no row); edits compare it before writing


@dataclass(frozen=True, slots=True)
class Position:
    """Where an annotator was working: reopened on next start."""

    article_id: int
    sentence_id: int | None


@dataclass(frozen=True, slots=True)
class Change:
    """What an edit touched, so views refresh only those rows."""

    articles: frozenset[int] = frozenset()
    sentences: frozenset[int] = frozenset()
    kinds: frozenset[str] = frozenset()  # "annotation", "boilerplate", "article_fields", ...
    version: int | None = None  # the annotation row's version after a SetState step
    merged: bool = False  # the step was merged with another window's newer write


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One sentence with one annotator's state of it, plus its article: what
    ``store.exports.rows()`` streams and every export format is written from.

    ``start``/``end`` are code points into the article; span offsets are code points into the
    sentence (``text[span.start:span.end]``).
    """

    article_id: int
    source: str
    article_title: str
    sentence_id: int
    index: int  # the sentence's 0-based position in the article
    start: int  # code points into the article text
    end: int
    text: str
    boilerplate: bool
    annotator: str | None  # None: a sentence exported with no annotator at all
    annotator_kind: str  # "human" or "gold"
    labels: tuple[str, ...]  # schema order
    fields: Mapping[str, FieldValues]  # label id → field values
    spans: tuple[SpanValue, ...]  # sorted by (start, end, label)
    note: str
    decided: bool
    updated_at: str | None  # None: the annotator has not touched the sentence
    annotator_id: int | None  # None: the annotator has no layer yet, or no annotator
