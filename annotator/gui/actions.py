"""The workbench's commands as a table: name, menu, text, shortcuts, handler name.

Label actions are generated from the schema (one per label key, plus Alt+key for an exact,
unsnapped span). The shortcuts dialog (?) lists this same table, so it cannot go stale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from annotator.schema import LabelSchema


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str
    menu: str  # "file", "edit", "annotate", "navigate", "view", "learn", "annotator", "help"
    text: str
    shortcuts: tuple[str, ...]
    handler: str  # method name on the main window
    checkable: bool = False
    arg: object = None


def base_specs() -> list[ActionSpec]:
    return [
        ActionSpec("new_project", "file", tr("&New project…"), ("Ctrl+Shift+N",), "new_project"),
        ActionSpec("open_project", "file", tr("&Open project…"), ("Ctrl+O",), "open_project"),
        ActionSpec(
            "import_files", "file", tr("&Import article files…"), ("Ctrl+I",), "import_files"
        ),
        ActionSpec(
            "import_folder",
            "file",
            tr("Import article &folder…"),
            ("Ctrl+Shift+I",),
            "import_folder",
        ),
        ActionSpec("export", "file", tr("&Export labeled data…"), ("Ctrl+Shift+E",), "export_data"),
        ActionSpec("merge", "file", tr("&Merge project…"), (), "merge_project"),
        ActionSpec("quit", "file", tr("&Quit"), ("Ctrl+Q",), "close"),
        ActionSpec("undo", "edit", tr("&Undo"), ("Ctrl+Z",), "undo"),
        ActionSpec("redo", "edit", tr("&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), "redo"),
        ActionSpec("find", "edit", tr("&Find articles…"), ("Ctrl+F",), "focus_search"),
        ActionSpec("clear", "annotate", tr("&Clear labels"), ("0",), "clear_labels"),
        ActionSpec(
            "confirm", "annotate", tr("Confirm and &next undecided"), ("Return", "Enter"), "confirm"
        ),
        ActionSpec("boilerplate", "annotate", tr("Flip &boilerplate"), ("B",), "flip_boilerplate"),
        ActionSpec(
            "remove_span", "annotate", tr("&Remove selected span"), ("Delete",), "remove_span"
        ),
        ActionSpec("edit_note", "annotate", tr("Edit &note"), ("Ctrl+E",), "edit_note"),
        ActionSpec(
            "accept_suggestions",
            "annotate",
            tr("&Accept suggestions"),
            ("Space",),
            "accept_suggestions",
        ),
        ActionSpec(
            "reject_suggestions",
            "annotate",
            tr("Re&ject suggestions"),
            ("Shift+Space",),
            "reject_suggestions",
        ),
        ActionSpec(
            "next_sentence", "navigate", tr("&Next sentence"), ("J", "Down"), "next_sentence"
        ),
        ActionSpec(
            "prev_sentence", "navigate", tr("&Previous sentence"), ("K", "Up"), "prev_sentence"
        ),
        ActionSpec(
            "next_article",
            "navigate",
            tr("Next article with &undecided sentences"),
            ("N",),
            "next_article",
        ),
        ActionSpec("prev_article", "navigate", tr("P&revious article"), ("P",), "prev_article"),
        ActionSpec(
            "hide_boilerplate", "view", tr("&Hide boilerplate"), ("H",), "toggle_boilerplate", True
        ),
        ActionSpec(
            "show_guidelines", "view", tr("&Guidelines"), ("F1",), "toggle_guidelines", True
        ),
        ActionSpec(
            "show_suggestions", "view", tr("Show &suggestions"), ("G",), "toggle_suggestions", True
        ),
        ActionSpec(
            "review_mode",
            "view",
            tr("&Review mode (disagreements → gold)"),
            ("F2",),
            "toggle_review",
            True,
        ),
        ActionSpec("dashboard", "view", tr("Agreement &dashboard…"), ("Ctrl+D",), "show_dashboard"),
        ActionSpec("lang_en", "view", tr("English"), (), "set_language", True, "en"),
        ActionSpec("lang_zh", "view", tr("简体中文"), (), "set_language", True, "zh_CN"),
        ActionSpec(
            "retrain", "learn", tr("&Retrain model and refresh suggestions"), ("Ctrl+R",), "retrain"
        ),
        ActionSpec("uncertain", "learn", tr("&Uncertain first"), ("U",), "toggle_uncertain", True),
        ActionSpec("curve", "learn", tr("&Learning curve…"), (), "show_curve"),
        ActionSpec(
            "switch_annotator",
            "annotator",
            tr("&Switch annotator…"),
            ("Ctrl+Shift+A",),
            "switch_annotator",
        ),
        ActionSpec(
            "shortcuts", "help", tr("&Keyboard shortcuts"), ("?", "Shift+?"), "show_shortcuts"
        ),
        ActionSpec("about", "help", tr("&About"), (), "show_about"),
    ]


def label_specs(schema: LabelSchema, language: str) -> list[ActionSpec]:
    specs = []
    for lab in schema.labels:
        name = lab.name.get(language)
        specs.append(
            ActionSpec(
                f"label_{lab.id}",
                "annotate",
                tr("Toggle %s (or span from selection)") % name,
                (lab.key,),
                "label_key",
                arg=lab.id,
            )
        )
        if lab.span:
            specs.append(
                ActionSpec(
                    f"exact_{lab.id}",
                    "annotate",
                    tr("Exact %s span (no snapping)") % name,
                    (f"Alt+{lab.key}",),
                    "label_key_exact",
                    arg=lab.id,
                )
            )
    return specs


def build_actions(window: QWidget, specs: list[ActionSpec]) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in specs:
        act = QAction(spec.text, window)
        act.setObjectName(spec.name)
        act.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.setCheckable(spec.checkable)
        handler: Callable = getattr(window, spec.handler)
        if spec.arg is not None:
            act.triggered.connect(lambda _c=False, h=handler, a=spec.arg: h(a))
        else:
            act.triggered.connect(lambda _c=False, h=handler: h())
        window.addAction(act)
        actions[spec.name] = act
    return actions
