"""``LensCalc.*_via_zero_contour_from`` against PyAutoLens 2026.10.26.1 (``expected.json``,
written by ``tests/files/zero_contour/generate_with_pyautolens.py`` in the reference venv)."""

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

import autoarray as aa
import autogalaxy as ag
from autogalaxy import exc
from autogalaxy.operate import zero_contour

FILES = Path(__file__).parents[1] / "files" / "zero_contour"
EXPECTED = json.loads((FILES / "expected.json").read_text())


def _cases():
    spec = importlib.util.spec_from_file_location(
        "zero_contour_cases", FILES / "generate_with_pyautolens.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.galaxies(ag)


CASES = _cases()
KINDS = ("tangential", "radial")


@pytest.fixture(scope="module")
def traced():
    out = {}
    for name, galaxy in CASES.items():
        calc = ag.LensCalc.from_mass_obj(galaxy)
        out[name] = {
            "calc": calc,
            "tangential": calc.tangential_critical_curve_list_via_zero_contour_from(),
            "radial": calc.radial_critical_curve_list_via_zero_contour_from(),
        }
    return out


def _paired(curves, reference):
    """Each reference curve with the curve of nearest centroid (curve order is not part of the
    contract: it follows the seeds)."""
    centroids = [np.mean(aa.raw_array(c)[:-1], axis=0) for c in curves]
    pairs = []
    for ref in reference:
        ref_centroid = np.mean(np.asarray(ref)[:-1], axis=0)
        index = int(np.argmin([np.hypot(*(c - ref_centroid)) for c in centroids]))
        pairs.append((curves[index], np.asarray(ref)))
    assert len({id(curve) for curve, _ in pairs}) == len(pairs)
    return pairs


def _hausdorff(a, b):
    return max(
        zero_contour.distance_to_polyline(a, b).max(),
        zero_contour.distance_to_polyline(b, a).max(),
    )


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("kind", KINDS)
def test_critical_curves_match_release(traced, name, kind):
    curves = traced[name][kind]
    reference = [np.array(c) for c in EXPECTED[name][f"{kind}_critical_curves"]]
    assert len(curves) == len(reference)
    value_and_grad = traced[name]["calc"]._eigen_value_and_grad_function(kind)
    for curve, ref in _paired(curves, reference):
        assert isinstance(curve, aa.Grid2DIrregular)
        points = curve.array
        assert np.array_equal(points[0], points[-1])
        # Same sampling (step, closure rule) as the release: same number of points.
        assert len(points) == len(ref)
        # Every release point lies on this code's zero contour ...
        projected, _, _ = zero_contour.newton_project(value_and_grad, ref, tol=1e-10, max_newton=10)
        assert np.hypot(*(projected - ref).T).max() < 1e-5
        # ... and the two polylines (vertices at different places on that contour) agree to a
        # chord's sagitta c²/8R, the closing chord being up to 2.1 δ long: 1.2e-3" for the
        # SIS, 2.5e-3" for the 0.5" curve of two_sis, ~8e-3" for the ~0.2" radial curves.
        radius = np.sqrt(ag.LensCalc.area_within_curve_from(curve) / np.pi)
        assert _hausdorff(points, ref) < (2.1 * 0.05) ** 2 / (8.0 * radius) + 1e-4


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("kind", KINDS)
def test_caustics_match_release(traced, name, kind):
    calc = traced[name]["calc"]
    method = getattr(calc, f"{kind}_caustic_list_via_zero_contour_from")
    caustics = method()
    reference = [np.array(c) for c in EXPECTED[name][f"{kind}_caustics"]]
    assert len(caustics) == len(reference)
    for caustic, curve in zip(caustics, traced[name][kind]):
        deflections = calc.deflections_yx_2d_from(grid=curve)
        assert caustic.array == pytest.approx(curve.array - aa.raw_array(deflections), abs=1e-12)
    # The release's caustic points are its curve points mapped by this code's deflections.
    for ref_caustic, ref_curve in zip(reference, EXPECTED[name][f"{kind}_critical_curves"]):
        ref_curve = np.array(ref_curve)
        mapped = ref_curve - aa.raw_array(
            calc.deflections_yx_2d_from(grid=aa.Grid2DIrregular(values=ref_curve))
        )
        assert mapped == pytest.approx(ref_caustic, abs=1e-7)
    if kind == "tangential":
        for caustic, ref in _paired(caustics, reference):
            assert _hausdorff(caustic.array, ref) < 1e-3


@pytest.mark.parametrize("name", list(CASES))
def test_einstein_radius_and_area_match_release(traced, name):
    calc = traced[name]["calc"]
    expected = EXPECTED[name]
    radii = calc.einstein_radius_list_via_zero_contour_from()
    assert sorted(radii) == pytest.approx(sorted(expected["einstein_radius_list"]), rel=1e-4)
    assert calc.einstein_radius_via_zero_contour_from() == pytest.approx(
        expected["einstein_radius"], rel=1e-4
    )
    areas = calc.area_within_curve_list_from(curve_list=traced[name]["tangential"])
    assert sorted(areas) == pytest.approx(sorted(expected["tangential_areas"]), rel=1e-4)


def test_sis_einstein_radius_is_the_polygon_of_the_exact_circle():
    calc = ag.LensCalc.from_mass_obj(ag.mp.IsothermalSph(einstein_radius=1.2))
    (curve,) = calc.tangential_critical_curve_list_via_zero_contour_from(delta=0.02, N=1000)
    assert np.hypot(*curve.array.T) == pytest.approx(1.2, abs=1e-6)
    # A fine step converges on θ_E (the polygon's area deficit is ~(δ/θ_E)²/6).
    assert calc.einstein_radius_via_zero_contour_from(delta=0.02, N=1000) == pytest.approx(
        1.2, rel=5e-5
    )


def test_init_guess_and_seed_grid():
    calc = ag.LensCalc.from_mass_obj(ag.mp.IsothermalSph(centre=(2.0, 2.5), einstein_radius=0.8))
    # The curve lies partly outside the default ±3" seed grid, but it crosses it: found.
    assert len(calc.tangential_critical_curve_list_via_zero_contour_from()) == 1
    # A seed grid that misses it finds nothing; an explicit seed finds it.
    assert calc.tangential_critical_curve_list_via_zero_contour_from(seed_grid_extent=0.5) == []
    (curve,) = calc.tangential_critical_curve_list_via_zero_contour_from(init_guess=[(2.0, 3.4)])
    assert np.hypot(curve.array[:, 0] - 2.0, curve.array[:, 1] - 2.5) == pytest.approx(
        0.8, abs=1e-6
    )


def test_two_lenses_give_two_curves_each_once():
    galaxy = ag.Galaxy(
        redshift=0.5,
        left=ag.mp.IsothermalSph(centre=(0.0, -1.6), einstein_radius=0.5),
        right=ag.mp.IsothermalSph(centre=(0.0, 1.6), einstein_radius=0.4),
    )
    curves = ag.LensCalc.from_mass_obj(
        galaxy
    ).tangential_critical_curve_list_via_zero_contour_from()
    assert len(curves) == 2
    centres = sorted(float(np.mean(c.array[:-1, 1])) for c in curves)
    assert centres == pytest.approx([-1.6, 1.6], abs=0.05)


def test_no_critical_curve_gives_empty_lists():
    calc = ag.LensCalc.from_mass_obj(ag.mp.IsothermalSph(einstein_radius=1.0))
    assert calc.radial_critical_curve_list_via_zero_contour_from() == []
    assert calc.radial_caustic_list_via_zero_contour_from() == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {"delta": 0.0},
        {"N": 0},
        {"tol": -1.0},
        {"max_newton": 0},
        {"pixel_scales": (0.0, 0.05)},
        {"init_guess": [[0.0, 1.0, 2.0]]},
        {"seed_grid_shape": (1, 25)},
        {"seed_grid_extent": -3.0},
    ],
)
def test_bad_input_raises(kwargs):
    calc = ag.LensCalc.from_mass_obj(ag.mp.IsothermalSph(einstein_radius=1.0))
    with pytest.raises(exc.LensCalcException):
        calc.tangential_critical_curve_list_via_zero_contour_from(**kwargs)


def test_seed_via_coarse_grid_argmin_is_the_node_nearest_the_curve():
    calc = ag.LensCalc.from_mass_obj(ag.mp.IsothermalSph(einstein_radius=1.2))
    seed = calc._seed_via_coarse_grid_argmin("tangential", (25, 25), 3.0, xp=np)
    assert seed.shape == (1, 2)
    # Nodes are 0.24" apart: the best one lies within half a diagonal of the circle.
    assert abs(np.hypot(*seed[0]) - 1.2) < 0.5 * 0.24 * np.sqrt(2.0)


def test_grid_critical_curve_area_lists():
    calc = ag.LensCalc.from_mass_obj(ag.mp.IsothermalSph(einstein_radius=1.2))
    grid = aa.Grid2D.uniform(shape_native=(60, 60), pixel_scales=0.05)
    (area,) = calc.tangential_critical_curve_area_list_from(grid=grid, pixel_scale=0.02)
    assert area == pytest.approx(np.pi * 1.2**2, rel=1e-3)
    assert calc.radial_critical_curve_area_list_from(grid=grid, pixel_scale=0.05) == []
    square = aa.Grid2DIrregular(values=[(0.0, 0.0), (0.0, 2.0), (1.0, 2.0), (1.0, 0.0), (0.0, 0.0)])
    assert calc.area_within_curve_list_from(curve_list=[square, square]) == [2.0, 2.0]
