"""Chameleon / ChameleonSph stellar mass against PyAutoGalaxy 2026.10.26.1
(files/pyautogalaxy_chameleon.json, at the six points of pyautogalaxy_gnfw_dpie.json).

Elliptical convergence and deflections match to rounding. PyAutoGalaxy's elliptical potential is
not compared: its gradient differs from its own deflections by ~20%, while ours is the potential
of these deflections (finite-difference check below). Its spherical profile is capped at
q = 0.99999 like the elliptical one (so are ours), and matches to rounding too, except for the
potential (PyAutoGalaxy's differs from the potential of its deflections by ~1e-4 there).
"""

import json
from pathlib import Path

import numpy as np
import pytest

import autogalaxy as ag

FILES = Path(__file__).parents[1] / "files"
REF = json.loads((FILES / "pyautogalaxy_chameleon.json").read_text())
POINTS = json.loads((FILES / "pyautogalaxy_gnfw_dpie.json").read_text())["points"]
GRID = ag.Grid2DIrregular([tuple(p) for p in POINTS])
KWARGS = dict(
    centre=(0.1, -0.1),
    intensity=0.5,
    core_radius_0=0.05,
    core_radius_1=0.4,
    mass_to_light_ratio=1.3,
)


#: PyAutoGalaxy 2026.10.26.1 (convergence, flattened deflections) of the nearly round Chameleon.
NEARLY_ROUND = {
    (0.0, 0.0): (
        [0.16178450943196074, 0.033110910593443114, 4.00275539847259, 0.0026190982359000684],
        [
            0.2440512703507384,
            -0.7931639867139324,
            0.4917978021863525,
            0.20118956710324273,
            -1.481667819307116,
            0.6914405581709884,
            0.2095756042782312,
            -0.12661846166450477,
        ],
    ),
    (1e-07, 0.0): (
        [0.16178141826468492, 0.03311159172286825, 4.002751180024254, 0.002619081828294868],
        [
            0.24405150508055073,
            -0.7931635048648703,
            0.49179805534629145,
            0.20118966283614736,
            -1.4816648598569695,
            0.6914473091423166,
            0.20957549506968864,
            -0.126618597945918,
        ],
    ),
    (2e-06, 1e-06): (
        [0.1617823733075923, 0.033111402441638016, 4.002744165098142, 0.002619077352454112],
        [
            0.24405175741862878,
            -0.7931635537804818,
            0.4917980384928361,
            0.20118950546160896,
            -1.4816660288905896,
            0.6914454846903323,
            0.2095755191993859,
            -0.12661854587398924,
        ],
    ),
}


def test_elliptical_matches_pyautogalaxy():
    profile = ag.mp.Chameleon(ell_comps=(0.1, 0.05), **KWARGS)
    np.testing.assert_allclose(
        profile.convergence_2d_from(GRID).array, REF["Chameleon"]["convergence_2d_from"], rtol=1e-12
    )
    np.testing.assert_allclose(
        profile.deflections_yx_2d_from(GRID).array,
        REF["Chameleon"]["deflections_yx_2d_from"],
        rtol=1e-12,
    )


@pytest.mark.parametrize(
    "method", ["convergence_2d_from", "deflections_yx_2d_from", "potential_2d_from"]
)
def test_spherical_matches_pyautogalaxy(method):
    profile = ag.mp.ChameleonSph(**KWARGS)
    rtol = 1e-4 if method == "potential_2d_from" else 1e-12
    np.testing.assert_allclose(
        getattr(profile, method)(GRID).array, REF["ChameleonSph"][method], rtol=rtol
    )


@pytest.mark.parametrize("ell_comps", [(0.0, 0.0), (1e-7, 0.0), (2e-6, 1e-6)])
def test_nearly_round_is_capped_at_q_0_99999_as_in_pyautogalaxy(ell_comps):
    """PyAutoGalaxy 2026.10.26.1 caps q at 0.99999 in the radius as well as the prefactors."""
    profile = ag.mp.Chameleon(
        centre=(0.1, -0.05),
        ell_comps=ell_comps,
        intensity=1.3,
        core_radius_0=0.02,
        core_radius_1=0.3,
        mass_to_light_ratio=2.0,
    )
    grid = ag.Grid2DIrregular([(0.3, -0.7), (1.2, 0.4), (-0.05, 0.02), (2.5, -1.5)])
    expected = NEARLY_ROUND[ell_comps]
    np.testing.assert_allclose(profile.convergence_2d_from(grid).array, expected[0], rtol=1e-12)
    np.testing.assert_allclose(
        profile.deflections_yx_2d_from(grid).array.ravel(), expected[1], rtol=1e-11
    )


def test_convergence_is_mass_to_light_times_the_light():
    profile = ag.mp.Chameleon(ell_comps=(0.1, 0.05), **KWARGS)
    light = ag.lp.Chameleon(
        centre=(0.1, -0.1),
        ell_comps=(0.1, 0.05),
        intensity=0.5,
        core_radius_0=0.05,
        core_radius_1=0.4,
    )
    np.testing.assert_allclose(
        profile.convergence_2d_from(GRID).array, 1.3 * light.image_2d_from(GRID).array, rtol=1e-12
    )


def test_potential_is_the_potential_of_the_deflections(finite_differences):
    profile = ag.mp.Chameleon(ell_comps=(0.1, 0.05), **KWARGS)
    grad, alpha, div, kappa = finite_differences(profile, np.array(POINTS)[[0, 1, 2, 3, 5]])
    np.testing.assert_allclose(grad, alpha, atol=1e-8)
    np.testing.assert_allclose(div, 2.0 * kappa, rtol=1e-5)
