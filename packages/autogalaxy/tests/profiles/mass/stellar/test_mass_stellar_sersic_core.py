"""``mp.SersicCore`` / ``mp.SersicCoreSph`` equal PyAutoGalaxy 2026.10.26.1 (deflections of its
20-Gaussian expansion, convergence, potential) at a few points: ``tests/files/sersic_core``."""

import json
from pathlib import Path

import numpy as np
import pytest

import autogalaxy as ag
from autogalaxy.profiles.mass.stellar import mge

EXPECTED = json.loads(
    (Path(__file__).parents[3] / "files" / "sersic_core" / "expected.json").read_text(
        encoding="utf-8"
    )
)
GRID = ag.Grid2DIrregular([tuple(p) for p in EXPECTED["points"]])
MP_CASES = {k: v for k, v in EXPECTED["cases"].items() if v["module"] == "mp"}


def _profile(case):
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in case["kwargs"].items()}
    return getattr(getattr(ag, case["module"]), case["class"])(**kwargs)


@pytest.mark.parametrize("key", sorted(MP_CASES))
def test_deflections_convergence_and_potential_equal_the_release(key):
    case = MP_CASES[key]
    profile = _profile(case)
    np.testing.assert_allclose(
        profile.deflections_yx_2d_from(GRID).array, case["deflections"], rtol=1e-10, atol=1e-14
    )
    np.testing.assert_allclose(
        profile.convergence_2d_from(GRID).array, case["convergence"], rtol=1e-9
    )
    np.testing.assert_allclose(
        profile.potential_2d_from(GRID).array, case["potential"], rtol=1e-10, atol=1e-14
    )


def test_convergence_is_mass_to_light_times_the_light_profile():
    kwargs = dict(
        centre=(0.1, 0.0),
        ell_comps=(0.1, -0.05),
        effective_radius=0.7,
        sersic_index=2.0,
        radius_break=0.1,
        intensity=0.4,
        gamma=0.3,
        alpha=5.0,
    )
    mass = ag.mp.SersicCore(**kwargs, mass_to_light_ratio=2.5)
    light = ag.lp.SersicCore(**kwargs)
    grid = ag.Grid2D.uniform(shape_native=(9, 9), pixel_scales=0.13, over_sample_size=1)
    np.testing.assert_allclose(
        mass.convergence_2d_from(grid).array,
        2.5 * light.image_2d_from(grid).array,
        rtol=1e-12,
    )


def test_convergence_at_the_centre_is_the_limit():
    grid = ag.Grid2DIrregular([(0.0, 0.0)])
    assert np.isinf(ag.mp.SersicCore(gamma=0.25).convergence_2d_from(grid).array[0])
    assert ag.mp.SersicCore(gamma=-0.25).convergence_2d_from(grid).array[0] == 0.0
    flat = ag.mp.SersicCore(gamma=0.0)
    expected = flat.intensity_prime() * np.exp(
        -flat.sersic_constant * (flat.radius_break / flat.effective_radius) ** 0.25
    )
    np.testing.assert_allclose(flat.convergence_2d_from(grid).array[0], expected, rtol=1e-12)


def test_expansion_reproduces_the_convergence_between_its_widths():
    profile = ag.mp.SersicCore(effective_radius=0.8, sersic_index=2.0, radius_break=0.05)
    amplitudes, sigmas = profile._mge_from()
    radii = np.geomspace(0.8 / 10.0, 0.8 * 3.0, 20)
    expanded = np.sum(amplitudes[:, None] * np.exp(-(radii**2) / (2.0 * sigmas[:, None] ** 2)), 0)
    np.testing.assert_allclose(expanded, profile.convergence_func(radii), rtol=1e-2)


def test_contour_weights_are_shajibs():
    xi, eta = mge._contour_nodes(3)
    np.testing.assert_allclose(xi[0] ** 2, 2.0 * 3.0 * np.log(10.0) / 3.0)
    # c = (1/2, 1, 1, 1, (1 + 3 + 3) / 8, (1 + 3) / 8, 1 / 8)
    c = np.array([0.5, 1.0, 1.0, 1.0, 7.0 / 8.0, 4.0 / 8.0, 1.0 / 8.0])
    signs = (-1.0) ** np.arange(7)
    np.testing.assert_allclose(eta, signs * 2.0 * np.sqrt(2.0 * np.pi) * 10.0 * c)


def test_bad_parameters_raise():
    with pytest.raises(ag.exc.ProfileException, match="radius_break"):
        ag.mp.SersicCore(radius_break=-0.1)
    with pytest.raises(ag.exc.ProfileException, match="alpha"):
        ag.mp.SersicCore(alpha=0.0)
