"""KNearestNeighbor mesh: neighbour search, Wendland weights, geometry (NumPy)."""

import numpy as np
import pytest

from autoarray import exc
from autoarray.inversion.mesh import KNearestNeighbor
from autoarray.inversion.mesh.delaunay import triangulation_tables_from
from autoarray.inversion.mesh.knn import nearest_from, wendland_weights_from
from autoarray.inversion.pixelization import Pixelization
from autoarray.inversion.regularization import ConstantSplit


def _vertices(n=30, seed=3):
    return np.random.default_rng(seed).uniform(-1.0, 1.0, size=(n, 2))


def test_nearest_from_matches_brute_force_and_orders_nearest_first():
    vertices = _vertices()
    queries = np.random.default_rng(4).uniform(-1.2, 1.2, size=(50, 2))
    indexes, distances = nearest_from(queries, vertices, 5)
    brute = np.sqrt(((queries[:, None, :] - vertices[None, :, :]) ** 2).sum(-1))
    assert np.array_equal(indexes, np.argsort(brute, axis=1)[:, :5])
    assert distances == pytest.approx(np.sort(brute, axis=1)[:, :5], abs=1e-7)
    assert np.all(np.diff(distances, axis=1) >= 0.0)


def test_nearest_from_breaks_ties_towards_the_lower_index():
    vertices = np.array([[0.0, 1.0], [1.0, 0.0], [0.0, -1.0], [-1.0, 0.0], [3.0, 3.0]])
    indexes, _ = nearest_from(np.zeros((1, 2)), vertices, 3)
    assert indexes.tolist() == [[0, 1, 2]]


def test_wendland_weights_by_hand():
    distances = np.array([[0.5, 1.0, 2.0]])
    weights = wendland_weights_from(distances, radius_scale=1.5)
    h = 3.0
    s = distances[0] / (h + 1e-10)
    w = (1 - s) ** 6 * (35 * s**2 + 18 * s + 3)
    assert weights[0] == pytest.approx(w / (w.sum() + 1e-10), rel=1e-12)
    # radius_scale < 1 puts the farthest neighbours outside the support: weight exactly 0.
    weights = wendland_weights_from(distances, radius_scale=0.9)
    assert weights[0, 2] == 0.0 and weights[0, :2].sum() == pytest.approx(1.0)


def test_interpolation_rows_sum_to_one_with_k_mappings():
    mesh = KNearestNeighbor(pixels=30, k_neighbors=6)
    points = np.random.default_rng(5).uniform(-0.8, 0.8, size=(40, 2))
    mappings, weights, geometry = mesh.interpolation_and_geometry_from(points, _vertices())
    assert mappings.shape == weights.shape == (40, 6)
    assert weights.sum(axis=1) == pytest.approx(np.ones(40), abs=1e-9)
    assert geometry.pixels == 30


def test_k_is_clamped_to_the_number_of_vertices():
    mesh = KNearestNeighbor(pixels=4, k_neighbors=10)
    mappings, weights, _ = mesh.interpolation_and_geometry_from(np.zeros((3, 2)), _vertices(4))
    assert mappings.shape == (3, 4)


def test_geometry_adjacency_is_the_delaunay_edge_graph():
    vertices = _vertices()
    _, _, geometry = KNearestNeighbor(pixels=30).interpolation_and_geometry_from(
        np.zeros((2, 2)), vertices
    )
    expected = triangulation_tables_from(vertices[:1], vertices)[2]
    assert np.array_equal(geometry.adjacency, expected)
    assert np.array_equal(geometry.adjacency, geometry.adjacency.T)


def test_split_stencils_are_identity_minus_kernel_weights_at_the_crosses():
    vertices = _vertices()
    mesh = KNearestNeighbor(pixels=30, k_neighbors=8, split_neighbor_division=2)
    stencil = mesh.split_matrix_from(vertices)
    assert stencil.shape == (120, 30)
    # Each row: +1 on its own vertex, minus weights summing to (almost) one.
    assert stencil.sum(axis=1) == pytest.approx(np.zeros(120), abs=1e-9)
    # The cross of vertex 0 is at half the distance to its 4th-nearest other vertex.
    _, own = nearest_from(vertices, vertices, 8)
    delta = 0.5 * own[0, 1 + 3]
    cross = vertices[0] + np.array([[delta, 0], [-delta, 0], [0, delta], [0, -delta]])
    mappings, weights = mesh.weights_from(cross, vertices)
    row = np.zeros((4, 30))
    row[:, 0] = 1.0
    for k in range(4):
        np.subtract.at(row[k], mappings[k], weights[k])
    assert stencil[:4] == pytest.approx(row, abs=1e-12)


def test_areas_factor_is_ignored_as_in_the_release():
    vertices = _vertices()
    a = KNearestNeighbor(pixels=30, areas_factor=0.5).split_matrix_from(vertices)
    b = KNearestNeighbor(pixels=30, areas_factor=3.0).split_matrix_from(vertices)
    assert np.array_equal(a, b)


def test_knn_counts_zero_weight_mappings_and_takes_split_regularizations():
    mesh = KNearestNeighbor(pixels=30)
    assert mesh.exclude_zero_weight_mappings is False
    assert mesh.requires_image_mesh
    Pixelization(mesh=mesh, regularization=ConstantSplit(coefficient=1.0))


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(k_neighbors=0), "k_neighbors"),
        (dict(radius_scale=0.0), "radius_scale"),
        (dict(split_neighbor_division=0), "split_neighbor_division"),
    ],
)
def test_bad_parameters_raise(kwargs, match):
    with pytest.raises(exc.MeshException, match=match):
        KNearestNeighbor(pixels=10, **kwargs)


def test_too_few_vertices_raise():
    with pytest.raises(exc.MeshException, match="at least 3 vertices"):
        KNearestNeighbor(pixels=2).interpolation_and_geometry_from(np.zeros((1, 2)), _vertices(2))
