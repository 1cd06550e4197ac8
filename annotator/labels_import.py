"""Read labeled data back: the own JSONL format (``annotator export``) into annotation layers.

A line is matched to a sentence of the project by ``sentence_id`` (only when the sentence has the
line's ``text``), else by ``source`` with ``start``/``end`` (and the same text), else by
``source`` and the exact ``text`` when that text occurs once among the source's sentences. Every
line is checked first (JSON, types, labels and fields against the schema, span offsets and span
text); nothing is written unless every line is valid, or ``skip_invalid`` drops the bad ones.
The write is one transaction. Imported sentences are decided (unless a line says
``"decided": false``), and keep the line's ``updated_at``
so an export of the imported project reproduces the file byte for byte.

Lines of the article unit (``"sentences": [...]``) are read too, with their article form.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from annotator import jsonsafe
from annotator.corpus.decode import DecodeError, decode_bytes
from annotator.errors import AnnotatorError, InputError, SchemaError
from annotator.records import AnnotationState, SpanValue
from annotator.store import Store
from annotator.store.annotators import GOLD_NAME, check_name


class LabelsImportError(InputError):
    """Invalid lines: the first one is the message; ``errors`` holds every one."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = errors
        first = errors[0]
        reason = first.reason
        if len(errors) > 1:
            reason += f" (and {len(errors) - 1} more invalid line(s))"
        super().__init__(first.path, reason + "; nothing was imported", first.line)


@dataclass(frozen=True, slots=True)
class LabeledLine:
    """One valid line: the state an annotator gave a sentence of this project."""

    line: int
    sentence_id: int
    annotator: str
    state: AnnotationState
    updated_at: str | None


@dataclass(frozen=True, slots=True)
class ArticleForm:
    """The article-level form of an article-unit line."""

    line: int
    article_id: int
    annotator: str
    fields: Mapping[str, Any]


@dataclass(slots=True)
class LabelsImportReport:
    path: str
    imported: int = 0
    article_forms: int = 0
    skipped: list[InputError] = field(default_factory=list)  # invalid lines left out
    annotators: dict[str, int] = field(default_factory=dict)  # name → sentences imported

    def summary(self) -> str:
        who = ", ".join(f"{n} ({c})" for n, c in sorted(self.annotators.items())) or "nobody"
        line = f"imported {self.imported} annotated sentence(s) from {self.path} for {who}"
        if self.article_forms:
            line += f", {self.article_forms} article form(s)"
        if self.skipped:
            line += f"; skipped {len(self.skipped)} invalid line(s), first: {self.skipped[0]}"
        return line


class _Bad(Exception):
    """One line's reason for being invalid (internal)."""


_INT = "an integer"
_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1  # what SQLite stores; bigger ids match nothing
_STR = "a string"


def _typed(obj: Mapping[str, Any], key: str, kind: type, what: str, *, required: bool) -> Any:
    if key not in obj or obj[key] is None:
        if required:
            raise _Bad(f'missing "{key}"')
        return None
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Bad(f'"{key}" must be {what}, not {type(value).__name__}')
    if kind is int and not _INT_MIN <= value <= _INT_MAX:
        raise _Bad(f'"{key}" {value} is out of range (a 64-bit integer)')
    return value


class _Reader:
    def __init__(self, path: Path, store: Store, annotator: str | None) -> None:
        self.path = path
        self.store = store
        self.annotator = annotator
        self.by_source: dict[str, list[tuple[int, int, int, int, str]]] = {}
        self.texts: dict[int, str] = {}

    def error(self, line: int, reason: str) -> InputError:
        return InputError(str(self.path), reason, line)

    def records(self, n: int, raw: str) -> list[tuple[int, dict[str, Any], dict[str, Any] | None]]:
        """(line, sentence record, article record or None) for each sentence of one line."""
        if not raw.strip():
            return []
        try:
            obj = jsonsafe.loads(raw)
        except json.JSONDecodeError as e:
            raise _Bad(f"malformed JSON: {e.msg} (column {e.colno})") from None
        except jsonsafe.NonFinite as e:
            raise _Bad(str(e)) from None
        if not isinstance(obj, dict):
            raise _Bad(f"a line must be a JSON object, not {type(obj).__name__}")
        if "sentences" not in obj:
            return [(n, obj, None)]
        nested = obj["sentences"]
        if not isinstance(nested, list) or not all(isinstance(s, dict) for s in nested):
            raise _Bad('"sentences" must be a list of objects')
        base = {k: obj.get(k) for k in ("source", "article_id", "annotator")}
        return [(n, {**base, **s}, obj) for s in nested]

    def match(self, obj: Mapping[str, Any], text: str) -> int:
        sid = _typed(obj, "sentence_id", int, _INT, required=False)
        if sid is not None and self.texts.get(sid) == text:
            return sid
        source = _typed(obj, "source", str, _STR, required=False)
        start = _typed(obj, "start", int, _INT, required=False)
        end = _typed(obj, "end", int, _INT, required=False)
        if source is not None:
            if source not in self.by_source:
                self.by_source[source] = self.store.exports.sentences_of_source(source)
            candidates = self.by_source[source]
            if start is not None and end is not None:
                hits = [c for c in candidates if (c[2], c[3], c[4]) == (start, end, text)]
                if len(hits) == 1:
                    return hits[0][0]
            hits = [c for c in candidates if c[4] == text]
            if len(hits) == 1:
                return hits[0][0]
            if len(hits) > 1:
                raise _Bad(
                    f"the text occurs {len(hits)} times in source '{source}'; give sentence_id"
                )
        raise _Bad(
            "no sentence of the project matches this line (by sentence_id, source and offsets, or source and text)"
        )

    def state(self, obj: Mapping[str, Any], text: str) -> AnnotationState:
        labels = _typed(obj, "labels", list, "a list", required=True)
        if not all(isinstance(x, str) for x in labels):
            raise _Bad('"labels" must be a list of strings')
        fields = _typed(obj, "fields", dict, "an object", required=False) or {}
        for label, values in fields.items():
            if not isinstance(values, dict):
                raise _Bad(f'"fields.{label}" must be an object')
        spans = []
        for i, raw in enumerate(_typed(obj, "spans", list, "a list", required=False) or []):
            if not isinstance(raw, dict):
                raise _Bad(f'"spans[{i}]" must be an object')
            try:
                start = _typed(raw, "start", int, _INT, required=True)
                end = _typed(raw, "end", int, _INT, required=True)
                label = _typed(raw, "label", str, _STR, required=True)
                span_text = _typed(raw, "text", str, _STR, required=False)
                values = _typed(raw, "fields", dict, "an object", required=False) or {}
            except _Bad as e:
                raise _Bad(f"spans[{i}]: {e}") from None
            if not 0 <= start < end <= len(text):
                raise _Bad(
                    f"spans[{i}]: offsets {start}-{end} outside the sentence (length {len(text)})"
                )
            if span_text is not None and text[start:end] != span_text:
                raise _Bad(
                    f"spans[{i}]: text {span_text!r} does not match the sentence at "
                    f"{start}-{end} ({text[start:end]!r})"
                )
            if label not in labels:
                raise _Bad(f"spans[{i}]: label '{label}' is not among the line's labels")
            spans.append(SpanValue(label, start, end, values))
        note = _typed(obj, "note", str, _STR, required=False) or ""
        decided = _typed(obj, "decided", bool, "true or false", required=False)
        return AnnotationState(
            tuple(labels), fields, tuple(spans), note, decided=decided is not False
        )

    def who(self, obj: Mapping[str, Any]) -> str:
        name = self.annotator or _typed(obj, "annotator", str, _STR, required=True)
        if name == GOLD_NAME:
            return name
        try:
            return check_name(name)
        except AnnotatorError as e:
            raise _Bad(str(e)) from None


def _when(obj: Mapping[str, Any]) -> str | None:
    stamp = _typed(obj, "updated_at", str, _STR, required=False)
    if stamp is not None:
        try:
            datetime.fromisoformat(stamp)
        except ValueError:
            raise _Bad(f'"updated_at" {stamp!r} is not an ISO-8601 time') from None
    return stamp


def read_labeled_jsonl(
    path: str | Path, store: Store, *, annotator: str | None = None
) -> tuple[list[LabeledLine], list[ArticleForm], list[InputError]]:
    """Read and check every line of an own-format file; return the valid lines and the errors.

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
    reader = _Reader(path, store, annotator)
    errors: list[InputError] = []
    records: list[tuple[int, dict[str, Any], dict[str, Any] | None]] = []
    for n, raw in enumerate(text.split("\n"), start=1):
        try:
            records.extend(reader.records(n, raw))
        except _Bad as e:
            errors.append(reader.error(n, str(e)))
    reader.texts = store.exports.sentence_texts(
        [
            r[1]["sentence_id"]
            for r in records
            if isinstance(r[1].get("sentence_id"), int)
            and _INT_MIN <= r[1]["sentence_id"] <= _INT_MAX
        ]
    )
    lines: list[LabeledLine] = []
    forms: dict[tuple[int, str], ArticleForm] = {}
    seen: dict[tuple[int, str], int] = {}
    bad_lines = {e.line for e in errors}
    for n, obj, article in records:
        try:
            text = _typed(obj, "text", str, _STR, required=True)
            state = reader.state(obj, text)
            name = reader.who(obj)
            stamp = _when(obj)
            sid = reader.match(obj, text)
            try:
                state = store.annotations.validate(sid, state)
            except SchemaError as e:
                raise _Bad(str(e)) from None
            if (sid, name) in seen:
                raise _Bad(f"the same sentence and annotator as line {seen[(sid, name)]}")
            seen[(sid, name)] = n
            if article is not None and article.get("article_fields"):
                values = article["article_fields"]
                if not isinstance(values, dict):
                    raise _Bad('"article_fields" must be an object')
                article_id = store.sentences.get(sid).article_id
                forms[(article_id, name)] = ArticleForm(n, article_id, name, values)
        except _Bad as e:
            if n not in bad_lines:  # one error per line: the first found
                errors.append(reader.error(n, str(e)))
                bad_lines.add(n)
            continue
        lines.append(LabeledLine(n, sid, name, state, stamp))
    errors.sort(key=lambda e: e.line or 0)
    good = [x for x in lines if x.line not in bad_lines]
    good_forms = [f for f in forms.values() if f.line not in bad_lines]
    return good, good_forms, errors


def import_labels(
    store: Store,
    path: str | Path,
    annotator: str | None = None,
    skip_invalid: bool = False,
) -> LabelsImportReport:
    """Import an own-format file into ``store`` in one transaction (see the module doc).

    ``annotator`` overrides every line's annotator. Raises LabelsImportError (naming the first
    bad line) when a line is invalid and ``skip_invalid`` is false; then nothing is written.
    """
    lines, forms, errors = read_labeled_jsonl(path, store, annotator=annotator)
    if errors and not skip_invalid:
        raise LabelsImportError(errors)
    report = LabelsImportReport(str(path), skipped=errors)
    ids: dict[str, int] = {}
    with store.transaction():
        for name in sorted({x.annotator for x in lines} | {f.annotator for f in forms}):
            layer = (
                store.annotators.gold()
                if name == GOLD_NAME
                else store.annotators.get_or_create(name)
            )
            ids[name] = layer.annotator_id
        for item in lines:
            store.annotations.write(
                item.sentence_id, ids[item.annotator], item.state, at=item.updated_at
            )
            report.annotators[item.annotator] = report.annotators.get(item.annotator, 0) + 1
        for form in forms:
            try:
                store.state.set_article_fields(
                    form.article_id, ids[form.annotator], dict(form.fields)
                )
            except SchemaError as e:
                raise InputError(str(path), str(e), form.line) from None
            report.article_forms += 1
        report.imported = len(lines)
    return report
