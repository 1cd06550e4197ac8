"""Render docs/screenshot.png: the workbench on a labeled seed article (offscreen, real CJK font).

QT_QPA_PLATFORM=offscreen python tools/screenshot.py [docs/screenshot.png]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ANNOTATOR_HOME"] = tempfile.mkdtemp()

from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator import edits  # noqa: E402
from annotator.demo import ensure_demo_project  # noqa: E402
from annotator.records import SpanValue  # noqa: E402


def label(session, needle, labels, spans=(), fields=None, decided=True):
    for s in session.sentences():
        if needle in s.text:
            session.go_to(s.article_id, s.sentence_id)

            def change(state, s=s):
                for lab in labels:
                    if lab not in state.labels:
                        state = edits.toggle_label(state, lab)
                for lab, text in spans:
                    i = s.text.index(text)
                    state = edits.add_span(state, SpanValue(lab, i, i + len(text), {}))
                for (lab, fid), value in (fields or {}).items():
                    state = edits.set_field(state, lab, fid, value)
                return state.with_(decided=decided)

            session.update_state(change, "demo")
            return s
    raise LookupError(needle)


def main(out: Path) -> None:
    app = QApplication([])
    from annotator.gui.fonts import apply_cjk_font
    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import ProjectSession

    apply_cjk_font(app)
    store = ensure_demo_project(Path(os.environ["ANNOTATOR_HOME"]) / "demo.db")
    session = ProjectSession(store, "alice")
    win = MainWindow(session)
    label(session, "【喜迎二十大", ["slogan"], [("slogan", "忠诚保平安")])
    label(
        session,
        "让老百姓切实感受到安全就在身边",
        ["slogan"],
        [("slogan", "让老百姓切实感受到安全就在身边")],
    )
    label(session, "炎热的夏夜", [])
    label(session, "在坚定护航", ["slogan"], [("slogan", "两个先行")])
    first = label(
        session,
        "截至目前,全省共投入",
        ["statistic"],
        [("statistic", "76.8万人次"), ("statistic", "1.63万名"), ("statistic", "同比下降12.5%")],
        {
            ("statistic", "indicator"): "巡逻盘查抓获现行违法犯罪嫌疑人",
            ("statistic", "value"): 16300,
            ("statistic", "unit"): "名",
        },
        decided=False,
    )
    label(session, "下好先手棋助力经济复苏", [])
    label(
        session,
        "7月初,浙江某纺织公司",
        ["anecdote"],
        fields={("anecdote", "actors"): "一名员工", ("anecdote", "place"): "浙江某纺织公司"},
    )
    target = label(
        session,
        "“百日行动”开展以来,全省公安机关共打掉",
        ["statistic"],
        [
            ("statistic", "23个"),
            ("statistic", "195名"),
            ("statistic", "127起"),
            ("statistic", "745万余元"),
        ],
        {
            ("statistic", "indicator"): "抓获犯罪嫌疑人",
            ("statistic", "value"): 195,
            ("statistic", "unit"): "名",
            ("statistic", "period"): "百日行动以来",
        },
    )
    from annotator.extractors.registry import get
    from annotator.suggest import run_extractor

    run_extractor(store, get("rules"))  # ghost suggestions on the sentences not labeled yet
    session.forget_article()
    session.set_article_field("outlet", "警安在线")
    session.set_article_field("date", "2022-08-15")
    session.set_article_field("campaign", "hundred_days")
    del target
    session.go_to(first.article_id, first.sentence_id)
    win._on_position(first.article_id, first.sentence_id, force=True)  # with the suggestions
    win.resize(1500, 900)
    win.show()
    win.view.verticalScrollBar().setValue(0)
    for _ in range(3):
        app.processEvents()
    win.view.ensure_current_visible()
    app.processEvents()
    win.grab().save(str(out))
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png"))
