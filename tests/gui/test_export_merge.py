"""File → Export and File → Merge project in the workbench."""

from __future__ import annotations

import json
import shutil

from PySide6.QtCore import Qt

from annotator.gui.dialogs.export_dialog import ExportChoice, ExportDialog
from annotator.gui.dialogs.project_dialogs import ProjectDialogs
from annotator.gui.operations import projects

from .helpers import finish_job, go_to_text, press


def test_export_from_the_menu_writes_the_file(qtbot, window, tmp_path, monkeypatch):
    go_to_text(window, "抓获嫌疑人18名")
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_Return)
    out = tmp_path / "out.jsonl"
    choice = ExportChoice(out, "jsonl", "textcat", "alice", None, "sentence", False, "", 0)
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *a: choice))
    job = projects.export_data(window)
    finish_job(qtbot, window, job.done)
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert line["labels"] == ["statistic"] and line["annotator"] == "alice"
    assert "exported 1 annotation" in window.statusBar().currentMessage()


def test_export_dialog_builds_the_choice(qtbot):
    dialog = ExportDialog(["alice", "bob"], [("statistic", "Statistic"), ("slogan", "Slogan")])
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("doccano"))
    dialog.who.setCurrentIndex(dialog.who.findData("gold"))
    dialog.label_checks["slogan"].setChecked(False)
    dialog.split.setText("train=0.8,test=0.2")
    c = dialog.choice()
    assert (c.format, c.who, c.labels, c.split) == (
        "doccano",
        "gold",
        ("statistic",),
        "train=0.8,test=0.2",
    )


def test_merge_from_the_menu(qtbot, window, template_db, tmp_path, monkeypatch, store):
    from annotator.records import AnnotationState
    from annotator.store import Store

    other = tmp_path / "bob.db"
    shutil.copy(template_db, other)
    with Store.open(other) as theirs:
        bob = theirs.annotators.get_or_create("bob")
        s = theirs.sentences.for_article(1)[2]
        with theirs.transaction():
            theirs.annotations.write(
                s.sentence_id, bob.annotator_id, AnnotationState(labels=("slogan",), decided=True)
            )
    monkeypatch.setattr(ProjectDialogs, "other_project", classmethod(lambda cls, parent: other))
    job = projects.merge_project(window)
    finish_job(qtbot, window, job.done)
    assert "merged" in window.statusBar().currentMessage()
    here = store.annotators.get("bob")
    assert store.annotations.state(s.sentence_id, here.annotator_id).labels == ("slogan",)
