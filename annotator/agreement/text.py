"""The agreement report as plain-text tables for a project lead.

Per label and per annotator pair, so a low Cohen's kappa points at who needs retraining on what;
the mean kappa of each annotator with the others shows an outlier at a glance. Undefined values
print as ``n/a`` and their reasons are listed at the end.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.agreement.measures import Score
from annotator.agreement.report import AgreementReport, pair_key
from annotator.scores import fmt_score

NA = "n/a"
MAX_CONFUSIONS = 6  # pairs of 4 annotators; more is a wall of numbers (the JSON has all)


def format_report(report: AgreementReport) -> str:
    """The whole report as text (no trailing newline)."""
    notes: list[str] = []

    def show(score: Score, what: str) -> str:
        if score.value is None:
            note = f"{what}: {score.reason}"
            if note not in notes:
                notes.append(note)
            return NA
        return fmt_score(score.value)

    names = report.annotators
    pairs = report.pairs
    out = [
        f"Agreement of {len(names)} annotators ({', '.join(names)}) on {report.units:,} sentences",
        f"  {report.units_decided_by_all:,} decided by all; {report.pairable_values:,} values; "
        + "; ".join(f"{a}–{b} {report.pair_units[pair_key(a, b)]:,}" for a, b in pairs),
        "",
        "Overall (each annotator's label set on a sentence is one value)",
    ]
    o = report.overall
    out += _table(
        ["observed", "mean of pairs", "Fleiss κ", "Krippendorff α", "α (MASI)"],
        [
            [
                show(o.observed, "overall observed"),
                show(o.observed_mean_of_pairs, "overall observed, mean of pairs"),
                show(o.fleiss_kappa, "overall Fleiss κ"),
                show(o.krippendorff_alpha, "overall Krippendorff α"),
                show(o.krippendorff_alpha_masi, "overall α (MASI)"),
            ]
        ],
    )
    out += ["", "Per label (set or not set)"]
    out += _table(
        ["label", "observed", "Fleiss κ", "Krippendorff α", "positive agr."],
        [
            [
                label,
                show(la.observed, f"{label} observed"),
                show(la.fleiss_kappa, f"{label} Fleiss κ"),
                show(la.krippendorff_alpha, f"{label} Krippendorff α"),
                show(la.positive_agreement, f"{label} positive agreement"),
            ]
            for label, la in report.by_label.items()
        ],
    )
    out += ["", "Cohen's κ per annotator pair"]
    kappa_rows = []
    for a, b in pairs:
        key = pair_key(a, b)
        row = [f"{a}–{b}", f"{report.pair_units[key]:,}"]
        row.append(show(o.cohen_kappa[key], f"{a}–{b} label sets κ"))
        row += [
            show(la.cohen_kappa[key], f"{a}–{b} {label} κ") for label, la in report.by_label.items()
        ]
        kappa_rows.append(row)
    out += _table(["pair", "sentences", "label sets", *report.by_label], kappa_rows)
    if len(names) > 2:
        out += ["", "Mean Cohen's κ of each annotator with the others"]
        out += _table(["annotator", "label sets", *report.by_label], _means(report))
    if report.spans:
        out += ["", "Spans: F1 exact / overlap (spans of A, spans of B)"]
        span_rows = []
        for a, b in pairs:
            key = pair_key(a, b)
            row = [f"{a}–{b}"]
            for label, by_pair in report.spans.items():
                s = by_pair[key]
                row.append(
                    f"{show(s.exact_f1, f'{a}–{b} {label} spans')} / "
                    f"{show(s.overlap_f1, f'{a}–{b} {label} spans')} "
                    f"({s.spans_a}, {s.spans_b})"
                )
            span_rows.append(row)
        out += _table(["pair", *report.spans], span_rows)
    if len(report.confusion) <= MAX_CONFUSIONS:
        for c in report.confusion.values():
            out += ["", f"Label sets: {c.rows} (rows) × {c.columns} (columns)"]
            heads = [f"[{i + 1}] {_set_name(s)}" for i, s in enumerate(c.sets)]
            out += _table(
                ["", *(f"[{i + 1}]" for i in range(len(c.sets)))],
                [[h, *(f"{n:,}" for n in row)] for h, row in zip(heads, c.counts, strict=True)],
            )
    else:
        out += ["", f"Label-set confusion of the {len(report.confusion)} pairs: see --json"]
    if notes:
        out += ["", f"{NA}:"] + [f"  {note}" for note in notes]
    return "\n".join(out)


def _means(report: AgreementReport) -> list[list[str]]:
    """Each annotator's mean Cohen's κ with every other annotator (defined pairs only)."""
    rows = []
    for name in report.annotators:
        keys = [pair_key(a, b) for a, b in report.pairs if name in (a, b)]
        scores = [report.overall.cohen_kappa] + [la.cohen_kappa for la in report.by_label.values()]
        row = [name]
        for by_pair in scores:
            values = [v for k in keys if (v := by_pair[k].value) is not None]
            row.append(fmt_score(sum(values) / len(values) if values else None, NA))
        rows.append(row)
    return rows


def _set_name(labels: Sequence[str]) -> str:
    return "+".join(labels) if labels else "(none)"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows under headers: the first column left-aligned, the others right-aligned."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        first, *rest = cells
        parts = [first.ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(rest, widths[1:], strict=True)
        ]
        return ("  " + "  ".join(parts)).rstrip()

    return [line(headers)] + [line(row) for row in rows]
