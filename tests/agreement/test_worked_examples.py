"""Published worked examples, entered through the normal path: project, import, annotations.

- Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the nominal example with
  missing data: 4 observers, 12 units, values 1..5; alpha = 0.743.
- Fleiss (1971), the table Wikipedia's "Fleiss' kappa" article works through: 10 subjects,
  14 raters, 5 categories; kappa = 0.210.

Each category is a label and each coder's value a single-label set, so the overall (label-set)
coefficients are the categorical ones.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotator.agreement import compute_agreement
from annotator.cli import cli

CATEGORIES = ["c1", "c2", "c3", "c4", "c5"]

# Krippendorff 2011, p. 3 (C. Nominal data, any number of observers, missing values); "." = missing
KRIPPENDORFF = {
    "A": "1 2 3 3 2 1 4 1 2 . . .",
    "B": "1 2 3 3 2 2 4 1 2 5 . 3",
    "C": ". 3 3 3 2 3 4 2 2 5 1 .",
    "D": "1 2 3 3 2 4 4 1 2 5 1 .",
}

# Fleiss 1971 / Wikipedia: how many of the 14 raters put each subject in each category
FLEISS = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def krippendorff_table():
    return {
        coder: [None if v == "." else [f"c{v}"] for v in row.split()]
        for coder, row in KRIPPENDORFF.items()
    }


def fleiss_table():
    table = {f"rater{r:02d}": [] for r in range(14)}
    for counts in FLEISS:
        values = [f"c{c + 1}" for c, n in enumerate(counts) for _ in range(n)]
        for r, value in enumerate(values):
            table[f"rater{r:02d}"].append([value])
    return table


def test_krippendorff_2011_nominal_example_with_missing_data(project):
    store, _ = project(CATEGORIES, krippendorff_table())
    report = compute_agreement(store)
    assert report.units == 11  # unit 12 has a single value: not pairable
    assert report.pairable_values == 40
    assert round(report.overall.krippendorff_alpha.value, 3) == 0.743
    # with singleton sets MASI is 0 for equal and 1 for different values: the nominal alpha
    assert report.overall.krippendorff_alpha_masi.value == pytest.approx(
        report.overall.krippendorff_alpha.value
    )


def test_krippendorff_example_through_the_cli(project, tmp_path):
    store, _ = project(CATEGORIES, krippendorff_table())
    store.close()
    result = CliRunner().invoke(
        cli, ["agreement", "--db", str(tmp_path / "project.db"), "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["annotators"] == ["A", "B", "C", "D"]
    assert data["units"] == 11
    assert round(data["overall"]["krippendorff_alpha"], 3) == 0.743


def test_fleiss_1971_example(project):
    store, _ = project(CATEGORIES, fleiss_table())
    report = compute_agreement(store)
    assert report.units == 10 and report.units_decided_by_all == 10
    assert len(report.annotators) == 14
    assert round(report.overall.fleiss_kappa.value, 3) == 0.210
    # Fleiss' kappa for one category (1971, eq. 20) is the binary per-label kappa here:
    # 1 - Σ x(m-x) / (N m (m-1) p q) = 1 - 178 / (10·14·13 · 20/140 · 120/140) = 0.201
    assert round(report.by_label["c1"].fleiss_kappa.value, 3) == 0.201


def test_fleiss_example_through_the_cli(project, tmp_path):
    store, _ = project(CATEGORIES, fleiss_table())
    store.close()
    result = CliRunner().invoke(
        cli, ["agreement", "--db", str(tmp_path / "project.db"), "--json"], catch_exceptions=False
    )
    data = json.loads(result.stdout)
    assert round(data["overall"]["fleiss_kappa"], 3) == 0.210
    assert len(data["overall"]["cohen_kappa"]) == 14 * 13 // 2
