"""Hand-computed small cases for each measure, and the undefined cases (None with a reason)."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.agreement.measures import (
    MISSING,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    masi_distance,
    mean_pairwise_agreement,
    observed_agreement,
    positive_agreement,
)
from annotator.agreement.spans import SpanColumns, span_agreement

M = MISSING


def two_raters(yy: int, yn: int, ny: int, nn: int) -> tuple[np.ndarray, np.ndarray]:
    a = [1] * yy + [1] * yn + [0] * ny + [0] * nn
    b = [1] * yy + [0] * yn + [1] * ny + [0] * nn
    return np.array(a), np.array(b)


def test_cohen_kappa_of_the_textbook_two_by_two_table():
    # 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15; po = 0.7, pe = 0.5·0.6 + 0.5·0.4 = 0.5
    a, b = two_raters(20, 5, 10, 15)
    assert cohen_kappa(a, b).value == pytest.approx(0.4)
    # positive specific agreement 2a / (2a + b + c) = 40 / 55
    assert positive_agreement(np.column_stack([a, b])).value == pytest.approx(40 / 55)


def test_cohen_kappa_ignores_units_one_rater_left_undecided():
    a, b = two_raters(20, 5, 10, 15)
    a = np.append(a, [1, M, 0])
    b = np.append(b, [M, 0, M])
    assert cohen_kappa(a, b).value == pytest.approx(0.4)


def test_observed_agreement_pools_pairs_and_the_mean_of_pairs_averages_them():
    values = np.array([[0, 0, 1], [1, 1, M]])
    # unit 1: pairs (0,0) agree, (0,1) and (0,1) not; unit 2: one agreeing pair → 2 of 4
    assert observed_agreement(values).value == pytest.approx(0.5)
    # pair AB: 2/2, AC: 0/1, BC: 0/1
    assert mean_pairwise_agreement(values).value == pytest.approx(1 / 3)


def test_fleiss_kappa_small_table():
    # 3 raters, 4 units; P_u = 1, 1/3, 1, 1/3 → P̄ = 2/3; p = (6/12, 6/12) → Pe = 1/2
    values = np.array([[0, 0, 0], [0, 0, 1], [1, 1, 1], [1, 1, 0]])
    assert fleiss_kappa(values).value == pytest.approx((2 / 3 - 1 / 2) / (1 / 2))


def test_fleiss_kappa_uses_only_units_rated_by_everyone():
    values = np.array([[0, 0, 0], [0, 0, 1], [1, 1, 1], [1, 1, 0], [1, 0, M]])
    assert fleiss_kappa(values).value == pytest.approx(1 / 3)


def test_masi_distance_values():
    a, b, c = 1, 2, 4
    pairs = [
        (a, a, 0.0),
        (0, 0, 0.0),
        (a | b, a, 1 - 1 / 2 * 2 / 3),  # subset: J = 1/2, M = 2/3
        (a | b, b | c, 1 - 1 / 3 * 1 / 3),  # overlap: J = 1/3, M = 1/3
        (a, b, 1.0),  # disjoint
        (0, a, 1.0),  # empty against non-empty
    ]
    x = np.array([p[0] for p in pairs])
    y = np.array([p[1] for p in pairs])
    assert masi_distance(x, y) == pytest.approx([p[2] for p in pairs])
    assert masi_distance(y, x) == pytest.approx([p[2] for p in pairs])


def test_krippendorff_alpha_with_masi_by_hand():
    # u1: {a} vs {a,b} (δ = 2/3), u2: {b} vs {b}. n = 4; D_o = (2·2/3)/4 = 1/3;
    # Σ n_c n_k δ over ordered pairs = 2·2/3 + 4·1 + 4·2/3 = 8, D_e = 8/12 → alpha = 1/2
    values = np.array([[1, 3], [2, 2]])
    assert krippendorff_alpha(values, masi_distance).value == pytest.approx(0.5)
    # nominal: D_o = 2/4, Σ n_c n_k (c ≠ k) = 16 - 6 = 10 → alpha = 1 - 3·2/10 = 0.4
    assert krippendorff_alpha(values).value == pytest.approx(0.4)


def test_undefined_values_come_with_reasons():
    same = np.zeros((5, 2), dtype=np.int64)
    for score in (
        cohen_kappa(same[:, 0], same[:, 1]),
        fleiss_kappa(same),
        krippendorff_alpha(same),
    ):
        assert score.value is None and score.reason
    assert observed_agreement(same).value == 1.0
    assert positive_agreement(same).reason == "no annotator gave this label on a shared sentence"
    disjoint = np.array([[0, M], [M, 1]])
    assert cohen_kappa(disjoint[:, 0], disjoint[:, 1]).reason == (
        "no sentence was decided by both annotators"
    )
    assert fleiss_kappa(disjoint).reason == "no sentence was decided by all 2 annotators"
    assert krippendorff_alpha(disjoint).reason == (
        "no sentence was decided by two or more of the annotators"
    )
    assert observed_agreement(disjoint).value is None
    assert fleiss_kappa(np.zeros((3, 1), dtype=np.int64)).value is None


def spans(*rows: tuple[int, int, int]) -> SpanColumns:
    arr = np.array(rows, dtype=np.int64).reshape(-1, 3)
    return SpanColumns(arr[:, 0], np.zeros(len(arr), np.int64), arr[:, 1], arr[:, 2])


def test_span_f1_exact_and_overlap_by_hand():
    a = spans((0, 0, 4), (0, 5, 8), (1, 0, 3))
    b = spans((0, 0, 4), (0, 6, 9), (2, 0, 3))
    s = span_agreement(a, b)
    assert s.exact_matches == 1
    assert s.exact_f1.value == pytest.approx(2 / 6)
    # A: [0,4) and [5,8) overlap a B span, [0,3) of unit 1 not → P = 2/3; B: 2 of 3 → R = 2/3
    assert s.overlap_f1.value == pytest.approx(2 / 3)


def test_touching_spans_do_not_overlap_and_other_sentences_never_match():
    s = span_agreement(spans((0, 0, 4)), spans((0, 4, 6), (1, 0, 4)))
    assert s.exact_f1.value == 0 and s.overlap_f1.value == 0


def test_span_f1_without_spans_is_undefined():
    s = span_agreement(spans(), spans())
    assert s.exact_f1.value is None and "neither annotator" in s.exact_f1.reason
    one_sided = span_agreement(spans((0, 0, 2)), spans())
    assert one_sided.exact_f1.value == 0 and one_sided.overlap_f1.value == 0
