"""The workbench builds itself from any label schema: nothing about the three labels is fixed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from annotator.corpus.importer import import_paths
from annotator.gui.actions import label_keys_hint
from annotator.schema import schema_from_dict
from annotator.store import Store

SCHEMA = {
    "schema_version": 1,
    "labels": [
        {
            "id": "claim",
            "name": {"zh": "主张", "en": "Claim"},
            "color": "#c0392b",
            "key": "7",
            "fields": [
                {
                    "id": "strength",
                    "type": "choice",
                    "name": {"zh": "强度", "en": "Strength"},
                    "choices": [
                        {"id": "weak", "zh": "弱", "en": "weak"},
                        {"id": "strong", "zh": "强", "en": "strong"},
                    ],
                },
                {"id": "hedged", "type": "bool", "name": {"zh": "含糊", "en": "Hedged"}},
            ],
        },
        {
            "id": "quote",
            "name": {"zh": "引语", "en": "Quote"},
            "color": "#16a085",
            "key": "q",
            "span": True,
            "fields": [],
        },
    ],
    "article_fields": [{"id": "topic", "type": "text", "name": {"zh": "主题", "en": "Topic"}}],
}


def test_keys_buttons_and_forms_come_from_the_schema(qtbot, tmp_path, seeds, open_window):
    db = tmp_path / "custom.db"
    with Store.create(db, schema_from_dict(SCHEMA)) as store:
        import_paths(store, [seeds])
    win = open_window(db)
    assert win.findChild(QLabel, "key_hints").text().startswith("7/q label · 0 clear")
    assert set(win.form.label_buttons) == {"claim", "quote"}
    assert win.form.label_buttons["claim"].text().startswith("7")
    qtbot.keyClick(win.view, Qt.Key.Key_7)
    assert win.session.state().labels == ("claim",)
    assert win.form.label_boxes["claim"].isVisible()
    hedged = win.form.label_fields["claim"]["hedged"].widget
    hedged.click()
    assert win.session.state().fields == {"claim": {"hedged": True}}
    s = win.session.sentence()
    win.view.select_in_sentence(s.sentence_id, 0, 2, exact=True)
    qtbot.keyClick(win.view, Qt.Key.Key_Q)
    state = win.session.state()
    assert state.labels == ("claim", "quote") and state.spans[0].label == "quote"
    # the three default labels' keys do nothing here
    qtbot.keyClick(win.view, Qt.Key.Key_1)
    assert win.session.state().labels == ("claim", "quote")


def test_the_default_schema_hints_its_run_of_digit_keys(window):
    assert window.findChild(QLabel, "key_hints").text().startswith("1-3 label · 0 clear")


def test_key_hint_shortens_only_a_run_of_digits():
    def schema(*keys):
        labels = [
            {"id": f"l{i}", "name": {"zh": k, "en": k}, "color": "#888888", "key": k}
            for i, k in enumerate(keys)
        ]
        return schema_from_dict({"schema_version": 1, "labels": labels})

    assert label_keys_hint(schema("4", "5", "6", "7")) == "4-7"
    assert label_keys_hint(schema("1", "3", "5")) == "1/3/5"
    assert label_keys_hint(schema("1", "2")) == "1/2"
    assert label_keys_hint(schema("q", "w", "e")) == "q/w/e"
