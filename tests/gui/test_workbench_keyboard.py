"""The workbench driven by real key presses on an active window; rows checked in the database."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.store import Store

from .helpers import activate, current_text, go_to_text, open_article, press, rows


def test_opens_on_first_undecided_sentence_of_first_article(window):
    s = window.session.sentence()
    assert s is not None and not s.boilerplate
    assert window.view.current == s.sentence_id
    assert "老百姓" in s.text


def test_keyboard_flow_over_a_seed_article_ends_in_expected_rows(qtbot, window, seeds_project):
    open_article(window, "守一城烟火")
    # the first undecided, non-boilerplate sentence is the title line
    title = current_text(window)
    assert title.startswith("守一城烟火")
    press(qtbot, window, Qt.Key.Key_3)  # slogan: a motto as heading
    press(qtbot, window, Qt.Key.Key_Return)
    quote = current_text(window)
    assert quote.startswith("“没想到我被骗的钱")
    press(qtbot, window, Qt.Key.Key_2)  # anecdote
    press(qtbot, window, Qt.Key.Key_Enter)
    report = current_text(window)
    assert report.startswith("7月2日上午,高唐县公安局")
    press(qtbot, window, Qt.Key.Key_Return)  # decided with no label (for this test's sake)
    # J skips ahead without deciding; K comes back
    before = current_text(window)
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_K)
    assert current_text(window) == before
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_2)
    press(qtbot, window, Qt.Key.Key_0)  # clears both
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_Return)
    assert rows(seeds_project) == [
        (title, '["slogan"]', 1),
        (quote, '["anecdote"]', 1),
        (report, "[]", 1),
        (before, '["statistic"]', 1),
    ]
    summary = window.articles.summary(window.session.article_id)
    assert summary.decided == 4 and summary.status == "in progress"


def test_two_labels_on_one_sentence_and_toggle_off(qtbot, window, seeds_project):
    go_to_text(window, "抓获嫌疑人18名")
    press(qtbot, window, Qt.Key.Key_2)
    press(qtbot, window, Qt.Key.Key_1)
    assert window.session.state().labels == ("statistic", "anecdote")  # schema order
    press(qtbot, window, Qt.Key.Key_2)
    assert window.session.state().labels == ("statistic",)


def test_undo_and_redo_every_kind_of_edit(qtbot, window, store):
    s = go_to_text(window, "抓获嫌疑人18名")
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_B)  # flip boilerplate
    assert store.sentences.get(s.sentence_id).boilerplate
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not store.sentences.get(s.sentence_id).boilerplate
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.annotations.get(s.sentence_id, window.session.annotator.annotator_id) is None
    press(
        qtbot,
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert store.annotations.state(s.sentence_id, window.session.annotator.annotator_id).labels == (
        "statistic",
    )
    press(
        qtbot,
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert store.sentences.get(s.sentence_id).boilerplate
    # the view follows the database
    assert window.view.states[s.sentence_id].labels == ("statistic",)


def test_confirm_at_the_end_of_an_article_says_so_and_n_goes_on(qtbot, window):
    first = window.session.article_id
    ids = [s.sentence_id for s in window.session.sentences() if not s.boilerplate]
    for _ in ids:
        press(qtbot, window, Qt.Key.Key_Return)
    assert "decided" in window.statusBar().currentMessage()
    assert window.articles.summary(first).status == "done"
    press(qtbot, window, Qt.Key.Key_N)
    assert window.session.article_id != first
    press(qtbot, window, Qt.Key.Key_P)
    assert window.session.article_id == first


def test_reopening_returns_to_the_same_article_and_sentence(
    qtbot, window, seeds_project, open_window
):
    open_article(window, "温州")
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_J)
    where = (window.session.article_id, window.session.sentence_id)
    window.close()
    again = open_window(seeds_project)
    assert (again.session.article_id, again.session.sentence_id) == where
    assert again.view.current == where[1]


def test_two_annotators_layers_stay_separate(qtbot, window, seeds_project, open_window):
    s = go_to_text(window, "抓获嫌疑人18名")
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_Return)
    bob = open_window(seeds_project, "bob")
    bob.session.go_to(s.article_id, s.sentence_id)
    assert bob.session.state().labels == ()
    activate(qtbot, bob)
    qtbot.keyClick(bob.view, Qt.Key.Key_2)
    qtbot.keyClick(bob.view, Qt.Key.Key_Return)
    assert rows(seeds_project, "alice") == [(s.text, '["statistic"]', 1)]
    assert rows(seeds_project, "bob") == [(s.text, '["anecdote"]', 1)]


def test_two_windows_on_one_file_keep_each_others_work(qtbot, window, seeds_project, open_window):
    other = open_window(seeds_project, "alice")
    a = go_to_text(window, "抓获嫌疑人18名")
    activate(qtbot, window)
    press(qtbot, window, Qt.Key.Key_1)
    b = go_to_text(other, "刘先生经营的副食品店")
    activate(qtbot, other)
    qtbot.keyClick(other.view, Qt.Key.Key_2)
    # window edits the sentence the other window labeled: it builds on the stored state
    window.session.go_to(b.article_id, b.sentence_id)
    activate(qtbot, window)
    press(qtbot, window, Qt.Key.Key_1)
    with Store.open(seeds_project) as check:
        aid = check.annotators.get("alice").annotator_id
        assert check.annotations.state(a.sentence_id, aid).labels == ("statistic",)
        assert check.annotations.state(b.sentence_id, aid).labels == ("statistic", "anecdote")


def test_boilerplate_toggle_hides_and_b_flips(qtbot, window, store):
    ids_all = window.view.visible_ids()
    window.acts["hide_boilerplate"].trigger()
    hidden = window.view.visible_ids()
    assert len(hidden) < len(ids_all)
    assert all(not store.sentences.get(i).boilerplate for i in hidden)
    s = window.session.sentence()
    press(qtbot, window, Qt.Key.Key_B)  # now boilerplate: disappears from the view
    assert store.sentences.get(s.sentence_id).boilerplate
    assert s.sentence_id not in window.view.visible_ids()
    window.acts["hide_boilerplate"].trigger()
    assert s.sentence_id in window.view.visible_ids()


def test_search_and_status_filter(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    window.search.insert("冠县")  # QTest can only type ASCII; an input method inserts like this
    assert window.filter.rowCount() == 1
    window.search.clear()
    assert window.filter.rowCount() == 5
    press(qtbot, window, Qt.Key.Key_Return)  # Enter in the search box only leaves it
    assert window.view.hasFocus() and window.articles.totals()[0] == 0
    press(qtbot, window, Qt.Key.Key_Return)
    window.status_filter.setCurrentIndex(window.status_filter.findData("in progress"))
    assert window.filter.rowCount() == 1


def test_shortcuts_dialog_lists_label_keys(qtbot, window):
    from PySide6.QtWidgets import QDialog

    qtbot.keyClick(window.view, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    dialogs = [d for d in window.findChildren(QDialog, "shortcuts_dialog") if d.isVisible()]
    assert dialogs
    table = dialogs[0].table
    keys = {table.item(r, 1).text() for r in range(table.rowCount())}
    assert {"1", "2", "3", "0", "B", "N"} <= keys
    dialogs[0].close()


def test_guidelines_dock_opens_with_f1_in_both_languages(qtbot, window):
    assert not window.guidelines.isVisible()
    press(qtbot, window, Qt.Key.Key_F1)
    assert window.guidelines.isVisible()
    assert "守夜人" in window.guidelines.browser.toPlainText()
    window.guidelines.language_box.setCurrentIndex(0)
    assert "标注规范" in window.guidelines.browser.toPlainText()
    window.guidelines.language_box.setCurrentIndex(1)
    assert "Annotation guidelines" in window.guidelines.browser.toPlainText()
