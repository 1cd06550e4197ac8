"""The project's own JSONL: one line per sentence and annotator (or per article and annotator).

The keys and their order are fixed (docs/formats.md, resources/export.schema.json):
``article_id, source, article_title, sentence_id, index, start, end, text, boilerplate, labels,
fields, spans, note, annotator, decided, updated_at, schema_version``. ``start``/``end`` are code
points into the article; span offsets are code points into the sentence, so
``text[span.start:span.end] == span.text``. ``schema_version`` is the label schema's hash: two
files with the same value were labeled against the same labels and fields. Lines are UTF-8 with
the characters themselves (no ``\\u`` escapes).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TextIO

from annotator.export.rows import ExportRow
from annotator.records import SpanValue

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
        by_annotator: dict[str, list[ExportRow]] = {}
        for row in self.pending:
            by_annotator.setdefault(row.annotator, []).append(row)
        for name in sorted(by_annotator):
            rows = by_annotator[name]
            record = {
                "article_id": first.article_id,
                "source": first.source,
                "article_title": first.article_title,
                "annotator": name,
                "article_fields": self.article_fields(first.article_id, rows[0].annotator_id),
                "sentences": [nested_record(r) for r in rows],
                "schema_version": self.schema_version,
            }
            self.out.write(encode(record) + "\n")
        self.pending = []
