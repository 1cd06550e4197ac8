"""Keystrokes per decided sentence: the reference annotation replayed through the real window.

Builds a fresh project every run (the seeds, or with ``--split test`` the development corpus's
test articles), opens a real MainWindow (offscreen) and decides every sentence with key events
only, following the README's flow:

* the app says where we are; the replay never jumps: Enter and Space go on to the next
  undecided sentence, N to the next article when one is done;
* label keys toggle what differs from the reference; then Space when the suggestions shown
  (with what is set) are exactly the reference, else Enter (which confirms exactly what is set);
* sentences the reference leaves undecided (boilerplate) are never visited.

It runs without suggestions, then on another fresh copy after ``suggest`` with the default
extractor, checks that the stored labels and decided state equal the reference (spans and fields
are not part of it) and prints keys per decided sentence. Goals: <= 1.25 with suggestions on the
seeds, <= 1.5 on the test split. Nothing is asserted on speed.

    QT_QPA_PLATFORM=offscreen python benchmarks/keys_bench.py [--split test] [--extractor NAME]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS_REFERENCE = ROOT / "tests" / "data" / "reference" / "seeds.jsonl"
GOALS = {"seeds": 1.25, "test": 1.5}

Reference = dict[tuple[str, int], frozenset[str]]  # (file name, sentence index) → decided labels


def seeds_reference() -> tuple[list[Path], Reference]:
    from annotator.paths import seeds_dir

    ref: Reference = {}
    for line in SEEDS_REFERENCE.read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["decided"]:
            ref[(row["source"], row["index"])] = frozenset(row["labels"])
    return [seeds_dir()], ref


def corpus_reference(split: str) -> tuple[list[Path], Reference]:
    from annotator import devcorpus

    articles = devcorpus.load([split])
    files = [devcorpus.corpus_dir() / "articles" / a.name for a in articles]
    ref: Reference = {
        (a.name, i): frozenset(s.labels)
        for a in articles
        for i, s in enumerate(a.sentences)
        if not s.boilerplate
    }
    return files, ref


def build(paths: list[Path], folder: Path) -> Path:
    from annotator.corpus.importer import import_paths
    from annotator.paths import resource_path
    from annotator.schema import load_schema
    from annotator.store import Store

    db = folder / "project.db"
    with Store.create(db, load_schema(resource_path("labels.toml"))) as store:
        import_paths(store, paths)
    return db


def suggest(db: Path, name: str) -> str:
    from annotator.errors import AnnotatorError
    from annotator.extractors.registry import get
    from annotator.store import Store
    from annotator.suggest import run_extractor

    with Store.open(db) as store:
        try:
            extractor = get(name, store)
        except AnnotatorError as e:  # learned:default before the registry knows it
            print(f"  ({name}: {e}; using rules)")
            extractor = get("rules", store)
        run_extractor(store, extractor)
        return f"{extractor.name} {extractor.version}"


def default_extractor() -> str:
    from annotator.paths import resource_path

    path = resource_path("models") / "calibration.json"
    if path.exists():
        return json.loads(path.read_text("utf-8")).get("default_extractor", "rules")
    return "rules"


class Replay:
    """Drives one window with key events and counts them."""

    def __init__(self, win, ref: Reference) -> None:
        from PySide6.QtGui import QKeySequence

        self.win = win
        self.ref = ref
        self.keys = 0
        self.label_keys = {
            lab.id: QKeySequence(lab.key)[0].key() for lab in win.session.schema.labels
        }

    def press(self, key, modifier=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(self.win.view, key, modifier or Qt.KeyboardModifier.NoModifier)
        self.keys += 1

    def wanted(self, sentence_id: int) -> frozenset[str] | None:
        session = self.win.session
        s = session.sentence(sentence_id)
        return self.ref.get((Path(session.article().source).name, s.position))

    def decide_current(self) -> bool:
        """Decide the current sentence; False when it is decided already (article done)."""
        from PySide6.QtCore import Qt

        session = self.win.session
        sid = session.sentence_id
        state = session.state()
        want = self.wanted(sid)
        if sid is None or state.decided or want is None:
            return False
        have = set(state.labels)
        shown = (
            {g.label for g in session.suggestions()} if self.win.view.show_suggestions else set()
        )
        if shown and shown <= want:  # the suggestions are right, or right but for a label or two
            for lab in sorted(want - have - shown):
                self.press(self.label_keys[lab])
            self.press(Qt.Key.Key_Space)
        else:
            for lab in sorted(want ^ have):
                self.press(self.label_keys[lab])
            self.press(Qt.Key.Key_Return)
        return True

    def run(self) -> None:
        from PySide6.QtCore import Qt

        session = self.win.session
        while True:
            while self.decide_current():
                pass
            before = session.article_id
            self.press(Qt.Key.Key_N)
            if session.article_id == before:
                self.keys -= 1  # the last N only told us that every article is done
                return


def check(db: Path, ref: Reference) -> tuple[int, list[str]]:
    """(decided sentences, differences from the reference) in the stored project."""
    from annotator.store import Store

    wrong = []
    decided = 0
    with Store.open(db) as store:
        aid = store.annotators.get_or_create("bench").annotator_id
        for article_id in store.articles.ids():
            name = Path(store.articles.get(article_id).source).name
            for s in store.sentences.for_article(article_id):
                state = store.annotations.state(s.sentence_id, aid)
                want = ref.get((name, s.position))
                decided += state.decided
                got = (frozenset(state.labels), state.decided)
                if got != ((want, True) if want is not None else (frozenset(), False)):
                    wrong.append(f"{name}#{s.position}: stored {got}, reference {want}")
    return decided, wrong


def replay(db: Path, ref: Reference) -> int:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import ProjectSession
    from annotator.store import Store

    QApplication.instance() or QApplication([])
    store = Store.open(db)
    win = MainWindow(ProjectSession(store, "bench"))
    win.show()
    QTest.qWaitForWindowExposed(win)
    win.activateWindow()
    QTest.qWaitForWindowActive(win)  # shortcuts fire only in the active window
    win.view.setFocus()
    r = Replay(win, ref)
    r.run()
    win.close()
    store.close()
    return r.keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("seeds", "test"), default="seeds")
    parser.add_argument("--extractor", default=None, help="[default: calibration.json's choice]")
    args = parser.parse_args()
    paths, ref = seeds_reference() if args.split == "seeds" else corpus_reference(args.split)
    extractor = args.extractor or default_extractor()
    print(f"{args.split}: {len(ref)} sentences to decide")
    results = {}
    for run in ("without suggestions", "with suggestions"):
        folder = Path(tempfile.mkdtemp(prefix="keys_bench_"))
        try:
            db = build(paths, folder)  # a fresh project every run
            if run == "with suggestions":
                print(f"  suggest: {suggest(db, extractor)}")
            keys = replay(db, ref)
            decided, wrong = check(db, ref)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        for line in wrong[:10]:
            print(f"  MISMATCH {line}")
        status = "stored = reference" if not wrong else f"{len(wrong)} MISMATCHES"
        per = keys / decided if decided else float("nan")
        results[run] = per
        print(f"  {run:<20} {keys:4d} keys / {decided} decided = {per:.2f} per sentence ({status})")
    goal = GOALS[args.split]
    got = results["with suggestions"]
    print(f"  goal with suggestions <= {goal}: {'met' if got <= goal else 'NOT met'} ({got:.2f})")
    sys.exit(0)


if __name__ == "__main__":
    main()
