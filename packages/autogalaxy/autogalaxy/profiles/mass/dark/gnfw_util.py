"""Radial functions of the generalised NFW (gNFW) profile by fixed Gauss-Legendre quadrature.

``rho(r) = rho_s / ((r / r_s)^g (1 + r / r_s)^(3 - g))`` with inner slope ``g`` (0 <= g < 3) and
``kappa_s = rho_s r_s / Sigma_crit``. With ``x = R / r_s`` (Wyithe, Turner & Spergel 2001):

* ``kappa(x) = 2 kappa_s x^(1-g) [(1 + x)^(g-3) + (3 - g) J(x)]``,
  ``J(x) = int_0^1 (y + x)^(g-4) (1 - sqrt(1 - y^2)) dy``;
* ``alpha(x) = (4 kappa_s r_s / x) [int_0^x t^(2-g) (1 + t)^(g-3) dt
  + x^(3-g) int_0^1 (y + x)^(g-3) (1 - sqrt(1 - y^2)) / y dy]`` (projected mass inside ``R``).

``y = sin(theta)`` removes the square-root end point of the ``y`` integrals (``1 - cos theta``
and ``tan(theta / 2)``); their integrands peak at ``theta ~ x`` for small ``x``, so they use a
linear panel on ``[0, min(x, pi/2)]`` and a logarithmic one above. The first deflection integral
is ``int (t / (1 + t))^(3-g) d ln t``, smooth in ``ln t``, on ``[ln x - LOG_SPAN, ln x]`` plus the
analytic ``t^(3-g) / (3-g)`` below. Every operation is ``xp``-generic (NumPy or JAX).
"""

from __future__ import annotations

import math

import numpy as np

from autogalaxy.profiles.mass.keeton_util import gauss_legendre_unit

#: Gauss-Legendre nodes per panel.
N_NODES = 48
#: Width in ln(t) of the panel below ``t = x`` of the enclosed-mass integral.
LOG_SPAN = 30.0
#: Smallest ``x`` evaluated (the centre is a cusp for g > 0).
X_MIN = 1.0e-8
HALF_PI = 0.5 * math.pi


def _nodes(xp):
    t, w = gauss_legendre_unit(N_NODES)
    return xp.asarray(t), xp.asarray(w)


def _theta_panels(x, xp):
    """Nodes ``theta`` ``[..., 2n]`` and weights on ``[0, pi/2]``: linear on ``[0, a]``,
    logarithmic on ``[a, pi/2]``, ``a = min(x, pi/2)``."""
    t, w = _nodes(xp)
    a = xp.minimum(x, HALF_PI)[..., None]
    theta_1 = a * t
    weight_1 = a * w
    log_ratio = xp.log(HALF_PI / a)
    theta_2 = a * xp.exp(log_ratio * t)
    weight_2 = theta_2 * log_ratio * w
    return (
        xp.concatenate((theta_1, theta_2), axis=-1),
        xp.concatenate((xp.broadcast_to(weight_1, theta_1.shape), weight_2), axis=-1),
    )


def convergence_from(x, kappa_s, inner_slope, xp=np):
    """``kappa`` at ``x = R / r_s`` (any shape)."""
    x = xp.maximum(x, X_MIN)
    theta, weight = _theta_panels(x, xp)
    sin_t, cos_t = xp.sin(theta), xp.cos(theta)
    integrand = (sin_t + x[..., None]) ** (inner_slope - 4.0) * (1.0 - cos_t) * cos_t
    j = xp.sum(weight * integrand, axis=-1)
    return (
        2.0
        * kappa_s
        * x ** (1.0 - inner_slope)
        * ((1.0 + x) ** (inner_slope - 3.0) + (3.0 - inner_slope) * j)
    )


def enclosed_integral_from(x, inner_slope, xp=np):
    """``int_0^x t^(2-g) (1 + t)^(g-3) dt + x^(3-g) int_0^1 (y+x)^(g-3) (1 - sqrt(1-y^2)) / y dy``
    (the projected mass inside ``x``, in units of ``4 pi rho_s r_s^3``)."""
    x = xp.maximum(x, X_MIN)
    power = 3.0 - inner_slope
    t, w = _nodes(xp)
    log_x = xp.log(x)[..., None]
    v = log_x - LOG_SPAN * (1.0 - t)
    tt = xp.exp(v)
    inner = LOG_SPAN * xp.sum(w * (tt / (1.0 + tt)) ** power, axis=-1)
    # Below t_lo = x e^-LOG_SPAN the integrand is t^(2-g) to relative accuracy t_lo.
    inner = inner + (x * math.exp(-LOG_SPAN)) ** power / power
    theta, weight = _theta_panels(x, xp)
    sin_t, cos_t = xp.sin(theta), xp.cos(theta)
    integrand = (sin_t + x[..., None]) ** (-power) * xp.tan(0.5 * theta) * cos_t
    outer = x**power * xp.sum(weight * integrand, axis=-1)
    return inner + outer


def deflection_magnitude_from(radius, kappa_s, inner_slope, scale_radius, xp=np):
    """Deflection magnitude of the spherical gNFW at ``radius`` (arc-seconds)."""
    x = xp.maximum(radius / scale_radius, X_MIN)
    return 4.0 * kappa_s * scale_radius * enclosed_integral_from(x, inner_slope, xp) / x
