"""The project's own JSONL: one line per sentence and annotator (or per article and annotator).

The keys and their order are fixed (docs/formats.md, resources/export.schema.json):
``article_id, source, article_title, sentence_id, index, start, end, text, boilerplate, labels,
fields, spans, note, annotator, decided, updated_at, schema_version``. ``start``/``end`` are code
points into the article; span offsets are code points into the sentence, so
``text[span.start:span.end] == span.text``. ``schema_version`` is the label schema's hash: two
files with the same value were labeled against the same labels and fields. Lines are UTF-8 with
the characters themselves (no ``\\u`` escapes).

Reading: ``read_own(path)`` checks every line's JSON and types and returns ``OwnLine`` records
(the sentence records of article-unit lines too) with line-numbered errors; ``LineMatcher`` finds
each line's sentence in a project by the one rule of ``annotator.matching``. ``import-labels``
and ``evaluate --predictions`` both read through here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from annotator.corpus.decode import DecodeError, decode_bytes
from annotator.errors import InputError
from annotator.jsonl import LineError, numbered_lines, parse_object
from annotator.matching import NoMatch, Scope, SentenceRef, match_sentence
from annotator.records import AnnotationState, ExportRow, SpanValue

if TYPE_CHECKING:
    from annotator.store import Store

# One encoder for every line: json.dumps(..., ensure_ascii=False, allow_nan=False) would build a new one per call.
encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode

SENTENCE_KEYS = (
    "article_id",
    "source",
    "article_title",
    "sentence_id",
    "index",
    "start",
    "end",
    "text",
    "boilerplate",
    "labels",
    "fields",
    "spans",
    "note",
    "annotator",
    "decided",
    "updated_at",
    "schema_version",
)
# The keys of one sentence inside an article-unit line (the article and annotator are outside).
NESTED_KEYS = tuple(
    k
    for k in SENTENCE_KEYS
    if k not in ("article_id", "source", "article_title", "annotator", "schema_version")
)


def span_records(text: str, spans: Sequence[SpanValue]) -> list[dict[str, Any]]:
    return [
        {
            "start": s.start,
            "end": s.end,
            "label": s.label,
            "text": text[s.start : s.end],
            "fields": s.fields,
        }
        for s in spans
    ]


def sentence_record(row: ExportRow, schema_version: str) -> dict[str, Any]:
    """The own-format line of one row, keys in the documented order."""
    return {
        "article_id": row.article_id,
        "source": row.source,
        "article_title": row.article_title,
        "sentence_id": row.sentence_id,
        "index": row.index,
        "start": row.start,
        "end": row.end,
        "text": row.text,
        "boilerplate": row.boilerplate,
        "labels": list(row.labels),
        "fields": row.fields,
        "spans": span_records(row.text, row.spans) if row.spans else [],
        "note": row.note,
        "annotator": row.annotator,
        "decided": row.decided,
        "updated_at": row.updated_at,
        "schema_version": schema_version,
    }


def nested_record(row: ExportRow) -> dict[str, Any]:
    """One sentence inside an article-unit line: the sentence record less the article keys."""
    record = sentence_record(row, "")
    return {k: record[k] for k in NESTED_KEYS}


class OwnSentences:
    """Writes one own-format line per row."""

    def __init__(self, out: TextIO, schema_version: str) -> None:
        self.out = out
        self.schema_version = schema_version

    def add(self, row: ExportRow) -> None:
        self.out.write(encode(sentence_record(row, self.schema_version)) + "\n")

    def close(self) -> None:
        pass


class OwnArticles:
    """Writes one line per article and annotator: the article form plus its sentences.

    Rows arrive by article, then sentence, then annotator, so one article is buffered at a time.
    """

    def __init__(
        self,
        out: TextIO,
        schema_version: str,
        article_fields: Callable[[int, int], Mapping[str, Any]],
    ) -> None:
        self.out = out
        self.schema_version = schema_version
        self.article_fields = article_fields
        self.pending: list[ExportRow] = []

    def add(self, row: ExportRow) -> None:
        if self.pending and self.pending[0].article_id != row.article_id:
            self._flush()
        self.pending.append(row)

    def close(self) -> None:
        if self.pending:
            self._flush()

    def _flush(self) -> None:
        first = self.pending[0]
        by_annotator: dict[str | None, list[ExportRow]] = {}  # None: no annotator at all
        for row in self.pending:
            by_annotator.setdefault(row.annotator, []).append(row)
        for name in sorted(by_annotator, key=lambda n: n or ""):
            rows = by_annotator[name]
            aid = rows[0].annotator_id
            record = {
                "article_id": first.article_id,
                "source": first.source,
                "article_title": first.article_title,
                "annotator": name,
                "article_fields": {} if aid is None else self.article_fields(first.article_id, aid),
                "sentences": [nested_record(r) for r in rows],
                "schema_version": self.schema_version,
            }
            self.out.write(encode(record) + "\n")
        self.pending = []


# --------------------------------------------------------------------------- reading


_INT = "an integer"
_STR = "a string"


def typed(obj: Mapping[str, Any], key: str, kind: type, what: str, *, required: bool) -> Any:
    """``obj[key]`` when it is a ``kind`` (None when absent and not required); else LineError."""
    if key not in obj or obj[key] is None:
        if required:
            raise LineError(f'missing "{key}"')
        return None
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise LineError(f'"{key}" must be {what}, not {type(value).__name__}')
    in_range = not isinstance(value, int) or _INT_MIN <= value <= _INT_MAX
    if kind is int and not in_range:  # SQLite's integers are 64-bit
        raise LineError(f'"{key}" {value} is out of range (a 64-bit integer)')
    return value


_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1


@dataclass(frozen=True, slots=True)
class OwnLine:
    """One sentence record of an own-format file: a line, or one sentence of an article line."""

    line: int
    record: Mapping[str, Any]  # the sentence's keys; an article line's source/annotator filled in
    article: Mapping[str, Any] | None = None  # the article-unit line it belongs to

    @property
    def text(self) -> str:
        return typed(self.record, "text", str, _STR, required=True)

    @property
    def source(self) -> str | None:
        return typed(self.record, "source", str, _STR, required=False)

    def ref(self) -> SentenceRef:
        """What the line says about its sentence, for ``matching.match_sentence``."""
        return SentenceRef(
            self.text,
            typed(self.record, "sentence_id", int, _INT, required=False),
            typed(self.record, "start", int, _INT, required=False),
            typed(self.record, "end", int, _INT, required=False),
        )

    def annotator(self) -> str | None:
        return typed(self.record, "annotator", str, _STR, required=False)

    def updated_at(self) -> str | None:
        """The line's ``updated_at``, checked to be an ISO-8601 time."""
        stamp = typed(self.record, "updated_at", str, _STR, required=False)
        if stamp is not None:
            try:
                datetime.fromisoformat(stamp)
            except ValueError:
                raise LineError(f'"updated_at" {stamp!r} is not an ISO-8601 time') from None
        return stamp

    def state(self) -> AnnotationState:
        """Labels, fields, spans and note as a decided state; spans checked against the text."""
        obj, text = self.record, self.text
        labels = typed(obj, "labels", list, "a list", required=True)
        if not all(isinstance(x, str) for x in labels):
            raise LineError('"labels" must be a list of strings')
        fields = typed(obj, "fields", dict, "an object", required=False) or {}
        for label, values in fields.items():
            if not isinstance(values, dict):
                raise LineError(f'"fields.{label}" must be an object')
        spans = []
        for i, raw in enumerate(typed(obj, "spans", list, "a list", required=False) or []):
            if not isinstance(raw, dict):
                raise LineError(f'"spans[{i}]" must be an object')
            try:
                start = typed(raw, "start", int, _INT, required=True)
                end = typed(raw, "end", int, _INT, required=True)
                label = typed(raw, "label", str, _STR, required=True)
                span_text = typed(raw, "text", str, _STR, required=False)
                values = typed(raw, "fields", dict, "an object", required=False) or {}
            except LineError as e:
                raise LineError(f"spans[{i}]: {e}") from None
            if not 0 <= start < end <= len(text):
                raise LineError(
                    f"spans[{i}]: offsets {start}-{end} outside the sentence (length {len(text)})"
                )
            if span_text is not None and text[start:end] != span_text:
                raise LineError(
                    f"spans[{i}]: text {span_text!r} does not match the sentence at "
                    f"{start}-{end} ({text[start:end]!r})"
                )
            if label not in labels:
                raise LineError(
                    f"spans[{i}]: label {label!r} is not among the line's labels ({', '.join(labels) or 'none'})"
                )
            spans.append(SpanValue(label, start, end, values))
        note = typed(obj, "note", str, _STR, required=False) or ""
        decided = obj.get("decided", True)
        if not isinstance(decided, bool):
            raise LineError(f'"decided" must be true or false, not {decided!r}')
        return AnnotationState(tuple(labels), fields, tuple(spans), note, decided=decided)


def _records(n: int, line: str) -> list[OwnLine]:
    obj = parse_object(line)
    if "sentences" not in obj:
        return [OwnLine(n, obj)]
    nested = obj["sentences"]
    if not isinstance(nested, list) or not all(isinstance(s, dict) for s in nested):
        raise LineError('"sentences" must be a list of objects')
    base = {k: obj.get(k) for k in ("source", "article_id", "annotator")}
    return [OwnLine(n, {**base, **s}, obj) for s in nested]


def read_own(path: str | Path) -> tuple[list[OwnLine], list[InputError]]:
    """Every sentence record of an own-format file, and an InputError for each malformed line.

    Raises InputError when the file cannot be read or decoded at all.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except OSError as e:
        raise InputError(str(path), f"cannot read the file ({e.strerror or e})") from None
    try:
        text, _ = decode_bytes(data)
    except DecodeError as e:
        raise InputError(str(path), str(e)) from None
    lines: list[OwnLine] = []
    errors: list[InputError] = []
    for n, raw in numbered_lines(text):
        try:
            lines.extend(_records(n, raw))
        except LineError as e:
            errors.append(InputError(str(path), str(e), n))
    return lines, errors


class LineMatcher:
    """Finds the project's sentence of each own-format line (``matching``; scope: the source)."""

    def __init__(self, store: Store, lines: Iterable[OwnLine]) -> None:
        self.store = store
        self.texts = store.exports.sentence_texts(
            [
                x.record["sentence_id"]
                for x in lines
                if isinstance(x.record.get("sentence_id"), int)
                and _INT_MIN <= x.record["sentence_id"] <= _INT_MAX  # others fail on their line
            ]
        )
        self.scopes: dict[str, Scope] = {}

    def match(self, line: OwnLine) -> int:
        """The sentence id; LineError when no sentence matches or the text is ambiguous."""
        ref = line.ref()
        source = line.source
        scope = None
        if source is not None:
            if source not in self.scopes:
                self.scopes[source] = Scope(self.store.exports.sentences_of_source(source))
            scope = self.scopes[source]
        try:
            return match_sentence(ref, scope, self.texts, where=f"source '{source}'")
        except NoMatch as e:
            raise LineError(str(e)) from None
