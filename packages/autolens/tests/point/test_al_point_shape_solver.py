"""``ShapeSolver``: image-plane area of extended source-plane shapes (finite-source
magnification), checked against a singular isothermal sphere's analytic magnifications
(``μ± = 1 ± θ_E/β``, total ``2θ_E/β`` for ``β < θ_E``) and a brute-force area count."""

import numpy as np
import pytest

import autolens as al
from autolens import exc
from autolens.point.shapes import _inside_triangle


@pytest.fixture(name="sis", scope="module")
def make_sis():
    lens = al.Galaxy(redshift=0.5, mass=al.mp.IsothermalSph(centre=(0.0, 0.0), einstein_radius=1.0))
    return al.Tracer([lens, al.Galaxy(redshift=1.0)])


@pytest.fixture(name="solver", scope="module")
def make_solver():
    return al.ShapeSolver.for_limits_and_scale(
        -2.0, 2.0, -2.0, 2.0, scale=0.1, pixel_scale_precision=0.005
    )


def test_small_circle_gives_the_point_magnification(sis, solver):
    total = solver.find_magnification(sis, al.Circle(0.3, 0.0, 0.05))
    assert total == pytest.approx(2.0 / 0.3, rel=0.02)
    images = solver.find_magnification(sis, al.Circle(0.3, 0.0, 0.05), per_image=True)
    assert len(images) == 2  # the singular centre's spurious sliver is below the threshold
    assert images[0] == pytest.approx(1.0 + 1.0 / 0.3, rel=0.02)
    assert images[1] == pytest.approx(1.0 / 0.3 - 1.0, rel=0.02)


def test_larger_circle_has_the_larger_finite_source_magnification(sis, solver):
    """Released figures for this lens: radius 0.2 → 7.12, 0.1 → 6.76."""
    assert solver.find_magnification(sis, al.Circle(0.3, 0.0, 0.2)) == pytest.approx(7.12, rel=0.01)
    assert solver.find_magnification(sis, al.Circle(0.3, 0.0, 0.1)) == pytest.approx(6.76, rel=0.01)


def test_thin_triangle_matches_a_brute_force_area(sis, solver):
    corners = [(0.25, -0.05), (0.35, -0.05), (0.3, 0.05)]
    step = 0.002
    grid = np.mgrid[-1.6:1.6:step, -1.6:1.6:step].reshape(2, -1).T
    traced = grid - np.asarray(sis.deflections_yx_2d_from(al.Grid2DIrregular(grid)).array)
    brute = _inside_triangle(traced[:, 0], traced[:, 1], *corners).sum() * step**2 / 0.005
    found = solver.find_magnification(sis, al.Triangle(*corners))
    assert found == pytest.approx(brute, rel=0.02)


def test_square_and_the_same_polygon_agree(sis, solver):
    square = al.Square(top=-0.05, bottom=0.05, left=0.25, right=0.35)
    polygon = al.Polygon([(0.25, -0.05), (0.35, -0.05), (0.35, 0.05), (0.25, 0.05)])
    assert square.area == pytest.approx(polygon.area) == pytest.approx(0.01)
    assert solver.find_magnification(sis, square) == pytest.approx(
        solver.find_magnification(sis, polygon)
    )
    assert solver.find_magnification(sis, square) == pytest.approx(2.0 / 0.3, rel=0.03)


def test_kept_triangles_lie_on_the_images(sis, solver):
    vertices = solver.solve_triangles(sis, al.Circle(0.3, 0.0, 0.05))
    radius = np.linalg.norm(vertices.mean(axis=1), axis=1)
    # Images of a disc at β = 0.3 ± 0.05 behind an SIS: |θ| = 1 ± β, plus (as in the
    # release) a demagnified sliver at the singular centre, which per_image drops.
    on_images = (np.abs(radius - 1.3) < 0.07) | (np.abs(radius - 0.7) < 0.07)
    assert np.all(on_images | (radius < 0.1))
    assert on_images.sum() > 0.95 * radius.size


def test_bad_input_raises(sis, solver):
    with pytest.raises(exc.PointSolverException):
        al.Circle(0.0, 0.0, 0.0)
    with pytest.raises(exc.PointSolverException):
        al.Square(top=0.1, bottom=0.0, left=0.0, right=0.1)
    with pytest.raises(exc.PointSolverException):
        al.Polygon([(0.0, 0.0), (1.0, 0.0)])
    with pytest.raises(exc.PointSolverException):
        al.Triangle((0.0, 0.0), (1.0, 1.0), (2.0, 2.0))
    jax_solver = al.ShapeSolver.for_limits_and_scale(use_jax=True)
    with pytest.raises(exc.PointSolverException, match="NumPy only"):
        jax_solver.find_magnification(sis, al.Circle(0.3, 0.0, 0.05))
