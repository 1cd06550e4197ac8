"""Read a statistic span's own text into form values: 1.63万名 → value 16300, unit 名;
同比下降12.5% → value 12.5, unit %, direction down, change 12.5.

Used when the analyst marks a span: the span's fields and the empty fields of its label's form
are filled from it, as part of the same undoable edit, and stay editable.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from annotator.text.numbers import find_numbers, read_cn_number

_UNIT = re.compile(r"^\s*([%％]|[\u4e00-\u9fff]{1,3})")
_UP = ("上升", "增长", "提升", "提高", "增加", "回升", "上涨", "增幅")
_DOWN = ("下降", "减少", "降低", "下滑", "下跌", "降幅", "减幅")
_FLAT = ("持平",)
_NOT_UNIT = re.compile(r"^(的|和|与|及|或|以|是|在|至|到)")


@dataclass(frozen=True, slots=True)
class Figure:
    value: int | float
    unit: str | None = None
    direction: str | None = None  # "up", "down", "flat"
    change: int | float | None = None  # the size of a stated change (12.5 for 下降12.5%)


def read_figure(text: str) -> Figure | None:
    """The first number in ``text`` with the unit right after it and, when a change word comes
    before it (同比下降, 增长), its direction; None when the text holds no number."""
    numbers = find_numbers(text)
    if not numbers:
        return None
    first = numbers[0]
    number = read_cn_number(text[first.start : first.end])
    rest = text[first.end :]
    unit = None
    if number is not None and number.percent:
        unit = "%"
    else:
        m = _UNIT.match(rest)
        if m and not _NOT_UNIT.match(m.group(1)):
            unit = "%" if m.group(1) in "%％" else m.group(1)
    before = text[: first.start]
    direction = None
    for name, words in (("down", _DOWN), ("up", _UP), ("flat", _FLAT)):
        if any(w in before for w in words):
            direction = name
            break
    change = first.value if direction in ("up", "down") else None
    return Figure(first.value, unit, direction, change)


def span_prefill(
    text: str, span_field_ids: set[str], label_field_ids: set[str], label_values: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(span fields, label-form fields) to fill from a span's ``text``: the span's value and
    unit where the schema has them; the label form's direction and change only where the
    schema has them and they are still empty."""
    figure = read_figure(text)
    if figure is None:
        return {}, {}
    span = {"value": figure.value, "unit": figure.unit}
    form = {"direction": figure.direction, "change": figure.change}
    span_fields = {k: v for k, v in span.items() if k in span_field_ids and v is not None}
    form_fields = {
        k: v
        for k, v in form.items()
        if k in label_field_ids and v is not None and label_values.get(k) in (None, "")
    }
    return span_fields, form_fields
