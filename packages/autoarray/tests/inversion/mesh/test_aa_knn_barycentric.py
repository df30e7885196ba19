"""KNNBarycentric mesh: clipped barycentric weights on the 3 nearest vertices (NumPy)."""

import numpy as np
import pytest

from autoarray.inversion.mesh import KNNBarycentric
from autoarray.inversion.mesh.knn_barycentric import clipped_barycentric_weights_from

TRIANGLE = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0]])


def test_inside_the_triangle_the_weights_are_barycentric():
    query = np.array([[0.2, 0.3]])
    weights = clipped_barycentric_weights_from(query, TRIANGLE, np.array([[0, 1, 2]]))
    assert weights[0] == pytest.approx([0.5, 0.2, 0.3])
    assert weights[0] @ TRIANGLE[:3] == pytest.approx(query[0])


def test_outside_the_triangle_negative_coordinates_are_clipped_and_renormalised():
    weights = clipped_barycentric_weights_from(
        np.array([[1.0, 1.0]]), TRIANGLE, np.array([[0, 1, 2]])
    )
    # Coordinates (-1, 1, 1) -> (0, 1, 1) / 2.
    assert weights[0] == pytest.approx([0.0, 0.5, 0.5])


def test_a_degenerate_triangle_gives_the_nearest_vertex_everything():
    line = np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]])
    weights = clipped_barycentric_weights_from(np.array([[0.1, 0.5]]), line, np.array([[0, 1, 2]]))
    assert weights[0].tolist() == [1.0, 0.0, 0.0]


def test_mesh_uses_the_three_nearest_vertices_and_rows_sum_to_one():
    vertices = np.random.default_rng(7).uniform(-1, 1, size=(25, 2))
    points = np.random.default_rng(8).uniform(-0.9, 0.9, size=(30, 2))
    mesh = KNNBarycentric(pixels=25)
    mappings, weights, _ = mesh.interpolation_and_geometry_from(points, vertices)
    assert mappings.shape == (30, 3)
    assert weights.sum(axis=1) == pytest.approx(np.ones(30))
    distances = np.linalg.norm(points[:, None] - vertices[None], axis=-1)
    assert np.array_equal(mappings, np.argsort(distances, axis=1)[:, :3])
    assert mesh.split_matrix_from(vertices).sum(axis=1) == pytest.approx(np.zeros(100), abs=1e-9)
