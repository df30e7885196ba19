"""VectorYX2DIrregular: (y, x) vectors at irregular positions."""

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc


def test_components_and_magnitudes():
    grid = aa.Grid2DIrregular([(0.0, 0.0), (1.0, 1.0)])
    vectors = aa.VectorYX2DIrregular([[3.0, 4.0], [0.0, 2.0]], grid=grid)
    assert vectors.grid is grid
    assert vectors.slim is vectors and vectors.native is vectors
    assert type(vectors.y) is aa.ArrayIrregular
    np.testing.assert_array_equal(vectors.y.array, [3.0, 0.0])
    np.testing.assert_array_equal(vectors.x.array, [4.0, 2.0])
    magnitudes = vectors.magnitudes
    assert type(magnitudes) is aa.ArrayIrregular
    np.testing.assert_allclose(magnitudes.array, [5.0, 2.0])
    assert vectors.average_magnitude == pytest.approx(3.5)
    assert type(vectors * 2.0) is aa.VectorYX2DIrregular


def test_average_phi():
    vectors = aa.VectorYX2DIrregular([[1.0, 0.0], [1.0, 0.0]], grid=None)
    assert vectors.average_phi == pytest.approx(45.0)


def test_vectors_within_radius():
    grid = aa.Grid2DIrregular([(0.0, 0.0), (0.0, 2.0), (3.0, 0.0)])
    vectors = aa.VectorYX2DIrregular([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]], grid=grid)
    inside = vectors.vectors_within_radius(2.5)
    np.testing.assert_array_equal(inside.array, [[1.0, 1.0], [2.0, 2.0]])
    np.testing.assert_array_equal(inside.grid.array, [[0.0, 0.0], [0.0, 2.0]])
    with pytest.raises(exc.ArrayException):
        vectors.vectors_within_radius(0.5, centre=(10.0, 10.0))


@pytest.mark.parametrize("values", [[1.0, 2.0], np.zeros((2, 3))])
def test_wrong_shapes_raise(values):
    with pytest.raises(exc.ArrayException):
        aa.VectorYX2DIrregular(values)
