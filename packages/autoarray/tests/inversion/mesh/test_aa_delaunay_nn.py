"""DelaunayNN mesh: Sibson natural-neighbour weights (NumPy)."""

import numpy as np
import pytest
from scipy.spatial import Delaunay as ScipyDelaunay

from autoarray.inversion.mesh import DelaunayNN
from autoarray.inversion.mesh.delaunay_nn import circumcircles_from
from autoarray.inversion.pixelization import Pixelization
from autoarray.inversion.regularization import ConstantSplit


def _mesh_points(n=40, seed=0):
    return np.random.default_rng(seed).uniform(-1, 1, size=(n, 2))


def test_circumcircle_of_a_right_triangle():
    centre, r2, valid = circumcircles_from(
        np.array([0.0, 0.0]), np.array([2.0, 0.0]), np.array([0.0, 2.0])
    )
    assert centre == pytest.approx([1.0, 1.0]) and r2 == pytest.approx(2.0) and valid
    _, _, valid = circumcircles_from(np.zeros(2), np.ones(2), 2.0 * np.ones(2))
    assert not valid  # collinear


def test_weights_sum_to_one_and_reproduce_linear_functions_inside_the_hull():
    vertices = _mesh_points()
    queries = np.random.default_rng(1).uniform(-0.9, 0.9, size=(300, 2))
    inside = ScipyDelaunay(vertices).find_simplex(queries) >= 0
    mappings, weights, _ = DelaunayNN(pixels=40).interpolation_and_geometry_from(queries, vertices)
    assert weights.sum(axis=1) == pytest.approx(np.ones(300), abs=1e-12)
    assert np.all(weights >= 0.0)
    reproduced = (weights[:, :, None] * vertices[mappings]).sum(axis=1)
    assert reproduced[inside] == pytest.approx(queries[inside], abs=1e-12)


def test_a_point_at_the_centre_of_a_square_shares_it_equally():
    vertices = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [3.0, 3.0]])
    query = np.array([[0.5, 0.4]])
    mappings, weights = DelaunayNN(pixels=5).weights_from(query, vertices)
    by_vertex = np.zeros(5)
    np.add.at(by_vertex, mappings[0], weights[0])
    # The query is on the square's mirror line (first coordinate 0.5): mirrored corners match.
    assert by_vertex[0] == pytest.approx(by_vertex[1]) and by_vertex[2] == pytest.approx(
        by_vertex[3]
    )
    assert by_vertex[0] > by_vertex[2]  # nearer the corners whose second coordinate is 0
    assert by_vertex.sum() == pytest.approx(1.0)


def test_outside_the_hull_the_nearest_vertex_takes_everything():
    vertices = _mesh_points()
    mappings, weights = DelaunayNN(pixels=40).weights_from(np.array([[5.0, 5.0]]), vertices)
    nearest = np.argmin(np.linalg.norm(vertices - [5.0, 5.0], axis=1))
    assert mappings[0, 0] == nearest and weights[0, 0] == 1.0 and weights[0, 1:].sum() == 0.0


def test_a_point_on_a_vertex_maps_to_it():
    vertices = _mesh_points()
    mappings, weights = DelaunayNN(pixels=40).weights_from(vertices[7:8], vertices)
    assert mappings[0, 0] == 7 and weights[0, 0] == 1.0


def test_sibson_weights_are_continuous_where_barycentric_ones_flip():
    # Four nearly cocircular points: the diagonal flips, Sibson weights barely move.
    base = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [5, 5], [-5, 5], [0, -5]])
    query = np.array([[0.3, 0.45]])
    weights = []
    for shift in (-1e-7, 1e-7):
        vertices = base.copy()
        vertices[2, 0] += shift
        m, w = DelaunayNN(pixels=7).weights_from(query, vertices)
        dense = np.zeros(7)
        np.add.at(dense, m[0], w[0])
        weights.append(dense)
    assert np.abs(weights[0] - weights[1]).max() < 1e-5


def test_split_stencils_and_pixelization():
    vertices = _mesh_points()
    mesh = DelaunayNN(pixels=40)
    _, _, geometry = mesh.interpolation_and_geometry_from(np.zeros((1, 2)), vertices)
    stencil = geometry.split_matrix
    assert stencil.shape == (160, 40)
    finite = np.isfinite(stencil).all(axis=1)
    assert stencil[finite].sum(axis=1) == pytest.approx(np.zeros(finite.sum()), abs=1e-9)
    assert mesh.exclude_zero_weight_mappings
    Pixelization(mesh=mesh, regularization=ConstantSplit(coefficient=1.0))
