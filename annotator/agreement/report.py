"""The agreement report: every measure for a set of annotators, and its documented JSON form.

``build_report(data, labels)`` runs the measures of ``measures.py`` and ``spans.py`` on
reliability data; ``AgreementReport.to_json()`` gives the object ``annotator agreement --json``
prints (keys documented in docs/agreement.md). Undefined values are ``null`` with the reason in
the ``reasons`` object beside them, under the same key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from annotator.agreement.data import ReliabilityData
from annotator.agreement.measures import (
    MISSING,
    Score,
    _codes,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    masi_distance,
    mean_pairwise_agreement,
    observed_agreement,
    positive_agreement,
    rater_pairs,
)
from annotator.agreement.spans import SpanAgreement, span_agreement


def pair_key(a: str, b: str) -> str:
    """The key of an annotator pair in the report: ``"alice|bob"``."""
    return f"{a}|{b}"


@dataclass(frozen=True)
class LabelAgreement:
    """Agreement on one label's presence (binary: set or not set on the sentence)."""

    observed: Score
    cohen_kappa: Mapping[str, Score]  # pair key → score
    fleiss_kappa: Score
    krippendorff_alpha: Score
    positive_agreement: Score


@dataclass(frozen=True)
class OverallAgreement:
    """Agreement on whole label sets, each annotator's set on a sentence being one value."""

    observed: Score
    observed_mean_of_pairs: Score
    cohen_kappa: Mapping[str, Score]
    fleiss_kappa: Score
    krippendorff_alpha: Score
    krippendorff_alpha_masi: Score


@dataclass(frozen=True)
class Confusion:
    """How often annotator A chose each label set (rows) when B chose each set (columns)."""

    rows: str  # annotator A
    columns: str  # annotator B
    sets: tuple[tuple[str, ...], ...]  # the label sets that occur, smallest first
    counts: tuple[tuple[int, ...], ...]  # counts[row][column]


@dataclass(frozen=True)
class AgreementReport:
    annotators: tuple[str, ...]
    labels: tuple[str, ...]  # the labels reported, schema order
    units: int  # sentences decided by two or more of the annotators
    units_decided_by_all: int
    pairable_values: int  # values on the units (each annotator's label set on a sentence)
    pair_units: Mapping[str, int]  # pair key → sentences both decided
    by_label: Mapping[str, LabelAgreement]
    overall: OverallAgreement
    spans: Mapping[str, Mapping[str, SpanAgreement]]  # span label → pair key → F1s
    confusion: Mapping[str, Confusion]  # pair key → confusion of label sets

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """The annotator pairs, in report order."""
        return [
            (self.annotators[i], self.annotators[j]) for i, j in rater_pairs(len(self.annotators))
        ]

    def to_json(self) -> dict[str, Any]:
        """The documented JSON object (docs/agreement.md)."""
        labels = {}
        for label, la in self.by_label.items():
            labels[label] = _scores(
                {
                    "observed": la.observed,
                    "cohen_kappa": la.cohen_kappa,
                    "fleiss_kappa": la.fleiss_kappa,
                    "krippendorff_alpha": la.krippendorff_alpha,
                    "positive_agreement": la.positive_agreement,
                }
            )
        o = self.overall
        overall = _scores(
            {
                "observed": o.observed,
                "observed_mean_of_pairs": o.observed_mean_of_pairs,
                "cohen_kappa": o.cohen_kappa,
                "fleiss_kappa": o.fleiss_kappa,
                "krippendorff_alpha": o.krippendorff_alpha,
                "krippendorff_alpha_masi": o.krippendorff_alpha_masi,
            }
        )
        spans = {
            label: {
                pair: {
                    **_scores({"exact_f1": s.exact_f1, "overlap_f1": s.overlap_f1}),
                    "spans_a": s.spans_a,
                    "spans_b": s.spans_b,
                    "exact_matches": s.exact_matches,
                }
                for pair, s in by_pair.items()
            }
            for label, by_pair in self.spans.items()
        }
        confusion = {
            pair: {
                "rows": c.rows,
                "columns": c.columns,
                "sets": [list(s) for s in c.sets],
                "counts": [list(row) for row in c.counts],
            }
            for pair, c in self.confusion.items()
        }
        return {
            "annotators": list(self.annotators),
            "units": self.units,
            "counts": {
                "units": self.units,
                "units_decided_by_all": self.units_decided_by_all,
                "annotators": len(self.annotators),
                "pairable_values": self.pairable_values,
                "pairs": dict(self.pair_units),
            },
            "labels": labels,
            "overall": overall,
            "spans": spans,
            "confusion": confusion,
        }


def _scores(scores: Mapping[str, Score | Mapping[str, Score]]) -> dict[str, Any]:
    """Scores as JSON values, with a parallel ``reasons`` object for the null ones."""
    out: dict[str, Any] = {}
    reasons: dict[str, Any] = {}
    for key, score in scores.items():
        if isinstance(score, Score):
            out[key] = score.value
            if score.value is None:
                reasons[key] = score.reason
        else:
            out[key] = {pair: s.value for pair, s in score.items()}
            missing = {pair: s.reason for pair, s in score.items() if s.value is None}
            if missing:
                reasons[key] = missing
    out["reasons"] = reasons
    return out


# --------------------------------------------------------------------------- building


def build_report(data: ReliabilityData, labels: Sequence[str] | None = None) -> AgreementReport:
    """Compute every measure on ``data`` for ``labels`` (default: all of them)."""
    labels = tuple(data.labels if labels is None else labels)
    names = data.annotators
    pairs = rater_pairs(len(names))
    keyed = [(pair_key(names[i], names[j]), (i, j)) for i, j in pairs]
    decided = data.decided

    by_label = {}
    for label in labels:
        bits = data.label_bits(label)
        by_label[label] = LabelAgreement(
            observed=observed_agreement(bits),
            cohen_kappa={k: cohen_kappa(bits[:, i], bits[:, j]) for k, (i, j) in keyed},
            fleiss_kappa=fleiss_kappa(bits),
            krippendorff_alpha=krippendorff_alpha(bits),
            positive_agreement=positive_agreement(bits),
        )

    sets = data.restricted(labels)
    overall = OverallAgreement(
        observed=observed_agreement(sets),
        observed_mean_of_pairs=mean_pairwise_agreement(sets),
        cohen_kappa={k: cohen_kappa(sets[:, i], sets[:, j]) for k, (i, j) in keyed},
        fleiss_kappa=fleiss_kappa(sets),
        krippendorff_alpha=krippendorff_alpha(sets),
        krippendorff_alpha_masi=krippendorff_alpha(sets, masi_distance),
    )

    spans: dict[str, dict[str, SpanAgreement]] = {}
    for label in (lab for lab in data.span_labels if lab in labels):
        li = data.span_labels.index(label)
        spans[label] = {}
        for key, (i, j) in keyed:
            both = decided[:, i] & decided[:, j]
            a, b = data.spans[i], data.spans[j]
            spans[label][key] = span_agreement(
                a.take((a.label == li) & both[a.unit]), b.take((b.label == li) & both[b.unit])
            )

    confusion = {
        key: _confusion(names[i], names[j], sets[:, i], sets[:, j], labels, data.labels)
        for key, (i, j) in keyed
    }
    return AgreementReport(
        annotators=names,
        labels=labels,
        units=len(data.sentence_ids),
        units_decided_by_all=int(np.count_nonzero(decided.all(axis=1))) if len(names) else 0,
        pairable_values=int(np.count_nonzero(decided)),
        pair_units={k: int(np.count_nonzero(decided[:, i] & decided[:, j])) for k, (i, j) in keyed},
        by_label=by_label,
        overall=overall,
        spans=spans,
        confusion=confusion,
    )


def _confusion(
    name_a: str,
    name_b: str,
    a: np.ndarray,
    b: np.ndarray,
    labels: Sequence[str],
    all_labels: Sequence[str],
) -> Confusion:
    both = (a != MISSING) & (b != MISSING)
    k, (code_a, code_b) = _codes(a[both], b[both])
    if k == 0:
        return Confusion(name_a, name_b, (), ())
    masks = np.unique(np.concatenate([a[both], b[both]])).tolist()  # code i is masks[i]
    counts = np.bincount(code_a * k + code_b, minlength=k * k).reshape(k, k)
    # smallest sets first, then in schema order of their labels
    order = sorted(range(k), key=lambda i: (len(_bits(masks[i])), _bits(masks[i])))
    counts = counts[np.ix_(order, order)]
    sets = tuple(
        tuple(lab for bit, lab in enumerate(all_labels) if masks[i] >> bit & 1 and lab in labels)
        for i in order
    )
    return Confusion(name_a, name_b, sets, tuple(tuple(int(c) for c in row) for row in counts))


def _bits(mask: int) -> list[int]:
    return [bit for bit in range(mask.bit_length()) if mask >> bit & 1]
