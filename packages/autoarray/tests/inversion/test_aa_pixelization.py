"""Meshes, regularizations, mapping matrices, border relocation and edge zeroing (NumPy)."""

from __future__ import annotations

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc
from autoarray.inversion import border_relocator
from autoarray.inversion.inversion import Inversion
from autoarray.inversion.mapper import mapping_matrix_from, pixel_signals_from
from autoarray.inversion.mesh import RectangularUniform
from autoarray.inversion.pixelization import Pixelization
from autoarray.inversion.regularization import Adapt, Constant, ConstantZeroth, Zeroth


def test_rectangular_neighbours_and_edge_pixels():
    mesh = RectangularUniform((3, 3))
    assert mesh.neighbors == [
        [1, 3],
        [0, 2, 4],
        [1, 5],
        [0, 4, 6],
        [1, 3, 5, 7],
        [2, 4, 8],
        [3, 7],
        [4, 6, 8],
        [5, 7],
    ]
    np.testing.assert_array_equal(mesh.zeroed_pixels, [0, 1, 2, 3, 5, 6, 7, 8])
    np.testing.assert_array_equal(
        RectangularUniform((3, 4)).zeroed_pixels, [0, 1, 2, 3, 4, 7, 8, 9, 10, 11]
    )


def test_rectangular_mesh_must_be_at_least_three_by_three():
    with pytest.raises(exc.MeshException):
        RectangularUniform((2, 5))


def test_constant_regularization_matches_hand_built_laplacian():
    # C1: Constant(2) on 3x3: 4 (D - A) + 1e-8 I.
    H = Constant(2.0).regularization_matrix_from(RectangularUniform((3, 3)))
    degree = np.array([2, 3, 2, 3, 4, 3, 2, 3, 2], dtype=float)
    expected = -4.0 * np.zeros((9, 9))
    pairs = [
        (0, 1),
        (0, 3),
        (1, 2),
        (1, 4),
        (2, 5),
        (3, 4),
        (3, 6),
        (4, 5),
        (4, 7),
        (5, 8),
        (6, 7),
        (7, 8),
    ]
    for i, j in pairs:
        expected[i, j] = expected[j, i] = -4.0
    expected += np.diag(4.0 * degree + 1e-8)
    np.testing.assert_allclose(H, expected, rtol=0, atol=1e-15)


def test_zeroth_and_constant_zeroth():
    mesh = RectangularUniform((3, 3))
    np.testing.assert_array_equal(Zeroth(3.0).regularization_matrix_from(mesh), 9.0 * np.eye(9))
    H = ConstantZeroth(2.0, 3.0).regularization_matrix_from(mesh)
    np.testing.assert_allclose(H, Constant(2.0).regularization_matrix_from(mesh) + 9 * np.eye(9))


def test_adapt_regularization_reference_values():
    # C3: inner 1, outer 2, pixel signals i/8.
    H = Adapt(1.0, 2.0, 1.0).regularization_matrix_from(
        RectangularUniform((3, 3)), pixel_signals=np.arange(9) / 8.0
    )
    assert H[0, 0] == pytest.approx(51.33252, abs=1e-5)
    assert H[0, 1] == pytest.approx(-28.359619, abs=1e-6)
    assert H[0, 3] == pytest.approx(-22.9729, abs=1e-4)
    assert H[4, 4] == pytest.approx(44.758789, abs=1e-6)
    assert H[8, 8] == pytest.approx(7.17627, abs=1e-5)
    with pytest.raises(exc.RegularizationException):
        Adapt().regularization_matrix_from(RectangularUniform((3, 3)))


def test_rectangular_uniform_extrapolation_reference_values():
    # C2: 3x3 unmasked mask, pixel scale 1, over-sampling 1.
    mask = aa.Mask2D.all_false((3, 3), pixel_scales=1.0)
    points = np.asarray(aa.Grid2D.from_mask(mask, over_sample_size=1).array)
    mesh = RectangularUniform((3, 3))
    mappings, weights = mesh.interpolation_from(points)
    M = mapping_matrix_from(mappings, weights, np.arange(9), np.ones(9), 9, 9)
    np.testing.assert_allclose(
        M[0, [0, 1, 3, 4]], [2.24999996, -0.74999997, -0.74999997, 0.24999999], atol=1e-8
    )
    np.testing.assert_allclose(M[1, [1, 4]], [1.49999999, -0.49999999], atol=1e-8)
    np.testing.assert_allclose(M[4], np.eye(9)[4], atol=1e-12)
    np.testing.assert_allclose(M.sum(axis=1), 1.0, atol=1e-12)


def test_mapping_matrix_rows_sum_to_one_with_over_sampling():
    mask = aa.Mask2D.circular((12, 12), pixel_scales=0.3, radius=1.5)
    grid = aa.Grid2D.from_mask(mask, over_sample_size=3)
    sub = np.asarray(grid.over_sampled.array) * 1.3 + 0.1
    mesh = RectangularUniform((5, 6))
    mappings, weights = mesh.interpolation_from(sub)
    sampler = grid.over_sampler
    M = mapping_matrix_from(
        mappings,
        weights,
        sampler.slim_for_sub_slim,
        sampler.sub_fraction,
        mask.pixels_in_mask,
        mesh.pixels,
    )
    np.testing.assert_allclose(M.sum(axis=1), 1.0, atol=1e-12)
    # A point at a mesh centre maps to that pixel only.
    centres = mesh.mesh_grid_from(sub)
    m, w = mesh.interpolation_from(np.vstack([sub, centres[8:9]]))
    row = np.zeros(mesh.pixels)
    np.add.at(row, m[-1], w[-1])
    np.testing.assert_allclose(row, np.eye(mesh.pixels)[8], atol=1e-9)


def test_pixel_signals_are_max_normalised_mapping_averages():
    mappings = np.array([[0, 1], [1, 2]])
    weights = np.array([[1.0, 0.0], [0.5, 0.5]])
    signals = pixel_signals_from(mappings, weights, np.array([0, 1]), np.array([2.0, 4.0]), 3, 1.0)
    # raw: p0 = 2/1, p1 = (0 + 2)/2 = 1, p2 = 2/1 -> / max 2
    np.testing.assert_allclose(signals, [1.0, 0.5, 1.0])
    with pytest.raises(exc.InversionException):
        pixel_signals_from(mappings, weights, np.array([0, 1]), np.ones(5), 3, 1.0)


def test_border_pixels_of_a_square_and_an_annulus():
    mask = aa.Mask2D.all_false((4, 4), pixel_scales=1.0)
    np.testing.assert_array_equal(
        border_relocator.border_slim_indexes_from(mask), [0, 1, 2, 3, 4, 7, 8, 11, 12, 13, 14, 15]
    )
    annulus = np.ones((5, 5), dtype=bool)
    annulus[1:4, 1:4] = False
    annulus[2, 2] = True  # the inner hole's edge is not a border
    border = border_relocator.border_slim_indexes_from(annulus)
    assert len(border) == 8


def test_border_relocation_moves_outside_points_onto_the_ellipse_only():
    theta = np.linspace(0, 2 * np.pi, 40, endpoint=False)
    border = np.stack([1.0 * np.sin(theta), 2.0 * np.cos(theta)], axis=1) + [0.5, -0.2]
    points = np.array([[0.5, -0.2 + 4.0], [0.5 + 3.0, -0.2], [0.6, -0.1]])
    moved = border_relocator.relocated_points_from(points, border)
    np.testing.assert_allclose(moved[0], [0.5, -0.2 + 2.0], atol=1e-9)
    np.testing.assert_allclose(moved[1], [0.5 + 1.0, -0.2], atol=1e-9)
    np.testing.assert_array_equal(moved[2], points[2])


def test_inversion_edge_zeroing_and_mapper_block_log_dets():
    rng = np.random.default_rng(3)
    B = np.abs(rng.normal(size=(30, 4)))
    d = B @ np.array([1.0, 2.0, 0.5, 3.0]) + 0.01 * rng.normal(size=30)
    H = np.zeros((4, 4))
    H[1:, 1:] = Constant(1.0).regularization_matrix_from(RectangularUniform((3, 3)))[:3, :3]
    inv = Inversion(
        B,
        d,
        np.ones(30),
        regularization_matrix=H,
        regularized=[False, True, True, True],
        zeroed_indices=[3],
        log_det_indices=[1, 2, 3],
    )
    assert inv.reconstruction[3] == 0.0
    F = B.T @ B + np.diag([1e-3, 0, 0, 0])
    block = (F + H)[1:, 1:]
    assert inv.log_det_curvature_reg_matrix_term == pytest.approx(np.linalg.slogdet(block)[1])
    assert inv.log_det_regularization_matrix_term == pytest.approx(np.linalg.slogdet(H[1:, 1:])[1])
    s = inv.reconstruction
    assert inv.regularization_term == pytest.approx(s @ H @ s)
    unzeroed = Inversion(
        B,
        d,
        np.ones(30),
        regularization_matrix=H,
        regularized=[False, True, True, True],
        zeroed_indices=[3],
        positive_only=False,
    )
    assert unzeroed.reconstruction[3] != 0.0  # zeroing is a positive-only-solver feature


def test_pixelization_rejects_non_mesh_and_non_regularization():
    with pytest.raises(exc.PixelizationException):
        Pixelization(mesh=(20, 20))
    with pytest.raises(exc.PixelizationException):
        Pixelization(mesh=RectangularUniform((4, 4)), regularization=1.0)


def test_adaptive_rectangular_meshes_reference_mappings():
    # C4: 5x5 unmasked mask, p=0.5, traced (y + 0.1y², x − 0.05xy), adapt image exp(−r²).
    from autoarray.inversion.mesh import RectangularAdaptDensity, RectangularAdaptImage

    mask = aa.Mask2D.all_false((5, 5), pixel_scales=0.5)
    grid = np.asarray(aa.Grid2D.from_mask(mask, over_sample_size=1).array)
    y, x = grid[:, 0], grid[:, 1]
    traced = np.stack([y + 0.1 * y**2, x - 0.05 * x * y], axis=1)
    adapt = np.exp(-(y**2 + x**2))
    m, w = RectangularAdaptDensity((5, 5)).interpolation_from(traced, pixel_centres=traced)
    np.testing.assert_array_equal(m[0], [6, 7, 11, 12])
    np.testing.assert_allclose(w[0], [0, 0, 0.92440727, 0.07559273], atol=1e-8)
    np.testing.assert_array_equal(m[12], [17, 18, 22, 23])
    np.testing.assert_allclose(w[12], [0.96221474, 0, 0.03778526, 0], atol=1e-8)
    mesh = RectangularAdaptImage((5, 5), weight_power=1.0)
    m, w = mesh.interpolation_from(traced, pixel_centres=traced, adapt_data=adapt)
    np.testing.assert_allclose(w[0], [0, 0, 0.944974, 0.055026], atol=1e-6)
    with pytest.raises(exc.MeshException):
        mesh.interpolation_from(traced, pixel_centres=traced)
    with pytest.raises(exc.MeshException):
        RectangularAdaptDensity((5, 6))


def test_kernel_regularizations_against_hand_built_inverses():
    from autoarray.inversion.regularization import ExponentialKernel, GaussianKernel, MaternKernel

    mesh = RectangularUniform((3, 3))
    points = np.array([[y, x] for y in (1.0, 0.0, -1.0) for x in (-1.0, 0.0, 1.0)])
    d = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(-1))
    C = np.exp(-d / 0.7) + 1e-8 * np.eye(9)
    H = ExponentialKernel(2.0, 0.7).regularization_matrix_from(mesh, mesh_grid=points)
    np.testing.assert_allclose(H, 2.0 * np.linalg.inv(C), rtol=1e-6)
    H = MaternKernel(2.0, 0.7, nu=0.5).regularization_matrix_from(mesh, mesh_grid=points)
    np.testing.assert_allclose(H, 2.0 * np.linalg.inv(C), rtol=1e-6)
    z = np.sqrt(3.0) * np.maximum(d, 1e-8) / 0.7
    C15 = (1 + z) * np.exp(-z) + 1e-8 * np.eye(9)
    H = MaternKernel(2.0, 0.7, nu=1.5).regularization_matrix_from(mesh, mesh_grid=points)
    np.testing.assert_allclose(H, 2.0 * np.linalg.inv(C15), rtol=1e-6)
    # A general nu through the Bessel function agrees with the closed form at nu = 1.5.
    general = MaternKernel(2.0, 0.7, nu=1.5 + 1e-12).regularization_matrix_from(
        mesh, mesh_grid=points
    )
    np.testing.assert_allclose(general, H, rtol=1e-6)
    G = np.exp(-(d**2) / (2 * 0.7**2)) + 1e-8 * np.eye(9)
    expected = 2.0 * np.linalg.inv(G)
    expected = 0.5 * (expected + expected.T)
    expected += 1e-8 * abs(np.mean(np.diag(expected))) * np.eye(9)
    H = GaussianKernel(2.0, 0.7).regularization_matrix_from(mesh, mesh_grid=points)
    np.testing.assert_allclose(H, expected, rtol=1e-5)
    with pytest.raises(exc.RegularizationException):
        GaussianKernel().regularization_matrix_from(mesh)


def test_bilinear_adaptive_meshes_reference_mappings():
    # C4 (rank CDF): BilinearAdaptDensity sub-pixels 0 and 12, BilinearAdaptImage sub-pixel 12.
    from autoarray.inversion.mesh import (
        RectangularBilinearAdaptDensity,
        RectangularBilinearAdaptImage,
    )

    mask = aa.Mask2D.all_false((5, 5), pixel_scales=0.5)
    grid = np.asarray(aa.Grid2D.from_mask(mask, over_sample_size=1).array)
    y, x = grid[:, 0], grid[:, 1]
    traced = np.stack([y + 0.1 * y**2, x - 0.05 * x * y], axis=1)
    m, w = RectangularBilinearAdaptDensity((5, 5)).interpolation_from(traced, pixel_centres=traced)
    np.testing.assert_array_equal(m[0], [11, 12, 16, 17])
    np.testing.assert_allclose(w[0], [0.56804734, 0.35502959, 0.04733728, 0.0295858], atol=1e-8)
    np.testing.assert_allclose(w[12], [0.13017751, 0.02366864, 0.71597633, 0.13017751], atol=1e-8)
    mesh = RectangularBilinearAdaptImage((5, 5), weight_power=1.0)
    m, w = mesh.interpolation_from(traced, pixel_centres=traced, adapt_data=np.exp(-(y**2 + x**2)))
    np.testing.assert_array_equal(m[12], [12, 13, 17, 18])
    np.testing.assert_allclose(w[12], [0.21144323, 0.09219799, 0.48491554, 0.21144323], atol=1e-8)


def test_split_regularizations_on_a_delaunay_mesh():
    from autoarray.inversion.mesh import Delaunay
    from autoarray.inversion.regularization import AdaptSplit, ConstantSplit

    rng = np.random.default_rng(4)
    vertices = rng.uniform(-1, 1, size=(12, 2))
    points = rng.uniform(-1.2, 1.2, size=(50, 2))
    _, weights, geometry = Delaunay(pixels=12).interpolation_and_geometry_from(points, vertices)
    np.testing.assert_allclose(weights.sum(axis=1), 1.0, atol=1e-12)
    stencil = geometry.split_matrix
    assert stencil.shape == (48, 12)
    # Every stencil is e_i minus weights summing to one, so constants are in its null space.
    np.testing.assert_allclose(stencil.sum(axis=1), 0.0, atol=1e-12)
    H = ConstantSplit(2.0).regularization_matrix_from(geometry)
    np.testing.assert_allclose(H, 4.0 * stencil.T @ stencil + 1e-8 * np.eye(12), atol=1e-12)
    np.testing.assert_allclose(H @ np.ones(12), 1e-8, atol=1e-12)
    signals = np.linspace(0, 1, 12)
    H = AdaptSplit(1.0, 2.0).regularization_matrix_from(geometry, pixel_signals=signals)
    rho = ((1.0 * signals + 2.0 * (1 - signals)) ** 2) ** 2
    expected = stencil.T @ (np.repeat(rho, 4)[:, None] * stencil) + 1e-8 * np.eye(12)
    np.testing.assert_allclose(H, expected, atol=1e-10)
    with pytest.raises(exc.PixelizationException):
        Pixelization(mesh=RectangularUniform((4, 4)), regularization=ConstantSplit())
