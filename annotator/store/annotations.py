"""Annotations and spans: one annotator's state of one sentence, read and written as a whole.

A state (labels, per-label form fields, spans, note, decided) is validated against the project's
schema before it is written. Fields of a label that is not set are dropped, so a layer never
carries values the annotator can no longer see; undo restores them with the rest of the state.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from annotator.errors import SchemaError, StoreError
from annotator.records import Annotation, AnnotationState, SpanValue
from annotator.schema import validate_values
from annotator.store.clock import now

if TYPE_CHECKING:
    from annotator.store import Store


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


class Annotations:
    def __init__(self, store: Store) -> None:
        self.store = store

    # ------------------------------------------------------------------ reading

    def get(self, sentence_id: int, annotator_id: int) -> Annotation | None:
        rows = self.store.query(
            "SELECT sentence_id, annotator_id, labels, fields, note, decided, created_at, "
            "updated_at, version FROM annotations WHERE sentence_id = ? AND annotator_id = ?",
            [sentence_id, annotator_id],
        )
        if not rows:
            return None
        spans = self._spans([sentence_id], annotator_id).get(sentence_id, ())
        return self._annotation(rows[0], spans)

    def state(self, sentence_id: int, annotator_id: int) -> AnnotationState:
        """The annotator's current state of the sentence (empty when never touched)."""
        found = self.get(sentence_id, annotator_id)
        return found.state if found else AnnotationState()

    def versioned(self, sentence_id: int, annotator_id: int) -> tuple[AnnotationState, int]:
        """The annotator's state of the sentence and the row's version (0 when there is no row)."""
        found = self.get(sentence_id, annotator_id)
        return (found.state, found.version) if found else (AnnotationState(), 0)

    def for_article(self, article_id: int, annotator_id: int) -> dict[int, Annotation]:
        """Every annotation of ``annotator_id`` in the article, by sentence id."""
        rows = self.store.query(
            "SELECT a.sentence_id, a.annotator_id, a.labels, a.fields, a.note, a.decided, "
            "a.created_at, a.updated_at, a.version FROM annotations a JOIN sentences s "
            "ON s.sentence_id = a.sentence_id WHERE s.article_id = ? AND a.annotator_id = ?",
            [article_id, annotator_id],
        )
        spans = self._spans_for_article(article_id, annotator_id)
        return {r[0]: self._annotation(r, spans.get(r[0], ())) for r in rows}

    def for_annotator(
        self, annotator_id: int, *, decided_only: bool = False
    ) -> Iterator[Annotation]:
        """Every annotation of one layer, in article and sentence order."""
        where = "AND a.decided = 1" if decided_only else ""
        rows = self.store.query(
            "SELECT a.sentence_id, a.annotator_id, a.labels, a.fields, a.note, a.decided, "
            "a.created_at, a.updated_at, a.version FROM annotations a JOIN sentences s "
            f"ON s.sentence_id = a.sentence_id WHERE a.annotator_id = ? {where} "
            "ORDER BY s.article_id, s.position",
            [annotator_id],
        )
        spans = self._spans(None, annotator_id)
        for r in rows:
            yield self._annotation(r, spans.get(r[0], ()))

    def _annotation(self, row: Sequence[Any], spans: tuple[SpanValue, ...]) -> Annotation:
        state = AnnotationState(
            labels=tuple(json.loads(row[2])),
            fields=json.loads(row[3]),
            spans=spans,
            note=row[4],
            decided=bool(row[5]),
        )
        return Annotation(row[0], row[1], state, row[6], row[7], row[8])

    def _spans(
        self, sentence_ids: Iterable[int] | None, annotator_id: int
    ) -> dict[int, tuple[SpanValue, ...]]:
        if sentence_ids is None:
            rows = self.store.query(
                "SELECT sentence_id, label, char_start, char_end, fields FROM spans "
                "WHERE annotator_id = ? ORDER BY sentence_id, char_start, char_end, label",
                [annotator_id],
            )
        else:
            ids = list(sentence_ids)
            rows = self.store.query(
                "SELECT sentence_id, label, char_start, char_end, fields FROM spans "
                f"WHERE annotator_id = ? AND sentence_id IN ({','.join('?' * len(ids))}) "
                "ORDER BY sentence_id, char_start, char_end, label",
                [annotator_id, *ids],
            )
        return _group_spans(rows)

    def _spans_for_article(
        self, article_id: int, annotator_id: int
    ) -> dict[int, tuple[SpanValue, ...]]:
        rows = self.store.query(
            "SELECT sp.sentence_id, sp.label, sp.char_start, sp.char_end, sp.fields FROM spans sp "
            "JOIN sentences s ON s.sentence_id = sp.sentence_id "
            "WHERE s.article_id = ? AND sp.annotator_id = ? "
            "ORDER BY sp.sentence_id, sp.char_start, sp.char_end, sp.label",
            [article_id, annotator_id],
        )
        return _group_spans(rows)

    # ------------------------------------------------------------------ writing

    def validate(
        self, sentence_id: int, state: AnnotationState, *, check_spans: bool = True
    ) -> AnnotationState:
        """Check a state against the schema and the sentence; return it normalised."""
        schema = self.store.schema
        known = set(schema.label_ids)
        for label in state.labels:
            if label not in known:
                raise SchemaError(
                    None,
                    "labels",
                    f"unknown label '{label}'; known labels: {', '.join(schema.label_ids)}",
                )
        labels = tuple(schema.order(state.labels))
        fields: dict[str, dict[str, Any]] = {}
        for label_id, values in state.fields.items():
            if label_id not in known:
                raise SchemaError(None, f"fields.{label_id}", "unknown label")
            if label_id not in labels or not values:
                continue
            clean = validate_values(
                schema.label(label_id).fields, values, where=f"fields.{label_id}"
            )
            if clean:
                fields[label_id] = clean
        spans = state.spans
        if check_spans and spans:
            length = len(self.store.sentences.get(sentence_id).text)
            out = []
            for i, span in enumerate(spans):
                where = f"spans[{i}]"
                if span.label not in known:
                    raise SchemaError(None, f"{where}.label", f"unknown label '{span.label}'")
                span_label = schema.label(span.label)
                if not span_label.span:
                    raise SchemaError(None, f"{where}.label", f"label '{span.label}' has no spans")
                if not (0 <= span.start < span.end <= length):
                    raise SchemaError(
                        None,
                        where,
                        f"offsets {span.start}-{span.end} outside the sentence (length {length})",
                    )
                values = validate_values(span_label.span_fields, span.fields, where=f"{where}.fields")
                out.append(SpanValue(span.label, span.start, span.end, values))
            spans = _dedupe(out)
        note = state.note if state.note.strip() else ""
        return AnnotationState(
            labels=labels, fields=fields, spans=spans, note=note, decided=state.decided
        )

    def write(
        self,
        sentence_id: int,
        annotator_id: int,
        state: AnnotationState,
        *,
        spans: bool = True,
        at: str | None = None,
        expect: int | None = None,
    ) -> AnnotationState:
        """Replace the annotator's state of the sentence (inside a transaction); return it."""
        return self.write_versioned(
            sentence_id, annotator_id, state, spans=spans, at=at, expect=expect
        )[0]

    def write_versioned(
        self,
        sentence_id: int,
        annotator_id: int,
        state: AnnotationState,
        *,
        spans: bool = True,
        at: str | None = None,
        expect: int | None = None,
    ) -> tuple[AnnotationState, int]:
        """``write``, returning the state and the row's new version (0: no row). On a server
        the version comes back with the write itself (one round trip, not two).

        ``spans=False`` leaves the stored spans alone (the label-key hot path: one UPSERT).
        An empty state deletes the row, so 'never touched' and 'cleared' read the same.
        ``expect`` makes it a compare-and-set: the row is written only while its version is
        ``expect`` (0: no row), else ``VersionMismatch`` is raised and nothing is written.
        """
        state = self.validate(sentence_id, state, check_spans=spans)
        stamp = at or now()
        cas = "" if expect is None else " AND version = ?"
        version = 0
        if state.is_empty():
            cur = self.store.execute(
                f"DELETE FROM annotations WHERE sentence_id = ? AND annotator_id = ?{cas}",
                [sentence_id, annotator_id, *([] if expect is None else [expect])],
            )
            if expect is not None and cur.rowcount != (1 if expect else 0):
                raise VersionMismatch(sentence_id, expect)
        else:
            if expect == 0:
                cas = " WHERE false"  # no row expected: an existing one is a mismatch
            elif expect is not None:
                cas = " WHERE annotations.version = ?"
            returning = " RETURNING version" if self.store.sql.version_in_returning else ""
            cur = self.store.execute(
                "INSERT INTO annotations (sentence_id, annotator_id, labels, fields, note, decided, "
                "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?) "
                "ON CONFLICT (sentence_id, annotator_id) DO UPDATE SET labels = excluded.labels, "
                "fields = excluded.fields, note = excluded.note, decided = excluded.decided, "
                f"updated_at = excluded.updated_at{cas}{returning}",
                [
                    sentence_id,
                    annotator_id,
                    _dumps(list(state.labels)),
                    _dumps(state.fields),
                    state.note,
                    int(state.decided),
                    stamp,
                    stamp,
                    *([expect] if expect else []),
                ],
            )
            if expect is not None and cur.rowcount != 1:
                raise VersionMismatch(sentence_id, expect)
            if returning:
                version = int(cur.fetchone()[0])
        if spans:
            self.store.execute(
                "DELETE FROM spans WHERE sentence_id = ? AND annotator_id = ?",
                [sentence_id, annotator_id],
            )
            self.store.executemany(
                "INSERT INTO spans (sentence_id, annotator_id, label, char_start, char_end, fields) "
                "VALUES (?,?,?,?,?,?)",
                [
                    (sentence_id, annotator_id, s.label, s.start, s.end, _dumps(s.fields))
                    for s in state.spans
                ],
            )
        if version == 0 and not state.is_empty():  # SQLite's AFTER trigger set it: read it
            version = self.version(sentence_id, annotator_id)
        return state, version

    def version(self, sentence_id: int, annotator_id: int) -> int:
        """The row's version (0 when there is no row)."""
        rows = self.store.query(
            "SELECT version FROM annotations WHERE sentence_id = ? AND annotator_id = ?",
            [sentence_id, annotator_id],
        )
        return int(rows[0][0]) if rows else 0

    def decided_count(self, annotator_id: int) -> int:
        return int(
            self.store.query(
                "SELECT count(*) FROM annotations WHERE annotator_id = ? AND decided = 1",
                [annotator_id],
            )[0][0]
        )


class VersionMismatch(StoreError):
    """A compare-and-set write found another version of the row than the one it was built on."""

    def __init__(self, sentence_id: int, expected: int) -> None:
        self.sentence_id = sentence_id
        self.expected = expected
        super().__init__(
            f"sentence {sentence_id}: changed by another window since version {expected}"
        )


def _dedupe(spans: Iterable[SpanValue]) -> tuple[SpanValue, ...]:
    """Spans sorted by position; a repeated (label, start, end) keeps its last fields."""
    by_key = {s.key(): s for s in spans}
    return tuple(sorted(by_key.values(), key=lambda s: (s.start, s.end, s.label)))


def _group_spans(rows: Iterable[Sequence[Any]]) -> dict[int, tuple[SpanValue, ...]]:
    grouped: dict[int, list[SpanValue]] = {}
    for sid, label, start, end, fields in rows:
        grouped.setdefault(sid, []).append(SpanValue(label, start, end, json.loads(fields)))
    return {sid: tuple(v) for sid, v in grouped.items()}
