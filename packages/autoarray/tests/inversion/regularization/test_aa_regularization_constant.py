import numpy as np

from autoarray.inversion.mesh import RectangularUniform
from autoarray.inversion.regularization import Constant
from autoarray.inversion.regularization.constant import REGULARIZATION_JITTER, laplacian_from


def test_laplacian_of_a_static_adjacency_is_cached_and_read_only():
    adjacency = RectangularUniform((4, 5)).adjacency
    first = laplacian_from(adjacency)
    assert laplacian_from(adjacency) is first
    assert not first.flags.writeable
    np.testing.assert_array_equal(first, np.diag(adjacency.sum(axis=1)) - adjacency)


def test_laplacian_of_a_writable_adjacency_is_recomputed():
    adjacency = np.array(RectangularUniform((3, 3)).adjacency)
    first = laplacian_from(adjacency)
    adjacency[0, 1] = adjacency[1, 0] = 0.0
    second = laplacian_from(adjacency)
    assert second is not first
    assert second[0, 0] == first[0, 0] - 1.0


def test_constant_matrix_is_c2_laplacian_plus_jitter_and_leaves_the_cache_intact():
    mesh = RectangularUniform((3, 4))
    laplacian = np.diag(mesh.adjacency.sum(axis=1)) - mesh.adjacency
    expected = 2.5**2 * laplacian + REGULARIZATION_JITTER * np.eye(12)
    for _ in range(2):  # the second call must not see the first call's in-place jitter
        np.testing.assert_array_equal(Constant(2.5).regularization_matrix_from(mesh), expected)
    np.testing.assert_array_equal(laplacian_from(mesh.adjacency), laplacian)
