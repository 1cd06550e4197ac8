"""The workbench's rules without Qt: how a selection becomes a span, and where Enter goes next.

The window wires keys to these functions; they read the store and return positions, so they are
tested on a real project file without a window (tests/test_workbench.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.text.tokens import snap_to_tokens

if TYPE_CHECKING:
    from annotator.records import Sentence
    from annotator.store import Store

QueueEntry = tuple[int, int, float]  # (sentence_id, article_id, uncertainty), as uncertain_first


@dataclass(frozen=True, slots=True)
class OwnLayer:
    """Whose layer a window edits: ``name``; ``asked`` is the name that was asked for when the
    server put the login's own name in its place (None when nothing was overridden)."""

    name: str | None
    asked: str | None = None


def own_layer(store: Store, asked: str | None) -> OwnLayer:
    """The layer a window on ``store`` edits when ``asked`` (``--annotator`` or the saved name)
    is wanted: on a server always the login's own (row-level security lets a login write no
    other layer), on a file ``asked`` itself (None: ask the user)."""
    login = store.login_name()
    if login is None:
        return OwnLayer(asked)
    return OwnLayer(login, asked if asked and asked != login else None)


def switch_refused(store: Store, name: str) -> OwnLayer | None:
    """Whether a window on ``store`` may not switch to the layer ``name``: None when it may,
    else the layer it keeps (the login's, with ``name`` as the one asked). On a server a member
    writes only the login's own layer, so another would only lead to refused writes; the lead
    (the project's owner) may work in any layer."""
    login = store.login_name()
    if login is None or name == login or store.writes_any_layer():
        return None
    return OwnLayer(login, name)


def project_place(store: Store) -> str:
    """Where the project lives, as the window title shows it: the file name, or the server
    address without any password."""
    return store.location if store.on_server else store.path.name


def span_bounds(text: str, start: int, end: int, *, exact: bool) -> tuple[int, int] | None:
    """The span a selection ``text[start:end]`` makes, or None when nothing is left of it.

    Snapped to the enclosing jieba tokens unless ``exact`` (Alt+key); in both cases without
    surrounding whitespace: selecting " 76.8万 " stores "76.8万".
    """
    if not exact:
        start, end = snap_to_tokens(text, start, end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def next_in_queue(
    store: Store, annotator_id: int, queue: Sequence[QueueEntry], after_sentence_id: int
) -> tuple[int, int] | None:
    """(article_id, sentence_id) of the first queued sentence after ``after_sentence_id`` that
    this annotator has not decided; from the top when that sentence is not queued.

    The store is asked only until the first open sentence: usually once per Enter.
    """
    ids = [sid for sid, _a, _u in queue]
    start = ids.index(after_sentence_id) + 1 if after_sentence_id in ids else 0
    for sid, aid, _u in queue[start:]:
        found = store.annotations.get(sid, annotator_id)
        if found is None or not found.state.decided:
            return aid, sid
    return None


def next_after_confirm(
    store: Store, annotator_id: int, sentence: Sentence, queue: Sequence[QueueEntry] = ()
) -> tuple[int, int] | None:
    """Where Enter goes after confirming ``sentence``: (article_id, sentence_id), or None when
    every sentence of its article is decided.

    With an uncertain-first ``queue`` the next open sentence in it; otherwise, or when the queue
    has none left, the next undecided sentence of the same article (wrapping to its top).
    """
    if queue:
        target = next_in_queue(store, annotator_id, queue, sentence.sentence_id)
        if target is not None:
            return target
    nxt = store.sentences.next_undecided(sentence.article_id, annotator_id, sentence.position)
    return (sentence.article_id, nxt.sentence_id) if nxt is not None else None
