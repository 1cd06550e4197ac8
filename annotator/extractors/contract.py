"""The contract for extractor output: what ``suggest`` stores fits the project's schema.

An extractor is written against one schema (the default ``resources/labels.toml``) but runs on
projects with others. Before a suggestion is stored, each of its parts is checked here:

* a label the schema does not have: the suggestion is dropped;
* a span on a label without spans, or offsets outside the sentence: the span is dropped;
* a span field the label's ``span_fields`` lack but its form ``fields`` have is *mapped* there
  (the statistics extractor's span field ``change`` → the statistic form's ``change``; the
  first span's value wins and a value already in the form stays); any other unknown field,
  span or form, is dropped;
* values go through ``schema.validate_values`` one by one (``"12.5%"`` → 12.5 for a number);
  a value it refuses, and a number that is not finite (NaN, ±inf), is dropped;
* a score that is not a finite number drops the suggestion; a finite one is clipped to [0, 1].

Every mapping and drop is counted by (extractor, what happened), so ``annotator suggest`` can
say which extractor writes what the schema does not know. An accepted suggestion is then always
valid: "unknown field" can no longer stop Space.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.errors import SchemaError
from annotator.extractors.base import Extractor, SuggestedSpan, Suggestion
from annotator.schema import Field, LabelSchema, validate_values


@dataclass
class ContractReport:
    """Counts of what was mapped or dropped, by (extractor, event) — e.g.
    ``("statistics", "span field 'change' → field 'change'")``."""

    mapped: Counter[tuple[str, str]] = field(default_factory=Counter)
    dropped: Counter[tuple[str, str]] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        """One line per event, for the CLI: ``statistics: dropped span field 'x' (3)``."""
        out = [f"{ext}: mapped {what} ({n})" for (ext, what), n in sorted(self.mapped.items())]
        out += [f"{ext}: dropped {what} ({n})" for (ext, what), n in sorted(self.dropped.items())]
        return out

    def as_dict(self) -> dict[str, dict[str, dict[str, int]]]:
        """{"mapped"|"dropped": {extractor: {event: count}}} (for ``--json``)."""
        out: dict[str, dict[str, dict[str, int]]] = {"mapped": {}, "dropped": {}}
        for key, counter in (("mapped", self.mapped), ("dropped", self.dropped)):
            for (ext, what), n in sorted(counter.items()):
                out[key].setdefault(ext, {})[what] = n
        return out


def source_name(extractor: Extractor, label: str) -> str:
    """The extractor that made a suggestion: for a combined one ("rules"), the part that
    predicts ``label`` ("statistics"), also inside a calibrating wrapper; for a learned model
    whose spans come from rules, the rule that marked them."""
    inner = getattr(extractor, "inner", None) or getattr(extractor, "spans_from", None)
    if inner is not None and not getattr(extractor, "parts", ()):
        return source_name(inner, label)
    for part in getattr(extractor, "parts", ()):
        if label in part.labels:
            return str(part.name)
    return str(extractor.name)


def _finite(value: Any) -> bool:
    return not (isinstance(value, float) and not math.isfinite(value))


def _value(fld: Field, raw: Any) -> tuple[bool, Any]:
    """(ok, value) of one raw value for ``fld``: validated, empty → not ok."""
    if not _finite(raw):
        return False, None
    try:
        value = validate_values((fld,), {fld.id: raw}).get(fld.id)
    except SchemaError:
        return False, None
    return (value is not None and _finite(value)), value


def _values(
    fields: Sequence[Field], raw: Mapping[str, Any], kind: str, ext: str, report: ContractReport
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(kept, unknown): the values valid for ``fields``; the ones for fields it does not have."""
    by_id = {f.id: f for f in fields}
    kept: dict[str, Any] = {}
    unknown: dict[str, Any] = {}
    for key, raw_value in raw.items():
        if raw_value is None or raw_value == "":
            continue
        fld = by_id.get(key)
        if fld is None:
            unknown[key] = raw_value
            continue
        ok, value = _value(fld, raw_value)
        if ok:
            kept[key] = value
        else:
            report.dropped[(ext, f"invalid value of {kind} '{key}'")] += 1
    return kept, unknown


def conform(
    suggestion: Suggestion,
    schema: LabelSchema,
    text: str,
    extractor: Extractor,
    report: ContractReport,
) -> Suggestion | None:
    """The suggestion as the schema allows it (None when nothing is left); counts in ``report``."""
    ext = source_name(extractor, suggestion.label)
    if suggestion.label not in schema.label_ids:
        report.dropped[(ext, f"label '{suggestion.label}'")] += 1
        return None
    score = suggestion.score
    if not isinstance(score, int | float) or not math.isfinite(score):
        report.dropped[(ext, "suggestion with a non-finite score")] += 1
        return None
    label = schema.label(suggestion.label)
    form_fields = {f.id: f for f in label.fields}
    form, unknown = _values(label.fields, suggestion.fields, "field", ext, report)
    for key in unknown:
        report.dropped[(ext, f"field '{key}'")] += 1
    spans: list[SuggestedSpan] = []
    for sp in suggestion.spans:
        if not label.span:
            report.dropped[(ext, f"span (label '{label.id}' has none)")] += 1
            continue
        if not (0 <= sp.start < sp.end <= len(text)):
            report.dropped[(ext, "span outside its sentence")] += 1
            continue
        kept, unknown = _values(label.span_fields, sp.fields, "span field", ext, report)
        for key, raw in unknown.items():
            if key not in form_fields:
                report.dropped[(ext, f"span field '{key}'")] += 1
                continue
            report.mapped[(ext, f"span field '{key}' → field '{key}'")] += 1
            ok, value = _value(form_fields[key], raw)
            if not ok:
                report.dropped[(ext, f"invalid value of field '{key}'")] += 1
            elif key not in form:
                form[key] = value
        spans.append(SuggestedSpan(sp.start, sp.end, kept))
    return Suggestion(suggestion.label, min(max(float(score), 0.0), 1.0), tuple(spans), form)


def conform_all(
    suggestions: Sequence[Suggestion],
    schema: LabelSchema,
    text: str,
    extractor: Extractor,
    report: ContractReport,
) -> list[Suggestion]:
    """``conform`` each suggestion of one sentence; the ones left."""
    out = []
    for s in suggestions:
        kept = conform(s, schema, text, extractor, report)
        if kept is not None:
            out.append(kept)
    return out
