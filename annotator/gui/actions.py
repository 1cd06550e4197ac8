"""The workbench's commands as a table: name, menu, text, shortcuts, and the operation to call.

Label actions are generated from the schema (one per label key, plus Alt+key for an exact,
unsnapped span). The shortcuts dialog (?) lists this same table, so it cannot go stale.
Each handler is a function of ``annotator.gui.operations`` that takes the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from annotator.gui.operations import annotate, display, projects, review_learning
from annotator.schema import LabelSchema

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str
    menu: str  # "file", "edit", "annotate", "navigate", "view", "learn", "annotator", "help"
    text: str
    shortcuts: tuple[str, ...]
    handler: Callable[..., object]  # an operation, called with the main window (and ``arg``)
    checkable: bool = False
    arg: object = None
    view_keys: tuple[str, ...] = ()  # keys that work only while the article view has focus


def base_specs() -> list[ActionSpec]:
    a, d, p, r = annotate, display, projects, review_learning
    return [
        ActionSpec("new_project", "file", tr("&New project…"), ("Ctrl+Shift+N",), p.new_project),
        ActionSpec("open_project", "file", tr("&Open project…"), ("Ctrl+O",), p.open_project),
        ActionSpec(
            "open_server", "file", tr("Open project on a ser&ver…"), ("Ctrl+Shift+O",), p.open_server
        ),
        ActionSpec(
            "import_files", "file", tr("&Import article files…"), ("Ctrl+I",), p.import_files
        ),
        ActionSpec(
            "import_folder",
            "file",
            tr("Import article &folder…"),
            ("Ctrl+Shift+I",),
            p.import_folder,
        ),
        ActionSpec("export", "file", tr("&Export labeled data…"), ("Ctrl+Shift+E",), p.export_data),
        ActionSpec("merge", "file", tr("&Merge project…"), (), p.merge_project),
        ActionSpec("save_copy", "file", tr("&Save a copy for merging…"), (), p.save_copy),
        ActionSpec("quit", "file", tr("&Quit"), ("Ctrl+Q",), p.close_window),
        ActionSpec("undo", "edit", tr("&Undo"), ("Ctrl+Z",), a.undo),
        ActionSpec("redo", "edit", tr("&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), a.redo),
        ActionSpec("find", "edit", tr("&Find articles…"), ("Ctrl+F",), a.focus_search),
        ActionSpec("clear", "annotate", tr("&Clear labels"), ("0",), a.clear_labels),
        ActionSpec(
            "confirm", "annotate", tr("Confirm and &next undecided"), ("Return", "Enter"), a.confirm
        ),
        ActionSpec("boilerplate", "annotate", tr("Flip &boilerplate"), ("B",), a.flip_boilerplate),
        ActionSpec(
            "remove_span", "annotate", tr("&Remove selected span"), ("Delete",), a.remove_span
        ),
        ActionSpec("edit_note", "annotate", tr("Edit &note"), ("Ctrl+E",), a.edit_note),
        ActionSpec(
            "accept_suggestions",
            "annotate",
            tr("&Accept suggestions, confirm and next undecided"),
            ("Space",),
            a.accept_and_confirm,
        ),
        ActionSpec(
            "accept_only",
            "annotate",
            tr("Accept suggestions &without confirming"),
            ("Alt+Space",),
            a.accept_suggestions,
        ),
        ActionSpec(
            "accept_article_hints",
            "annotate",
            tr("Accept suggested article &fields"),
            ("Ctrl+Return", "Ctrl+Enter"),
            a.accept_article_hints,
        ),
        ActionSpec(
            "reject_suggestions",
            "annotate",
            tr("Re&ject suggestions"),
            ("Shift+Space",),
            a.reject_suggestions,
        ),
        ActionSpec(
            "next_sentence",
            "navigate",
            tr("&Next sentence"),
            ("J",),
            a.next_sentence,
            view_keys=("Down",),
        ),
        ActionSpec(
            "prev_sentence",
            "navigate",
            tr("&Previous sentence"),
            ("K",),
            a.prev_sentence,
            view_keys=("Up",),
        ),
        ActionSpec(
            "next_article",
            "navigate",
            tr("Next article with &undecided sentences"),
            ("N",),
            a.next_article,
        ),
        ActionSpec("prev_article", "navigate", tr("P&revious article"), ("P",), a.prev_article),
        ActionSpec(
            "hide_boilerplate", "view", tr("&Hide boilerplate"), ("H",), d.toggle_boilerplate, True
        ),
        ActionSpec(
            "show_guidelines", "view", tr("&Guidelines"), ("F1",), d.toggle_guidelines, True
        ),
        ActionSpec(
            "show_suggestions", "view", tr("Show &suggestions"), ("G",), d.toggle_suggestions, True
        ),
        ActionSpec(
            "review_mode",
            "view",
            tr("&Review mode (disagreements → gold)"),
            ("F2",),
            r.toggle_review,
            True,
        ),
        ActionSpec("dashboard", "view", tr("Agreement &dashboard…"), ("Ctrl+D",), r.show_dashboard),
        ActionSpec("lang_en", "view", tr("English"), (), d.set_language, True, "en"),
        ActionSpec("lang_zh", "view", tr("简体中文"), (), d.set_language, True, "zh_CN"),
        ActionSpec(
            "retrain", "learn", tr("&Retrain model and refresh suggestions"), ("Ctrl+R",), r.retrain
        ),
        ActionSpec("uncertain", "learn", tr("&Uncertain first"), ("U",), d.toggle_uncertain, True),
        ActionSpec("curve", "learn", tr("&Learning curve…"), (), r.show_curve),
        ActionSpec(
            "switch_annotator",
            "annotator",
            tr("&Switch annotator…"),
            ("Ctrl+Shift+A",),
            d.switch_annotator,
        ),
        ActionSpec(
            "shortcuts", "help", tr("&Keyboard shortcuts"), ("?", "Shift+?"), d.show_shortcuts
        ),
        ActionSpec("about", "help", tr("&About"), (), d.show_about),
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
                annotate.label_key,
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
                    annotate.label_key_exact,
                    arg=lab.id,
                )
            )
    return specs


def label_keys_hint(schema: LabelSchema) -> str:
    """The label keys for the status bar hint: "1-3" for a run of digits, else "1/x/y"."""
    keys = [lab.key for lab in schema.labels]
    digits = all(len(k) == 1 and k.isdigit() for k in keys)
    if (
        digits
        and len(keys) > 2
        and [int(k) for k in keys] == list(range(int(keys[0]), int(keys[0]) + len(keys)))
    ):
        return f"{keys[0]}-{keys[-1]}"
    return "/".join(keys)


def build_actions(window: MainWindow, specs: list[ActionSpec]) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in specs:
        act = QAction(spec.text, window)
        act.setObjectName(spec.name)
        act.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.setCheckable(spec.checkable)
        if spec.arg is not None:
            act.triggered.connect(lambda _c=False, h=spec.handler, a=spec.arg: h(window, a))
        else:
            act.triggered.connect(lambda _c=False, h=spec.handler: h(window))
        # ↓/↑ must not be window shortcuts: the article list needs them, and a second binding on
        # the view makes both ambiguous (neither fires). The view binds them (MainWindow).
        act.setProperty("view_keys", list(spec.view_keys))
        window.addAction(act)
        actions[spec.name] = act
    return actions
