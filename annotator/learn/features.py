"""Sentence features: character n-grams, jieba words, and the rule extractors' votes.

Hashing keeps memory flat at any corpus size (no vocabulary to store in the model file), and the
same function turns a sentence into features at training and at prediction time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from annotator.tokens import tokenize

N_FEATURES = 2**20
_DIGITS = re.compile(r"\d+(?:\.\d+)?")

RuleVotes = Callable[[str], dict[str, float]]


def analyze(text: str, rules: RuleVotes | None = None) -> list[str]:
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
    if rules is not None:
        for label, score in rules(text).items():
            if score > 0:
                feats.append(f"rule:{label}")
                if score >= 0.8:
                    feats.append(f"rule_strong:{label}")
    return feats


def vectorizer():
    """A stateless scikit-learn vectorizer for ``analyze`` output (lists of feature names)."""
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer=lambda feats: feats,
        n_features=N_FEATURES,
        alternate_sign=False,
        norm="l2",
        binary=True,
    )


def featurize(texts: Sequence[str], rules: RuleVotes | None = None):
    """A sparse matrix, one row per text."""
    return vectorizer().transform([analyze(t, rules) for t in texts])


def rule_votes_from_registry(labels: Sequence[str]) -> RuleVotes | None:
    """Votes of the built-in rule extractors for ``labels``, if the extractors are installed."""
    try:
        from annotator.extractors.registry import builtin_extractors
    except ImportError:
        return None
    try:
        extractors = [e for e in builtin_extractors() if set(e.labels) & set(labels)]
    except Exception:  # a broken third-party plug-in must not stop training
        return None
    if not extractors:
        return None

    def votes(text: str) -> dict[str, float]:
        out: dict[str, float] = {}
        for ex in extractors:
            for sug in ex.extract(text, None):
                out[sug.label] = max(out.get(sug.label, 0.0), float(sug.score))
        return out

    return votes
