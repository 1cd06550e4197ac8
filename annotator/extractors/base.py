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
    # read-only members: the built-ins declare them as class attributes, properties or fields
    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    @property
    def labels(self) -> Sequence[str]: ...

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

    def extract_article(
        self, title: str, sentences: Sequence[ArticleSentence]
    ) -> list[list[Suggestion]]:
        """Each part over the whole article (parts that read stories get to), merged."""
        merged: list[list[Suggestion]] = [[] for _ in sentences]
        for p in self.parts:
            for row, found in zip(merged, run_article(p, title, sentences), strict=True):
                row.extend(found)
        return merged


@dataclass(frozen=True, slots=True)
class ArticleSentence:
    """One sentence as an article-level extractor sees it."""

    text: str
    boilerplate: bool = False
    paragraph: int = 0


def sentence_contexts(title: str, sentences: Sequence[ArticleSentence]) -> list[Context]:
    """Each sentence's context: its article title, place, and whether it starts/ends its line."""
    out = []
    for i, s in enumerate(sentences):
        prev = sentences[i - 1] if i else None
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        out.append(
            Context(
                article_title=title,
                position=i,
                paragraph_start=prev is None or prev.paragraph != s.paragraph,
                paragraph_end=nxt is None or nxt.paragraph != s.paragraph,
                previous=prev.text if prev else "",
            )
        )
    return out


def run_article(
    extractor: Extractor, title: str, sentences: Sequence[ArticleSentence]
) -> list[list[Suggestion]]:
    """The extractor's suggestions for every sentence of one article; none for boilerplate.

    An extractor that reads whole articles (stories run across sentences) implements
    ``extract_article(title, sentences)``; any other is called sentence by sentence.
    """
    whole = getattr(extractor, "extract_article", None)
    if whole is not None:
        results: list[list[Suggestion]] = whole(title, sentences)
    else:
        ctx = sentence_contexts(title, sentences)
        results = [
            [] if s.boilerplate else extractor.extract(s.text, c)
            for s, c in zip(sentences, ctx, strict=True)
        ]
    return [[] if s.boilerplate else r for s, r in zip(sentences, results, strict=True)]
