"""Issue 12 §4: a long article is laid out a window of paragraphs at a time, and keyboard
navigation and scrolling move the window, so every sentence stays reachable.

The window is shrunk to 300 characters so a seed article is "long"; the speed and memory of a
2 MB article are measured in benchmarks/huge_article_bench.py.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.helpers import press


@pytest.fixture
def small_window(monkeypatch):
    from annotator.gui.widgets import article_view

    monkeypatch.setattr(article_view, "WINDOW_CHARS", 300)


def longest_article(win) -> int:
    store = win.session.store
    return max(win.articles.article_ids(), key=lambda a: len(store.articles.get(a).text))


def test_only_a_window_is_laid_out_and_j_walks_through_all(qtbot, small_window, window):
    aid = longest_article(window)
    window.session.go_to(aid, None)
    view = window.view
    all_ids = view.visible_ids()
    first = window.session.sentences()[0]
    window.session.go_to(aid, first.sentence_id)
    assert 0 < len(view.placed) < len(all_ids)
    assert len(view.toPlainText()) < len(window.session.article().text)
    seen = []
    for _ in range(len(all_ids)):
        sid = window.session.sentence_id
        seen.append(sid)
        assert view.current == sid
        placed = {p.sentence.sentence_id: p for p in view.placed}
        assert sid in placed  # the current sentence is always laid out
        p = placed[sid]
        assert view.toPlainText()[p.start : p.end] == p.sentence.text
        press(qtbot, window, Qt.Key.Key_J)
    assert seen == all_ids


def test_scrolling_to_the_end_of_the_window_moves_it(qtbot, small_window, window):
    aid = longest_article(window)
    window.session.go_to(aid, window.session.store.sentences.for_article(aid)[0].sentence_id)
    view = window.view
    last_before = view.placed[-1].sentence.sentence_id
    bar = view.verticalScrollBar()
    view.setFixedHeight(120)  # shorter than the laid-out window
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(0)
    bar.setValue(bar.maximum())
    assert view.placed[-1].sentence.sentence_id != last_before
    assert last_before in {p.sentence.sentence_id for p in view.placed}
    ids = view.visible_ids()
    for _ in range(len(ids)):  # scrolling on reaches the article's end
        bar.setValue(bar.maximum())
    assert view.placed[-1].sentence.sentence_id == ids[-1]
    for _ in range(len(ids)):  # and back to its start
        bar.setValue(bar.minimum())
    assert view.placed[0].sentence.sentence_id == ids[0]
