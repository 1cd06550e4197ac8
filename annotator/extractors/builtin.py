"""The built-in rule extractors (statistics, slogans, anecdotes, and "rules", the three together).

A module of its own so that both the registry, which finds extractors by name, and the learned
model, which uses the rules' votes as features, can import it: the registry imports
``annotator.learn`` (for ``learned:NAME``), and ``annotator.learn`` imports only this module,
never the registry.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.extractors.anecdotes import Anecdotes
from annotator.extractors.base import Combined, Extractor
from annotator.extractors.slogans import Slogans
from annotator.extractors.statistics import Statistics


def statistics() -> Extractor:
    return Statistics()


def slogans() -> Extractor:
    return Slogans()


def anecdotes() -> Extractor:
    return Anecdotes()


def rules() -> Extractor:
    """The three rule baselines together."""
    return Combined("rules", (statistics(), slogans(), anecdotes()))


BUILTIN: dict[str, Callable[[], Extractor]] = {
    "statistics": statistics,
    "slogans": slogans,
    "anecdotes": anecdotes,
    "rules": rules,
}


def builtin_extractors() -> list[Extractor]:
    """The three single-label rule baselines."""
    return [statistics(), slogans(), anecdotes()]
