import numpy as np
import pytest

from autogalaxy.operate import zero_contour


def circle_field(centre, radius):
    """``f = |p − c|² − R²`` with its exact gradient."""
    centre = np.asarray(centre, dtype=float)

    def value_and_grad(points):
        offset = np.asarray(points, dtype=float) - centre
        return np.sum(offset**2, axis=1) - radius**2, 2.0 * offset

    return value_and_grad


def two_circles_field(first, second):
    f1, f2 = circle_field(*first), circle_field(*second)

    def value_and_grad(points):
        v1, g1 = f1(points)
        v2, g2 = f2(points)
        return v1 * v2, g1 * v2[:, None] + g2 * v1[:, None]

    return value_and_grad


def test_newton_project__lands_on_circle_within_tol():
    field = circle_field((0.2, -0.1), 1.3)
    points, values, _ = zero_contour.newton_project(
        field, np.array([[1.0, 1.0], [-2.0, 0.5]]), tol=1e-10, max_newton=25
    )
    radii = np.hypot(points[:, 0] - 0.2, points[:, 1] + 0.1)
    assert radii == pytest.approx([1.3, 1.3], abs=1e-9)
    assert np.all(np.abs(values) <= 1e-10)


def test_trace__circle_is_closed_and_evenly_sampled():
    field = circle_field((0.0, 0.0), 1.0)
    (curve,) = zero_contour.zero_contour_list_from(
        field, np.array([[0.0, 1.2]]), delta=0.05, n_steps=500, tol=1e-9, max_newton=5
    )
    assert np.array_equal(curve[0], curve[-1])
    assert np.hypot(curve[:, 0], curve[:, 1]) == pytest.approx(1.0, abs=1e-8)
    chords = np.hypot(*np.diff(curve[:-1], axis=0).T)
    # A step of 0.05 corrected back onto the unit circle gives chords 2 sin(atan(0.05)/2).
    assert chords == pytest.approx(2.0 * np.sin(0.5 * np.arctan(0.05)), rel=1e-6)
    # The forward pass alone closes the loop: one turn, no overlap.
    assert len(curve) - 1 == int(2.0 * np.pi / np.arctan(0.05))


def test_trace__two_curves_found_once_each_from_many_seeds():
    field = two_circles_field(((0.0, -1.5), 0.6), ((0.2, 1.5), 0.4))
    seeds = np.array([[0.0, -0.8], [0.7, -1.5], [-0.6, -1.4], [0.2, 1.0], [0.65, 1.5]])
    curves = zero_contour.zero_contour_list_from(
        field, seeds, delta=0.04, n_steps=500, tol=1e-9, max_newton=5
    )
    assert len(curves) == 2
    radii = sorted(
        np.hypot(c[:, 0] - c[:, 0].mean(), c[:, 1] - c[:, 1].mean()).mean() for c in curves
    )
    assert radii == pytest.approx([0.4, 0.6], abs=1e-3)


def test_trace__open_contour_stops_after_n_steps_each_way():
    def line(points):
        points = np.asarray(points, dtype=float)
        return points[:, 0] - 0.5 * points[:, 1], np.tile([1.0, -0.5], (len(points), 1))

    (curve,) = zero_contour.zero_contour_list_from(
        line, np.array([[0.3, 0.0]]), delta=0.1, n_steps=7, tol=1e-12, max_newton=3
    )
    assert len(curve) == 2 * 7 + 1 + 1
    assert curve[:, 0] - 0.5 * curve[:, 1] == pytest.approx(0.0, abs=1e-12)


def test_trace__unreachable_seed_gives_no_curve():
    field = circle_field((0.0, 0.0), 1.0)
    # At the centre the gradient vanishes: the projection fails and nothing is traced.
    assert (
        zero_contour.zero_contour_list_from(
            field, np.array([[0.0, 0.0]]), delta=0.05, n_steps=10, tol=1e-9, max_newton=5
        )
        == []
    )


def test_sign_change_seeds_from__brackets_the_zero_set():
    axis = np.linspace(-2.0, 2.0, 9)
    yy, xx = np.meshgrid(axis, axis, indexing="ij")
    values = yy**2 + xx**2 - 1.0
    seeds = zero_contour.sign_change_seeds_from(values, axis, axis)
    assert len(seeds) > 0
    # Linear interpolation along an edge of length 0.5 lands within its chord error of r = 1.
    assert np.hypot(seeds[:, 0], seeds[:, 1]) == pytest.approx(1.0, abs=0.1)
    assert zero_contour.sign_change_seeds_from(values + 10.0, axis, axis).shape == (0, 2)


def test_distance_to_polyline():
    polyline = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    distances = zero_contour.distance_to_polyline(
        np.array([[0.5, 0.5], [-1.0, 0.0], [2.0, 1.0], [0.0, 0.25]]), polyline
    )
    assert distances == pytest.approx([0.5, 1.0, 1.0, 0.0])
