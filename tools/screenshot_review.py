"""Render docs/review.png and docs/dashboard.png: review mode and the agreement dashboard on the
seed articles, with the reference annotation as one annotator and a perturbed copy as another.

    QT_QPA_PLATFORM=offscreen python tools/screenshot_review.py
"""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ANNOTATOR_HOME"] = tempfile.mkdtemp()

from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    app = QApplication([])
    from annotator.demo import ensure_demo_project
    from annotator.gui.fonts import apply_cjk_font
    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import ProjectSession
    from annotator.labels_import import import_labels

    apply_cjk_font(app)
    store = ensure_demo_project(Path(os.environ["ANNOTATOR_HOME"]) / "demo.db")
    ref = ROOT / "tests" / "data" / "reference" / "seeds.jsonl"
    import_labels(store, ref, annotator="wang")
    import_labels(store, ref, annotator="li")
    rng = random.Random(3)
    li = store.annotators.get("li")
    labels = store.schema.label_ids
    with store.transaction():  # li disagrees on about one sentence in six
        for a in list(store.annotations.for_annotator(li.annotator_id)):
            if rng.random() < 0.17:
                flip = rng.choice(labels)
                new = tuple(lab for lab in labels if (lab in a.state.labels) != (lab == flip))
                spans = tuple(s for s in a.state.spans if s.label in new)
                store.annotations.write(
                    a.sentence_id, li.annotator_id, a.state.with_(labels=new, spans=spans)
                )
    session = ProjectSession(store, "lead")
    win = MainWindow(session)
    win.resize(1500, 860)
    win.show()
    win.acts["review_mode"].trigger()
    win.review.queue_list.setCurrentRow(2)
    for _ in range(3):
        app.processEvents()
    win.grab().save(str(ROOT / "docs" / "review.png"))
    win.acts["dashboard"].trigger()
    (dash,) = [d for d in win.findChildren(QDialog, "dashboard") if d.isVisible()]
    dash.resize(1100, 700)
    for _ in range(3):
        app.processEvents()
    dash.grab().save(str(ROOT / "docs" / "dashboard.png"))
    print("wrote docs/review.png and docs/dashboard.png")


if __name__ == "__main__":
    main()
