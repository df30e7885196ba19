"""Ludlow et al. (2016) mass-concentration relation ``c_200c(M_200c, z)``, NumPy or JAX.

The relation ties a halo's concentration to the collapsed mass history: the mean density inside
the scale radius equals ``C = 650`` times the critical density at the redshift ``z_f`` when a
fraction ``M(<r_s) / M_200`` of the mass (Einasto, ``alpha = 0.18``) was first in progenitors
more massive than ``f = 0.02`` of the halo (extended Press-Schechter). The linear power spectrum
is Eisenstein & Hu (1998, ApJ 496, 605) with baryon wiggles, normalised to ``sigma_8``.

PyAutoGalaxy (2026.10.26.1) evaluates this with one fixed discretisation (its port of colossus'
``modelLudlow16``, within 7.5e-4 of colossus); the same discretisation is used here so that its
``NFWMCRLudlow`` profiles are reproduced to rounding: 200 log-spaced concentrations in
``[1, 100]`` with linear interpolation of the root, ``sigma(R)`` by the trapezoid rule on 256
points in ``ln k``, ``k`` in ``[1e-5, 1e3] h / Mpc``, and the growth factor by the trapezoid rule
on 256 points in ``ln(1 + z)`` up to ``z = 1e4``. Masses are in ``M_sun / h``, radii in
``Mpc / h``.

Everything is ``xp`` arithmetic, so the mass and redshift may be JAX tracers (the concentration
is then differentiable in the mass, except at the interpolation knots).
"""

from __future__ import annotations

import math

import numpy as np

#: Colossus' ``planck15`` cosmology, which PyAutoGalaxy uses for the concentration only (its
#: distances and densities use ``Planck15`` of :mod:`autogalaxy.cosmology`).
COSMOLOGY_PLANCK15 = {
    "h": 0.6774,
    "Om0": 0.3089,
    "Ob0": 0.0486,
    "Tcmb0": 2.7255,
    "sigma8": 0.8159,
    "ns": 0.9667,
}

#: Einasto shape parameter of the enclosed-mass ratio.
EINASTO_ALPHA = 0.18
#: Density contrast ``C`` and progenitor mass fraction ``f`` of Ludlow et al. (2016).
LUDLOW_C = 650.0
LUDLOW_F = 0.02
#: Linear collapse threshold (colossus' value).
DELTA_COLLAPSE = 1.68647019984
#: Critical density today in M_sun h^2 / Mpc^3.
RHO_CRIT_0_MSUN_H2_MPC3 = 2.77536627e11

N_CONCENTRATION = 200
N_K = 256
LOG10_K_RANGE = (-5.0, 3.0)
N_GROWTH = 256
GROWTH_Z_MAX = 1.0e4
#: Below this ``k R`` the top-hat window uses its series (the closed form cancels badly).
WINDOW_SERIES_BELOW = 1.0e-3


def _special(xp):
    if xp is np:
        from scipy import special
    else:
        from jax.scipy import special
    return special


def _trapezoid(values, abscissae, xp):
    """Trapezoid rule along the last axis (``abscissae`` broadcasts against ``values``)."""
    widths = abscissae[..., 1:] - abscissae[..., :-1]
    return xp.sum(0.5 * (values[..., 1:] + values[..., :-1]) * widths, axis=-1)


def transfer_function_eh98(k, h, Om0, Ob0, Tcmb0, xp=np):
    """Eisenstein & Hu (1998) transfer function ``T(k)`` (``k`` in h / Mpc), baryons included.

    Equation numbers are those of the paper: the cold dark matter part (17-24) and the baryon
    part (19, 21-24) weighted by their density fractions (16).
    """
    k_mpc = k * h
    om_h2 = Om0 * h * h
    ob_h2 = Ob0 * h * h
    f_baryon = Ob0 / Om0
    f_cdm = (Om0 - Ob0) / Om0
    theta = Tcmb0 / 2.7

    # Equality and drag epochs, sound horizon and Silk scale (2-7).
    z_eq = 2.50e4 * om_h2 / theta**4
    k_eq = 7.46e-2 * om_h2 / theta**2
    b1_drag = 0.313 * om_h2**-0.419 * (1.0 + 0.607 * om_h2**0.674)
    b2_drag = 0.238 * om_h2**0.223
    z_drag = 1291.0 * om_h2**0.251 / (1.0 + 0.659 * om_h2**0.828) * (1.0 + b1_drag * ob_h2**b2_drag)
    r_drag = 31.5 * ob_h2 / theta**4 / (z_drag / 1e3)
    r_eq = 31.5 * ob_h2 / theta**4 / (z_eq / 1e3)
    sound_horizon = (
        2.0
        / (3.0 * k_eq)
        * math.sqrt(6.0 / r_eq)
        * math.log((math.sqrt(1.0 + r_drag) + math.sqrt(r_drag + r_eq)) / (1.0 + math.sqrt(r_eq)))
    )
    k_silk = 1.6 * ob_h2**0.52 * om_h2**0.73 * (1.0 + (10.4 * om_h2) ** -0.95)

    # CDM suppression (11-12) and shift (9-10).
    alpha_c = ((46.9 * om_h2) ** 0.670 * (1.0 + (32.1 * om_h2) ** -0.532)) ** (-f_baryon) * (
        (12.0 * om_h2) ** 0.424 * (1.0 + (45.0 * om_h2) ** -0.582)
    ) ** (-(f_baryon**3))
    bc_1 = 0.944 / (1.0 + (458.0 * om_h2) ** -0.708)
    bc_2 = (0.395 * om_h2) ** -0.0266
    beta_c = 1.0 / (1.0 + bc_1 * (f_cdm**bc_2 - 1.0))

    # Baryon suppression (14-15), node shift (23) and envelope (24).
    y = (1.0 + z_eq) / (1.0 + z_drag)
    root = math.sqrt(1.0 + y)
    growth_y = y * (-6.0 * root + (2.0 + 3.0 * y) * math.log((root + 1.0) / (root - 1.0)))
    alpha_b = 2.07 * k_eq * sound_horizon * (1.0 + r_drag) ** -0.75 * growth_y
    beta_b = 0.5 + f_baryon + (3.0 - 2.0 * f_baryon) * math.sqrt((17.2 * om_h2) ** 2 + 1.0)
    beta_node = 8.41 * om_h2**0.435

    q = k_mpc / (13.41 * k_eq)
    q_term = 386.0 / (1.0 + 69.9 * q**1.08)

    def t_tilde(alpha, beta):
        """``T~_0(k; alpha, beta)`` of (19-20)."""
        log_term = xp.log(math.e + 1.8 * beta * q)
        return log_term / (log_term + (14.2 / alpha + q_term) * q * q)

    ks = k_mpc * sound_horizon
    damping = 1.0 / (1.0 + (ks / 5.4) ** 4)
    t_cdm = damping * t_tilde(1.0, beta_c) + (1.0 - damping) * t_tilde(alpha_c, beta_c)

    s_tilde = sound_horizon / (1.0 + (beta_node / ks) ** 3) ** (1.0 / 3.0)
    x_node = k_mpc * s_tilde
    t_baryon = (
        t_tilde(1.0, 1.0) / (1.0 + (ks / 5.2) ** 2)
        + alpha_b / (1.0 + (beta_b / ks) ** 3) * xp.exp(-((k_mpc / k_silk) ** 1.4))
    ) * (xp.sin(x_node) / x_node)
    return f_baryon * t_baryon + f_cdm * t_cdm


def top_hat_window(x, xp=np):
    """Fourier transform of a spherical top hat, ``3 (sin x - x cos x) / x^3``."""
    small = x < WINDOW_SERIES_BELOW
    x_safe = xp.where(small, 1.0, x)
    closed = 3.0 * (xp.sin(x_safe) - x_safe * xp.cos(x_safe)) / x_safe**3
    series = 1.0 - x * x / 10.0 + x**4 / 280.0
    return xp.where(small, series, closed)


def _unnormalised_variance(radius, cosmology: dict, xp):
    """``int k^3 P(k) W(kR)^2 / (2 pi^2) d ln k`` with ``P = k^ns T(k)^2`` (any normalisation)."""
    ln_k = xp.linspace(LOG10_K_RANGE[0] * math.log(10.0), LOG10_K_RANGE[1] * math.log(10.0), N_K)
    k = xp.exp(ln_k)
    transfer = transfer_function_eh98(
        k, cosmology["h"], cosmology["Om0"], cosmology["Ob0"], cosmology["Tcmb0"], xp=xp
    )
    power_k3 = k ** (cosmology["ns"] + 3.0) * transfer**2 / (2.0 * math.pi**2)
    window = top_hat_window(xp.asarray(radius)[..., None] * k, xp=xp)
    return _trapezoid(power_k3 * window**2, ln_k, xp)


def sigma_from(radius, cosmology: dict = COSMOLOGY_PLANCK15, xp=np):
    """RMS linear overdensity at ``z = 0`` in top hats of ``radius`` (Mpc / h), ``sigma(8) =
    sigma8``."""
    normalisation = cosmology["sigma8"] ** 2 / _unnormalised_variance(8.0, cosmology, xp)
    return xp.sqrt(normalisation * _unnormalised_variance(radius, cosmology, xp))


def _efunc(redshift, Om0, Ode0, xp):
    return xp.sqrt(Om0 * (1.0 + redshift) ** 3 + Ode0)


def growth_factor_from(redshift, Om0: float, xp=np):
    """Linear growth ``D(z) / D(0)`` of flat LCDM (no radiation):
    ``D ∝ E(z) int_z^inf (1 + z') / E(z')^3 dz'``, integrated in ``ln(1 + z')`` up to 1e4."""
    ode0 = 1.0 - Om0
    nodes = xp.linspace(0.0, 1.0, N_GROWTH)
    u_max = math.log(1.0 + GROWTH_Z_MAX)

    def unnormalised(z):
        u_low = xp.log(1.0 + z)[..., None]
        u = u_low + (u_max - u_low) * nodes
        one_plus = xp.exp(u)
        integrand = one_plus**2 / _efunc(one_plus - 1.0, Om0, ode0, xp) ** 3
        return _efunc(z, Om0, ode0, xp) * _trapezoid(integrand, u, xp)

    return unnormalised(xp.asarray(redshift, dtype=xp.float64)) / unnormalised(
        xp.asarray(0.0, dtype=xp.float64)
    )


def einasto_mass_ratio_from(concentration, xp=np, alpha: float = EINASTO_ALPHA):
    """``M(< r_s) / M(< c r_s)`` of an Einasto profile (regularised lower gamma functions)."""
    special = _special(xp)
    shape = 3.0 / alpha
    return special.gammainc(shape, 2.0 / alpha) / special.gammainc(
        shape, 2.0 / alpha * concentration**alpha
    )


def _lagrangian_radius(mass, Om0: float, xp):
    """Radius (Mpc / h) holding ``mass`` (M_sun / h) at the mean matter density today."""
    return (3.0 * mass / (4.0 * math.pi * Om0 * RHO_CRIT_0_MSUN_H2_MPC3)) ** (1.0 / 3.0)


def concentration_from(
    mass_at_200_msun_per_h, redshift, cosmology: dict = COSMOLOGY_PLANCK15, xp=np
):
    """``c_200c`` of a halo of ``M_200c`` (M_sun / h) at ``redshift`` (flat LCDM).

    For every trial concentration the formation redshift follows from the density condition;
    the concentration is where the Einasto mass ratio equals the EPS collapsed fraction
    ``erfc((delta_c / D(z_f) - delta_c / D(z)) / sqrt(2 (sigma^2(f M) - sigma^2(M))))``.
    """
    special = _special(xp)
    om0 = cosmology["Om0"]
    ode0 = 1.0 - om0
    mass = xp.asarray(mass_at_200_msun_per_h, dtype=xp.float64)
    redshift = xp.asarray(redshift, dtype=xp.float64)

    trial = xp.logspace(0.0, 2.0, N_CONCENTRATION)
    mass_ratio = einasto_mass_ratio_from(trial, xp=xp)
    density_ratio = 200.0 * trial**3 * mass_ratio / LUDLOW_C
    # (1 + z_f)^3 from rho_crit(z_f) = density_ratio rho_crit(z); trial concentrations whose
    # formation "redshift" would be below -1 (low c) have no solution and are pushed below every
    # valid entry (which lie in [-1, 1]) so that the interpolation table stays increasing.
    cube = (density_ratio * _efunc(redshift, om0, ode0, xp) ** 2 - ode0) / om0
    valid = cube > 0.0
    formation_z = xp.where(valid, cube, 1.0) ** (1.0 / 3.0) - 1.0

    sigma_small = sigma_from(_lagrangian_radius(LUDLOW_F * mass, om0, xp), cosmology, xp=xp)
    sigma_halo = sigma_from(_lagrangian_radius(mass, om0, xp), cosmology, xp=xp)
    barrier_now = DELTA_COLLAPSE / growth_factor_from(redshift, om0, xp=xp)
    barrier_formation = DELTA_COLLAPSE / growth_factor_from(formation_z, om0, xp=xp)
    collapsed = special.erfc(
        (barrier_formation - barrier_now) / xp.sqrt(2.0 * (sigma_small**2 - sigma_halo**2))
    )
    residual = xp.where(valid, mass_ratio - collapsed, -10.0)
    return xp.interp(0.0, residual, trial)
