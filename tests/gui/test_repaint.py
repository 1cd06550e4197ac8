"""A label key repaints only what changed: the sentence (its tint and gutter row), its list row,
the form only where its content changed, and not the whole status bar.

Paint and layout requests are counted with an event filter on the real widgets; the tint is
checked on the pixels of a grabbed view.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor

from .helpers import go_to_text, press

KINDS = (QEvent.Type.Paint, QEvent.Type.LayoutRequest)


class Events(QObject):
    """Counts paint events and layout requests per watched widget; keeps the paint rects."""

    def __init__(self, **widgets) -> None:
        super().__init__()
        self.names = {id(w): name for name, w in widgets.items()}
        self.count: Counter = Counter()
        self.rects: dict[str, list[QRect]] = {}
        for w in widgets.values():
            w.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        name = self.names.get(id(obj))
        if name is not None and event.type() in KINDS:
            self.count[(name, event.type())] += 1
            if event.type() == QEvent.Type.Paint:
                self.rects.setdefault(name, []).append(QRect(event.rect()))
        return False

    def paints(self, name: str) -> int:
        return self.count[(name, QEvent.Type.Paint)]

    def layouts(self, name: str) -> int:
        return self.count[(name, QEvent.Type.LayoutRequest)]


def settle(qtbot, window) -> None:
    """Let every posted repaint and relayout happen."""
    qtbot.wait(50)


def test_a_label_key_neither_relays_out_nor_repaints_the_status_bar(qtbot, window):
    go_to_text(window, "抓获犯罪嫌疑人195名")
    settle(qtbot, window)
    bar = window.statusBar()
    hints = bar.findChild(QObject, "key_hints")
    events = Events(bar=bar, hints=hints)
    press(qtbot, window, Qt.Key.Key_1)
    settle(qtbot, window)
    assert window.session.state().labels == ("statistic",)
    assert window.status_saved.text().startswith("✓ saved")  # the field did change
    assert events.layouts("bar") == 0
    assert events.paints("hints") == 0  # the unchanged key hints were not repainted


def test_a_label_key_repaints_only_the_sentence_row_of_the_gutter(qtbot, window):
    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    settle(qtbot, window)
    view = window.view
    gutter = view._gutter
    events = Events(gutter=gutter)
    press(qtbot, window, Qt.Key.Key_1)
    settle(qtbot, window)
    assert events.paints("gutter") >= 1
    row = view.cursor_rect_at(s.sentence_id, 0)
    for rect in events.rects["gutter"]:
        assert rect.height() <= 2 * row.height() < gutter.height()


def test_saving_a_note_repaints_neither_the_spans_nor_the_label_form(qtbot, window):
    go_to_text(window, "抓获犯罪嫌疑人195名")
    press(qtbot, window, Qt.Key.Key_1)  # the statistic form is open
    settle(qtbot, window)
    form = window.form
    value = form.label_fields["statistic"]["value"].widget
    events = Events(spans=form.spans_table.viewport(), value=value, article=form.article_box)
    form.note.setFocus()
    qtbot.keyClicks(form.note, "why")
    qtbot.keyClick(form.note, Qt.Key.Key_Escape)  # saves the note, back to the article
    settle(qtbot, window)
    assert window.session.state().note == "why"
    assert events.paints("spans") == 0
    assert events.paints("value") == 0
    assert events.layouts("article") == 0 and events.paints("article") == 0


def on_screen(window, widget, rect: QRect):
    """What the window shows (its backing store, not a fresh render) in ``widget``'s ``rect``."""
    top_left = widget.mapTo(window, rect.topLeft())
    return (
        window.screen()
        .grabWindow(window.winId(), top_left.x(), top_left.y(), rect.width(), rect.height())
        .toImage()
    )


def background(image) -> QColor:
    """The most common colour of an image (the background behind the glyphs)."""
    seen: Counter = Counter()
    for y in range(image.height()):
        for x in range(image.width()):
            seen[image.pixel(x, y)] += 1
    return QColor.fromRgb(seen.most_common(1)[0][0])


def close(a: QColor, b: QColor, tol: int = 14) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_the_window_shows_the_new_tint_and_chip_after_the_key(qtbot, window):
    from annotator.gui.widgets.article_view import CURRENT_BG, blend

    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    settle(qtbot, window)
    view = window.view
    first = view.cursor_rect_at(s.sentence_id, 0)
    line = QRect(first.left() + 1, first.top() + 1, first.height() * 4, first.height() - 2)
    white = QColor("white")

    def over_white(c: QColor) -> QColor:
        a = c.alpha() / 255
        return QColor(*(round(v * a + 255 * (1 - a)) for v in c.getRgb()[:3]))

    assert close(background(on_screen(window, view.viewport(), line)), QColor(CURRENT_BG))
    scrolled = view.verticalScrollBar().value()
    assert scrolled > 0  # the sentence is further down: the key must not scroll the view
    press(qtbot, window, Qt.Key.Key_1)
    settle(qtbot, window)
    assert view.verticalScrollBar().value() == scrolled
    tint = over_white(blend([window.session.schema.label("statistic").color], 95))
    assert not close(tint, white) and not close(tint, QColor(CURRENT_BG))
    assert close(background(on_screen(window, view.viewport(), line)), tint)
    gutter = view._gutter
    y = first.top() + view.viewport().y() - gutter.y()
    chip = on_screen(window, gutter, QRect(4, y + 5, 2, 2))
    color = QColor(window.session.schema.label("statistic").color)
    assert close(background(chip), color)


def test_a_label_key_does_not_repaint_the_article_form_above_it(qtbot, window):
    go_to_text(window, "抓获犯罪嫌疑人195名")
    settle(qtbot, window)
    form = window.form
    events = Events(article=form.article_box, form=form)
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_2):  # label forms open and close
        press(qtbot, window, key)
        settle(qtbot, window)
    assert window.session.state().labels == ("anecdote",)
    assert form.label_boxes["anecdote"].isVisible()
    assert events.paints("article") == 0 and events.layouts("article") == 0
    below = form.article_box.geometry().bottom()
    assert events.rects["form"] and all(r.top() > below for r in events.rects["form"])
