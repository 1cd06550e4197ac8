"""Annotate, Navigate and Edit menus: move between sentences and articles, label, span, confirm."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator import edits
from annotator.edits import SetArticleFields
from annotator.gui.widgets.article_view import SelectionInSentence
from annotator.records import SpanValue
from annotator.text.figures import span_prefill
from annotator.workbench import next_after_confirm, span_bounds

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

translate = QCoreApplication.translate


def move(win: MainWindow, step: int) -> None:
    """Go ``step`` visible sentences down (J) or up (K), stopping at either end."""
    ids = win.view.visible_ids()
    if not ids or win.session.article_id is None:
        return
    cur = win.session.sentence_id
    i = ids.index(cur) if cur in ids else -1
    j = min(max(i + step, 0), len(ids) - 1)
    if ids[j] != cur:
        win.form.commit_note()
        win.session.go_to(win.session.article_id, ids[j])


def next_sentence(win: MainWindow) -> None:
    move(win, +1)


def prev_sentence(win: MainWindow) -> None:
    move(win, -1)


def next_article(win: MainWindow) -> None:
    session = win.session
    if session.article_id is None:
        return
    nxt = session.store.sentences.next_article_with_undecided(
        session.annotator.annotator_id, session.article_id
    )
    if nxt is None or nxt == session.article_id:
        win.statusBar().showMessage(
            translate("MainWindow", "No other article has undecided sentences."), 4000
        )
        if nxt is None:
            return
    win.form.commit_note()
    session.go_to(nxt, None)


def prev_article(win: MainWindow) -> None:
    ids = win.articles.article_ids()
    if win.session.article_id in ids:
        i = ids.index(win.session.article_id)
        if i > 0:
            win.form.commit_note()
            win.session.go_to(ids[i - 1], None)


def focus_search(win: MainWindow) -> None:
    win.search.setFocus()
    win.search.selectAll()


def open_first_hit(win: MainWindow) -> None:
    """Enter or ↓ in the search box: open the first matching article and return to the text."""
    if win.search.text().strip() and win.filter.rowCount() > 0:
        win._on_article_clicked(win.filter.index(0, 0))
    win.view.setFocus()


def label_key(win: MainWindow, label_id: str, exact: bool = False) -> None:
    """A label key: a span from the selection for span labels, else toggle the label."""
    sel = win.view.selection_in_sentence()
    label = win.session.schema.label(label_id)
    if sel == "cross":
        win.statusBar().showMessage(
            translate("MainWindow", "A span must lie inside one sentence."), 5000
        )
        return
    if isinstance(sel, SelectionInSentence) and label.span:
        add_span(win, label_id, sel, exact=exact or sel.exact)
        return
    win.view.clear_selection()
    win.session.update_state(
        partial(edits.toggle_label, label=label_id), translate("MainWindow", "Toggle label")
    )


def label_key_exact(win: MainWindow, label_id: str) -> None:
    label_key(win, label_id, exact=True)


def add_span(win: MainWindow, label_id: str, sel: SelectionInSentence, *, exact: bool) -> None:
    session = win.session
    sentence = session.sentence(sel.sentence_id)
    if sentence is None or session.article_id is None:
        return
    bounds = span_bounds(sentence.text, sel.start, sel.end, exact=exact)
    if bounds is None:
        return
    if sel.sentence_id != session.sentence_id:
        session.go_to(session.article_id, sel.sentence_id)
    label = session.schema.label(label_id)
    # value and unit from the span's own text; direction and change into the label's form
    # where still empty (annotator.text.figures), in the same undoable edit, editable after
    before = session.state(sel.sentence_id).fields.get(label_id, {})
    span_fields, form_fields = span_prefill(
        sentence.text[bounds[0] : bounds[1]],
        {f.id for f in label.span_fields},
        {f.id for f in label.fields},
        before,
    )
    span = SpanValue(label_id, *bounds, span_fields)

    def transform(state):
        state = edits.add_span(state, span=span)
        for field_id, value in form_fields.items():
            state = edits.set_field(state, label_id, field_id, value)
        return state

    win.view.clear_selection()
    session.update_state(
        transform, translate("MainWindow", "Add span"), sentence_id=sel.sentence_id
    )


def clear_labels(win: MainWindow) -> None:
    win.session.update_state(edits.clear_labels, translate("MainWindow", "Clear labels"))


def confirm(win: MainWindow) -> None:
    """Enter: decide the sentence and go on (see ``workbench.next_after_confirm``); in a form
    text field it only ends the editing."""
    if win.focusWidget() is win.search:
        open_first_hit(win)
        return
    if win.editing_text():
        win.form.commit_note()
        win.view.setFocus()  # the field's editingFinished saves it
        return
    session = win.session
    s = session.sentence()
    if s is None:
        return
    session.update_state(edits.confirm, translate("MainWindow", "Confirm sentence"))
    session.record_confirmed(s.sentence_id)
    queue = win.uncertain.queue if win.uncertain.isVisible() else []
    target = next_after_confirm(session.store, session.annotator.annotator_id, s, queue)
    if target is None:
        win.statusBar().showMessage(
            translate(
                "MainWindow",
                "Every sentence of this article is decided. N goes to the next article.",
            ),
            6000,
        )
        return
    session.go_to(*target)


def accept_article_hints(win: MainWindow) -> None:
    """Ctrl+Enter: fill the article form's empty fields with the suggested values, as one
    undoable edit (only what the form shows as suggested)."""
    session = win.session
    values = win.form.hints.values()
    if session.article_id is None or not values:
        win.statusBar().showMessage(
            translate("MainWindow", "No suggested article fields."), 3000
        )
        return
    before = session.article_fields()
    after = {**before, **{k: v for k, v in values.items() if not before.get(k)}}
    if after != before:
        session.apply(
            SetArticleFields(session.article_id, session.annotator.annotator_id, before, after)
        )


def accept_suggestions(win: MainWindow) -> bool:
    """Alt+Space: take the suggestions shown on the current sentence, without confirming.

    Suggestions hidden with G are not shown, so they are not taken. A refused accept (a value
    the schema refuses) writes and records nothing and says why in the status bar.
    """
    why = win.session.accept_suggestions() if win.view.show_suggestions else ""
    if why is None:
        return True
    if why:
        message = translate("MainWindow", "Suggestions not accepted: %s") % why
    else:
        message = translate("MainWindow", "No suggestions for this sentence.")
    win.statusBar().showMessage(message, 6000)
    return False


def accept_and_confirm(win: MainWindow) -> None:
    """Space: accept what the current sentence shows and decide it, then go on like Enter.

    With suggestions shown it takes them and confirms; a sentence that shows none is confirmed
    as it is (what is set, or nothing), so agreeing with the screen always costs one key. Only
    the current sentence, which is on screen, is decided.
    """
    if win.editing_text():
        return
    shown = win.view.show_suggestions and win.session.suggestions()
    if shown and not accept_suggestions(win):
        return
    confirm(win)


def reject_suggestions(win: MainWindow) -> None:
    if not win.session.reject_suggestions():
        win.statusBar().showMessage(
            translate("MainWindow", "No suggestions for this sentence."), 3000
        )


def flip_boilerplate(win: MainWindow) -> None:
    win.session.flip_boilerplate()


def remove_span(win: MainWindow) -> None:
    win.form.remove_selected_span()


def edit_note(win: MainWindow) -> None:
    win.form.note.setFocus()


def undo(win: MainWindow) -> None:
    win.form.commit_note()
    win.session.undo()


def redo(win: MainWindow) -> None:
    win.session.redo()
