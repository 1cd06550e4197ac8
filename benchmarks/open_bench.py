"""Opening a 10,000-article project: from its file and from a PostgreSQL server, side by side.

The project is gui_bench's (10,000 generated articles plus one of 300 sentences, cached in
benchmarks/out/); on the server it is imported once into the database given with ``--db``
(which must exist: createdb first) and reused while it holds that many articles. Best and median
of ``--repeat`` runs of:

- the window: a new Python process that starts Qt, opens the project, builds the MainWindow
  and shows it (gui_bench's cold start, to an interactive window);
- what the window reads from the store on open, step by step without Qt: ``Store.open``
  (connect, check, migrate), the schema, the annotator, ``articles.summaries`` (the article
  list), and the first article (its text, sentences, annotations and suggestions).

Goal (issue 14): opening the project from the server < 2 s.

    python benchmarks/open_bench.py --db postgresql://user@host:port/dbname
        [--articles 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gui_bench import COLD_START, OUT, build_project  # noqa: E402

from annotator.errors import StoreError  # noqa: E402
from annotator.paths import resource_path  # noqa: E402
from annotator.schema import load_schema  # noqa: E402
from annotator.store import Store  # noqa: E402

GOAL_S = 2.0


def server_project(url: str, articles: int) -> None:
    """Import gui_bench's corpus into the server database unless it already holds it."""
    from annotator.corpus.importer import import_paths

    try:
        with Store.open(url) as store:
            have = store.articles.count()
    except StoreError:  # no project there yet
        have = -1
    if have == articles + 1:
        return
    if have >= 0:
        raise SystemExit(f"{url}: holds a project of {have:,} articles, not {articles + 1:,}")
    build_project(articles)  # writes the corpus folders too
    t0 = time.perf_counter()
    with Store.create(url, load_schema(resource_path("labels.toml"))) as store:
        import_paths(store, [OUT / f"corpus_{articles}", OUT / "long_article"])
    print(f"imported {articles + 1:,} articles into the server in {time.perf_counter() - t0:.1f} s")


def window_start(target: str) -> float:
    """Seconds from a new process's start to its shown MainWindow on ``target``."""
    env = {**os.environ, "ANNOTATOR_HOME": str(OUT / "home")}
    done = subprocess.run(
        [sys.executable, "-c", COLD_START, target],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return float(done.stdout.split()[0])


def store_steps(target: str) -> dict[str, float]:
    """Seconds of each read the window makes on open, in order."""
    steps: dict[str, float] = {}

    def step(name: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        result = fn()
        steps[name] = time.perf_counter() - t0
        return result

    store = step("Store.open", lambda: Store.open(target))
    try:
        step("schema", lambda: store.schema)
        me = step("annotator", lambda: store.annotators.get_or_create("bench"))
        rows = step("article list (summaries)", lambda: store.articles.summaries(me.annotator_id))
        first = rows[0].article_id

        def article() -> None:
            art = store.articles.get(first)
            store.sentences.for_article(first, art.text)
            store.annotations.for_article(first, me.annotator_id)
            store.suggestions.for_article(first)

        step("first article", article)
    finally:
        store.close()
    steps["total"] = sum(steps.values())
    return steps


def best(fn: Callable[[], float], repeat: int) -> tuple[float, float]:
    times = [fn() for _ in range(repeat)]
    return min(times), statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="the server database (postgresql://...)")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    targets = {"file": str(build_project(args.articles))}
    if args.db:
        server_project(args.db, args.articles)
        targets["server"] = args.db
    print(f"{args.articles + 1:,} articles; best (median) of {args.repeat}; {os.cpu_count()} CPUs")
    for where, target in targets.items():
        w_best, w_median = best(lambda t=target: window_start(t), args.repeat)  # type: ignore[misc]
        runs = [store_steps(target) for _ in range(args.repeat)]
        goal = f" (goal < {GOAL_S:g} s)" if where == "server" else ""
        print(f"{where}: window cold start to shown: {w_best:.3f} s ({w_median:.3f}){goal}")
        for name in runs[0]:
            values = [r[name] for r in runs]
            print(
                f"  {name:<26} {min(values) * 1000:8.1f} ms ({statistics.median(values) * 1000:.1f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
