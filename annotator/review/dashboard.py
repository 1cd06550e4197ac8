"""The numbers of the agreement dashboard, computed without Qt; the dialog only paints them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.agreement import AgreementReport, compute_agreement, pair_key
from annotator.review.queue import queue

if TYPE_CHECKING:
    from annotator.store import Store


@dataclass(frozen=True, slots=True)
class OpenDisagreements:
    article_id: int
    title: str
    sentences: int  # disputed sentences of this article still in the review queue


@dataclass(frozen=True, slots=True)
class DashboardData:
    report: AgreementReport
    label_alpha: list[tuple[str, float | None]]  # label id → Krippendorff's alpha, report order
    pair_kappa: list[tuple[str, str, float | None]]  # (annotator, annotator, Cohen's kappa)
    open_by_article: list[OpenDisagreements]  # most disputed articles first, at most ``top``
    label_counts: list[tuple[str, str, int]]  # (annotator, label id, decided sentences with it)


def dashboard_data(
    store: Store, annotators: Sequence[str] | None = None, *, top: int = 12
) -> DashboardData:
    """Agreement per label and per pair, open disagreements per article, labels per annotator.

    Raises AnnotatorError as ``compute_agreement`` does (e.g. fewer than two annotators).
    """
    report = compute_agreement(store, annotators)
    per_article = Counter(i.article_id for i in queue(store, list(report.annotators)))
    open_by_article = [
        OpenDisagreements(aid, store.articles.get(aid).title, n)
        for aid, n in per_article.most_common(top)  # ties keep document order
    ]
    counts: list[tuple[str, str, int]] = []
    for name in report.annotators:
        who = store.annotators.get(name)
        found: Counter[str] = Counter()
        for a in store.annotations.for_annotator(who.annotator_id, decided_only=True):
            found.update(a.state.labels)
        counts.extend((name, lab, found.get(lab, 0)) for lab in report.labels)
    return DashboardData(
        report=report,
        label_alpha=[(lab, la.krippendorff_alpha.value) for lab, la in report.by_label.items()],
        pair_kappa=[
            (a, b, report.overall.cohen_kappa[pair_key(a, b)].value) for a, b in report.pairs
        ],
        open_by_article=open_by_article,
        label_counts=counts,
    )
