"""The agreement dashboard: charts a lead reads at a glance; the numbers come from
``annotator.review.dashboard``."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from annotator.gui.plain import plain_label
from annotator.gui.widgets.charts import BarChart
from annotator.review.dashboard import DashboardData

PAIR_COLOR = "#5b8def"


class Dashboard(QDialog):
    def __init__(
        self, data: DashboardData, schema, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setWindowTitle(self.tr("Agreement dashboard"))
        self.schema = schema
        self.language = language
        self.chosen: list[str] | None = None  # the annotators it compares (None: everyone)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area)
        self.show_data(data)
        self.resize(1000, 640)

    def show_data(self, data: DashboardData) -> None:
        """Show ``data`` (again, when others changed the project while the dashboard is open)."""
        self.data = data
        report = data.report
        colors = {lab.id: lab.color for lab in self.schema.labels}
        names = {lab.id: lab.name.get(self.language) for lab in self.schema.labels}
        body = QWidget()
        grid = QGridLayout(body)
        units = report.units  # (lupdate reads a plain name as the count)
        summary = plain_label(
            self.tr(
                "%n sentence(s) decided by two or more of: %s. Overall Krippendorff's alpha %s, "
                "MASI %s.",
                None,
                units,
            )
            % (
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
                    (names.get(lab, lab), alpha, colors.get(lab, "#888"))
                    for lab, alpha in data.label_alpha
                ],
                lo=0.0,
                hi=1.0,
            ),
            BarChart(
                self.tr("Agreement per annotator pair (Cohen's kappa, label sets)"),
                [(f"{a} · {b}", kappa, PAIR_COLOR) for a, b, kappa in data.pair_kappa],
                lo=0.0,
                hi=1.0,
            ),
            BarChart(
                self.tr("Open disagreements per article"),
                [(o.title[:10], float(o.sentences), "#e07b00") for o in data.open_by_article],
                fmt="{:.0f}",
            ),
            BarChart(
                self.tr("Labels per annotator (decided sentences)"),
                [
                    (f"{who} · {names.get(lab, lab)}", float(n), colors.get(lab, "#888"))
                    for who, lab, n in data.label_counts
                ],
                fmt="{:.0f}",
            ),
        ]
        for i, chart in enumerate(self.charts):
            grid.addWidget(chart, 1 + i // 2, i % 2)
        grid.setRowStretch(0, 0)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 1)
        self.scroll_area.setWidget(body)  # the old body is deleted


def _fmt(v) -> str:
    return "n/a" if v is None else f"{v:.3f}"
