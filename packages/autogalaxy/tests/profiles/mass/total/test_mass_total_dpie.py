"""dPIE profiles: closed forms, Keeton integrals, Lenstool parameters, and PyAutoGalaxy's values.

Convergence and deflections match PyAutoGalaxy 2026.10.26.1 to rounding, the elliptical
potential to 1e-12. The spherical potential differs by up to 8.6e-6 absolute: PyAutoGalaxy's value
is a numerical integral, this one the closed form (which equals the Keeton integral of the
elliptical profile at q = 1 to 1e-15, checked below).
"""

import json
from pathlib import Path

import numpy as np
import pytest

import autogalaxy as ag
from autogalaxy.profiles.mass.total import dpie

REF = json.loads((Path(__file__).parents[1] / "files" / "pyautogalaxy_gnfw_dpie.json").read_text())
GRID = ag.Grid2DIrregular([tuple(p) for p in REF["points"]])

CASES = {
    "dPIEMassSph": lambda: ag.mp.dPIEMassSph(
        centre=(0.1, -0.1), sigma=250.0, r_core=0.2, r_cut=8.0
    ),
    "dPIEMass": lambda: ag.mp.dPIEMass(
        centre=(0.1, -0.1), ellipticity=0.2, angle_pos=30.0, sigma=250.0, r_core=0.2, r_cut=8.0
    ),
    "dPIEMassB0Sph": lambda: ag.mp.dPIEMassB0Sph(centre=(0.1, -0.1), ra=0.2, rs=8.0, b0=1.2),
    "dPIEMassB0": lambda: ag.mp.dPIEMassB0(
        centre=(0.1, -0.1), ell_comps=(0.1, 0.05), ra=0.2, rs=8.0, b0=1.2
    ),
}


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("method", ["convergence_2d_from", "deflections_yx_2d_from"])
def test_convergence_and_deflections_match_pyautogalaxy(name, method):
    ours = getattr(CASES[name](), method)(GRID).array
    np.testing.assert_allclose(ours, REF[name][method], rtol=1e-12)


@pytest.mark.parametrize("name", ["dPIEMass", "dPIEMassB0"])
def test_elliptical_potential_matches_pyautogalaxy(name):
    ours = CASES[name]().potential_2d_from(GRID).array
    np.testing.assert_allclose(ours, REF[name]["potential_2d_from"], rtol=1e-11)


@pytest.mark.parametrize("name", ["dPIEMassSph", "dPIEMassB0Sph"])
def test_spherical_potential_agrees_with_pyautogalaxy_numerical_integral(name):
    ours = CASES[name]().potential_2d_from(GRID).array
    np.testing.assert_allclose(ours, REF[name]["potential_2d_from"], atol=1e-5)


def test_spherical_closed_form_equals_round_keeton_integrals():
    sph = CASES["dPIEMassB0Sph"]()
    ell = ag.mp.dPIEMassB0(centre=(0.1, -0.1), ell_comps=(0.0, 0.0), ra=0.2, rs=8.0, b0=1.2)
    for method in ("potential_2d_from", "deflections_yx_2d_from"):
        np.testing.assert_allclose(
            getattr(ell, method)(GRID).array,
            getattr(sph, method)(GRID).array,
            rtol=1e-12,
            atol=1e-15,
        )


def test_lenstool_parameters_give_pyautogalaxy_b0_and_ell_comps():
    profile = CASES["dPIEMass"]()
    assert profile.b0 == pytest.approx(REF["dPIEMass"]["b0"], rel=1e-14)
    np.testing.assert_allclose(profile.ell_comps, REF["dPIEMass"]["ell_comps"], rtol=1e-14)
    assert (profile.ra, profile.rs) == (0.2, 8.0)


def test_elliptical_profile_is_self_consistent(finite_differences):
    points = np.array(REF["points"])
    grad, alpha, div, kappa = finite_differences(CASES["dPIEMassB0"](), points)
    np.testing.assert_allclose(grad, alpha, atol=1e-8)
    np.testing.assert_allclose(div, 2.0 * kappa, rtol=1e-5)


def test_zero_core_is_finite_at_and_near_the_centre():
    profile = ag.mp.dPIEMassB0Sph(ra=0.0, rs=3.0, b0=1.0)
    grid = ag.Grid2DIrregular([(0.0, 0.0), (1e-9, 0.0), (0.5, 0.0)])
    assert np.all(np.isfinite(profile.potential_2d_from(grid).array))
    assert np.all(np.isfinite(profile.deflections_yx_2d_from(grid).array))
    # ra -> 0: alpha(R) = b0 rs / rs * (1 - (sqrt(rs^2+R^2) - rs) / R)
    r = 0.5
    expected = 1.0 * (1.0 - (np.sqrt(9.0 + r * r) - 3.0) / r)
    assert profile.deflections_yx_2d_from(grid).array[2, 0] == pytest.approx(expected, rel=1e-13)


def test_cut_inside_core_raises():
    with pytest.raises(ag.exc.ProfileException, match="cut radius"):
        ag.mp.dPIEMassB0(ra=2.0, rs=1.0)


def test_b0_formula():
    assert dpie.b0_from(300.0, 0.3, 2.0, 70.0, 0.3) > dpie.b0_from(200.0, 0.3, 2.0, 70.0, 0.3)
