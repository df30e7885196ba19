import math

import numpy as np
import pytest

from autogalaxy import exc
from autogalaxy.cosmology import Planck15
from autogalaxy.profiles.mass.dark import (
    NFWMCRDuffySph,
    NFWMCRLudlow,
    NFWMCRLudlowSph,
    NFWMCRScatterLudlow,
    NFWMCRScatterLudlowSph,
    gNFWMCRLudlow,
    mcr_util,
)

NFW_NAMES = (
    "NFWMCRDuffySph",
    "NFWMCRLudlowSph",
    "NFWMCRLudlow",
    "NFWMCRScatterLudlow",
    "NFWMCRScatterLudlowSph",
)


def test__nfw_mcr_profiles__match_pyautogalaxy(mcr_reference):
    cases_of, _, check, _ = mcr_reference
    cases = cases_of(*NFW_NAMES)
    assert len(cases) == len(NFW_NAMES)
    for case in cases:
        check(case, deflection_rtol=1e-9)


def test__gnfw_mcr_ludlow__parameters_and_convergence_match_pyautogalaxy(mcr_reference):
    cases_of, _, check, _ = mcr_reference
    (case,) = cases_of("gNFWMCRLudlow")
    # PyAutoGalaxy's elliptical gNFW deflections are approximations (ours are exact).
    check(case, deflection_rtol=5e-4)


@pytest.mark.parametrize(
    "mass, z_lens, z_source, builder",
    [
        (
            1e12,
            0.4,
            1.5,
            lambda m, zl, zs: NFWMCRDuffySph(mass_at_200=m, redshift_object=zl, redshift_source=zs),
        ),
        (
            3e11,
            0.5,
            1.0,
            lambda m, zl, zs: NFWMCRLudlowSph(
                mass_at_200=m, redshift_object=zl, redshift_source=zs
            ),
        ),
    ],
)
def test__mass_inside_r200_is_mass_at_200(mass, z_lens, z_source, builder):
    profile = builder(mass, z_lens, z_source)
    cosmology = Planck15()
    kpc_per_arcsec = cosmology.kpc_per_arcsec_from(z_lens)
    sigma_crit = cosmology.critical_surface_density_between_redshifts_solar_mass_per_kpc2_from(
        z_lens, z_source
    )
    scale_radius_kpc = profile.scale_radius * kpc_per_arcsec
    rho_s = profile.kappa_s * sigma_crit / scale_radius_kpc
    r200 = mcr_util.radius_at_overdensity_from(mass, 200.0, cosmology.critical_density(z_lens))
    c = r200 / scale_radius_kpc
    enclosed = 4.0 * math.pi * rho_s * scale_radius_kpc**3 * (math.log(1.0 + c) - c / (1.0 + c))
    assert enclosed == pytest.approx(mass, rel=1e-12)
    # mean density inside r200 is 200 rho_crit
    assert enclosed / (4.0 / 3.0 * math.pi * r200**3) == pytest.approx(
        200.0 * cosmology.critical_density(z_lens), rel=1e-12
    )


def test__ludlow_sph_and_elliptical_twins_agree_with_their_scatter_versions():
    kwargs = dict(mass_at_200=2e12, redshift_object=0.3, redshift_source=1.4)
    a = NFWMCRLudlowSph(centre=(0.1, 0.0), **kwargs)
    b = NFWMCRScatterLudlowSph(centre=(0.1, 0.0), scatter_sigma=0.0, **kwargs)
    c = NFWMCRLudlow(centre=(0.1, 0.0), ell_comps=(0.0, 0.0), **kwargs)
    assert a.kappa_s == b.kappa_s == c.kappa_s
    assert a.scale_radius == b.scale_radius == c.scale_radius
    assert a.mass_at_200 == 2e12 and a.redshift_source == 1.4 and a.scatter_sigma == 0.0


def test__scatter_moves_concentration_by_0p15_dex_per_sigma():
    base = mcr_util.ludlow_concentration_from(1e12, 0.5)
    moved = mcr_util.ludlow_concentration_from(1e12, 0.5, scatter_sigma=2.0)
    assert math.log10(moved / base) == pytest.approx(0.3, rel=1e-12)
    low = NFWMCRScatterLudlow(mass_at_200=1e12, scatter_sigma=-1.0)
    high = NFWMCRScatterLudlow(mass_at_200=1e12, scatter_sigma=1.0)
    # more concentrated: smaller scale radius, larger kappa_s
    assert high.scale_radius < low.scale_radius and high.kappa_s > low.kappa_s


def test__gnfw_mcr_uses_the_nfw_parameters_whatever_the_inner_slope():
    nfw = NFWMCRLudlow(ell_comps=(0.05, 0.1), mass_at_200=1e12)
    gnfw = gNFWMCRLudlow(ell_comps=(0.05, 0.1), mass_at_200=1e12, inner_slope=1.7)
    assert gnfw.kappa_s == nfw.kappa_s and gnfw.scale_radius == nfw.scale_radius
    assert gnfw.inner_slope == 1.7


@pytest.mark.parametrize("mass", [0.0, -1e12, float("nan")])
def test__non_positive_mass_raises(mass):
    with pytest.raises(exc.ProfileException, match="mass_at_200"):
        NFWMCRLudlowSph(mass_at_200=mass)


def test__array_masses_give_array_parameters():
    kappa_s, scale_radius, r200 = mcr_util.kappa_s_and_scale_radius_for_duffy(
        np.array([1e11, 1e12]), 0.5, 1.0
    )
    single = mcr_util.kappa_s_and_scale_radius_for_duffy(1e12, 0.5, 1.0)
    assert kappa_s[1] == pytest.approx(single[0], rel=1e-14)
    assert scale_radius[0] < scale_radius[1] and r200[0] < r200[1]


def test__default_priors_give_pyautolens_free_parameter_counts():
    import autogalaxy as ag

    # PyAutoLens 2026.10.26.1: mass and both redshifts are free; its NFWMCRScatterLudlow has no
    # prior config, so only centre and ell_comps are.
    counts = {
        NFWMCRLudlowSph: 5,
        NFWMCRLudlow: 7,
        NFWMCRScatterLudlowSph: 6,
        NFWMCRScatterLudlow: 4,
    }
    for cls, count in counts.items():
        assert ag.Model(cls).prior_count == count, cls.__name__
