import math

import pytest

from autogalaxy import exc
from autogalaxy.profiles.mass.dark import NFWVirialMassConcSph, gNFWVirialMassConcSph, mcr_util


def test__nfw_virial_mass_conc__matches_pyautogalaxy(mcr_reference):
    cases_of, _, check, _ = mcr_reference
    (case,) = cases_of("NFWVirialMassConcSph")
    check(case, deflection_rtol=1e-9)


def test__gnfw_virial_mass_conc__parameters_and_convergence_match_pyautogalaxy(mcr_reference):
    cases_of, profile_from, check, _ = mcr_reference
    cases = cases_of("gNFWVirialMassConcSph")
    assert len(cases) == 2
    for case in cases:
        # PyAutoGalaxy's gNFW deflections are approximations (up to ~1e-4 from the exact ones).
        check(case, deflection_rtol=1e-4)
    bryan_norman = profile_from(cases[0])
    assert bryan_norman.overdens == pytest.approx(
        mcr_util.bryan_norman_overdensity_from(cases[0]["kwargs"]["redshift_object"]), rel=1e-14
    )
    assert profile_from(cases[1]).overdens == 200.0


def test__gnfw_with_inner_slope_one_is_the_nfw_of_the_same_halo():
    # c = (2 - 1) c_2 and the hypergeometric normalisation reduces to the NFW one.
    gnfw = gNFWVirialMassConcSph(log10m_vir=12.0, c_2=8.0, overdens=200.0, inner_slope=1.0)
    nfw = NFWVirialMassConcSph(virial_mass=1e12, concentration=8.0, virial_overdens=200.0)
    assert gnfw.kappa_s == pytest.approx(nfw.kappa_s, rel=1e-12)
    assert gnfw.scale_radius == pytest.approx(nfw.scale_radius, rel=1e-14)


def test__bryan_norman_overdensity_tends_to_18_pi_squared_when_matter_dominated():
    # (Omega_m(z) excludes the massive neutrinos E(z) counts, hence 0.5% at z = 10)
    assert mcr_util.bryan_norman_overdensity_from(10.0) == pytest.approx(
        18.0 * math.pi**2, rel=5e-3
    )
    assert mcr_util.bryan_norman_overdensity_from(0.0) < 18.0 * math.pi**2


def test__bad_concentration_raises():
    with pytest.raises(exc.ProfileException, match="concentration"):
        NFWVirialMassConcSph(concentration=0.0)
    with pytest.raises(exc.ProfileException, match="c_2"):
        gNFWVirialMassConcSph(c_2=-1.0)


@pytest.mark.parametrize("inner_slope", [0.0, 0.5, 1.0, 1.5, 1.99])
@pytest.mark.parametrize("concentration", [0.05, 1.0, 8.0, 100.0, 500.0])
def test__gnfw_mass_integral_is_the_hypergeometric_closed_form(inner_slope, concentration):
    from scipy.special import hyp2f1

    a = 3.0 - inner_slope
    closed = concentration**a / a * hyp2f1(a, a, a + 1.0, -concentration)
    assert mcr_util.gnfw_mass_integral_from(concentration, inner_slope) == pytest.approx(
        closed, rel=1e-11
    )
