"""JSON without NaN or Infinity: what every reader accepts and every writer may produce.

Python's json module reads and writes the bare tokens ``NaN``, ``Infinity`` and ``-Infinity``
and turns a number too big for a float (``1e999``) into infinity; JSON.parse and most JSON
readers reject such a file. Input is refused here with the key path of the bad value, and every
writer passes ``allow_nan=False`` so nothing non-finite can leave the program either.
"""

from __future__ import annotations

import json
import math
from typing import Any


class NonFinite(ValueError):
    """A NaN or infinite number; the message names where it was."""


def _constant(name: str) -> Any:
    raise NonFinite(f"{name} is not a number JSON allows (use null or a finite number)")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise NonFinite(f"{text} is too large for a number (more than about 1.8e308)")
    return value


def loads(text: str | bytes) -> Any:
    """``json.loads`` that raises NonFinite for NaN, Infinity and overflowing numbers.

    json.JSONDecodeError (a ValueError too) still reports malformed text; catch it first.
    """
    return json.loads(text, parse_constant=_constant, parse_float=_float)


def non_finite_path(value: Any, where: str = "") -> str | None:
    """The key path of the first NaN or infinite float inside ``value``, or None."""
    if isinstance(value, float) and not math.isfinite(value):
        return where or "value"
    if isinstance(value, dict):
        for key, item in value.items():
            found = non_finite_path(item, f"{where}.{key}" if where else str(key))
            if found:
                return found
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            found = non_finite_path(item, f"{where}[{i}]")
            if found:
                return found
    return None
