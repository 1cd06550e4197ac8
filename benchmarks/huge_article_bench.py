"""Opening the largest article the importer accepts: time to a painted view, and peak memory.

Builds, on a fresh project in a temporary folder, one article of just under the default limit
per article (2 MB of UTF-8 text, paragraphs of generated news sentences separated by blank
lines) plus a small one, imports both, then opens the real MainWindow offscreen on the small
article and switches to the big one, timing ``go_to`` until the article view has painted.
Prints the figures against the goals of issue 12: open < 200 ms, peak RSS < 300 MB.

    python benchmarks/huge_article_bench.py [--size-mb 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SENTENCES = [
    "全市公安机关共抓获犯罪嫌疑人195名，同比下降12.5%。",
    "“五个动态清零”工作扎实推进，群众安全感持续提升。",
    "市民张先生说，去年夏天他家楼下的烧烤摊再也没有发生过打架事件。",
    "警察常在、警车常见、警灯常亮，街面见警率达到76.8万人次。",
    "各地要坚持三清三统一，确保专项行动取得实效；",
]


def make_text(max_bytes: int) -> str:
    """Paragraphs of 3-7 sentences, blank lines between, just under ``max_bytes``."""
    parts: list[str] = []
    size = 0
    k = 0
    while True:
        para = f"第{k}段。" + "".join(SENTENCES[(k + i) % 5] for i in range(3 + k % 5))
        add = len(para.encode("utf-8")) + 2
        if size + add > max_bytes - 16:
            break
        parts.append(para)
        size += add
        k += 1
    return "\n\n".join(parts) + "\n"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from annotator.corpus.importer import import_paths
    from annotator.corpus.sizes import ArticleLimit
    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import ProjectSession
    from annotator.paths import resource_path
    from annotator.schema import load_schema
    from annotator.store import Store

    max_bytes = int(args.size_mb * 2**20)
    tmp = Path(tempfile.mkdtemp(prefix="huge_article_bench_"))
    os.environ["ANNOTATOR_HOME"] = str(tmp / "home")
    (tmp / "a_small.txt").write_text("小文章\n\n公安机关抓获犯罪嫌疑人18名。\n", encoding="utf-8")
    text = make_text(max_bytes)
    (tmp / "b_huge.txt").write_text(text, encoding="utf-8")
    db = tmp / "project.db"
    t = time.perf_counter()
    with Store.create(db, load_schema(resource_path("labels.toml"))) as store:
        report = import_paths(store, [tmp], limit=ArticleLimit(max_bytes))
    print(
        f"import: {len(text.encode('utf-8')) / 2**20:.2f} MB article, {report.sentences} "
        f"sentences in {time.perf_counter() - t:.1f} s (RSS so far {peak_rss_mb():.0f} MB)"
    )

    app = QApplication.instance() or QApplication([])
    store = Store.open(db)
    small, huge = sorted(store.articles.ids())
    session = ProjectSession(store, "bench")
    win = MainWindow(session)
    win.resize(1400, 860)
    win.show()
    painted: list[float] = []
    win.view.painted.connect(lambda: painted.append(time.perf_counter()))
    times = []
    for _ in range(args.repeat):
        session.go_to(small, None)
        for _ in range(5):
            app.processEvents()
        painted.clear()
        t = time.perf_counter()
        session.go_to(huge, None)
        while not painted:
            app.processEvents()
        times.append((painted[0] - t) * 1000)
    win.close()
    store.close()
    best, worst = min(times), max(times)
    print(
        f"open the huge article: best {best:.0f} ms, worst {worst:.0f} ms "
        f"over {args.repeat} (goal < 200 ms)"
    )
    print(f"peak RSS: {peak_rss_mb():.0f} MB (goal < 300 MB)")


if __name__ == "__main__":
    main()
