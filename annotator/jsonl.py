"""JSON Lines in: the numbered lines of a decoded file and each line's object.

Every JSONL reader (articles in ``corpus.readers``, the own format in ``export.own``) goes through
here, so a bad line reads the same everywhere: ``file:2: not valid JSON (... at column 9)``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from annotator import jsonsafe


class LineError(Exception):
    """Why one line is invalid; the caller adds the file and the line number."""


def numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) of every line that is not blank."""
    for n, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield n, line


def parse_object(line: str) -> dict[str, Any]:
    """The JSON object on one line; LineError when it is not JSON or not an object."""
    try:
        obj = jsonsafe.loads(line)  # NaN, Infinity and 1e999 are refused, not read as floats
    except json.JSONDecodeError as e:
        raise LineError(f"not valid JSON ({e.msg} at column {e.colno})") from None
    except jsonsafe.NonFinite as e:
        raise LineError(str(e)) from None
    if not isinstance(obj, dict):
        raise LineError(f"each line must be a JSON object, not {type(obj).__name__}")
    return obj
