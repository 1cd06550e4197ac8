"""Read labeled data back: the own JSONL format (``annotator export``) into annotation layers.

Lines are read by ``export.own.read_own`` and matched to sentences by the one rule of
``annotator.matching``: by ``sentence_id`` (only when the sentence has the line's ``text``), else
by ``source`` with ``start``/``end`` (and the same text), else by ``source`` and the exact
``text`` when that text occurs once among the source's sentences. Every line is checked first
(JSON, types, labels and fields against the schema, span offsets and span text); nothing is
written unless every line is valid, or ``skip_invalid`` drops the bad ones.
The write is one transaction. Imported sentences are decided, and keep the line's ``updated_at``
so an export of the imported project reproduces the file byte for byte.

Lines of the article unit (``"sentences": [...]``) are read too, with their article form.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, InputError, SchemaError
from annotator.export.own import LineMatcher, OwnLine, read_own
from annotator.jsonl import LineError
from annotator.records import AnnotationState
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


def _who(line: OwnLine, annotator: str | None) -> str:
    name = annotator or line.annotator()
    if name is None:
        raise LineError('missing "annotator"')
    if name == GOLD_NAME:
        return name
    try:
        return check_name(name)
    except AnnotatorError as e:
        raise LineError(str(e)) from None


def read_labeled_jsonl(
    path: str | Path, store: Store, *, annotator: str | None = None
) -> tuple[list[LabeledLine], list[ArticleForm], list[InputError]]:
    """Read and check every line of an own-format file; return the valid lines and the errors.

    Raises InputError when the file cannot be read or decoded at all.
    """
    records, errors = read_own(path)
    matcher = LineMatcher(store, records)
    lines: list[LabeledLine] = []
    forms: dict[tuple[int, str], ArticleForm] = {}
    seen: dict[tuple[int, str], int] = {}
    bad_lines = {e.line for e in errors}
    for record in records:
        n = record.line
        try:
            state = record.state()
            name = _who(record, annotator)
            stamp = record.updated_at()
            sid = matcher.match(record)
            try:
                state = store.annotations.validate(sid, state)
            except SchemaError as e:
                raise LineError(str(e)) from None
            if (sid, name) in seen:
                raise LineError(f"the same sentence and annotator as line {seen[(sid, name)]}")
            seen[(sid, name)] = n
            article = record.article
            if article is not None and article.get("article_fields"):
                values = article["article_fields"]
                if not isinstance(values, dict):
                    raise LineError('"article_fields" must be an object')
                article_id = store.sentences.get(sid).article_id
                forms[(article_id, name)] = ArticleForm(n, article_id, name, values)
        except LineError as e:
            if n not in bad_lines:  # one error per line: the first found
                errors.append(InputError(str(path), str(e), n))
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
