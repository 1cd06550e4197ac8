"""Scores as text: one place decides how a score prints in every command's table.

Three decimals; an undefined score (no predictions, no reference) prints as a dash, or as the
caller's marker (the agreement report's ``n/a``). ``prf_lines`` is the precision/recall/F1 table
of ``evaluate`` and ``train``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DASH = "    –"


def fmt_score(value: float | None, missing: str = DASH) -> str:
    """A score to three places, or ``missing`` where it is undefined."""
    return missing if value is None else f"{value:.3f}"


def prf_lines(
    labels: Mapping[str, Mapping[str, Any]], micro: Mapping[str, Any], macro_f1: float | None
) -> list[str]:
    """The precision/recall/F1 table: a header, a row per label, micro and macro F1."""
    lines = [
        f"  {'label':<12} {'precision':>9} {'recall':>7} {'F1':>7} {'tp':>5} {'fp':>5} {'fn':>5}"
    ]
    for lab, v in labels.items():
        lines.append(
            f"  {lab:<12} {fmt_score(v['precision']):>9} {fmt_score(v['recall']):>7} "
            f"{fmt_score(v['f1']):>7} {v['tp']:>5} {v['fp']:>5} {v['fn']:>5}"
        )
    lines.append(
        f"  {'micro':<12} {fmt_score(micro['precision']):>9} {fmt_score(micro['recall']):>7} "
        f"{fmt_score(micro['f1']):>7}"
    )
    lines.append(f"  {'macro F1':<12} {'':>9} {'':>7} {fmt_score(macro_f1):>7}")
    return lines
