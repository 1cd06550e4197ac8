"""File → Export: format, whose layer, labels, unit, split and the output file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

FORMATS = [
    ("jsonl", "annotator JSONL (own format)"),
    ("prodigy", "Prodigy JSONL"),
    ("doccano", "doccano JSONL"),
    ("label-studio", "Label Studio JSON"),
    ("conll", "CoNLL (BIO over jieba tokens)"),
]


@dataclass(frozen=True)
class ExportChoice:
    path: Path
    format: str
    task: str
    who: str  # "all", "gold" or an annotator name
    labels: tuple[str, ...] | None
    unit: str
    include_undecided: bool
    split: str  # "" or "train=0.8,dev=0.1,test=0.1"
    seed: int


class ExportDialog(QDialog):
    def __init__(
        self,
        annotators: list[str],
        labels: list[tuple[str, str]],
        parent: QWidget | None = None,
        project: Path | None = None,
    ) -> None:
        """``project``: the project file; the export goes beside it (a relative file name too),
        never to the working directory the app happened to start in."""
        super().__init__(parent)
        self.folder = project.resolve().parent if project is not None else Path.cwd()
        stem = project.stem if project is not None else "export"
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export labeled data"))
        form = QFormLayout(self)
        self.format = QComboBox()
        for key, text in FORMATS:
            self.format.addItem(text, key)
        form.addRow(self.tr("Format"), self.format)
        self.task = QComboBox()
        self.task.addItem(self.tr("sentence labels"), "textcat")
        self.task.addItem(self.tr("spans"), "spans")
        form.addRow(self.tr("Prodigy/doccano task"), self.task)
        self.who = QComboBox()
        self.who.addItem(self.tr("all annotators"), "all")
        self.who.addItem(self.tr("gold (adjudicated)"), "gold")
        for name in annotators:
            self.who.addItem(name, name)
        form.addRow(self.tr("Whose annotations"), self.who)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.label_checks: dict[str, QCheckBox] = {}
        for lab_id, name in labels:
            c = QCheckBox(name)
            c.setChecked(True)
            self.label_checks[lab_id] = c
            row.addWidget(c)
        form.addRow(self.tr("Labels"), box)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("one line per sentence"), "sentence")
        self.unit.addItem(self.tr("one line per article"), "article")
        form.addRow(self.tr("Unit (own format)"), self.unit)
        self.undecided = QCheckBox(self.tr("include undecided sentences"))
        form.addRow("", self.undecided)
        self.split = QLineEdit()
        self.split.setPlaceholderText("train=0.8,dev=0.1,test=0.1")
        form.addRow(self.tr("Split by article (optional)"), self.split)
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        form.addRow(self.tr("Split seed"), self.seed)
        pathbox = QWidget()
        prow = QHBoxLayout(pathbox)
        prow.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit(str(self.folder / f"{stem}-export.jsonl"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        prow.addWidget(self.path)
        prow.addWidget(browse)
        form.addRow(self.tr("File"), pathbox)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text())
        if path:
            self.path.setText(path)

    def choice(self) -> ExportChoice:
        labels = tuple(lab for lab, c in self.label_checks.items() if c.isChecked())
        return ExportChoice(
            path=self.folder / Path(self.path.text().strip()),  # absolute stays absolute
            format=self.format.currentData(),
            task=self.task.currentData(),
            who=self.who.currentData(),
            labels=None if len(labels) == len(self.label_checks) else labels,
            unit=self.unit.currentData(),
            include_undecided=self.undecided.isChecked(),
            split=self.split.text().strip(),
            seed=self.seed.value(),
        )

    @classmethod
    def ask(
        cls, parent, annotators: list[str], labels: list[tuple[str, str]], project: Path | None = None
    ) -> ExportChoice | None:
        dialog = cls(annotators, labels, parent, project)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


def run_export(store, choice: ExportChoice, progress=None, cancel=None):
    """The export a choice describes (core functions; runs in a worker)."""
    from annotator.export.writer import ExportOptions, export_file, export_split, parse_split

    options = ExportOptions(
        format=choice.format,
        unit=choice.unit,
        task=choice.task,
        annotators=() if choice.who in ("all", "gold") else (choice.who,),
        all_annotators=choice.who == "all",
        gold=choice.who == "gold",
        labels=choice.labels,
        include_undecided=choice.include_undecided,
    )
    if choice.split:
        return export_split(
            store, choice.path, options, parse_split(choice.split), choice.seed, progress=progress
        )
    return export_file(store, choice.path, options, progress=progress)
