"""Export formats of other tools: Prodigy, doccano, Label Studio and CoNLL (BIO tags).

Every offset is in code points (Python string positions) of the sentence text, the unit each of
these tools documents or, for Label Studio, tests against (docs/formats.md gives the sources).
Tokens are jieba's, split further wherever a span starts or ends inside one, so span boundaries
always fall on token boundaries and the tokens of a span spell exactly its text.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any, TextIO

from annotator.export.own import encode
from annotator.records import ExportRow, SpanValue
from annotator.schema import LabelSchema
from annotator.text.tokens import Token, tokenize


def aligned_tokens(text: str, spans: Sequence[SpanValue]) -> list[Token]:
    """jieba tokens of ``text``, cut again at every span boundary that falls inside a token."""
    cuts = {s.start for s in spans} | {s.end for s in spans}
    out: list[Token] = []
    for tok in tokenize(text):
        inner = sorted(c for c in cuts if tok.start < c < tok.end)
        if not inner:
            out.append(tok)
            continue
        for a, b in pairwise([tok.start, *inner, tok.end]):
            out.append(Token(text[a:b], a, b))
    return out


def _meta(row: ExportRow) -> dict[str, Any]:
    return {
        "article_id": row.article_id,
        "sentence_id": row.sentence_id,
        "source": row.source,
        "annotator": row.annotator,
    }


class _Writer:
    def __init__(self, out: TextIO, schema: LabelSchema, labels: Sequence[str]) -> None:
        self.out = out
        self.schema = schema
        self.labels = tuple(labels)  # the labels in scope, schema order

    def close(self) -> None:
        pass


class ProdigyTextcat(_Writer):
    """Prodigy's choice/textcat task: ``options`` and ``accept`` (Prodigy's multi-label form)
    plus spaCy-style ``cats`` with every label in scope true or false."""

    def add(self, row: ExportRow) -> None:
        chosen = set(row.labels)
        record = {
            "text": row.text,
            "cats": {label: label in chosen for label in self.labels},
            "options": [
                {"id": label, "text": self.schema.label(label).name.zh} for label in self.labels
            ],
            "accept": [label for label in self.labels if label in chosen],
            "answer": "accept",
            "meta": _meta(row),
        }
        self.out.write(encode(record) + "\n")


class ProdigySpans(_Writer):
    """Prodigy's ``spans_manual`` task: tokens and token-aligned spans (``token_end`` inclusive)."""

    def add(self, row: ExportRow) -> None:
        tokens = aligned_tokens(row.text, row.spans)
        first = {t.start: i for i, t in enumerate(tokens)}
        last = {t.end: i for i, t in enumerate(tokens)}
        record = {
            "text": row.text,
            "tokens": [
                {"text": t.text, "start": t.start, "end": t.end, "id": i}
                for i, t in enumerate(tokens)
            ],
            "spans": [
                {
                    "start": s.start,
                    "end": s.end,
                    "label": s.label,
                    "token_start": first[s.start],
                    "token_end": last[s.end],
                }
                for s in row.spans
            ],
            "answer": "accept",
            "meta": _meta(row),
        }
        self.out.write(encode(record) + "\n")


class DoccanoTextcat(_Writer):
    """doccano text classification JSONL: ``label`` is the list of labels."""

    def add(self, row: ExportRow) -> None:
        record = {"text": row.text, "label": list(row.labels), **_meta(row)}
        self.out.write(encode(record) + "\n")


class DoccanoSpans(_Writer):
    """doccano sequence labeling JSONL: ``label`` is a list of ``[start, end, label]``."""

    def add(self, row: ExportRow) -> None:
        record = {
            "text": row.text,
            "label": [[s.start, s.end, s.label] for s in row.spans],
            **_meta(row),
        }
        self.out.write(encode(record) + "\n")


class LabelStudio(_Writer):
    """A JSON list of Label Studio tasks, one per sentence, one annotation per annotator.

    Sentence labels are a ``choices`` result from the control named ``label``; spans are
    ``labels`` results from the control named ``span``; both point at the ``Text`` named ``text``
    (the labeling config in docs/formats.md).
    """

    def __init__(self, out: TextIO, schema: LabelSchema, labels: Sequence[str]) -> None:
        super().__init__(out, schema, labels)
        self.pending: list[ExportRow] = []
        self.count = 0
        out.write("[")

    def add(self, row: ExportRow) -> None:
        if self.pending and self.pending[0].sentence_id != row.sentence_id:
            self._flush()
        self.pending.append(row)

    def close(self) -> None:
        if self.pending:
            self._flush()
        self.out.write("\n]\n" if self.count else "]\n")

    def _flush(self) -> None:
        first = self.pending[0]
        task = {
            "data": {
                "text": first.text,
                "article_id": first.article_id,
                "sentence_id": first.sentence_id,
                "source": first.source,
                "annotators": [r.annotator for r in self.pending],
            },
            "annotations": [
                {"result": self._result(r), "ground_truth": r.annotator_kind == "gold"}
                for r in self.pending
            ],
        }
        self.out.write(("\n" if self.count == 0 else ",\n") + encode(task))
        self.count += 1
        self.pending = []

    @staticmethod
    def _result(row: ExportRow) -> list[dict[str, Any]]:
        prefix = f"s{row.sentence_id}a{row.annotator_id}"
        result: list[dict[str, Any]] = []
        if row.labels:
            result.append(
                {
                    "id": f"{prefix}-labels",
                    "from_name": "label",
                    "to_name": "text",
                    "type": "choices",
                    "value": {"choices": list(row.labels)},
                }
            )
        for i, s in enumerate(row.spans):
            result.append(
                {
                    "id": f"{prefix}-span{i}",
                    "from_name": "span",
                    "to_name": "text",
                    "type": "labels",
                    "value": {
                        "start": s.start,
                        "end": s.end,
                        "text": row.text[s.start : s.end],
                        "labels": [s.label],
                    },
                }
            )
        return result


class Conll(_Writer):
    """One ``token<TAB>tag`` line per token with BIO tags for span labels; a blank line after
    each sentence. Whitespace tokens are left out.

    BIO cannot nest: of overlapping spans the one starting first (the longer on a tie) is tagged
    and the spans it overlaps are left out.
    """

    def __init__(self, out: TextIO, schema: LabelSchema, labels: Sequence[str]) -> None:
        super().__init__(out, schema, labels)
        self.span_labels = frozenset(lab for lab in self.labels if schema.label(lab).span)
        self.dropped = 0  # spans left out because they overlap an earlier one

    def add(self, row: ExportRow) -> None:
        spans = [s for s in row.spans if s.label in self.span_labels]
        tokens = [t for t in aligned_tokens(row.text, spans) if t.text.strip()]
        tags = ["O"] * len(tokens)
        for span in sorted(spans, key=lambda s: (s.start, -s.end, s.label)):
            covered = [
                i for i, t in enumerate(tokens) if span.start <= t.start and t.end <= span.end
            ]
            if any(tags[i] != "O" for i in covered):
                self.dropped += 1
                continue
            for n, i in enumerate(covered):
                tags[i] = ("I-" if n else "B-") + span.label
        self.out.write(
            "".join(f"{t.text}\t{tag}\n" for t, tag in zip(tokens, tags, strict=True)) + "\n"
        )
