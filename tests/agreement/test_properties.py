"""Hypothesis properties of the measures: perfect agreement, relabeling and permutation
invariance, and agreement with straightforward loop implementations of the textbook formulas."""

from __future__ import annotations

from itertools import permutations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from annotator.agreement.measures import (
    MISSING,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    masi_distance,
    observed_agreement,
    positive_agreement,
)
from annotator.agreement.spans import SpanColumns, span_agreement

LABELS = 3  # values below are label sets over 3 labels: bit masks 0..7


LABEL_SETS = st.integers(0, 2**LABELS - 1)


@st.composite
def reliability(draw, values=LABEL_SETS):
    """A units × raters matrix of label-set masks with missing values."""
    r = draw(st.integers(2, 5))
    n = draw(st.integers(1, 25))
    data = draw(arrays(np.int64, (n, r), elements=values))
    missing = draw(arrays(np.bool_, (n, r)))
    return np.where(missing, MISSING, data)


def all_scores(values: np.ndarray) -> list[float | None]:
    r = values.shape[1]
    out = [
        observed_agreement(values).value,
        fleiss_kappa(values).value,
        krippendorff_alpha(values).value,
        krippendorff_alpha(values, masi_distance).value,
    ]
    out += [
        cohen_kappa(values[:, i], values[:, j]).value for i in range(r) for j in range(i + 1, r)
    ]
    return out


def same(xs: list[float | None], ys: list[float | None]) -> bool:
    return all(
        (x is None and y is None) or (x is not None and y is not None and abs(x - y) < 1e-9)
        for x, y in zip(xs, ys, strict=True)
    )


@given(
    truth=arrays(np.int64, st.integers(2, 25), elements=st.integers(0, 7)),
    raters=st.integers(2, 5),
    data=st.data(),
)
def test_perfect_agreement_gives_one_wherever_defined(truth, raters, data):
    values = np.repeat(truth[:, None], raters, axis=1)
    missing = data.draw(arrays(np.bool_, values.shape))
    values = np.where(missing, MISSING, values)
    for score in all_scores(values):
        assert score is None or score == pytest.approx(1.0)
    if len(np.unique(truth)) > 1:  # with variation, kappa and alpha are defined on complete data
        full = np.repeat(truth[:, None], raters, axis=1)
        assert fleiss_kappa(full).value == pytest.approx(1.0)
        assert krippendorff_alpha(full).value == pytest.approx(1.0)
        assert krippendorff_alpha(full, masi_distance).value == pytest.approx(1.0)


@given(values=reliability(), perm=st.permutations(range(LABELS)))
def test_renaming_labels_changes_nothing(values, perm):
    # label i becomes label perm[i]: a bit permutation of every label set
    renamed = np.zeros_like(values)
    for i, j in enumerate(perm):
        renamed |= ((values >> i) & 1) << j
    renamed = np.where(values == MISSING, MISSING, renamed)
    assert same(all_scores(values), all_scores(renamed))


@given(values=reliability(values=st.integers(0, 4)), data=st.data())
def test_relabeling_categories_changes_no_nominal_value(values, data):
    new = data.draw(st.permutations([3, 17, 42, 0, 9]))
    mapped = np.where(values == MISSING, MISSING, np.array(new)[np.maximum(values, 0)])
    nominal = [
        observed_agreement,
        fleiss_kappa,
        krippendorff_alpha,
        lambda v: cohen_kappa(v[:, 0], v[:, 1]),
    ]
    for fn in nominal:
        a, b = fn(values).value, fn(mapped).value
        assert (a is None and b is None) or a == pytest.approx(b)


@given(values=reliability(), data=st.data())
def test_reordering_annotators_keeps_pooled_coefficients(values, data):
    order = data.draw(st.permutations(range(values.shape[1])))
    shuffled = values[:, order]
    for fn in (observed_agreement, fleiss_kappa, krippendorff_alpha):
        a, b = fn(values).value, fn(shuffled).value
        assert (a is None and b is None) or a == pytest.approx(b)


def alpha_by_the_book(values: np.ndarray, delta) -> float | None:
    """Krippendorff 2011 with Python loops: coincidences o_ck, then 1 - D_o/D_e."""
    units = [[v for v in row if v != MISSING] for row in values.tolist()]
    units = [u for u in units if len(u) >= 2]
    o: dict[tuple[int, int], float] = {}
    for u in units:
        for i, j in permutations(range(len(u)), 2):
            o[u[i], u[j]] = o.get((u[i], u[j]), 0) + 1 / (len(u) - 1)
    n_c: dict[int, float] = {}
    for (c, _), w in o.items():
        n_c[c] = n_c.get(c, 0) + w
    n = sum(n_c.values())
    d_o = sum(w * delta(c, k) for (c, k), w in o.items()) / n if n else 0
    d_e = sum(n_c[c] * n_c[k] * delta(c, k) for c in n_c for k in n_c) / (n * (n - 1)) if n else 0
    return None if not units or d_e == 0 else 1 - d_o / d_e


@settings(max_examples=150)
@given(values=reliability())
def test_alpha_matches_the_coincidence_matrix_computation(values):
    def masi(c, k):
        return float(masi_distance(np.array([c]), np.array([k]))[0])

    for delta, fn in ((lambda c, k: float(c != k), None), (masi, masi_distance)):
        expected = alpha_by_the_book(values, delta)
        got = krippendorff_alpha(values) if fn is None else krippendorff_alpha(values, fn)
        if expected is None:
            assert got.value is None and got.reason
        else:
            assert got.value == pytest.approx(expected)


@given(values=reliability(values=st.integers(0, 1)))
def test_binary_coefficients_stay_in_range(values):
    for score in (observed_agreement(values), positive_agreement(values)):
        assert score.value is None or 0 <= score.value <= 1
    for score in (fleiss_kappa(values), krippendorff_alpha(values)):
        assert score.value is None or score.value <= 1 + 1e-12


spans_strategy = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 1), st.integers(0, 12), st.integers(1, 6)),
    max_size=12,
    unique_by=lambda t: t,
)


def columns(rows) -> SpanColumns:
    rows = sorted({(u, lab, s, s + w) for u, lab, s, w in rows})
    arr = np.array(rows, dtype=np.int64).reshape(-1, 4)
    return SpanColumns(arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3])


@given(a=spans_strategy, b=spans_strategy)
def test_span_overlap_matches_pairwise_loops(a, b):
    ca, cb = columns(a), columns(b)
    assume(len(ca) + len(cb) > 0)
    sa = list(zip(*(x.tolist() for x in (ca.unit, ca.label, ca.start, ca.end)), strict=True))
    sb = list(zip(*(x.tolist() for x in (cb.unit, cb.label, cb.start, cb.end)), strict=True))

    def hit(x, others):
        return any(x[0] == y[0] and x[1] == y[1] and x[2] < y[3] and y[2] < x[3] for y in others)

    result = span_agreement(ca, cb)
    assert result.exact_matches == len(set(sa) & set(sb))
    if sa and sb:
        p = sum(hit(x, sb) for x in sa) / len(sa)
        r = sum(hit(y, sa) for y in sb) / len(sb)
        expected = 0 if p + r == 0 else 2 * p * r / (p + r)
        assert result.overlap_f1.value == pytest.approx(expected)
    # symmetric in the two annotators
    assert span_agreement(cb, ca).overlap_f1.value == pytest.approx(result.overlap_f1.value)
