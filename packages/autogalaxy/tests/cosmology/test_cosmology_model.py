import math

import numpy as np
import pytest
from scipy.integrate import simpson

from autogalaxy.cosmology import FlatLambdaCDM, Planck15


def reference_distance_kpc(cosmology, redshift_0, redshift_1):
    """The reference definition: composite Simpson of 1/E(z) on 8193 points."""
    z = np.linspace(redshift_0, redshift_1, 8193)
    integral = simpson(1.0 / cosmology.efunc(z), x=z)
    return 1.0e3 * 299792.458 / cosmology.H0 * integral / (1.0 + redshift_1)


def test__check_values():
    cosmology = Planck15()

    assert cosmology.angular_diameter_distance_to_earth_in_kpc_from(redshift=1.0) == pytest.approx(
        1697960.294, rel=1e-9
    )
    assert cosmology.scaling_factor_between_redshifts_from(
        redshift_0=0.5, redshift_1=1.0, redshift_final=2.0
    ) == pytest.approx(0.673945400526, rel=1e-10)


@pytest.mark.parametrize("cosmology", [Planck15(), FlatLambdaCDM()])
def test__quadrature_matches_reference_simpson(cosmology):
    pairs = [(0.0, 0.1), (0.0, 1.0), (0.3, 0.7), (0.5, 2.0), (1.0, 5.0), (0.0, 10.0), (2.0, 8.0)]
    for z0, z1 in pairs:
        assert cosmology.angular_diameter_distance_between_redshifts_in_kpc_from(
            z0, z1
        ) == pytest.approx(reference_distance_kpc(cosmology, z0, z1), rel=1e-11)


def test__same_redshift_gives_zero_distance_and_infinite_critical_density():
    cosmology = Planck15()
    assert cosmology.angular_diameter_distance_between_redshifts_in_kpc_from(1.0, 1.0) == 0.0
    assert math.isinf(cosmology.critical_surface_density_between_redshifts_from(1.0, 1.0))
    assert cosmology.scaling_factor_between_redshifts_from(0.5, 2.0, 2.0) == pytest.approx(1.0)


def test__array_redshifts_broadcast_and_equal_scalars():
    cosmology = Planck15()
    z0 = np.array([0.1, 0.5, 0.0])
    z1 = np.array([1.0, 2.0, 3.0])
    values = cosmology.angular_diameter_distance_between_redshifts_in_kpc_from(z0, z1)
    assert values.shape == (3,)
    for i in range(3):
        assert values[i] == pytest.approx(
            cosmology.angular_diameter_distance_between_redshifts_in_kpc_from(
                float(z0[i]), float(z1[i])
            ),
            rel=1e-14,
        )


def test__against_astropy_planck15():
    # The reference treats the 0.06 eV neutrino as pure matter, astropy integrates its
    # relativistic density: distances agree to ~5e-6, densities (∝ E(z)²) to ~2e-5.
    from astropy import constants
    from astropy import units as u
    from astropy.cosmology import Planck15 as AstropyPlanck15

    cosmology = Planck15()
    for z in (0.1, 0.5, 1.0, 2.0, 4.0):
        assert cosmology.angular_diameter_distance_to_earth_in_kpc_from(z) == pytest.approx(
            AstropyPlanck15.angular_diameter_distance(z).to("kpc").value, rel=1e-5
        )
        assert cosmology.arcsec_per_kpc_from(z) == pytest.approx(
            AstropyPlanck15.arcsec_per_kpc_proper(z).value, rel=1e-5
        )
        assert cosmology.kpc_per_arcsec_from(z) == pytest.approx(
            1.0 / AstropyPlanck15.arcsec_per_kpc_proper(z).value, rel=1e-5
        )
        assert cosmology.luminosity_distance(z) == pytest.approx(
            AstropyPlanck15.luminosity_distance(z).to("kpc").value, rel=1e-5
        )
        assert cosmology.cosmic_average_density_solar_mass_per_kpc3_from(z) == pytest.approx(
            AstropyPlanck15.critical_density(z).to(u.solMass / u.kpc**3).value, rel=5e-5
        )

    z_l, z_s = 0.5, 1.0
    d_l = AstropyPlanck15.angular_diameter_distance(z_l).to("kpc").value
    d_s = AstropyPlanck15.angular_diameter_distance(z_s).to("kpc").value
    d_ls = AstropyPlanck15.angular_diameter_distance(z_l, z_s).to("kpc").value
    assert cosmology.angular_diameter_distance_between_redshifts_in_kpc_from(
        z_l, z_s
    ) == pytest.approx(d_ls, rel=1e-5)

    const = (
        constants.c.to("kpc / s") ** 2 / (4 * math.pi * constants.G.to("kpc3 / (solMass s2)"))
    ).value
    kpc_per_arcsec = 1.0 / AstropyPlanck15.arcsec_per_kpc_proper(z_l).value
    expected = const * d_s / (d_l * d_ls) * kpc_per_arcsec**2
    assert cosmology.critical_surface_density_between_redshifts_from(z_l, z_s) == pytest.approx(
        expected, rel=5e-5
    )
    assert cosmology.cosmic_average_density_from(z_l) == pytest.approx(
        AstropyPlanck15.critical_density(z_l).to(u.solMass / u.kpc**3).value * kpc_per_arcsec**3,
        rel=5e-5,
    )


def test__velocity_dispersion_of_sis():
    cosmology = Planck15()
    sigma = cosmology.velocity_dispersion_from(0.5, 1.0, einstein_radius=1.0)
    # Invert the SIS relation θ_E = 4π (σ/c)² D_ls / D_s.
    d_s = cosmology.angular_diameter_distance_to_earth_in_kpc_from(1.0)
    d_ls = cosmology.angular_diameter_distance_between_redshifts_in_kpc_from(0.5, 1.0)
    theta_rad = 4.0 * math.pi * (sigma / 299792.458) ** 2 * d_ls / d_s
    assert theta_rad * 206264.80624709636 == pytest.approx(1.0, rel=1e-12)
    assert 200.0 < sigma < 300.0


def test__hashable_and_equal_by_parameters():
    assert Planck15() == Planck15()
    assert hash(Planck15()) == hash(Planck15())
    assert FlatLambdaCDM(H0=70.0) == FlatLambdaCDM(H0=70.0)
    assert FlatLambdaCDM(H0=70.0) != FlatLambdaCDM(H0=71.0)
    assert Planck15() != FlatLambdaCDM()
    assert len({Planck15(), Planck15(), FlatLambdaCDM()}) == 2


def test__flat_lambda_cdm_defaults_and_density_budget():
    cosmology = FlatLambdaCDM()
    assert cosmology.H0 == 67.66
    assert cosmology.Om0 == 0.30966
    assert cosmology.Onu_mass0 == 0.0
    total = cosmology.Om0 + cosmology.Or0 + cosmology.Ode0 + cosmology.Onu_mass0
    assert total == pytest.approx(1.0, abs=1e-15)
    assert cosmology.efunc(0.0) == pytest.approx(1.0, abs=1e-15)

    planck = Planck15()
    assert planck.Onu_mass0 == pytest.approx(0.06 / (93.14 * 0.6774**2))


def test__numpy_distances_are_memoised_for_python_floats_only():
    from autogalaxy.cosmology import model

    cosmology = FlatLambdaCDM(H0=68.123)
    model._distance_between_in_kpc_cached.cache_clear()
    first = cosmology.angular_diameter_distance_between_redshifts_in_kpc_from(0.4, 1.3)
    again = FlatLambdaCDM(H0=68.123).angular_diameter_distance_between_redshifts_in_kpc_from(
        0.4, 1.3
    )
    info = model._distance_between_in_kpc_cached.cache_info()
    assert first == again
    assert info.hits == 1 and info.misses == 1
    # Arrays bypass the cache and agree with it.
    array = cosmology.angular_diameter_distance_between_redshifts_in_kpc_from(
        np.array([0.4]), np.array([1.3])
    )
    assert model._distance_between_in_kpc_cached.cache_info().misses == 1
    assert array[0] == pytest.approx(first, rel=1e-15)


def test__luminosity_and_comoving_distances():
    cosmology = Planck15()
    d_a = cosmology.angular_diameter_distance_to_earth_in_kpc_from(2.0)
    assert cosmology.comoving_distance_in_kpc_from(2.0) == pytest.approx(3.0 * d_a)
    assert cosmology.luminosity_distance_in_kpc_from(2.0) == pytest.approx(9.0 * d_a)
    assert cosmology.arcsec_per_kpc_from(2.0) * cosmology.kpc_per_arcsec_from(2.0) == (
        pytest.approx(1.0)
    )


# PyAutoGalaxy 2026.10.26.1's Planck15: (z_l, z_s) -> critical_density (M_sun / kpc^3),
# Sigma_crit (M_sun / kpc^2), Om(z_l).
PYAUTOGALAXY_DENSITIES = [
    ((0.5, 1.0), 220.82701879028582, 3001829152.907631, 0.5985192358887104),
    ((0.3, 2.0), 174.46231105507533, 2284758705.976389, 0.4931567488671523),
    ((0.6, 2.5), 249.20615063340318, 1890246155.5863545, 0.6436618010811868),
]


@pytest.mark.parametrize("redshifts, rho_crit, sigma_crit, om", PYAUTOGALAXY_DENSITIES)
def test__densities_match_pyautogalaxy(redshifts, rho_crit, sigma_crit, om):
    cosmology = Planck15()
    z_l, z_s = redshifts
    assert cosmology.critical_density(z_l) == pytest.approx(rho_crit, rel=1e-13)
    assert cosmology.cosmic_average_density_solar_mass_per_kpc3_from(z_l) == pytest.approx(
        rho_crit, rel=1e-13
    )
    assert cosmology.critical_surface_density_between_redshifts_solar_mass_per_kpc2_from(
        z_l, z_s
    ) == pytest.approx(sigma_crit, rel=1e-12)
    assert cosmology.Om(z_l) == pytest.approx(om, rel=1e-13)
