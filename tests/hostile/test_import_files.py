"""Import refuses what is not a regular file, quickly and by name, and its worker processes
end with it (issue 12, section 6)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from annotator.corpus import importer
from annotator.corpus.importer import import_paths
from annotator.errors import InputError

ARTICLE = "夏季行动成果\n全市抓获犯罪嫌疑人195名。\n"


def _import_in_thread(store_path, path):
    """Import in a thread with its own connection; return (thread, outcome list)."""
    from annotator.store import Store

    outcome: list[object] = []

    def work() -> None:
        try:
            with Store.open(store_path) as s:
                outcome.append(import_paths(s, [path]))
        except Exception as e:  # the assertion below reads it
            outcome.append(e)

    t = threading.Thread(target=work, daemon=True)
    t.start()
    return t, outcome


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_not_waited_on(empty, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    t, outcome = _import_in_thread(empty.path, fifo)
    t.join(20)
    if t.is_alive():  # unblock the reader so the thread can end, then fail
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        t.join(5)
        pytest.fail("importing a FIFO blocked")
    assert isinstance(outcome[0], InputError)
    assert "pipe.txt" in str(outcome[0]) and "FIFO" in str(outcome[0])
    assert empty.articles.count() == 0


def test_a_txt_symlink_to_dev_zero_is_refused(empty, tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    t, outcome = _import_in_thread(empty.path, link)
    t.join(20)
    assert not t.is_alive(), "importing /dev/zero did not stop"
    assert isinstance(outcome[0], InputError)
    assert "zero.txt" in str(outcome[0]) and "device" in str(outcome[0])


def test_a_device_inside_a_folder_is_reported_not_read(empty, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").symlink_to("/dev/zero")
    t, outcome = _import_in_thread(empty.path, folder)
    t.join(20)
    assert not t.is_alive()
    assert isinstance(outcome[0], InputError) and "b.txt" in str(outcome[0])
    assert empty.articles.count() == 0


def test_a_symlink_loop_says_so(empty, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(InputError, match="loop") as err:
        import_paths(empty, [a])
    assert "no such file" not in str(err.value)


def test_an_unreadable_sub_folder_is_reported(empty, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    sub = folder / "locked"
    sub.mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (sub / "b.txt").write_text("另一篇文章。\n", encoding="utf-8")
    sub.chmod(0)
    try:
        if os.access(sub, os.R_OK):  # root reads anything: make the listing fail as it would
            real = os.scandir

            def scandir(path="."):
                if os.fspath(path) == os.fspath(sub):
                    raise PermissionError(13, "Permission denied", os.fspath(path))
                return real(path)

            monkeypatch.setattr(os, "scandir", scandir)
        with pytest.raises(InputError, match="permission denied") as err:
            import_paths(empty, [folder])
        assert "locked" in str(err.value)
    finally:
        sub.chmod(0o755)
    assert empty.articles.count() == 0


def test_cli_reports_an_unreadable_sub_folder_with_exit_1(empty, tmp_path, monkeypatch, run_cli):
    folder = tmp_path / "in"
    sub = folder / "locked"
    sub.mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == os.fspath(sub):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    empty.close()
    code, out = run_cli("import", str(folder), "--db", str(tmp_path / "p.db"))
    assert code == 1 and "locked" in out and "Traceback" not in out


def test_text_that_is_not_a_string_says_so(empty, tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": 12345}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match='"text" must be a string') as err:
        import_paths(empty, [p])
    assert err.value.line == 1

SCRIPT = """
import sys, time
from annotator.corpus import importer
from annotator.paths import resource_path
from annotator.schema import load_schema
from annotator.store import Store

real = importer.prepare
def slow(raw):  # forked workers inherit this: each file takes long enough to be caught at work
    time.sleep(0.5)
    return real(raw)
importer.prepare = slow
importer.os.cpu_count = lambda: 2
store = Store.create(sys.argv[1], load_schema(resource_path("labels.toml")))
importer.import_paths(store, [sys.argv[2]])
"""


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_workers_exit_when_the_import_is_killed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(importer.PARALLEL_MIN_FILES + 50):
        (folder / f"{i:04d}.txt").write_text(f"第{i}篇文章。\n全市抓获犯罪嫌疑人{i}名。\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "p.db"), str(folder)], env=env
    )
    try:
        workers: list[int] = []
        for _ in range(600):  # until the pool has started (bounded wait, not a timing check)
            workers = children(proc.pid)
            if len(workers) >= 2 or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert len(workers) >= 2, "the import did not start worker processes"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for _ in range(200):
            if not any(alive(w) for w in workers):
                break
            time.sleep(0.05)
        survivors = [w for w in workers if alive(w)]
    finally:
        for w in children(proc.pid) + workers:
            if alive(w):
                os.kill(w, signal.SIGKILL)
    assert not survivors, f"worker(s) {survivors} outlived the killed import"
