"""Scoring an extractor against a reference layer (gold by default, or an annotator).

Only decided, non-boilerplate reference sentences are scored. Sentence level: per label, a
sentence is a true positive when both reference and prediction have the label. Span level:
exact (same label and offsets) and overlap (same label, any shared character; each reference
span matched at most once). Fields: for statistic spans found exactly, the share whose value and
unit equal the reference's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import AnnotatorError, InputError
from annotator.export.own import LineMatcher, read_own
from annotator.jsonl import LineError
from annotator.records import AnnotationState
from annotator.store import Store

if TYPE_CHECKING:
    from annotator.extractors.base import Extractor

FIELD_LABEL = "statistic"  # the label whose span fields (value, unit) are scored, when present
SCORED_FIELDS = ("value", "unit")


@dataclass
class Prediction:
    labels: set[str] = field(default_factory=set)
    spans: list[tuple[str, int, int, dict]] = field(default_factory=list)


def reference_layer(
    store: Store, *, annotator: str | None = None
) -> tuple[str, dict[int, AnnotationState]]:
    """(description, sentence_id → state) of decided, non-boilerplate sentences."""
    if annotator:
        who = store.annotators.get(annotator)
        name = annotator
    else:
        who = store.annotators.gold()
        name = "gold"
    states = {}
    boiler = {
        s.sentence_id
        for aid in store.articles.ids()
        for s in store.sentences.for_article(aid)
        if s.boilerplate
    }
    for a in store.annotations.for_annotator(who.annotator_id, decided_only=True):
        if a.sentence_id not in boiler:
            states[a.sentence_id] = a.state
    if not states:
        hint = " (adjudicate first, or use --annotator NAME)" if not annotator else ""
        raise AnnotatorError(f"the {name} layer has no decided sentences to score against{hint}")
    return name, states


def predict(
    store: Store, extractor: Extractor, sentence_ids: Sequence[int]
) -> dict[int, Prediction]:
    """Run ``extractor`` on the articles of these sentences."""
    from annotator.suggest import extract_article

    wanted = set(sentence_ids)
    articles = sorted({store.sentences.get(sid).article_id for sid in wanted})
    out: dict[int, Prediction] = {}
    for aid in articles:
        for sentence, suggestions in extract_article(store, extractor, aid):
            if sentence.sentence_id in wanted:
                p = out.setdefault(sentence.sentence_id, Prediction())
                for g in suggestions:
                    p.labels.add(g.label)
                    p.spans.extend((g.label, sp.start, sp.end, dict(sp.fields)) for sp in g.spans)
    return out


def predictions_from_file(store: Store, path: Path) -> tuple[str, dict[int, Prediction]]:
    """Predictions in the project's own export format, read and matched to sentences as
    ``import-labels`` does (``export.own``, ``annotator.matching``); the first bad line raises."""
    records, errors = read_own(path)
    if errors:
        raise errors[0]
    matcher = LineMatcher(store, records)
    out: dict[int, Prediction] = {}
    names = set()
    for record in records:
        try:
            state = record.state()
            sid = matcher.match(record)
        except LineError as e:
            raise InputError(str(path), str(e), record.line) from None
        p = out.setdefault(sid, Prediction())
        p.labels.update(state.labels)
        p.spans.extend((s.label, s.start, s.end, dict(s.fields)) for s in state.spans)
        names.add(
            str(record.record.get("annotator") or record.record.get("extractor") or path.name)
        )
    return ",".join(sorted(names)) or path.name, out


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f1 = 2 * p * r / (p + r) if p and r else (0.0 if (p is not None and r is not None) else None)
    return {"precision": p, "recall": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def score(
    reference: Mapping[int, AnnotationState],
    predictions: Mapping[int, Prediction],
    labels: Sequence[str],
    texts: Mapping[int, str],
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The report (without names) and the list of errors (false positives and negatives)."""
    counts = {lab: [0, 0, 0] for lab in labels}
    exact = {lab: [0, 0, 0] for lab in labels}
    overlap = {lab: [0, 0, 0] for lab in labels}
    field_hits = {f: [0, 0] for f in SCORED_FIELDS}
    errors: list[dict[str, Any]] = []
    for sid, ref in sorted(reference.items()):
        pred = predictions.get(sid, Prediction())
        for lab in labels:
            r, p = lab in ref.labels, lab in pred.labels
            if r and p:
                counts[lab][0] += 1
            elif p or r:  # a false positive, or a false negative
                counts[lab][1 if p else 2] += 1
                errors.append(
                    {
                        "sentence_id": sid,
                        "label": lab,
                        "error": "false_positive" if p else "false_negative",
                        "text": texts.get(sid, ""),
                    }
                )
            ref_spans = [(s.start, s.end, s.fields) for s in ref.spans if s.label == lab]
            pred_spans = [(a, b, f) for (pl, a, b, f) in pred.spans if pl == lab]
            ref_keys = {(a, b) for a, b, _f in ref_spans}
            pred_keys = {(a, b) for a, b, _f in pred_spans}
            hit = ref_keys & pred_keys
            exact[lab][0] += len(hit)
            exact[lab][1] += len(pred_keys - hit)
            exact[lab][2] += len(ref_keys - hit)
            used: set[tuple[int, int]] = set()
            matched = 0
            for a, b in sorted(pred_keys):
                partner = next(
                    (
                        (ra, rb)
                        for ra, rb in sorted(ref_keys)
                        if (ra, rb) not in used and a < rb and ra < b
                    ),
                    None,
                )
                if partner:
                    used.add(partner)
                    matched += 1
            overlap[lab][0] += matched
            overlap[lab][1] += len(pred_keys) - matched
            overlap[lab][2] += len(ref_keys) - matched
            if lab == FIELD_LABEL:
                pf = {(a, b): f for a, b, f in pred_spans}
                for a, b, rf in ref_spans:
                    if (a, b) in pf:
                        for fid in SCORED_FIELDS:
                            if fid in rf:
                                field_hits[fid][1] += 1
                                field_hits[fid][0] += int(_same(pf[(a, b)].get(fid), rf[fid]))
    per_label = {lab: _prf(*counts[lab]) for lab in labels}
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    f1s = [v["f1"] for v in per_label.values() if v["f1"] is not None]
    report = {
        "sentences": len(reference),
        "labels": per_label,
        "micro": _prf(tp, fp, fn),
        "macro": {"f1": sum(f1s) / len(f1s) if f1s else None},
        "spans": {
            "exact": {lab: _prf(*exact[lab]) for lab in labels},
            "overlap": {lab: _prf(*overlap[lab]) for lab in labels},
        },
        "fields": {
            f"{FIELD_LABEL}.{fid}": {
                "correct": hits,
                "total": total,
                "accuracy": hits / total if total else None,
            }
            for fid, (hits, total) in field_hits.items()
        },
    }
    return report, errors


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) < 1e-9
    return a == b


def evaluate(
    store: Store,
    *,
    extractor_name: str | None = None,
    annotator: str | None = None,
    predictions_file: Path | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Score an extractor (or a predictions file) against gold or an annotator's layer."""
    from annotator.extractors.registry import get

    ref_name, reference = reference_layer(store, annotator=annotator)
    texts = {sid: store.sentences.get(sid).text for sid in reference}
    if predictions_file is not None:
        name, preds = predictions_from_file(store, predictions_file)
        labels = list(store.schema.label_ids)
    else:
        if not extractor_name:
            raise AnnotatorError("give --extractor NAME or --predictions FILE")
        extractor = get(extractor_name, store)
        name = extractor.name
        preds = predict(store, extractor, list(reference))
        labels = [lab for lab in store.schema.label_ids if lab in extractor.labels]
    report, errors = score(reference, preds, labels, texts)
    return {"extractor": name, "reference": ref_name, **report}, errors
