"""The agreement dashboard: charts a lead reads at a glance (from ``annotator.agreement``)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from annotator.gui.widgets.charts import BarChart

PAIR_COLOR = "#5b8def"


def dashboard_data(store, annotators=None) -> dict:
    """Everything the dashboard shows, computed by the core (no Qt)."""
    from annotator import review
    from annotator.agreement import compute_agreement

    report = compute_agreement(store, annotators)
    items = review.queue(store, list(report.annotators))
    per_article = Counter(i.article_id for i in items)
    titles = {aid: store.articles.get(aid).title for aid in per_article}
    distribution: dict[str, Counter] = {}
    for name in report.annotators:
        who = store.annotators.get(name)
        counts: Counter = Counter()
        for a in store.annotations.for_annotator(who.annotator_id, decided_only=True):
            counts.update(a.state.labels)
        distribution[name] = counts
    return {
        "report": report,
        "per_article": per_article,
        "titles": titles,
        "distribution": distribution,
    }


class Dashboard(QDialog):
    def __init__(self, data: dict, schema, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setWindowTitle(self.tr("Agreement dashboard"))
        report = data["report"]
        colors = {lab.id: lab.color for lab in schema.labels}
        names = {lab.id: lab.name.get(language) for lab in schema.labels}
        body = QWidget()
        grid = QGridLayout(body)
        summary = QLabel(
            self.tr(
                "%d sentences decided by two or more of: %s. Overall Krippendorff's alpha %s, MASI %s."
            )
            % (
                report.units,
                ", ".join(report.annotators),
                _fmt(report.overall.krippendorff_alpha.value),
                _fmt(report.overall.krippendorff_alpha_masi.value),
            )
        )
        summary.setWordWrap(True)
        grid.addWidget(summary, 0, 0, 1, 2)
        self.charts = [
            BarChart(
                self.tr("Agreement per label (Krippendorff's alpha)"),
                [
                    (names.get(lab, lab), la.krippendorff_alpha.value, colors.get(lab, "#888"))
                    for lab, la in report.by_label.items()
                ],
                lo=0.0,
                hi=1.0,
            ),
            BarChart(
                self.tr("Agreement per annotator pair (Cohen's kappa, label sets)"),
                [
                    (key.replace("|", " · "), score.value, PAIR_COLOR)
                    for key, score in report.overall.cohen_kappa.items()
                ],
                lo=0.0,
                hi=1.0,
            ),
            BarChart(
                self.tr("Open disagreements per article"),
                [
                    (data["titles"][aid][:10], float(n), "#e07b00")
                    for aid, n in data["per_article"].most_common(12)
                ],
                fmt="{:.0f}",
            ),
            BarChart(
                self.tr("Labels per annotator (decided sentences)"),
                [
                    (
                        f"{who} · {names.get(lab, lab)}",
                        float(counts.get(lab, 0)),
                        colors.get(lab, "#888"),
                    )
                    for who, counts in data["distribution"].items()
                    for lab in report.labels
                ],
                fmt="{:.0f}",
            ),
        ]
        for i, chart in enumerate(self.charts):
            grid.addWidget(chart, 1 + i // 2, i % 2)
        grid.setRowStretch(0, 0)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.resize(1000, 640)


def _fmt(v) -> str:
    return "n/a" if v is None else f"{v:.3f}"
