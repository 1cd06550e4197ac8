"""Flag web-page noise (navigation, bylines, copyright, ads) without deleting it (stub)."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.segment import Bounds


def flag_boilerplate(text: str, sentences: Sequence[Bounds]) -> list[bool]:
    """Return one flag per sentence: True where the sentence is page noise (placeholder)."""
    return [False for _ in sentences]


def guess_title(text: str, sentences: Sequence[Bounds], flags: Sequence[bool]) -> str | None:
    """Return the article's title: the first meaningful line, or None (placeholder)."""
    for b, flag in zip(sentences, flags, strict=True):
        if not flag:
            return text[b.start : b.end]
    return None
