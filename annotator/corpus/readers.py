"""Find article files under the given paths and read them into RawArticle records.

Supported: ``.txt`` (UTF-8 with/without BOM, UTF-16 with BOM, else GB18030, Big5, Shift-JIS or
Latin-1 as detected), ``.html``/``.htm`` (their meta charset honoured)
and ``.jsonl`` (one article per line: ``text`` required; ``title``, ``source``, ``meta``
optional). Every problem is an InputError naming the file and, for JSONL, the line.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.corpus.decode import DecodeError, decode_bytes
from annotator.corpus.html import declared_charset, extract_html, main_text_lines
from annotator.errors import InputError
from annotator.jsonl import LineError, numbered_lines, parse_object

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RawArticle:
    source: str
    text: str
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    path: str = ""
    line: int | None = None
    # HTML only: indices of the non-blank lines of ``text`` that are main text (the others are
    # flagged as boilerplate); None: unknown, the boilerplate patterns decide alone
    main_lines: frozenset[int] | None = None


def iter_files(paths: Sequence[str | Path]) -> list[Path]:
    """Expand folders (recursively, sorted, hidden files skipped) into supported files.

    A sub-folder that cannot be read stops the import with its name (it is not skipped).
    """
    out: list[Path] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            out.extend(_walk(p))
        elif os.path.lexists(p):
            if p.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise InputError(
                    str(p),
                    f"unsupported file type {p.suffix or '(none)'!r}; "
                    f"use {', '.join(SUPPORTED_SUFFIXES)}",
                )
            check_regular_file(p)
            out.append(p)
        else:
            raise InputError(str(p), "no such file or folder")
    return out


def _walk(root: Path) -> list[Path]:
    """Supported files under ``root``; InputError for a folder that cannot be listed."""

    def fail(e: OSError) -> None:
        where = e.filename or root
        reason = "permission denied" if isinstance(e, PermissionError) else (e.strerror or e)
        raise InputError(str(where), f"cannot read the folder ({reason}); nothing was imported")

    found: list[Path] = []
    for folder, dirs, files in os.walk(root, onerror=fail):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            f = Path(folder, name)
            if not name.startswith(".") and f.suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(f)  # symlinks and FIFOs included: reading them says what they are
    return sorted(found)


def check_regular_file(path: Path) -> os.stat_result:
    """Refuse, before opening, anything but a regular file of an acceptable size.

    A FIFO would block the import forever and a device such as /dev/zero never ends; a symlink
    loop or a dangling link says so instead of "no such file".
    """
    try:
        info = os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise InputError(str(path), "symbolic link loop (the link points back to itself)") from None
        if isinstance(e, FileNotFoundError) and os.path.islink(path):
            raise InputError(str(path), f"broken symbolic link (to {os.readlink(path)})") from None
        if isinstance(e, PermissionError):
            raise InputError(str(path), "cannot read the file (permission denied)") from None
        raise InputError(str(path), f"cannot read the file ({e.strerror or e})") from None
    _check_stat(path, info)
    return info


def _check_stat(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise InputError(str(path), "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        kind = (
            "a FIFO (named pipe)" if stat.S_ISFIFO(info.st_mode)
            else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            else "a socket" if stat.S_ISSOCK(info.st_mode)
            else "not a regular file"
        )  # fmt: skip
        raise InputError(str(path), f"is {kind}; only regular files are imported")
    if info.st_size > MAX_BYTES:
        raise InputError(
            str(path), f"file too large ({info.st_size // 2**20} MB; limit {MAX_BYTES // 2**20} MB)"
        )


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file, checked before opening and again on the open file.

    The open is non-blocking and the read bounded, so a file swapped for a FIFO or a device
    between the two checks can neither hang the import nor fill the memory.
    """
    check_regular_file(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as f:
        _check_stat(path, os.fstat(fd))
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(str(path), f"file too large (limit {MAX_BYTES // 2**20} MB)")
    return data


def _source_name(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.name


def read_text(path: Path) -> str:
    """A text file's content, decoded (BOM, UTF-8, the HTML meta charset, else detected)."""
    try:
        data = _read_regular(path)
    except PermissionError:
        raise InputError(str(path), "cannot read the file (permission denied)") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a file") from None
    except OSError as e:
        raise InputError(str(path), f"cannot read the file ({e.strerror or e})") from None
    if not data.strip():
        raise InputError(str(path), "empty file")
    declared = declared_charset(data) if path.suffix.lower() in (".html", ".htm") else None
    try:
        text, _enc = decode_bytes(data, declared)
    except DecodeError as e:
        raise InputError(str(path), str(e)) from None
    return text


def read_file(path: Path, root: Path | None = None) -> Iterator[RawArticle]:
    """Read one file into articles (several for JSONL)."""
    text = read_text(path)
    source = _source_name(path, root)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        body, title = extract_html(text)
        if not body.strip():
            raise InputError(str(path), "no visible text in the HTML page")
        main = main_text_lines(text, body, title)
        yield RawArticle(source, body, title, {}, str(path), main_lines=main)
    elif suffix == ".jsonl":
        yield from _read_jsonl(path, text, source)
    else:
        if not text.strip():
            raise InputError(str(path), "no text (only whitespace)")
        yield RawArticle(source, text, None, {}, str(path))


def _holds_nul(value: object) -> bool:
    """Whether a NUL character hides anywhere in a parsed JSON value (keys included)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_nul(v) for v in value)
    return False


def _read_jsonl(path: Path, text: str, source: str) -> Iterator[RawArticle]:
    found = False
    for n, line in numbered_lines(text):
        try:
            obj = parse_object(line)
        except LineError as e:
            raise InputError(str(path), str(e), n) from None
        body = obj.get("text")
        if body is not None and not isinstance(body, str):
            raise InputError(
                str(path), f'"text" must be a string, not {type(body).__name__}', n
            )
        if not body or not body.strip():
            raise InputError(str(path), 'missing or empty "text"', n)
        title = obj.get("title")
        if title is not None and not isinstance(title, str):
            raise InputError(str(path), '"title" must be a string', n)
        meta = obj.get("meta", {})
        if not isinstance(meta, dict):
            raise InputError(str(path), '"meta" must be an object', n)
        src = obj.get("source")
        if src is not None and not isinstance(src, str):
            raise InputError(str(path), '"source" must be a string', n)
        for key, value in (("text", body), ("title", title), ("source", src), ("meta", meta)):
            if _holds_nul(value):
                # PostgreSQL cannot store it; a file project refuses it too, so both hold the same
                raise InputError(str(path), f'"{key}" holds a NUL character (\\u0000)', n)
        found = True
        yield RawArticle(
            src or f"{source}#{n}",
            body.replace("\r\n", "\n").replace("\r", "\n"),
            title,
            meta,
            str(path),
            n,
        )
    if not found:
        raise InputError(str(path), "no articles in the JSONL file")
