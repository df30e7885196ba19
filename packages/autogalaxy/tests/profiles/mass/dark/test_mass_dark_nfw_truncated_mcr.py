import pytest

from autogalaxy.profiles.mass.dark import (
    NFWTruncatedMCRDuffySph,
    NFWTruncatedMCRLudlowSph,
    NFWTruncatedMCRScatterLudlowSph,
    mcr_util,
)


def test__truncated_mcr_profiles__match_pyautogalaxy(mcr_reference):
    cases_of, _, check, _ = mcr_reference
    names = (
        "NFWTruncatedMCRDuffySph",
        "NFWTruncatedMCRLudlowSph",
        "NFWTruncatedMCRScatterLudlowSph",
    )
    cases = cases_of(*names)
    assert len(cases) == 3
    for case in cases:
        check(case, deflection_rtol=1e-9)


def test__truncation_radius_is_twice_r200_in_kpc_and_parameters_are_the_nfw_ones():
    profile = NFWTruncatedMCRDuffySph(mass_at_200=1e9, redshift_object=0.6, redshift_source=2.5)
    kappa_s, scale_radius, r200 = mcr_util.kappa_s_and_scale_radius_for_duffy(1e9, 0.6, 2.5)
    assert profile.kappa_s == kappa_s and profile.scale_radius == scale_radius
    assert profile.truncation_radius == pytest.approx(2.0 * r200, rel=1e-15)
    ludlow = NFWTruncatedMCRLudlowSph(mass_at_200=1e8)
    scatter = NFWTruncatedMCRScatterLudlowSph(mass_at_200=1e8, scatter_sigma=0.0)
    assert ludlow.truncation_radius == scatter.truncation_radius
    assert ludlow.kappa_s == scatter.kappa_s
