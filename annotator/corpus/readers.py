"""Find article files under the given paths and read them into RawArticle records.

Supported: ``.txt`` (UTF-8 with/without BOM, UTF-16 with BOM, GB18030/GBK), ``.html``/``.htm``
and ``.jsonl`` (one article per line: ``text`` required; ``title``, ``source``, ``meta``
optional). Every problem is an InputError naming the file and, for JSONL, the line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.corpus.decode import DecodeError, decode_bytes
from annotator.corpus.html import extract_html, main_text_lines
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
    """Expand folders (recursively, sorted, hidden files skipped) into supported files."""
    out: list[Path] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES:
                    out.append(f)
        elif p.exists():
            if p.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise InputError(
                    str(p),
                    f"unsupported file type {p.suffix or '(none)'!r}; "
                    f"use {', '.join(SUPPORTED_SUFFIXES)}",
                )
            out.append(p)
        else:
            raise InputError(str(p), "no such file or folder")
    return out


def _source_name(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.name


def read_text(path: Path) -> str:
    """A text file's content, decoded (UTF-8/UTF-16 BOM/GB18030); InputError with the reason."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                str(path), f"file too large ({size // 2**20} MB; limit {MAX_BYTES // 2**20} MB)"
            )
        data = path.read_bytes()
    except PermissionError:
        raise InputError(str(path), "cannot read the file (permission denied)") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a file") from None
    except OSError as e:
        raise InputError(str(path), f"cannot read the file ({e.strerror or e})") from None
    if not data.strip():
        raise InputError(str(path), "empty file")
    try:
        text, _enc = decode_bytes(data)
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


def _read_jsonl(path: Path, text: str, source: str) -> Iterator[RawArticle]:
    found = False
    for n, line in numbered_lines(text):
        try:
            obj = parse_object(line)
        except LineError as e:
            raise InputError(str(path), str(e), n) from None
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
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
