"""SersicGradient / SersicGradientSph against PyAutoGalaxy 2026.10.26.1 (values in
files/pyautogalaxy_sersic_gradient.json, computed with that release at the six points of
pyautogalaxy_gnfw_dpie.json for the parameters below).

Convergence agrees to rounding; deflections to 2.4e-5 relative (PyAutoGalaxy's are an
approximation; ours are Keeton integrals of the exact convergence). PyAutoGalaxy's potential is
not compared: its own gradient differs from its deflections by ~0.6%, while ours is the exact
potential of these deflections (checked by finite differences) and equals ``Sersic``'s when the
gradient is 0.
"""

import json
from pathlib import Path

import numpy as np
import pytest

import autogalaxy as ag

FILES = Path(__file__).parents[1] / "files"
REF = json.loads((FILES / "pyautogalaxy_sersic_gradient.json").read_text())
POINTS = json.loads((FILES / "pyautogalaxy_gnfw_dpie.json").read_text())["points"]
GRID = ag.Grid2DIrregular([tuple(p) for p in POINTS])

CASES = {
    "SersicGradient": lambda: ag.mp.SersicGradient(
        centre=(0.1, -0.1),
        ell_comps=(0.1, 0.05),
        intensity=0.5,
        effective_radius=0.8,
        sersic_index=2.5,
        mass_to_light_ratio=1.3,
        mass_to_light_gradient=0.4,
    ),
    "SersicGradientSph": lambda: ag.mp.SersicGradientSph(
        centre=(0.1, -0.1),
        intensity=0.5,
        effective_radius=0.8,
        sersic_index=2.5,
        mass_to_light_ratio=1.3,
        mass_to_light_gradient=-0.3,
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_convergence_and_deflections_match_pyautogalaxy(name):
    profile = CASES[name]()
    np.testing.assert_allclose(
        profile.convergence_2d_from(GRID).array, REF[name]["convergence_2d_from"], rtol=1e-12
    )
    np.testing.assert_allclose(
        profile.deflections_yx_2d_from(GRID).array, REF[name]["deflections_yx_2d_from"], rtol=5e-5
    )


@pytest.mark.parametrize("name", list(CASES))
def test_potential_is_the_potential_of_the_deflections(name, finite_differences):
    points = np.array(POINTS)[[0, 1, 2, 3, 5]]
    grad, alpha, div, kappa = finite_differences(CASES[name](), points)
    np.testing.assert_allclose(grad, alpha, atol=1e-8)
    np.testing.assert_allclose(div, 2.0 * kappa, rtol=1e-5)


def test_zero_gradient_is_the_sersic():
    kwargs = dict(
        centre=(0.1, -0.1),
        ell_comps=(0.1, 0.05),
        intensity=0.5,
        effective_radius=0.8,
        sersic_index=2.5,
        mass_to_light_ratio=1.3,
    )
    flat = ag.mp.SersicGradient(mass_to_light_gradient=0.0, **kwargs)
    sersic = ag.mp.Sersic(**kwargs)
    for method in ("convergence_2d_from", "deflections_yx_2d_from", "potential_2d_from"):
        np.testing.assert_allclose(
            getattr(flat, method)(GRID).array,
            getattr(sersic, method)(GRID).array,
            rtol=1e-11,
            atol=1e-14,
        )


def test_gradient_of_two_or_more_raises():
    with pytest.raises(ag.exc.ProfileException, match="mass_to_light_gradient"):
        ag.mp.SersicGradient(mass_to_light_gradient=2.0)
