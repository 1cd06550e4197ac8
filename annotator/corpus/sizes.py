"""A size limit per article, and splitting a huge text by blank lines into articles under it.

One 199 MB .txt imported as one article of 3.58 million sentences took 5 GB to open, at every
start (issue 12). An article may hold at most ``max_bytes`` of text (UTF-8 bytes of the
article text; default 2 MB, about 700,000 Chinese characters). A bigger one is refused with
one line naming the file, unless splitting was asked for: then its paragraphs (separated by
blank lines) are packed in order into as few articles as fit under the limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from annotator.corpus.readers import RawArticle
from annotator.errors import InputError

DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024
SPLIT_HINT = "split it by blank lines (--split-blank-lines) or raise --max-article-size"

# A blank line: a line break, then only whitespace (ASCII, NBSP, the ideographic space U+3000)
# up to the next line break.
BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")

_UNITS = {
    "": 1,
    "b": 1,
    "k": 1024,
    "kb": 1024,
    "m": 1024**2,
    "mb": 1024**2,
    "g": 1024**3,
    "gb": 1024**3,
}


class ArticleTooLarge(InputError):
    """An article over the size limit (the GUI offers to split it)."""


@dataclass(frozen=True, slots=True)
class ArticleLimit:
    """How big one article may be, and whether a bigger one is split by blank lines."""

    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    split_blank_lines: bool = False


DEFAULT_LIMIT = ArticleLimit()


def parse_size(text: str) -> int:
    """``2MB``, ``500k``, ``1.5 MB`` or a plain number of bytes; ValueError otherwise."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", str(text))
    unit = m.group(2).lower() if m else None
    if m is None or unit not in _UNITS:
        raise ValueError(f"not a size: {text!r} (use e.g. 2MB, 500KB or a number of bytes)")
    size = int(float(m.group(1)) * _UNITS[unit])
    if size < 1:
        raise ValueError(f"not a size: {text!r} (must be at least 1 byte)")
    return size


def format_size(size: int) -> str:
    """1536 → '1.5 KB', 2097152 → '2 MB'."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def limit_articles(raws: Iterable[RawArticle], limit: ArticleLimit) -> Iterator[RawArticle]:
    """Pass articles under the limit through; split or refuse (ArticleTooLarge) the others."""
    for raw in raws:
        size = len(raw.text.encode("utf-8"))
        if size <= limit.max_bytes:
            yield raw
        elif limit.split_blank_lines:
            yield from split_blank_lines(raw, limit.max_bytes)
        else:
            raise ArticleTooLarge(
                raw.path,
                f"article is {format_size(size)} of text, over the limit of "
                f"{format_size(limit.max_bytes)} per article; {SPLIT_HINT}",
                raw.line,
            )


def split_blank_lines(raw: RawArticle, max_bytes: int) -> list[RawArticle]:
    """``raw`` as consecutive articles of whole paragraphs, each at most ``max_bytes``."""
    text = raw.text
    paragraphs: list[tuple[int, int]] = []  # (start, end) of each paragraph's text
    start = 0
    for blank in BLANK_LINES.finditer(text):
        paragraphs.append((start, blank.start()))
        start = blank.end()
    paragraphs.append((start, len(text)))
    chunks: list[str] = []
    chunk_start = chunk_end = chunk_bytes = 0
    for p_start, p_end in paragraphs:
        if p_start == p_end:
            continue
        size = len(text[p_start:p_end].encode("utf-8"))
        if size > max_bytes:
            line = text.count("\n", 0, p_start) + 1
            raise ArticleTooLarge(
                raw.path,
                f"the paragraph at text line {line} is over the limit of "
                f"{format_size(max_bytes)} per article even after splitting by blank lines",
                raw.line,
            )
        gap = len(text[chunk_end:p_start].encode("utf-8"))
        if chunk_bytes and chunk_bytes + gap + size > max_bytes:
            chunks.append(text[chunk_start:chunk_end])
            chunk_bytes = 0
        if not chunk_bytes:
            chunk_start, chunk_bytes = p_start, size
        else:
            chunk_bytes += gap + size
        chunk_end = p_end
    if chunk_bytes:
        chunks.append(text[chunk_start:chunk_end])
    n = len(chunks)
    return [
        RawArticle(
            f"{raw.source}#part{k}",
            chunk,
            f"{raw.title} ({k}/{n})" if raw.title else None,
            {**raw.meta, "part": k, "parts": n},
            raw.path,
            raw.line,
        )
        for k, chunk in enumerate(chunks, start=1)
    ]
