"""Sentence features: character n-grams, jieba words, and the rule extractors' scores.

Hashing keeps memory flat at any corpus size (no vocabulary to store in the model file), and the
same function turns a sentence into features at training and at prediction time.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol

from annotator.extractors.builtin import builtin_extractors
from annotator.text.tokens import tokenize

N_FEATURES = 2**18
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


class RuleVotes(Protocol):
    """Each label's rule score for a sentence; ``labels`` orders the feature columns."""

    @property
    def labels(self) -> Sequence[str]: ...

    def __call__(self, text: str) -> dict[str, float]: ...


Sparse = Any  # a scipy.sparse matrix (scipy ships no types)


def analyze(text: str) -> list[str]:
    """The feature names of one sentence (hashed later)."""
    shape = _DIGITS.sub("0", text)  # 195名 and 23名 share their n-grams
    feats = [f"c:{shape[i : i + n]}" for n in (1, 2, 3) for i in range(len(shape) - n + 1)]
    words = [t.text for t in tokenize(text) if not t.text.isspace()]
    feats.extend(f"w:{_DIGITS.sub('0', w)}" for w in words)
    feats.extend(f"ww:{a}|{b}" for a, b in zip(words, words[1:], strict=False))
    if "“" in text or "”" in text:
        feats.append("has:quote")
    if _DIGITS.search(text):
        feats.append("has:digit")
    return feats


def vectorizer() -> Any:
    """A stateless scikit-learn vectorizer for ``analyze`` output (lists of feature names)."""
    # lazy: scikit-learn is an optional extra, and slow to import
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer=lambda feats: feats,
        n_features=N_FEATURES,
        alternate_sign=False,
        norm="l2",
        binary=True,
    )


PARALLEL_MIN = 20_000  # below this, starting worker processes costs more than it saves


def _featurize_chunk(args: tuple[list[str], RuleVotes | None]) -> Sparse:
    """Hashed n-gram and word features, and one column per label with the rules' score for it.

    The rule scores are dense columns beside the l2-normalised hashed part, so a rule's vote
    weighs as much as a whole sentence's words: the model starts from the rules and learns
    where the project's annotations differ from them.
    """
    # lazy: scipy comes with the optional scikit-learn
    from scipy.sparse import csr_matrix, hstack

    texts, rules = args
    x = vectorizer().transform([analyze(t) for t in texts])
    if rules is None:
        return x
    votes = [rules(t) for t in texts]
    cols = csr_matrix([[v.get(lab, 0.0) for lab in rules.labels] for v in votes], dtype=x.dtype)
    return hstack([x, cols]).tocsr()


def featurize(texts: Sequence[str], rules: RuleVotes | None = None) -> Sparse:
    """A sparse matrix, one row per text (on all CPUs for big batches)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(texts) < PARALLEL_MIN or workers < 2 or os.name != "posix":
        return _featurize_chunk((list(texts), rules))
    # lazy: scipy comes with the optional scikit-learn
    from scipy.sparse import vstack

    size = -(-len(texts) // (workers * 4))
    chunks = [(list(texts[i : i + size]), rules) for i in range(0, len(texts), size)]
    # fork is cheap (workers inherit the loaded jieba dictionary) but unsafe once other threads
    # run (the GUI's background retraining): then start clean workers from a fork server.
    method = "fork" if threading.active_count() == 1 else "forkserver"
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        parts = list(pool.map(_featurize_chunk, chunks))
    return vstack(parts).tocsr()


class BuiltinRuleVotes:
    """Votes of the built-in rule extractors for some labels (picklable: workers rebuild it)."""

    def __init__(self, labels: Sequence[str]) -> None:
        self.labels = tuple(labels)
        self._extractors: list | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"labels": self.labels}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.labels = state["labels"]
        self._extractors = None

    def extractors(self) -> list:
        if self._extractors is None:
            self._extractors = [e for e in builtin_extractors() if set(e.labels) & set(self.labels)]
        return self._extractors

    def __call__(self, text: str) -> dict[str, float]:
        out: dict[str, float] = {}
        for ex in self.extractors():
            for sug in ex.extract(text, None):
                out[sug.label] = max(out.get(sug.label, 0.0), float(sug.score))
        return out


def builtin_rule_votes(labels: Sequence[str]) -> RuleVotes | None:
    """Votes of the built-in rule extractors for ``labels``; None if no rule covers them.

    A rule extractor that fails raises: training silently without the rule features would give
    a different, weaker model than the one asked for.
    """
    votes = BuiltinRuleVotes(labels)
    return votes if votes.extractors() else None
