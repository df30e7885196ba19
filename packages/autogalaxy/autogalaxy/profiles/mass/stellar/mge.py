"""Multi-Gaussian expansion (MGE) of a convergence profile, as PyAutoGalaxy's ``MGEDecomposer``.

A radial convergence ``kappa(R)`` is written as ``sum_j A_j exp(-R^2 / (2 sigma_j^2))`` on fixed,
log-spaced widths ``sigma_j``. The amplitudes follow Shajib (2019, MNRAS 488, 1387), eq. 6: the
inverse transform of ``kappa`` is evaluated by an Euler-accelerated contour sum,

    f(sigma) = sum_n eta_n Re[kappa(sigma xi_n)],   xi_n = sqrt(2 P ln(10) / 3 + 2 pi i n),

``n = 0 .. 2P`` (``P`` terms), with ``eta_n = (-1)^n 2 sqrt(2 pi) 10^(P/3) c_n``,
``c_0 = 1/2``, ``c_n = 1`` for ``1 <= n <= P``, ``c_2P = 2^-P`` and
``c_(2P-k) = c_(2P-k+1) + 2^-P binom(P, k)`` for ``1 <= k < P``; then
``A_j = f(sigma_j) dln(sigma) / sqrt(2 pi)`` with the trapezoid rule's halved end weights.

``kappa`` is evaluated at *complex* radii ``sigma xi_n``: profiles must accept complex input on
the principal branch (``arg(sigma xi_n) < 0.73`` rad). Each Gaussian's deflection is analytic
(``stellar_util.gaussian_deflections_from``), so the expansion's deflections are a sum over
``[N_gaussians, N_points]`` arrays, and its potential a line integral of them; the same code runs
on NumPy and JAX.
"""

from __future__ import annotations

import math

import numpy as np

from autogalaxy.profiles.mass.keeton_util import gauss_legendre_unit
from autogalaxy.profiles.mass.stellar import stellar_util

#: Terms ``P`` of the contour sum (the release's ``func_terms``; enough for float64).
FUNC_TERMS = 28
#: The elliptical Gaussian deflection is singular at q = 1; PyAutoGalaxy's MGE caps q here.
MGE_AXIS_RATIO_MAX = 0.9999


def _contour_nodes(terms: int):
    """``(xi_n, eta_n)`` of Shajib's eq. 6 for ``terms`` = P (NumPy constants)."""
    n = np.arange(2 * terms + 1)
    xi = np.sqrt(2.0 * terms * np.log(10.0) / 3.0 + 2.0j * np.pi * n)
    weights = np.ones(2 * terms + 1)
    weights[0] = 0.5
    weights[-1] = 2.0**-terms
    for k in range(1, terms):
        weights[2 * terms - k] = weights[2 * terms - k + 1] + 2.0**-terms * math.comb(terms, k)
    eta = (-1.0) ** n * 2.0 * np.sqrt(2.0 * np.pi) * 10.0 ** (terms / 3.0) * weights
    return xi, eta


_XI, _ETA = _contour_nodes(FUNC_TERMS)


def log_spaced_sigmas_from(sigma_min, sigma_max, number: int, xp=np):
    """``number`` widths from ``sigma_min`` to ``sigma_max``, equally spaced in ``ln sigma``."""
    return xp.exp(xp.linspace(xp.log(sigma_min), xp.log(sigma_max), number))


def amplitudes_from(convergence_func, sigmas, xp=np):
    """Amplitudes ``A_j`` of the Gaussians of widths ``sigmas`` (log-spaced) expanding the radial
    ``convergence_func(radius, xp=xp)`` (which must accept complex radii)."""
    values = convergence_func(sigmas[:, None] * xp.asarray(_XI), xp=xp)
    f_sigma = xp.sum(xp.asarray(_ETA) * xp.real(values), axis=1)
    d_log_sigma = xp.log(sigmas[1]) - xp.log(sigmas[0])
    ends = np.ones(sigmas.shape[0])
    ends[[0, -1]] = 0.5
    return f_sigma * d_log_sigma / math.sqrt(2.0 * math.pi) * xp.asarray(ends)


def deflections_from(y, x, axis_ratio, amplitudes, sigmas, circular: bool, xp=np):
    """``(alpha_y, alpha_x)`` in the profile frame of the Gaussians ``A_j exp(-R^2 / 2 sigma_j^2)``
    of the eccentric radius ``R = sqrt(q x^2 + y^2 / q)``.

    ``circular`` (a static flag: the profile is known to be round) uses the exact radial
    formula; otherwise the elliptical closed form with ``q`` capped at ``MGE_AXIS_RATIO_MAX``.
    """
    if circular:
        # sqrt of a safe r^2: d sqrt(r^2) is infinite at the centre, which a later where would
        # turn into a NaN gradient.
        radii_squared = y**2 + x**2
        positive = radii_squared > 0.0
        radii = xp.sqrt(xp.where(positive, radii_squared, 1.0))
        magnitude = xp.sum(
            stellar_util.gaussian_circular_deflection_from(
                radii[None, :], sigmas[:, None], amplitudes[:, None], xp=xp
            ),
            axis=0,
        )
        over_r = xp.where(positive, magnitude / radii, 0.0)
        return over_r * y, over_r * x
    # Widths along the minor axis: exp(-R^2 / 2 s^2) = exp(-(q^2 x^2 + y^2) / (2 q s^2)).
    minor = xp.sqrt(axis_ratio) * sigmas
    alpha_y, alpha_x = stellar_util.gaussian_deflections_from(
        y[None, :],
        x[None, :],
        xp.minimum(axis_ratio, MGE_AXIS_RATIO_MAX),
        minor[:, None],
        amplitudes[:, None],
        xp=xp,
    )
    return xp.sum(alpha_y, axis=0), xp.sum(alpha_x, axis=0)


def potential_from(y, x, axis_ratio, amplitudes, sigmas, xp=np, nodes: int = 20):
    """Potential ``psi(r) = int_0^1 alpha(t r) . r dt`` of the expansion (profile frame), by
    ``nodes``-point Gauss-Legendre quadrature along each ray from the centre, with the
    elliptical deflection form for every profile: PyAutoGalaxy's MGE potential scheme, whose
    numbers (quadrature error included) this reproduces. The nodes are evaluated as one
    ``[nodes, N]`` batch (one traced deflection call under JAX, not ``nodes`` unrolled ones)."""
    t, w = gauss_legendre_unit(nodes)
    t = xp.asarray(t)[:, None]
    alpha_y, alpha_x = deflections_from(
        xp.reshape(t * y, (-1,)),
        xp.reshape(t * x, (-1,)),
        axis_ratio,
        amplitudes,
        sigmas,
        circular=False,
        xp=xp,
    )
    shape = (nodes, -1)
    projected = xp.reshape(alpha_y, shape) * y + xp.reshape(alpha_x, shape) * x
    return xp.sum(xp.asarray(w)[:, None] * projected, axis=0)
