"""What an extractor is and what it returns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class SuggestedSpan:
    """A substring of the sentence (code-point offsets) with its span fields."""

    start: int
    end: int
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One label suggested for one sentence, with a score in [0, 1], spans and form fields."""

    label: str
    score: float
    spans: tuple[SuggestedSpan, ...] = ()
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Context:
    """What an extractor may know besides the sentence: its article and place in it."""

    article_title: str = ""
    position: int = 0
    paragraph_start: bool = False  # the sentence begins its paragraph (line)
    paragraph_end: bool = False  # the sentence ends its paragraph
    previous: str = ""  # the sentence before, in the same article


@runtime_checkable
class Extractor(Protocol):
    name: str
    version: str
    labels: Sequence[str]

    def extract(self, text: str, context: Context | None = None) -> list[Suggestion]: ...


@dataclass(frozen=True)
class Combined:
    """Several extractors as one (the built-in "rules" extractor)."""

    name: str
    parts: tuple[Extractor, ...]

    @property
    def version(self) -> str:
        return "+".join(f"{p.name}-{p.version}" for p in self.parts)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(lab for p in self.parts for lab in p.labels)

    def extract(self, text: str, context: Context | None = None) -> list[Suggestion]:
        return [s for p in self.parts for s in p.extract(text, context)]
