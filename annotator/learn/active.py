"""One round of active learning, as Learn → Retrain runs it: train, refresh the learned
suggestions, and rank this annotator's undecided sentences by the new model's uncertainty."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from annotator.learn.project import (
    PREFIX,
    Progress,
    suggest_learned,
    train_project,
    uncertain_first,
)
from annotator.store import Store


@dataclass(frozen=True, slots=True)
class Retrained:
    model: str  # the extractor name its suggestions carry: "learned:default"
    sentences: int  # how many sentences it was trained on
    suggestions: int  # how many suggestions it stored
    queue: list[tuple[int, int, float]]  # (sentence_id, article_id, uncertainty), most first
    texts: dict[int, str]  # the queued sentences' text


def retrain(
    store: Store,
    annotator_id: int,
    *,
    name: str = "default",
    limit: int = 300,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Retrained:
    """Train ``name`` from the project (gold if any, else every annotator), store its
    suggestions, and rank this annotator's undecided sentences by uncertainty.

    Raises AnnotatorError when there is nothing to learn from.
    """
    model, _path = train_project(store, name=name, cv=0, progress=progress, cancel=cancel)
    count = suggest_learned(store, name)
    queue = uncertain_first(store, annotator_id, model, limit=limit)
    texts = {sid: text for sid, _a, text in store.learning.sentence_texts([q[0] for q in queue])}
    return Retrained(
        model=f"{PREFIX}{model.name}",
        sentences=model.trained_on["sentences"],
        suggestions=count,
        queue=queue,
        texts=texts,
    )
