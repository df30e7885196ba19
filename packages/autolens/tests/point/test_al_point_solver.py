import numpy as np
import pytest

import autolens as al
from autolens.point import polish


def _sie_tracer():
    lens = al.Galaxy(
        redshift=0.5,
        mass=al.mp.Isothermal(centre=(0.0, 0.0), ell_comps=(0.1, 0.05), einstein_radius=1.2),
    )
    return al.Tracer([lens, al.Galaxy(redshift=2.0)])


def test_for_grid_limits_and_steps(solver_100):
    assert solver_100.y_min == pytest.approx(-2.475)
    assert solver_100.x_max == pytest.approx(2.475)
    assert solver_100.scale == pytest.approx(0.05)
    assert solver_100.n_steps == 6


def test_sis_two_exact_images(solver_100, p1_tracer):
    tracer = p1_tracer(al.ps.Point((0.1, 0.0)))
    info = solver_100.solve_numpy_with_info(tracer, (0.1, 0.0))
    order = np.argsort(info["positions"][:, 0])
    np.testing.assert_allclose(info["positions"][order], [[-0.9, 0.0], [1.1, 0.0]], atol=1e-10)
    assert np.all(info["residuals"] < 1e-8)
    np.testing.assert_allclose(info["magnifications"][order], [-9.0, 11.0], rtol=1e-6)
    # The singular centre's triangle is dropped (no convergence there).
    assert solver_100.solve(tracer, (0.1, 0.0)).array.shape == (2, 2)


def test_sie_quad_matches_reference_within_precision(solver_100):
    tracer = _sie_tracer()
    positions = solver_100.solve(tracer, (0.02, 0.04)).array
    reference = np.array(
        [
            (-0.8515625, 0.904816125),
            (-0.56171875, -0.9449600109),
            (0.65234375, 0.9927718301),
            (1.18671875, -0.3387422283),
        ]
    )
    assert positions.shape == (4, 2)
    for ref in reference:
        assert (
            np.min(np.linalg.norm(positions - ref, axis=1)) < 2 * solver_100.pixel_scale_precision
        )
    traced = polish.source_plane_points_from(tracer, positions, 1)
    assert np.max(np.abs(traced - np.array([0.02, 0.04]))) < 1e-8


def test_source_outside_caustics_gives_one_image(solver_100):
    tracer = _sie_tracer()
    positions = solver_100.solve(tracer, (1.5, 1.5)).array
    assert positions.shape[0] == 1


def test_no_image_returns_empty_with_warning(p1_tracer):
    solver = al.PointSolver.for_limits_and_scale(
        -1.0, 1.0, -1.0, 1.0, scale=0.1, pixel_scale_precision=0.01
    )
    tracer = p1_tracer(al.ps.Point((5.0, 5.0)))
    with pytest.warns(UserWarning, match="no image"):
        positions = solver.solve(tracer, (5.0, 5.0))
    assert positions.array.shape == (0, 2)


def test_magnification_threshold_drops_faint_images(p1_tracer):
    grid = al.Grid2D.uniform(shape_native=(100, 100), pixel_scales=0.05)
    tracer = p1_tracer(al.ps.Point((0.1, 0.0)))
    solver = al.PointSolver.for_grid(grid, pixel_scale_precision=0.001, magnification_threshold=9.5)
    positions = solver.solve(tracer, (0.1, 0.0)).array
    np.testing.assert_allclose(positions, [[1.1, 0.0]], atol=1e-10)


def test_padded_output_shape_and_mask(solver_100):
    positions, mask = solver_100.solve_padded(_sie_tracer(), (0.02, 0.04))
    assert positions.shape == (solver_100.max_images, 2)
    assert mask.sum() == 4 and np.all(mask[:4])
    assert np.all(np.isfinite(positions))


def test_multi_plane_plane_redshift():
    lens = al.Galaxy(redshift=0.5, mass=al.mp.IsothermalSph(centre=(0.0, 0.0), einstein_radius=1.0))
    middle = al.Galaxy(redshift=1.0, point_0=al.ps.Point((0.1, 0.0)))
    tracer = al.Tracer([lens, middle, al.Galaxy(redshift=2.0)])
    solver = al.PointSolver.for_limits_and_scale(
        -2.0, 2.0, -2.0, 2.0, scale=0.1, pixel_scale_precision=0.002
    )
    positions = solver.solve(tracer, (0.1, 0.0), plane_redshift=1.0).array
    traced = polish.source_plane_points_from(tracer, positions, 1)
    assert positions.shape[0] == 2
    assert np.max(np.abs(traced - np.array([0.1, 0.0]))) < 1e-8
    with pytest.raises(al.exc.PointSolverException, match="No plane"):
        solver.solve(tracer, (0.1, 0.0), plane_redshift=0.7)


def test_bad_configuration_and_input_raise():
    with pytest.raises(al.exc.PointSolverException, match="smaller than the scale"):
        al.PointSolver.for_limits_and_scale(scale=0.01, pixel_scale_precision=0.1)
    solver = al.PointSolver.for_limits_and_scale(scale=0.1, pixel_scale_precision=0.01)
    with pytest.raises(al.exc.PointSolverException, match="finite"):
        solver.solve(_sie_tracer(), (np.nan, 0.0))
