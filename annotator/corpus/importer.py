"""Import articles into a project: read, segment, flag boilerplate, insert, all or nothing.

Files are read and segmented (in worker processes for big imports) while earlier ones are staged
in private TEMP tables, which takes no lock on the project, so other windows keep editing; one
short transaction at the end copies them in (store/staging.py). A bad file stops the whole
import with its name and reason (every bad file is still read, to count them), and a cancelled
or failed import leaves the database exactly as it was.
Re-importing a text (same hash of the normalised text) adds nothing and is reported.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from annotator.corpus.decode import text_hash
from annotator.corpus.readers import RawArticle, iter_files, read_file
from annotator.corpus.sizes import DEFAULT_LIMIT, ArticleLimit, limit_articles
from annotator.errors import Cancelled, InputError
from annotator.store import Store, now
from annotator.store.articles import NewArticle, NewSentence
from annotator.store.staging import ImportStaging
from annotator.text.boilerplate import flag_boilerplate, guess_title
from annotator.text.segment import split_sentences

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


@dataclass(slots=True)
class ImportReport:
    files: int = 0
    added: int = 0
    sentences: int = 0
    duplicates: list[str] = field(default_factory=list)  # sources skipped as already present

    def summary(self) -> str:
        """One line for the user: what was added and what was skipped."""
        line = f"imported {self.added} article(s), {self.sentences} sentence(s) from {self.files} file(s)"
        if self.duplicates:
            shown = ", ".join(self.duplicates[:3]) + (" …" if len(self.duplicates) > 3 else "")
            line += f"; {len(self.duplicates)} already in the project, skipped ({shown})"
        return line


def prepare(raw: RawArticle) -> NewArticle:
    """Segment one article, flag its boilerplate and choose its title."""
    bounds = split_sentences(raw.text)
    if not bounds:
        raise InputError(raw.path, "no text to annotate", raw.line)
    flags = flag_boilerplate(raw.text, bounds, raw.main_lines)
    title = raw.title or guess_title(raw.text, bounds, flags) or Path(raw.source).stem
    sentences = [
        NewSentence(b.start, b.end, b.paragraph, f) for b, f in zip(bounds, flags, strict=True)
    ]
    return NewArticle(
        raw.source, title.strip()[:200], raw.text, text_hash(raw.text), dict(raw.meta), sentences
    )


def import_paths(
    store: Store,
    paths: Sequence[str | Path],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    limit: ArticleLimit = DEFAULT_LIMIT,
) -> ImportReport:
    """Import files and folders (recursively) into ``store``, all or nothing.

    Raises InputError for the first bad file (naming it; the count of further bad files is added;
    ArticleTooLarge for an article over ``limit`` that is not to be split), Cancelled when
    ``cancel()`` turns true. In both cases nothing is written.
    """
    files = iter_files(paths)
    report = ImportReport(files=len(files))
    errors: list[InputError] = []
    total = len(files)
    jobs = [(path, _root_for(path, paths), limit) for path in files]
    stamp = now()
    # Files are prepared (on all CPUs for big imports) and staged in chunks that take no lock
    # on the project; one short transaction at the end publishes all of them or none.
    staging = ImportStaging(store)
    try:
        pending: list[NewArticle] = []
        seen: set[str] = set()

        def flush() -> None:
            fresh = _drop_duplicates(store, pending, report, seen)
            report.sentences += staging.add_many(fresh)
            report.added += len(fresh)
            pending.clear()

        for done, (articles, error) in enumerate(_prepare_all(jobs, cancel), start=1):
            if error is not None:
                errors.append(error[0](*error[1:]))
            elif not errors:
                pending.extend(articles)
                if len(pending) >= 256:
                    flush()
            if progress:
                progress(done, total)
        if not errors:
            flush()
        if errors:
            first = errors[0]
            if len(errors) > 1:
                first = type(first)(
                    first.path,
                    f"{first.reason} (and {len(errors) - 1} more bad file(s); nothing was imported)",
                    first.line,
                )
            raise first
        if cancel and cancel():
            raise Cancelled("import")
        with store.transaction():
            late, late_sentences = staging.publish(
                [str(p) for p in paths], stamp, len(report.duplicates)
            )
        report.duplicates.extend(late)
        report.added -= len(late)
        report.sentences -= late_sentences
    finally:
        staging.drop()
    return report


# Below this many files the start-up of worker processes costs more than it saves.
PARALLEL_MIN_FILES = 200


def _prepare_file(
    job: tuple[Path, Path | None, ArticleLimit],
) -> tuple[list[NewArticle], tuple | None]:
    """Read, segment and flag one file; errors come back as data so they cross processes intact."""
    path, root, limit = job
    try:
        return [prepare(raw) for raw in limit_articles(read_file(path, root), limit)], None
    except InputError as e:
        return [], (type(e), e.path, e.reason, e.line)


def _prepare_all(
    jobs: list[tuple[Path, Path | None, ArticleLimit]], cancel: Cancel | None
) -> Iterator:
    """Prepare files in order, on all CPUs for big imports; raise Cancelled when asked."""
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_MIN_FILES or workers < 2:
        for job in jobs:
            if cancel and cancel():
                raise Cancelled("import")
            yield _prepare_file(job)
        return
    ctx = multiprocessing.get_context("spawn" if sys.platform != "linux" else "fork")
    with ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=die_with_parent, initargs=(os.getpid(),)
    ) as pool:
        results = pool.map(_prepare_file, jobs, chunksize=32)
        try:
            for result in results:
                if cancel and cancel():
                    raise Cancelled("import")
                yield result
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def die_with_parent(parent: int) -> None:
    """Worker initializer: end this worker when the importing process dies (even by SIGKILL).

    Linux delivers SIGKILL to the worker when its parent ends (prctl PR_SET_PDEATHSIG); other
    systems get a daemon thread that polls the parent id once a second.
    """
    if sys.platform == "linux":
        import ctypes
        import signal

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0:  # 1 = PR_SET_PDEATHSIG
                if os.getppid() != parent:  # the parent died before the prctl call
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def _drop_duplicates(
    store: Store, articles: Iterable[NewArticle], report: ImportReport, seen: set[str]
) -> list[NewArticle]:
    """Articles whose hash is neither in the project nor in ``seen`` (this import so far)."""
    articles = list(articles)
    known = store.articles.known_hashes(a.text_hash for a in articles) | seen
    fresh: list[NewArticle] = []
    for art in articles:
        if art.text_hash in known:
            report.duplicates.append(art.source)
        else:
            known.add(art.text_hash)
            seen.add(art.text_hash)
            fresh.append(art)
    return fresh


def _root_for(path: Path, given: Sequence[str | Path]) -> Path | None:
    """The folder argument ``path`` was found under, so sources read 'sub/a.txt'."""
    for g in given:
        g = Path(g)
        if g.is_dir() and (g == path or g in path.parents):
            return g
    return None
