"""Chinese sentence segmentation with character offsets into the article text.

Rules (each has an example test on the seed articles in ``tests/corpus/test_segment.py``):

* A sentence ends after a run of terminals: full-width 。！？；… and the half-width ``! ? ;`` that
  scraped Chinese pages use, plus any closing quotes or brackets right after them. A full stop
  ``.`` or colon never ends a sentence, so decimals (76.8万), dates (2022-08-15) and times
  (10:44:40) are safe; inside a URL nothing ends a sentence.
* Inside quotation marks “…” ‘…’ 「…」 『…』 《…》 nothing ends a sentence:
  ``“……。”该公司负责人张纪华说。`` is one sentence.
* A line break always ends a sentence, so a heading is a sentence of its own and an unbalanced
  quote can swallow at most the rest of its paragraph; from the unclosed quote on, that paragraph
  is split as if there were no quotes.
* Whitespace (str.isspace: includes NBSP and the ideographic space U+3000) never starts or ends a
  sentence; whitespace-only lines are not sentences.

Offsets count Python characters (code points) and ``text[start:end]`` is exactly the sentence.
"""

from __future__ import annotations

import re
from typing import NamedTuple

TERMINALS = "。！？；…!?;"
CLOSERS = "”’」』》）)]】〕\"'"
OPEN_CLOSE = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》"}
_CLOSE_OPEN = {v: k for k, v in OPEN_CLOSE.items()}

# Only these characters (and URLs) matter to the scanner; everything else is skipped by the regex.
_EVENTS = re.compile(
    r"(?P<url>(?:https?://|www\.)[\x21-\x7e]+)"
    r"|(?P<term>[" + re.escape(TERMINALS) + r"]+[" + re.escape(CLOSERS) + r"]*)"
    r"|(?P<quote>[" + re.escape("".join(OPEN_CLOSE) + "".join(_CLOSE_OPEN)) + r"])"
)
_LINE = re.compile(r"[^\n]*\S[^\n]*")  # a line with something besides whitespace
_BODY = re.compile(r"\S(?:[^\n]*\S)?")  # \s is str.isspace: NBSP and U+3000 included
_ANY_QUOTE = re.compile("[" + re.escape("".join(OPEN_CLOSE) + "".join(_CLOSE_OPEN)) + "]")
_TERM_RUNS = re.compile(
    r"(?:(?:https?://|www\.)[\x21-\x7e]+)|(["
    + re.escape(TERMINALS)
    + r"]+["
    + re.escape(CLOSERS)
    + r"]*)"
)


class Bounds(NamedTuple):  # a tuple: an import makes hundreds of thousands of these
    """One sentence: ``text[start:end]``, and the index of the paragraph (non-blank line) it lies in."""

    start: int
    end: int
    paragraph: int


def split_sentences(text: str) -> list[Bounds]:
    """Split ``text`` into sentences; see the module docstring for the rules."""
    out: list[Bounds] = []
    append = out.append
    body = _BODY.search
    paragraph = 0
    for m in _LINE.finditer(text):
        start, line_end = m.span()
        found = False
        for cut in [*_cuts(text, start, line_end, quotes=True), line_end]:
            b = body(text, start, cut)  # the piece without whitespace at its edges
            if b is not None:
                append(Bounds(b.start(), b.end(), paragraph))
                found = True
            start = cut
        if found:
            paragraph += 1
    return out


def _cuts(text: str, start: int, end: int, *, quotes: bool) -> list[int]:
    """Positions inside ``text[start:end]`` after which a sentence ends."""
    if not quotes or not _ANY_QUOTE.search(text, start, end):
        # fast path (most lines): every terminal run outside a URL ends a sentence
        return [m.end() for m in _TERM_RUNS.finditer(text, start, end) if m.group(1)]
    cuts: list[int] = []
    stack: list[tuple[str, int]] = []  # (expected closer, position of opener)
    for ev in _EVENTS.finditer(text, start, end):
        kind = ev.lastgroup
        if kind == "url":
            continue
        if kind == "term":
            if not stack or not quotes:
                cuts.append(ev.end())
            else:
                # A terminal inside quotes; a closer in the run may close the quote.
                for ch in ev.group():
                    if stack and ch == stack[-1][0]:
                        stack.pop()
            continue
        ch = ev.group()
        if ch in OPEN_CLOSE:
            stack.append((OPEN_CLOSE[ch], ev.start()))
        elif stack and ch == stack[-1][0]:
            stack.pop()
        elif any(ch == closer for closer, _ in stack):
            while stack and stack[-1][0] != ch:  # close a mismatched inner quote too
                stack.pop()
            if stack:
                stack.pop()
        # a stray closer with no opener is ignored
    if quotes and stack:
        # Unbalanced: keep the cuts before the first unclosed opener, split the rest without quotes.
        opener = stack[0][1]
        cuts = [c for c in cuts if c <= opener] + _cuts(text, opener, end, quotes=False)
    return cuts
