"""Pure array kernels of the (truncated) NFW lens, for the NumPy and JAX backends.

All functions take the dimensionless radius ``x = r / r_s`` (any shape) and an array module ``xp``.
Each piecewise formula evaluates every branch on a *safe* copy of ``x`` (the "double where" trick),
so neither branch produces NaN/inf under ``xp.where`` and JAX gradients stay finite everywhere,
including ``x = 1`` and ``x = 0``.

Notation (Wright & Brainerd 2000; Golse & Kneib 2002):

``F(x) = arccosh(1/x) / sqrt(1 - x^2)`` (x < 1), ``arccos(1/x) / sqrt(x^2 - 1)`` (x > 1), 1 (x = 1).

With ``s = 1 - x^2`` both branches equal the power series ``F = sum_k s^k / (2k + 1)``, which is
used for ``|s| < _SERIES_S``; likewise ``(1 - F) / (x^2 - 1) = sum_{k>=1} s^(k-1) / (2k + 1)``.
"""

from __future__ import annotations

import numpy as np

import autoarray as aa

#: |1 - x^2| below which the power series in s = 1 - x^2 is used.
_SERIES_S = 2.0e-2
#: Number of series terms (truncation error < _SERIES_S**_SERIES_TERMS ~ 1e-17).
_SERIES_TERMS = 10
#: Radii are floored at this value (in units of r_s) so logarithms stay finite at the centre.
X_MIN = 1.0e-8


def _series_f(s, xp):
    """``F`` as the series ``sum_k s^k / (2k+1)`` (valid for small ``|s|``)."""
    total = xp.zeros_like(s)
    for k in reversed(range(_SERIES_TERMS)):
        total = total * s + 1.0 / (2 * k + 1)
    return total


def _series_g(s, xp):
    """``(1 - F) / (x^2 - 1) = sum_{k>=1} s^(k-1) / (2k+1)`` (valid for small ``|s|``)."""
    total = xp.zeros_like(s)
    for k in reversed(range(1, _SERIES_TERMS + 1)):
        total = total * s + 1.0 / (2 * k + 1)
    return total


def _nfw_f_and_g_numpy(x):
    """NumPy path of :func:`nfw_f_and_g`: each branch is evaluated only where it applies."""
    x = np.maximum(np.asarray(x, dtype=float), X_MIN)
    s = 1.0 - x**2
    f = np.empty_like(x)
    g = np.empty_like(x)
    near = np.abs(s) < _SERIES_S
    inner = (x < 1.0) & ~near
    outer = (x > 1.0) & ~near

    x_in = x[inner]
    root_in = np.sqrt(s[inner])
    f[inner] = np.log((1.0 + root_in) / x_in) / root_in
    root_out = np.sqrt(-s[outer])
    f[outer] = np.arctan(root_out) / root_out
    far = ~near
    g[far] = (1.0 - f[far]) / (-s[far])
    f[near] = _series_f(s[near], np)
    g[near] = _series_g(s[near], np)
    return f, g


def nfw_f_and_g(x, xp=np):
    """Return ``(F(x), G(x))`` with ``G = (1 - F) / (x^2 - 1)`` (G(1) = 1/3)."""
    if xp is np:
        return _nfw_f_and_g_numpy(x)
    x = xp.maximum(x, X_MIN)
    s = 1.0 - x**2
    near = xp.abs(s) < _SERIES_S
    inner = xp.logical_and(x < 1.0, xp.logical_not(near))
    outer = xp.logical_and(x > 1.0, xp.logical_not(near))

    x_in = xp.where(inner, x, 0.5)
    root_in = xp.sqrt(1.0 - x_in**2)
    # arccosh(1/x) = log((1 + sqrt(1 - x^2)) / x)
    f_in = xp.log((1.0 + root_in) / x_in) / root_in

    x_out = xp.where(outer, x, 2.0)
    root_out = xp.sqrt(x_out**2 - 1.0)
    # aa.numerics.arctan, not xp.arctan: XLA's own atan is miscompiled (silently wrong values)
    # under --xla_cpu_prefer_vector_width=512 in jaxlib 0.10.2 (docs/jax.md).
    f_out = aa.numerics.arctan(root_out, xp=xp) / root_out

    s_near = xp.where(near, s, 0.0)
    f_near = _series_f(s_near, xp)
    g_near = _series_g(s_near, xp)

    f = xp.where(inner, f_in, xp.where(outer, f_out, f_near))
    g_far = (1.0 - f) / xp.where(near, 1.0, x**2 - 1.0)
    g = xp.where(near, g_near, g_far)
    return f, g


def nfw_convergence_from(x, kappa_s, xp=np):
    """NFW convergence ``2 kappa_s (1 - F) / (x^2 - 1)`` (= ``2 kappa_s / 3`` at x = 1)."""
    _, g = nfw_f_and_g(x, xp)
    return 2.0 * kappa_s * g


def nfw_mass_function_from(x, xp=np):
    """Dimensionless projected mass ``m(x) = ln(x/2) + F(x)`` (m(x) = int_0^x x' G(x') dx')."""
    x = xp.maximum(x, X_MIN)
    f, _ = nfw_f_and_g(x, xp)
    return xp.log(0.5 * x) + f


def nfw_deflection_magnitude_from(x, kappa_s, scale_radius, xp=np):
    """Radial deflection ``4 kappa_s r_s m(x) / x`` of the spherical NFW."""
    x = xp.maximum(x, X_MIN)
    return 4.0 * kappa_s * scale_radius * nfw_mass_function_from(x, xp) / x


def nfw_potential_from(x, kappa_s, scale_radius, xp=np):
    """Spherical NFW lensing potential ``2 kappa_s r_s^2 [ln^2(x/2) - s F^2]``, ``s = 1 - x^2``.

    ``s F^2`` equals ``arctanh^2(sqrt(1 - x^2))`` for x < 1 and ``-arccos^2(1/x)`` for x > 1, so this
    single expression is the usual piecewise potential.
    """
    x = xp.maximum(x, X_MIN)
    f, _ = nfw_f_and_g(x, xp)
    s = 1.0 - x**2
    return 2.0 * kappa_s * scale_radius**2 * (xp.log(0.5 * x) ** 2 - s * f**2)


def truncated_nfw_convergence_from(x, kappa_s, tau, xp=np):
    """Convergence of the Baltz, Marshall & Oguri (2009) truncated NFW (n = 1), ``tau = r_t / r_s``.

    ``rho = rho_s / (x (1 + x)^2) * tau^2 / (tau^2 + x^2)`` projected, normalised so that
    ``tau -> infinity`` recovers :func:`nfw_convergence_from`.
    """
    x = xp.maximum(x, X_MIN)
    f, g = nfw_f_and_g(x, xp)
    tau2 = tau**2
    root = xp.sqrt(tau2 + x**2)
    log_term = xp.log(x / (root + tau))
    bracket = (tau2 + 1.0) * g + 2.0 * f - np.pi / root + (tau2 - 1.0) / (tau * root) * log_term
    return 2.0 * kappa_s * tau2 / (tau2 + 1.0) ** 2 * bracket


def truncated_nfw_mass_function_from(x, tau, xp=np):
    """Dimensionless projected mass ``m_t(x) = int_0^x x' f_t(x') dx'`` of the truncated NFW."""
    x = xp.maximum(x, X_MIN)
    f, _ = nfw_f_and_g(x, xp)
    tau2 = tau**2
    root = xp.sqrt(tau2 + x**2)
    log_term = xp.log(x / (root + tau))
    bracket = (
        (tau2 + 1.0 + 2.0 * (x**2 - 1.0)) * f
        + np.pi * tau
        + (tau2 - 1.0) * xp.log(tau)
        + root * (-np.pi + (tau2 - 1.0) / tau * log_term)
    )
    return tau2 / (tau2 + 1.0) ** 2 * bracket


def truncated_nfw_deflection_magnitude_from(x, kappa_s, scale_radius, tau, xp=np):
    """Radial deflection ``4 kappa_s r_s m_t(x) / x`` of the truncated NFW."""
    x = xp.maximum(x, X_MIN)
    return 4.0 * kappa_s * scale_radius * truncated_nfw_mass_function_from(x, tau, xp) / x
