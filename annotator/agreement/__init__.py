"""Inter-annotator agreement on a project's decided annotations (in the manner of INCEpTION).

- ``data``: store → reliability data (units × annotators label sets; undecided = missing).
- ``measures``: Cohen, Fleiss, Krippendorff (nominal and MASI), positive agreement; pure numpy.
- ``spans``: exact and overlap span F1 between two annotators.
- ``report``: every measure together, and the JSON of ``annotator agreement --json``.
- ``text``: the same report as tables for people.

    report = compute_agreement(store, ["alice", "bob"])
    report.overall.krippendorff_alpha.value      # float, or None with .reason
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.agreement.data import ReliabilityData, choose_annotators, choose_labels, load
from annotator.agreement.measures import Score
from annotator.agreement.report import AgreementReport, build_report, pair_key

if TYPE_CHECKING:
    from annotator.store import Store

__all__ = [
    "AgreementReport",
    "ReliabilityData",
    "Score",
    "build_report",
    "choose_annotators",
    "choose_labels",
    "compute_agreement",
    "load",
    "pair_key",
]


def compute_agreement(
    store: Store,
    annotators: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
) -> AgreementReport:
    """Agreement of ``annotators`` (default: every human annotator) on ``labels`` (default: all).

    Raises NotFound for an unknown annotator, SchemaError for an unknown label and
    AnnotatorError when fewer than two annotators are chosen.
    """
    chosen_labels = choose_labels(store, labels)
    data = load(store, annotators, spans=True)
    return build_report(data, chosen_labels)
