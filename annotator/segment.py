"""Chinese sentence segmentation with character offsets (stub: the real rules are being written)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bounds:
    """One sentence: ``text[start:end]``, and the index of the paragraph (line) it lies in."""

    start: int
    end: int
    paragraph: int


def split_sentences(text: str) -> list[Bounds]:
    """Split ``text`` into sentences (placeholder: one sentence per non-blank line)."""
    out: list[Bounds] = []
    pos = 0
    para = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            out.append(Bounds(start, start + len(stripped), para))
            para += 1
        pos += len(line) + 1
    return out
