"""Agreement coefficients on reliability data: pure numpy functions, no store, no loops over units.

Reliability data is an integer matrix ``values[unit, rater]`` with ``MISSING`` (-1) where a rater
gave no value (did not decide the sentence). Values are category codes: a label's presence (0/1)
or a whole label set as a bit mask. Loops run over rater *pairs* only (3 for 3 annotators), each
pass vectorised over all units.

Every measure returns a ``Score``: a value, or ``None`` with the reason it is undefined (one
category only, a single rater, no shared units), never NaN. What each accepts:

================================  ======  ============  ==================================
measure                           raters  missing data  units used
================================  ======  ============  ==================================
observed_agreement                ≥ 2     yes           units with ≥ 2 values
mean_pairwise_agreement           ≥ 2     yes           per pair: units both rated
cohen_kappa                       2       yes           units both rated
fleiss_kappa                      ≥ 2     no            units rated by every rater
krippendorff_alpha (any distance) ≥ 2     yes           units with ≥ 2 values (pairable)
positive_agreement                ≥ 2     yes           units with ≥ 2 values; binary 0/1
================================  ======  ============  ==================================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

import numpy as np

MISSING = -1

Distance = Callable[[np.ndarray, np.ndarray], np.ndarray]


@dataclass(frozen=True, slots=True)
class Score:
    """A coefficient, or None with the reason it is undefined on this data."""

    value: float | None
    reason: str | None = None

    @classmethod
    def of(cls, value: float) -> Score:
        return cls(float(value), None)

    @classmethod
    def undefined(cls, reason: str) -> Score:
        return cls(None, reason)


NO_PAIRS = "no sentence was decided by two or more of the annotators"


def rater_pairs(raters: int) -> list[tuple[int, int]]:
    """Every pair (i, j) with i < j, in order."""
    return list(combinations(range(raters), 2))


# --------------------------------------------------------------------------- distances


def nominal_distance(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """0 for equal values, 1 for different ones."""
    return (a != b).astype(np.float64)


def popcount(masks: np.ndarray) -> np.ndarray:
    """Number of set bits of each (non-negative) int64."""
    masks = np.asarray(masks, dtype=np.int64)
    if hasattr(np, "bitwise_count"):  # numpy >= 2.0
        return np.bitwise_count(masks).astype(np.int64)
    out = np.zeros(masks.shape, dtype=np.int64)
    work = masks.copy()
    while np.any(work):
        out += work & 1
        work >>= 1
    return out


def masi_distance(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """MASI distance between label sets given as bit masks (Passonneau 2006).

    ``1 - J·M``: J is the Jaccard index |A∩B|/|A∪B|; M (monotonicity) is 1 when the sets are
    equal, 2/3 when one contains the other, 1/3 when they only overlap and 0 when disjoint.
    Equal sets (both empty included) are at distance 0; an empty and a non-empty set at 1.
    (NLTK's ``masi_distance`` rounds M to 0.67/0.33; the exact fractions are used here.)
    """
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    inter = popcount(a & b)
    union = popcount(a | b)
    smaller = np.minimum(popcount(a), popcount(b))
    jaccard = np.divide(inter, union, out=np.ones(inter.shape), where=union > 0)
    monotonicity = np.where(
        a == b, 1.0, np.where(inter == smaller, 2 / 3, np.where(inter > 0, 1 / 3, 0.0))
    )
    return np.where(a == b, 0.0, 1.0 - jaccard * monotonicity)


# --------------------------------------------------------------------------- observed


def observed_agreement(values: np.ndarray) -> Score:
    """Share of agreeing pairs among all pairs of values on the same unit, pooled over units.

    A unit rated by m raters contributes m(m-1)/2 pairs; units with one value contribute none.
    """
    agree = pairs = 0
    for i, j in rater_pairs(values.shape[1]):
        both = (values[:, i] != MISSING) & (values[:, j] != MISSING)
        pairs += int(np.count_nonzero(both))
        agree += int(np.count_nonzero(both & (values[:, i] == values[:, j])))
    if pairs == 0:
        return Score.undefined(NO_PAIRS)
    return Score.of(agree / pairs)


def pair_agreement(a: np.ndarray, b: np.ndarray) -> Score:
    """Share of the units both raters rated on which they gave the same value."""
    both = (a != MISSING) & (b != MISSING)
    n = int(np.count_nonzero(both))
    if n == 0:
        return Score.undefined("no sentence was decided by both annotators")
    return Score.of(np.count_nonzero(a[both] == b[both]) / n)


def mean_pairwise_agreement(values: np.ndarray) -> Score:
    """Observed agreement of each rater pair (on the units both rated), averaged over pairs.

    Pairs that share no unit are left out of the mean.
    """
    scores = [
        pair_agreement(values[:, i], values[:, j]).value for i, j in rater_pairs(values.shape[1])
    ]
    defined = [s for s in scores if s is not None]
    if not defined:
        return Score.undefined(NO_PAIRS)
    return Score.of(float(np.mean(defined)))


# --------------------------------------------------------------------------- kappas


_SMALL = 1 << 20  # values below this are counted with bincount (O(n)) instead of sorted


def _value_counts(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values (ascending) and how often each occurs."""
    if values.size and values.min() >= 0 and values.max() < _SMALL:
        counts = np.bincount(values)
        present = np.flatnonzero(counts)
        return present, counts[present]
    return np.unique(values, return_counts=True)


def _codes(*arrays: np.ndarray) -> tuple[int, list[np.ndarray]]:
    """Map the values of the arrays to 0..K-1 together; return K and the coded arrays."""
    joined = np.concatenate(arrays)
    if joined.size and joined.min() >= 0 and joined.max() < _SMALL:
        seen = np.bincount(joined) > 0
        coded = (np.cumsum(seen) - 1)[joined]
        k = int(np.count_nonzero(seen))
    else:
        uniques, coded = np.unique(joined, return_inverse=True)
        k = len(uniques)
    out, start = [], 0
    for arr in arrays:
        out.append(coded[start : start + len(arr)])
        start += len(arr)
    return k, out


def cohen_kappa(a: np.ndarray, b: np.ndarray) -> Score:
    """Cohen's kappa of two raters on the units both rated (each rater's own marginals)."""
    both = (a != MISSING) & (b != MISSING)
    n = int(np.count_nonzero(both))
    if n == 0:
        return Score.undefined("no sentence was decided by both annotators")
    k, (ca, cb) = _codes(a[both], b[both])
    observed = int(np.count_nonzero(ca == cb))
    # In integers: chance agreement = Σ_c n_a(c)·n_b(c) / n², exactly n² only with one category.
    chance = int(np.dot(np.bincount(ca, minlength=k), np.bincount(cb, minlength=k)))
    if chance == n * n:
        return Score.undefined("both annotators gave the same single value to every sentence")
    return Score.of((observed * n - chance) / (n * n - chance))


def fleiss_kappa(values: np.ndarray) -> Score:
    """Fleiss' kappa over the units rated by every rater (Fleiss 1971: a fixed number of ratings)."""
    raters = values.shape[1]
    if raters < 2:
        return Score.undefined("Fleiss' kappa needs at least two annotators")
    complete = values[np.all(values != MISSING, axis=1)]
    units = len(complete)
    if units == 0:
        return Score.undefined(f"no sentence was decided by all {raters} annotators")
    # Σ_c n_uc² = R + 2·(agreeing pairs on u), so P̄ needs no units × categories table
    agreeing = sum(
        int(np.count_nonzero(complete[:, i] == complete[:, j])) for i, j in rater_pairs(raters)
    )
    p_bar = 2 * agreeing / (units * raters * (raters - 1))
    _, counts = _value_counts(complete.ravel())
    if len(counts) == 1:
        return Score.undefined("every annotator gave the same single value to every sentence")
    shares = counts / (units * raters)
    p_e = float(np.dot(shares, shares))
    return Score.of((p_bar - p_e) / (1 - p_e))


# --------------------------------------------------------------------------- alpha


def krippendorff_alpha(values: np.ndarray, distance: Distance = nominal_distance) -> Score:
    """Krippendorff's alpha with missing data (Krippendorff 2011, "Computing ... Alpha").

    ``alpha = 1 - D_o/D_e`` over the pairable values (units with two or more values):
    ``D_o = 1/n Σ_u Σ_{i≠j} δ(v_ui, v_uj) / (m_u - 1)`` and
    ``D_e = 1/(n(n-1)) Σ_{c,k} n_c n_k δ(c, k)``. ``distance`` is the metric δ, vectorised
    (``nominal_distance``, ``masi_distance`` for label sets).
    """
    present = values != MISSING
    per_unit = present.sum(axis=1)
    pairable = per_unit >= 2
    if not np.any(pairable):
        return Score.undefined(NO_PAIRS)
    vals = values[pairable]
    m = per_unit[pairable]
    disagreement = np.zeros(len(vals))
    for i, j in rater_pairs(values.shape[1]):
        both = (vals[:, i] != MISSING) & (vals[:, j] != MISSING)
        # distances of pairs with a missing value are computed too, then dropped: cheaper than
        # gathering the rated pairs first
        disagreement += np.where(both, distance(vals[:, i], vals[:, j]), 0.0)
    observed = float(np.sum(2 * disagreement / (m - 1)))
    categories, counts = _value_counts(vals[vals != MISSING])
    n = int(counts.sum())
    delta = distance(categories[:, None], categories[None, :])
    expected = float(counts @ delta @ counts)
    if expected == 0:
        return Score.undefined("only one value occurs in the data, so there is no variation")
    return Score.of(1 - (n - 1) * observed / expected)


def positive_agreement(binary: np.ndarray) -> Score:
    """Positive specific agreement on 0/1 data: 2a/(2a+b+c) for two raters.

    For more raters (pooled over pairable units): Σ n1(n1-1) / Σ n1(m-1), where n1 is the number
    of raters giving 1 on the unit and m the number of raters.
    """
    present = binary != MISSING
    m = present.sum(axis=1)
    ones = np.count_nonzero(binary == 1, axis=1)
    pairable = m >= 2
    denominator = int(np.sum((ones * (m - 1))[pairable]))
    if denominator == 0:
        if not np.any(pairable):
            return Score.undefined(NO_PAIRS)
        return Score.undefined("no annotator gave this label on a shared sentence")
    return Score.of(np.sum((ones * (ones - 1))[pairable]) / denominator)
