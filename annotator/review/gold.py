"""Writing the gold layer: adjudicate one sentence, reopen it, auto-adjudicate agreed ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from annotator.errors import AnnotatorError
from annotator.records import AnnotationState, Change
from annotator.review.queue import load_review
from annotator.review.versions import AutoResult, reviewers, version_key
from annotator.store.annotators import GOLD_NAME
from annotator.store.gold import Adjudication

if TYPE_CHECKING:
    from annotator.store import Store

METHODS = ("manual", "auto_agreed")


# --------------------------------------------------------------------------- writing gold


def adjudicate(
    store: Store,
    sentence_id: int,
    state: AnnotationState,
    adjudicator: str,
    note: str = "",
    method: str = "manual",
    *,
    annotators: Sequence[str] | None = None,
) -> Adjudication:
    """Write ``state`` as the sentence's gold version, with who decided it, how and why.

    The gold annotation (decided) and the adjudication record are one transaction. The record's
    sources are the chosen annotators whose decided version equals ``state``. Raises
    SchemaError for a state the schema refuses and AnnotatorError for an unknown method.
    """
    if method not in METHODS:
        raise AnnotatorError(f"unknown adjudication method '{method}'; known: {', '.join(METHODS)}")
    store.sentences.get(sentence_id)  # NotFound for a bad id, before anything is written
    chosen = reviewers(store, annotators)
    judge = store.annotators.get_or_create(adjudicator)
    gold = store.annotators.gold()
    wanted = state.with_(decided=True)
    with store.transaction():
        written = store.annotations.write(sentence_id, gold.annotator_id, wanted)
        key = version_key(written)
        sources = []
        for a in chosen:
            found = store.annotations.get(sentence_id, a.annotator_id)
            if found is not None and found.state.decided and version_key(found.state) == key:
                sources.append(a.name)
        store.gold.record(sentence_id, judge.annotator_id, method, sources, note)
    record = store.gold.get(sentence_id)
    assert record is not None
    return record


def reopen(store: Store, sentence_id: int) -> None:
    """Remove the sentence's gold version and adjudication record (one transaction)."""
    gold = store.annotators.find(GOLD_NAME)
    with store.transaction():
        if gold is not None:
            store.annotations.write(sentence_id, gold.annotator_id, AnnotationState())
        store.gold.remove(sentence_id)


def auto_adjudicate_agreed(
    store: Store,
    annotators: Sequence[str] | None = None,
    *,
    adjudicator: str | None = None,
) -> AutoResult:
    """Promote every sentence all chosen annotators decided identically into gold.

    Sentences that already have an adjudication, or a gold version without one (written by
    hand), are left alone, so running it again promotes nothing new. The adjudicator is
    recorded as ``adjudicator`` (default: the gold pseudo-annotator, meaning "automatic").
    """
    review = load_review(store, annotators)
    names = review.data.annotators
    disputed, agreed, incomplete = review.status()
    gold = store.annotators.gold()
    judge = gold if adjudicator is None else store.annotators.get_or_create(adjudicator)
    candidates = review.data.sentence_ids[agreed]
    has_gold = np.isin(candidates, store.decided.annotated_ids(gold.annotator_id))
    promote = candidates[~has_gold]
    source = store.annotators.get(names[0])
    with store.transaction():
        store.gold.promote(
            promote.tolist(),
            source.annotator_id,
            gold.annotator_id,
            judge.annotator_id,
            "auto_agreed",
            names,
        )
    all_agreed = review.data.decided.all(axis=1) & ~review.diff.disputed()
    return AutoResult(
        promoted=len(promote),
        already_adjudicated=int(np.count_nonzero(all_agreed & review.adjudicated)),
        gold_kept=int(np.count_nonzero(has_gold)),
        disputed=int(np.count_nonzero(disputed)),
        incomplete=int(np.count_nonzero(incomplete)),
    )


# --------------------------------------------------------------------------- undoable edit


@dataclass(frozen=True)
class AdjudicationEdit:
    """``adjudicate`` as an undoable edit (``annotator.edits.Edit``): revert restores the
    sentence's previous gold version and adjudication record exactly."""

    article_id: int
    sentence_id: int
    after: AnnotationState
    adjudicator: str
    note: str
    before: AnnotationState
    before_record: Adjudication | None
    annotators: tuple[str, ...] | None = None
    method: str = "manual"
    text: str = field(default="Adjudicate sentence")

    @classmethod
    def make(
        cls,
        store: Store,
        sentence_id: int,
        state: AnnotationState,
        adjudicator: str,
        note: str = "",
        *,
        annotators: Sequence[str] | None = None,
    ) -> AdjudicationEdit:
        """Snapshot the sentence's current gold so the edit can be reverted."""
        sentence = store.sentences.get(sentence_id)
        gold = store.annotators.find(GOLD_NAME)
        before = (
            store.annotations.state(sentence_id, gold.annotator_id) if gold else AnnotationState()
        )
        return cls(
            sentence.article_id,
            sentence_id,
            state,
            adjudicator,
            note,
            before,
            store.gold.get(sentence_id),
            None if annotators is None else tuple(annotators),
        )

    def _change(self) -> Change:
        return Change(
            frozenset({self.article_id}),
            frozenset({self.sentence_id}),
            frozenset({"annotation", "adjudication"}),
        )

    def apply(self, store: Store) -> Change:
        adjudicate(
            store,
            self.sentence_id,
            self.after,
            self.adjudicator,
            self.note,
            self.method,
            annotators=self.annotators,
        )
        return self._change()

    def revert(self, store: Store) -> Change:
        gold = store.annotators.gold()
        record = self.before_record
        judge = store.annotators.get(record.adjudicator) if record else None
        with store.transaction():
            store.annotations.write(self.sentence_id, gold.annotator_id, self.before)
            if record is None or judge is None:
                store.gold.remove(self.sentence_id)
            else:
                store.gold.record(
                    self.sentence_id,
                    judge.annotator_id,
                    record.method,
                    record.source_annotators,
                    record.note,
                    at=record.updated_at,
                )
        return self._change()

