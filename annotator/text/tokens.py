"""jieba tokens with character offsets, part-of-speech tags, and snapping spans to tokens.

jieba is loaded on first use (building its prefix dictionary costs about a second) with the
project's domain dictionary ``resources/jieba_userdict.txt``; its cache file goes to the user
cache directory, never the working directory.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from annotator.paths import resource_path, user_cache_dir

_lock = threading.Lock()
_tokenizer: Any = None  # jieba.Tokenizer (jieba has no types)
_posseg: Any = None  # jieba.posseg.POSTokenizer


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    pos: str = ""


def _jieba() -> Any:
    """The shared jieba tokenizer, initialised once with the cache in the user cache dir."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import jieba  # lazy: jieba is slow to import and to load its dictionary

            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.tmp_dir = str(user_cache_dir())
            tok.cache_file = "jieba.cache"
            tok.initialize()
            with open(resource_path("jieba_userdict.txt"), "rb") as words:
                tok.load_userdict(words)
            _tokenizer = tok
        return _tokenizer


def _pos_tokenizer() -> Any:
    global _posseg
    tok = _jieba()
    with _lock:
        if _posseg is None:
            from jieba import posseg  # lazy: as jieba above

            _posseg = posseg.POSTokenizer(tok)
        return _posseg


@lru_cache(maxsize=4096)
def _tokenize_cached(text: str) -> tuple[Token, ...]:
    return tuple(Token(w, s, e) for w, s, e in _jieba().tokenize(text, HMM=True))


def tokenize(text: str) -> list[Token]:
    """Tokens covering ``text`` exactly, in order, with offsets in code points."""
    if not text:
        return []
    return list(_tokenize_cached(text))


def in_dictionary(word: str) -> bool:
    """Whether jieba's dictionary (with the project's words) lists ``word``: a cheap check before
    tokenizing a whole sentence."""
    return bool(_jieba().FREQ.get(word))


@lru_cache(maxsize=4096)
def _pos_cached(text: str) -> tuple[Token, ...]:
    out: list[Token] = []
    pos = 0
    for pair in _pos_tokenizer().cut(text, HMM=True):
        word, flag = pair.word, pair.flag
        start = text.find(word, pos)
        if start < 0:  # jieba never drops characters; be safe anyway
            start = pos
        out.append(Token(word, start, start + len(word), flag))
        pos = start + len(word)
    return tuple(out)


def pos_tag(text: str) -> list[Token]:
    """Tokens with jieba part-of-speech flags (m numeral, q measure word, nr person, t time …)."""
    if not text:
        return []
    return list(_pos_cached(text))


def snap_to_tokens(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to the enclosing jieba token boundaries, trimming whitespace.

    A selection that already lies on boundaries is unchanged; an empty selection stays empty.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}-{end} outside text of length {len(text)}")
    if start == end:
        return start, end
    new_start, new_end = start, end
    for tok in tokenize(text):
        if tok.start <= start < tok.end:
            new_start = tok.start
        if tok.start < end <= tok.end:
            new_end = tok.end
            break
    while new_start < new_end and text[new_start].isspace():
        new_start += 1
    while new_end > new_start and text[new_end - 1].isspace():
        new_end -= 1
    return new_start, new_end
