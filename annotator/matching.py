"""Which sentence of this project a sentence from elsewhere is: one rule for ``import-labels``,
``evaluate --predictions`` and ``merge``.

A sentence from elsewhere (a line of an own-format file, a sentence of another project) says its
text and, where it knows them, its ``sentence_id`` and its ``start``/``end`` in the article. It is
matched, in this order (docs/formats.md):

1. by ``sentence_id``, when this project's sentence of that id has the same text;
2. within its scope, by ``start`` + ``end`` + the same text, when exactly one sentence has them;
3. within its scope, by the exact text, when that text occurs once there. More than once is
   ambiguous, and the caller is told how often.

The scope of a file's line is its ``source`` (every sentence of the articles read from that
file); the scope of another project's sentence is the article it was matched to by text hash. A
merge has no step 1 (sentence ids belong to each file) and skips step 3 for a text that repeats
in its own article, so two of their sentences never land on one of ours.

Pure: the store supplies the sentences (``records.Sentence``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from annotator.records import Sentence


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """What a sentence from elsewhere says about itself."""

    text: str
    sentence_id: int | None = None
    start: int | None = None
    end: int | None = None


class NoMatch(Exception):
    """No sentence of the project matches; ``str()`` says why, for a line's error."""


class Scope:
    """The sentences a reference may match by offsets or text (one source, or one article)."""

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        self.by_offsets: dict[tuple[int, int, str], list[int]] = defaultdict(list)
        self.by_text: dict[str, list[int]] = defaultdict(list)
        for s in sentences:
            self.by_offsets[(s.start, s.end, s.text)].append(s.sentence_id)
            self.by_text[s.text].append(s.sentence_id)


def match_sentence(
    ref: SentenceRef,
    scope: Scope | None,
    texts: Mapping[int, str] | None = None,
    *,
    by_text: bool = True,
    where: str = "its scope",
) -> int:
    """This project's sentence id for ``ref`` by the rules of the module doc.

    ``texts`` maps sentence ids to this project's texts (step 1; None skips it). ``by_text=False``
    skips step 3. ``where`` names the scope in the ambiguity message. Raises NoMatch.
    """
    if ref.sentence_id is not None and texts is not None:
        if texts.get(ref.sentence_id) == ref.text:
            return ref.sentence_id
    if scope is not None:
        if ref.start is not None and ref.end is not None:
            hits = scope.by_offsets.get((ref.start, ref.end, ref.text), [])
            if len(hits) == 1:
                return hits[0]
        if by_text:
            hits = scope.by_text.get(ref.text, [])
            if len(hits) == 1:
                return hits[0]
            if len(hits) > 1:
                raise NoMatch(f"the text occurs {len(hits)} times in {where}; give sentence_id")
    raise NoMatch(
        "no sentence of the project matches this line "
        "(by sentence_id, source and offsets, or source and text)"
    )
