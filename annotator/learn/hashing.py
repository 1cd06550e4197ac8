"""Sentences in their article → hashed sparse feature rows, with numpy only.

Prediction needs no scikit-learn or scipy: a row is a set of bucket indices (all values 1, the
row l2-normalised by the model), so a linear model's score is a sum of weights. Hashes are
stable across processes and Python versions (CRC-32 for strings, fixed integer mixing for
character n-grams), so a model file trained on one machine scores the same on another.

Features of one sentence:
- character 1-, 2- and 3-grams, digits folded to 0 (195名 and 23名 share theirs);
- jieba words and word pairs;
- cues (``annotator.learn.cues``), its position in the article and paragraph;
- the previous and next sentences' cues and words, prefixed, so a story or a list is seen
  from inside.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from annotator.extractors.base import ArticleSentence
from annotator.learn.cues import cues
from annotator.text.tokens import tokenize

BITS = 20
N_FEATURES = 1 << BITS
_MASK = N_FEATURES - 1
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_SALT = (0, 0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D)


def _string_index(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & _MASK


def char_ngram_indices(text: str) -> np.ndarray:
    """Bucket indices of the 1-, 2- and 3-grams of ``text`` (digits folded)."""
    shape = _DIGITS.sub("0", text)
    codes = np.frombuffer(shape.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    parts = []
    h = np.zeros(len(codes), dtype=np.uint64)
    for n in (1, 2, 3):
        if len(codes) < n:
            break
        h = codes[n - 1 :] if n == 1 else h[:-1] * np.uint64(1_000_003) + codes[n - 1 :]
        mixed = (h ^ np.uint64(_SALT[n])) * np.uint64(0x9E3779B97F4A7C15)
        parts.append((mixed >> np.uint64(64 - BITS)).astype(np.int64))
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    words: tuple[str, ...]
    cues: tuple[str, ...]


def describe(text: str) -> SentenceInfo:
    words = tuple(_DIGITS.sub("0", t.text) for t in tokenize(text) if not t.text.isspace())
    return SentenceInfo(words, tuple(cues(text)))


def _indices(named: Sequence[str]) -> np.ndarray:
    return np.fromiter((_string_index(f) for f in named), dtype=np.int64, count=len(named))


@dataclass(frozen=True, slots=True)
class _Parts:
    """One sentence text's bucket indices: its own features, and those it lends its neighbours."""

    own: np.ndarray  # character n-grams, words, word pairs, cues
    as_prev: np.ndarray  # pc:/pw: seen from the sentence after it
    as_next: np.ndarray  # nc:/nw: seen from the sentence before it


@lru_cache(maxsize=1 << 15)
def _parts(text: str) -> _Parts:
    """Cached per distinct text: articles and sites repeat sentences (bylines, slogans, stock
    phrases), and a sentence is read again as its neighbours' context."""
    info = describe(text)
    own = [f"w:{w}" for w in info.words]
    own += [f"ww:{a}|{b}" for a, b in zip(info.words, info.words[1:], strict=False)]
    own += [f"c:{c}" for c in info.cues]
    lent = {
        tag: [f"{tag}c:{c}" for c in info.cues] + [f"{tag}w:{w}" for w in info.words if len(w) > 1]
        for tag in ("p", "n")
    }
    return _Parts(
        np.concatenate([char_ngram_indices(text), _indices(own)]),
        _indices(lent["p"]),
        _indices(lent["n"]),
    )


_POSITION = tuple(_string_index(f"pos:{i}") for i in range(7))
_FIRST = _string_index("para:first")
_NO_PREV = np.array([_string_index("p:none")], dtype=np.int64)
_NO_NEXT = np.array([_string_index("n:none")], dtype=np.int64)


def _raw_rows(sentences: Sequence[ArticleSentence]) -> list[np.ndarray]:
    """Per sentence, its bucket indices with repeats (``np.unique`` makes the row)."""
    parts = [_parts(s.text) for s in sentences]
    rows = []
    for i, s in enumerate(sentences):
        first = i == 0 or sentences[i - 1].paragraph != s.paragraph
        fixed = (_POSITION[min(i, 6)], _FIRST) if first else (_POSITION[min(i, 6)],)
        rows.append(
            np.concatenate(
                [
                    parts[i].own,
                    parts[i - 1].as_prev if i else _NO_PREV,
                    parts[i + 1].as_next if i + 1 < len(parts) else _NO_NEXT,
                    np.array(fixed, dtype=np.int64),
                ]
            )
        )
    return rows


def article_rows(sentences: Sequence[ArticleSentence]) -> list[np.ndarray]:
    """One array of distinct bucket indices per sentence of one article."""
    return [np.unique(r) for r in _raw_rows(sentences)]


def batch_rows(articles: Sequence[Sequence[ArticleSentence]]) -> Rows:
    """The rows of many articles' sentences at once, as ``Rows.from_list`` of their
    ``article_rows`` would give, with one sort for the whole batch instead of one per sentence."""
    raw = [r for sentences in articles for r in _raw_rows(sentences)]
    if not raw:
        return Rows.from_list([])
    lengths = np.fromiter((len(r) for r in raw), dtype=np.int64, count=len(raw))
    keys = np.repeat(np.arange(len(raw), dtype=np.int64), lengths) << BITS | np.concatenate(raw)
    keys.sort()  # then drop repeats: np.unique's hash table is far slower on a big batch
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    row_of = keys >> BITS
    indptr = np.searchsorted(row_of, np.arange(len(raw) + 1), side="left")
    return Rows(indptr.astype(np.int64), keys & _MASK)


@dataclass(frozen=True, slots=True)
class Rows:
    """A batch of rows in compressed sparse row form (values are all 1 before normalising)."""

    indptr: np.ndarray
    indices: np.ndarray

    @classmethod
    def from_list(cls, rows: Sequence[np.ndarray]) -> Rows:
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        indices = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        return cls(indptr, indices)

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def dot(self, weights: np.ndarray) -> np.ndarray:
        """Each row's l2-normalised dot product with a dense weight vector (or matrix)."""
        lengths = np.diff(self.indptr)
        w = weights[self.indices]
        sums = np.add.reduceat(w, self.indptr[:-1], axis=0) if len(self.indices) else w
        sums[lengths == 0] = 0
        scale = 1.0 / np.sqrt(np.maximum(lengths, 1))
        return sums * (scale[:, None] if sums.ndim == 2 else scale)

    def to_scipy(self) -> Any:  # a scipy.sparse.csr_matrix (scipy ships no types)
        """The same rows as a scipy CSR matrix (for training with scikit-learn)."""
        from scipy.sparse import csr_matrix

        lengths = np.diff(self.indptr)
        data = np.repeat(1.0 / np.sqrt(np.maximum(lengths, 1)), lengths)
        return csr_matrix((data, self.indices, self.indptr), shape=(len(self), N_FEATURES))
