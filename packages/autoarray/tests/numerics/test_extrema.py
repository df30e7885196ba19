import numpy as np
import pytest

from autoarray.numerics import largest, smallest


@pytest.mark.parametrize("axis", [None, 0, 1])
@pytest.mark.parametrize("keepdims", [False, True])
def test_extrema_equal_numpy_reductions(axis, keepdims):
    values = np.random.default_rng(3).normal(size=(4, 6))
    got = largest(values, axis=axis, keepdims=keepdims)
    assert np.array_equal(got, np.max(values, axis=axis, keepdims=keepdims))
    got = smallest(values, axis=axis, keepdims=keepdims)
    assert np.array_equal(got, np.min(values, axis=axis, keepdims=keepdims))


def test_extrema_of_a_vector_and_at_ties():
    values = np.array([1.0, 3.0, -2.0, 3.0, -2.0])
    assert largest(values) == 3.0 and smallest(values) == -2.0
    assert np.ndim(largest(values)) == 0


def test_extrema_propagate_nan_like_max_and_min():
    values = np.array([[1.0, np.nan, 2.0], [0.5, 0.1, 0.2]])
    assert np.isnan(largest(values))
    assert np.isnan(smallest(values))
    by_row = largest(values, axis=1)
    assert np.isnan(by_row[0]) and by_row[1] == 0.5
