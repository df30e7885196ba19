"""Halo mass (and concentration) to the lensing parameters ``(kappa_s, scale_radius)`` of NFW and
gNFW profiles, as PyAutoGalaxy defines them.

A halo of mass ``M_Delta`` (M_sun) inside ``r_Delta``, the radius whose mean density is ``Delta``
times the critical density ``rho_c(z_lens)``, with concentration ``c = r_Delta / r_s`` has
``rho_s = rho_c delta_c`` and ``kappa_s = rho_s r_s / Sigma_crit(z_lens, z_source)``;
``r_s`` is returned in arc-seconds at ``z_lens``. Distances and densities come from
:class:`autogalaxy.cosmology.Planck15` (PyAutoGalaxy's default). Every function is ``xp``
arithmetic, so masses and redshifts may be JAX tracers.
"""

from __future__ import annotations

import math

import numpy as np

from autogalaxy.cosmology.model import Planck15
from autogalaxy.profiles.mass.dark import ludlow16

#: Gauss-Legendre rule on [0, 1] of the gNFW enclosed-mass integral.
_MASS_NODES, _MASS_WEIGHTS = np.polynomial.legendre.leggauss(64)
_MASS_NODES = 0.5 * (_MASS_NODES + 1.0)
_MASS_WEIGHTS = 0.5 * _MASS_WEIGHTS

#: Ludlow concentrations are scattered as ``log10 c + scatter_sigma * 0.15`` (0.15 dex per sigma).
LUDLOW_SCATTER_DEX = 0.15


def _lensing_scales(redshift_object, redshift_source, xp):
    """``(rho_c [M_sun / kpc^3], Sigma_crit [M_sun / kpc^2], kpc per arcsec)`` at the lens."""
    cosmology = Planck15()
    return (
        cosmology.critical_density(redshift_object, xp=xp),
        cosmology.critical_surface_density_between_redshifts_solar_mass_per_kpc2_from(
            redshift_object, redshift_source, xp=xp
        ),
        cosmology.kpc_per_arcsec_from(redshift_object, xp=xp),
    )


def radius_at_overdensity_from(mass, overdensity, critical_density, xp=np):
    """``r_Delta`` (kpc) with ``M = (4 pi / 3) Delta rho_c r_Delta^3``."""
    return (mass / (overdensity * critical_density * (4.0 * math.pi / 3.0))) ** (1.0 / 3.0)


def nfw_kappa_s_and_scale_radius_from(
    mass, concentration, overdensity, redshift_object, redshift_source, xp=np
):
    """``(kappa_s, scale_radius [arcsec], r_Delta [kpc])`` of an NFW halo of ``M_Delta = mass``.

    ``delta_c = (Delta / 3) c^3 / (ln(1 + c) - c / (1 + c))``.
    """
    rho_c, sigma_crit, kpc_per_arcsec = _lensing_scales(redshift_object, redshift_source, xp)
    radius = radius_at_overdensity_from(mass, overdensity, rho_c, xp=xp)
    delta_c = (
        overdensity
        / 3.0
        * concentration**3
        / (xp.log(1.0 + concentration) - concentration / (1.0 + concentration))
    )
    scale_radius_kpc = radius / concentration
    kappa_s = rho_c * delta_c * scale_radius_kpc / sigma_crit
    return kappa_s, scale_radius_kpc / kpc_per_arcsec, radius


def duffy_concentration_from(mass_at_200, redshift_object, xp=np):
    """Duffy et al. (2008) ``c_200c = 5.71 (1 + z)^-0.47 (M_200c / 2.952465309e12 M_sun)^-0.084``
    (their pivot ``2e12 M_sun / h`` with ``h = 0.6774``)."""
    return 5.71 * (1.0 + redshift_object) ** -0.47 * (mass_at_200 / 2.952465309e12) ** -0.084


def ludlow_concentration_from(mass_at_200, redshift_object, scatter_sigma=0.0, xp=np):
    """Ludlow et al. (2016) ``c_200c`` of ``M_200c = mass_at_200`` (M_sun), moved by
    ``scatter_sigma`` standard deviations of 0.15 dex."""
    h = ludlow16.COSMOLOGY_PLANCK15["h"]
    concentration = ludlow16.concentration_from(mass_at_200 * h, redshift_object, xp=xp)
    return 10.0 ** (xp.log10(concentration) + scatter_sigma * LUDLOW_SCATTER_DEX)


def kappa_s_and_scale_radius_for_duffy(mass_at_200, redshift_object, redshift_source, xp=np):
    """``(kappa_s, scale_radius [arcsec], r_200 [kpc])`` of an NFW on the Duffy relation."""
    concentration = duffy_concentration_from(mass_at_200, redshift_object, xp=xp)
    return nfw_kappa_s_and_scale_radius_from(
        mass_at_200, concentration, 200.0, redshift_object, redshift_source, xp=xp
    )


def kappa_s_and_scale_radius_for_ludlow(
    mass_at_200, scatter_sigma, redshift_object, redshift_source, xp=np
):
    """``(kappa_s, scale_radius [arcsec], r_200 [kpc])`` of an NFW on the Ludlow relation."""
    concentration = ludlow_concentration_from(
        mass_at_200, redshift_object, scatter_sigma=scatter_sigma, xp=xp
    )
    return nfw_kappa_s_and_scale_radius_from(
        mass_at_200, concentration, 200.0, redshift_object, redshift_source, xp=xp
    )


def bryan_norman_overdensity_from(redshift_object, xp=np):
    """Bryan & Norman (1998) virial overdensity (w.r.t. critical) of flat LCDM,
    ``18 pi^2 + 82 x - 39 x^2`` with ``x = Omega_m(z) - 1``."""
    x = Planck15().Om(redshift_object, xp=xp) - 1.0
    return 18.0 * math.pi**2 + 82.0 * x - 39.0 * x * x


def gnfw_mass_integral_from(concentration, inner_slope, xp=np):
    """``I(c) = int_0^c t^(2 - g) (1 + t)^(g - 3) dt`` (``M(< c r_s) = 4 pi rho_s r_s^3 I``).

    Equal to ``c^a / a 2F1(a, a; a + 1; -c)`` with ``a = 3 - g``, which ``jax.scipy`` does not
    evaluate for ``-c < -1``. With ``w = t / (1 + t)`` it is ``int_0^W w^(a-1) / (1 - w) dw =
    ln(1 + c) - int_0^W (1 - w^(a-1)) / (1 - w) dw`` (``W = c / (1 + c)``); the remaining
    integrand is bounded and, after ``w = W s^4`` (which smooths ``w^(a-1)`` at 0), Gauss-Legendre
    gives it to ~2e-12 relative for ``0 <= g < 2`` and ``0.05 < c < 500``.
    """
    s = xp.asarray(_MASS_NODES)
    a_minus_1 = 2.0 - inner_slope
    outer = concentration / (1.0 + concentration)
    w = xp.asarray(outer)[..., None] * s**4
    smooth = (1.0 - w**a_minus_1) / (1.0 - w) * (4.0 * s**3)
    return xp.log(1.0 + concentration) - outer * xp.sum(xp.asarray(_MASS_WEIGHTS) * smooth, axis=-1)


def gnfw_kappa_s_and_scale_radius_from(
    virial_mass, c_2, overdensity, redshift_object, redshift_source, inner_slope, xp=np
):
    """``(kappa_s, scale_radius [arcsec], r_vir [kpc], overdensity)`` of a gNFW halo.

    ``c_2 = r_vir / r_{-2}`` (``r_{-2} = (2 - gamma) r_s``), so ``c = r_vir / r_s = (2 - gamma)
    c_2``; an ``overdensity`` of 0 means Bryan & Norman's. The enclosed mass gives
    ``delta_c = (Delta / 3) c^3 / I(c)`` (:func:`gnfw_mass_integral_from`).
    """
    rho_c, sigma_crit, kpc_per_arcsec = _lensing_scales(redshift_object, redshift_source, xp)
    overdensity = xp.where(
        xp.asarray(overdensity) == 0.0,
        bryan_norman_overdensity_from(redshift_object, xp=xp),
        overdensity,
    )
    radius = radius_at_overdensity_from(virial_mass, overdensity, rho_c, xp=xp)
    concentration = (2.0 - inner_slope) * c_2
    delta_c = (
        overdensity
        / 3.0
        * concentration**3
        / gnfw_mass_integral_from(concentration, inner_slope, xp)
    )
    scale_radius_kpc = radius / concentration
    kappa_s = rho_c * delta_c * scale_radius_kpc / sigma_crit
    return kappa_s, scale_radius_kpc / kpc_per_arcsec, radius, overdensity
