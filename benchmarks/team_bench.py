"""A team labelling at once: N annotators on one PostgreSQL server, beside one SQLite file (issue 14).

Starts a throwaway server with real durability (``ThrowawayCluster(fast=False)``: fsync and
synchronous commit on) and N annotators as separate processes (multiprocessing, spawn), for each
N in ``--annotators``. Each annotator opens the project through ``Store.open(url)`` as its own
login role (so row-level security is checked on every write, as for a real team; ``--as-owner``
connects all of them as the owner instead), joins with ``annotators.get_or_create(f"a{i}")``
and labels as fast as it can (or ``--rate`` keys a second) exactly as the app does on a label
key: ``edits.SetState.apply`` with the version the window read, i.e. in one ``store.transaction()``
the compare-and-set write ``annotations.write_versioned(sid, aid, state, spans=False,
expect=version)`` that bumps the row version and fires the server's NOTIFY trigger (a newer row
would be read and merged). Every ``POLL_S`` it calls ``store.data_version()`` as a window's poll
timer does.

Each commit's latency is measured with perf_counter around ``apply`` (the transaction). Each
annotator remembers what it wrote last per sentence; afterwards the parent reads every one back
and counts those that differ (lost edits), and counts errors (any ``AnnotatorError``, e.g. the
file's "locked"). The same runs against one SQLite file in WAL mode through ``Store.open(path)``.
Each backend starts every N from a fresh copy of the seeds project: one file copied, or one
server database made with ``CREATE DATABASE ... TEMPLATE``.

Goal (issue 14): 20 annotators on one server, p99 commit < 15 ms, 0 lost, 0 errors: 300 times
better than Label Studio's published p99 at that load (quoted, not measured here).

    python benchmarks/team_bench.py [--annotators 1,5,10,20] [--seconds 30]
        [--server postgresql://superuser@host:port/postgres] [--backends server,sqlite] [--as-owner]
        [--rate KEYS_PER_SECOND]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

POLL_S = 0.5  # annotator.gui.sync.POLL_MS (not imported: the benchmark stays Qt-free)
BUSY_ATTEMPT_S = 0.1  # annotator.gui.sync.BUSY_ATTEMPT_S: what a window sets on its store
TEMPLATE_DB = "team_bench_template"
# Label Studio 1.23.2, p99 label commit, as published in issue 14 (quoted, not measured here).
LABEL_STUDIO_P99_MS = {5: 384.0, 20: 4408.0}
GOAL_P99_MS = 15.0


@dataclass
class WorkerResult:
    index: int
    latencies: list[float] = field(default_factory=list)  # seconds, one per commit
    errors: list[str] = field(default_factory=list)
    last: dict[int, tuple[tuple[str, ...], bool]] = field(default_factory=dict)  # sid → written
    polls: int = 0
    annotator_id: int = 0
    seconds: float = 0.0


def _label_sets(labels: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [
        tuple(lab for i, lab in enumerate(labels) if m >> i & 1) for m in range(1, 1 << len(labels))
    ]


def annotate(
    index: int,
    target: str,
    name: str,
    seconds: float,
    barrier: Any,
    results: Any,
    rate: float = 0.0,
) -> None:
    """One annotator's process: label for ``seconds`` after the barrier, as fast as possible,
    or ``rate`` label keys a second on a fixed schedule (a late key is sent at once)."""
    from annotator.edits import SetState
    from annotator.errors import AnnotatorError
    from annotator.records import AnnotationState
    from annotator.store import Store

    out = WorkerResult(index)
    store = None
    try:
        store = Store.open(target)
        store.set_busy_timeout(BUSY_ATTEMPT_S)  # as LiveSync sets it on a window's store
        me = store.annotators.get_or_create(name)
        out.annotator_id = me.annotator_id
        units = [
            (aid, s.sentence_id)
            for aid in store.articles.ids()
            for s in store.sentences.for_article(aid)
        ]
        start = index * len(units) // 20 % len(units)  # annotators start at different places
        units = units[start:] + units[:start]
        choices = _label_sets(store.schema.label_ids)
        rng = random.Random(index)
        seen: dict[int, tuple[AnnotationState, int]] = {}
        version_seen = store.data_version()
        barrier.wait()
        began = time.perf_counter()
        stop = began + seconds
        next_poll = began + POLL_S
        k = 0
        while True:
            now = time.perf_counter()
            if now >= stop:
                break
            if now >= next_poll:
                version_seen = store.data_version()
                out.polls += 1
                next_poll = now + POLL_S
            if rate > 0:  # the schedule, not the last key, sets the next one: no slack kept
                due = began + k / rate
                if due > now:
                    time.sleep(min(due - now, stop - now))
                    continue
            article_id, sid = units[k % len(units)]
            k += 1
            if sid not in seen:
                seen[sid] = store.annotations.versioned(sid, me.annotator_id)  # the window's read
            before, version = seen[sid]
            labels = rng.choice(choices)
            after = AnnotationState(labels=labels, decided=True)
            if after == before:
                after = AnnotationState(labels=labels, decided=False)
            edit = SetState(article_id, sid, me.annotator_id, before, after, "Set labels", version)
            t0 = time.perf_counter()
            try:
                change = edit.apply(store)
            except AnnotatorError as e:
                out.latencies.append(time.perf_counter() - t0)
                out.errors.append(str(e))
                seen.pop(sid, None)  # read again, as the window reloads after an error
                continue
            out.latencies.append(time.perf_counter() - t0)
            seen[sid] = (after, change.version or 0)
            out.last[sid] = (after.labels, after.decided)
        out.seconds = time.perf_counter() - began
        del version_seen
    except BaseException as e:  # report instead of hanging the parent on a dead worker
        out.errors.append(f"worker crashed: {type(e).__name__}: {e}")
        try:
            barrier.abort()
        except Exception:  # noqa: BLE001
            pass
    finally:
        if store is not None:
            store.close()
        results.put(out)


@dataclass
class RunFigures:
    backend: str
    n: int
    commits: int
    per_second: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    errors: int
    locked: int
    lost: int
    fewest: int  # commits of the slowest annotator (a starved writer shows here)
    samples: list[str]


def _percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    i = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[i]


RATE = 0.0  # label keys a second per annotator; 0: as fast as possible (set by --rate)


def run(backend: str, targets: list[str], verify: str, seconds: float) -> RunFigures:
    """One annotator process per address in ``targets`` (annotator i is called ``a{i}``);
    ``verify`` opens the project afterwards as its owner to check every last write."""
    from annotator.store import Store

    n = len(targets)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(n)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=annotate, args=(i, t, f"a{i}", seconds, barrier, results, RATE))
        for i, t in enumerate(targets)
    ]
    for p in procs:
        p.start()
    outs: list[WorkerResult] = [results.get() for _ in procs]
    for p in procs:
        p.join()
    latencies = sorted(x for o in outs for x in o.latencies)
    errors = [e for o in outs for e in o.errors]
    lost = 0
    with Store.open(verify) as store:
        for o in outs:
            for sid, (labels, decided) in o.last.items():
                state = store.annotations.state(sid, o.annotator_id)
                if (state.labels, state.decided) != (labels, decided):
                    lost += 1
    elapsed = max((o.seconds for o in outs), default=seconds) or seconds
    commits = len(latencies) - len(errors)
    return RunFigures(
        backend=backend,
        n=n,
        commits=commits,
        per_second=commits / elapsed,
        p50_ms=_percentile(latencies, 0.50) * 1000,
        p99_ms=_percentile(latencies, 0.99) * 1000,
        max_ms=(latencies[-1] if latencies else float("nan")) * 1000,
        errors=len(errors),
        locked=sum("locked" in e or "busy" in e for e in errors),
        lost=lost,
        fewest=min(len(o.latencies) - len(o.errors) for o in outs),
        samples=sorted(set(errors))[:3],
    )


# ---------------------------------------------------------------------- the two backends


def sqlite_runs(counts: list[int], seconds: float, tmp: Path) -> list[RunFigures]:
    from annotator.demo import ensure_demo_project

    template = tmp / "template.db"
    ensure_demo_project(template).close()  # closing checkpoints: the main file is complete
    out = []
    for n in counts:
        path = tmp / f"team_{n}.db"
        shutil.copy(template, path)
        figures = run("SQLite WAL", [str(path)] * n, str(path), seconds)
        out.append(figures)
        print(_row(figures), flush=True)
    return out


def server_runs(server: Any, counts: list[int], seconds: float, as_owner: bool) -> list[RunFigures]:
    from annotator.corpus.importer import import_paths
    from annotator.paths import resource_path, seeds_dir
    from annotator.schema import load_schema
    from annotator.store import Store

    server.drop_database(TEMPLATE_DB)
    server.create_database(TEMPLATE_DB)
    with Store.create(server.dsn(TEMPLATE_DB), load_schema(resource_path("labels.toml"))) as s:
        import_paths(s, [seeds_dir()])
    if not as_owner:
        for i in range(max(counts)):
            _ensure_role(server, f"a{i}")
    out = []
    for n in counts:
        name = f"team_bench_{n}"
        server.drop_database(name)
        server.create_database(name, template=TEMPLATE_DB)
        owner = server.dsn(name)
        targets = [owner if as_owner else server.dsn(name, user=f"a{i}") for i in range(n)]
        figures = run("server", targets, owner, seconds)
        out.append(figures)
        print(_row(figures), flush=True)
        server.drop_database(name)
    server.drop_database(TEMPLATE_DB)
    return out


def _ensure_role(server: Any, name: str) -> None:
    from psycopg import errors

    try:
        server.create_role(name)
    except errors.DuplicateObject:
        pass  # a server given with --server keeps the roles of an earlier run


def _server_settings(dsn: str) -> str:
    import psycopg

    with psycopg.connect(dsn) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]
        fsync = conn.execute("SHOW fsync").fetchone()[0]
        sync = conn.execute("SHOW synchronous_commit").fetchone()[0]
    return f"PostgreSQL {version}, fsync={fsync}, synchronous_commit={sync}"


# ---------------------------------------------------------------------- output

HEADER = (
    f"{'N':>3}  {'backend':<11} {'commits/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>9} "
    f"{'errors':>7} {'locked':>7} {'lost':>5} {'fewest':>7}"
)


def _row(f: RunFigures) -> str:
    line = (
        f"{f.n:>3}  {f.backend:<11} {f.per_second:>10,.0f} {f.p50_ms:>8.2f} {f.p99_ms:>8.2f} "
        f"{f.max_ms:>9.1f} {f.errors:>7} {f.locked:>7} {f.lost:>5} {f.fewest:>7,}"
    )
    for sample in f.samples:
        line += f"\n       e.g. {sample}"
    return line


def summary(server: list[RunFigures], files: list[RunFigures]) -> None:
    print()
    print("side by side (fresh project per N; 'fewest' = commits of the slowest annotator)")
    print(HEADER)
    by_n = {f.n: f for f in files}
    for s in server:
        print(_row(s))
        f = by_n.get(s.n)
        if f is not None:
            print(_row(f))
            print(
                f"     server / file: commits/s {s.per_second / f.per_second:.2f}x, "
                f"p99 {s.p99_ms / f.p99_ms:.2f}x, max {s.max_ms / f.max_ms:.2f}x"
            )
    if not server:
        for f in files:
            print(_row(f))
    print()
    print(
        "Label Studio 1.23.2, p99 label commit as published in issue 14 (quoted, not measured here):"
    )
    for n, p99 in LABEL_STUDIO_P99_MS.items():
        ours = next((s for s in server if s.n == n), None)
        mine = (
            f"; server here {ours.p99_ms:.2f} ms = {p99 / ours.p99_ms:,.0f}x better" if ours else ""
        )
        print(f"  N={n:<3} {p99:>7,.0f} ms{mine}")
    twenty = next((s for s in server if s.n == 20), None)
    if twenty is not None:
        met = twenty.p99_ms < GOAL_P99_MS and twenty.lost == 0 and twenty.errors == 0
        print(
            f"goal at N=20: p99 < {GOAL_P99_MS:.0f} ms, 0 lost, 0 errors (300x Label Studio): "
            f"{'met' if met else 'MISSED'} (p99 {twenty.p99_ms:.2f} ms, lost {twenty.lost}, "
            f"errors {twenty.errors})"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--annotators", default="1,5,10,20", help="comma-separated N")
    parser.add_argument("--seconds", type=float, default=30.0, help="labelling time per N")
    parser.add_argument(
        "--server",
        help="a running server's superuser address (postgresql://...); default: start a "
        "throwaway cluster with fsync on",
    )
    parser.add_argument("--backends", default="server,sqlite", help="server, sqlite or both")
    parser.add_argument(
        "--as-owner",
        action="store_true",
        help="annotators connect as the database owner (no row-level security checks)",
    )
    parser.add_argument(
        "--rate",
        type=float,
        default=0.0,
        help="label keys a second per annotator on a fixed schedule (0: as fast as possible); "
        "e.g. 10 is a key every 100 ms, far faster than anyone reads",
    )
    args = parser.parse_args()
    global RATE
    RATE = args.rate
    counts = [int(x) for x in args.annotators.split(",") if x.strip()]
    backends = {b.strip() for b in args.backends.split(",")}
    print(
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{args.seconds:g} s per run, annotators {counts}, "
        + (f"each {args.rate:g} label keys a second" if args.rate else "each as fast as it can")
    )
    server_figures: list[RunFigures] = []
    file_figures: list[RunFigures] = []
    if "server" in backends:
        from annotator.store.pgcluster import PgServer, ThrowawayCluster

        cluster = None
        if args.server:
            server: Any = PgServer(args.server)
        else:
            cluster = server = ThrowawayCluster(fast=False).start()
        try:
            print(
                f"server: {_server_settings(server.dsn())}; annotators "
                f"{'as the owner' if args.as_owner else 'each as their own login role (RLS)'}"
            )
            print(HEADER)
            server_figures = server_runs(server, counts, args.seconds, args.as_owner)
        finally:
            if cluster is not None:
                cluster.stop()
    if "sqlite" in backends:
        print("one SQLite file in WAL mode (synchronous=NORMAL), the same code path")
        print(HEADER)
        with tempfile.TemporaryDirectory(prefix="team-bench-") as tmp:
            file_figures = sqlite_runs(counts, args.seconds, Path(tmp))
    summary(server_figures, file_figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
