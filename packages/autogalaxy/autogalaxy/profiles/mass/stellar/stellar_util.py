"""Pure array kernels of the stellar (Gaussian and Sersic) mass profiles, NumPy and JAX.

Conventions (profile frame ``(y, x)``, major axis on x, axis ratio ``q``):

* Gaussian: ``kappa = A exp(-(q^2 x^2 + y^2) / (2 sigma^2))`` i.e. a Gaussian of width ``sigma / q``
  in the elliptical radius ``xi = sqrt(x^2 + y^2 / q^2)``.
* Sersic: ``kappa = A exp(-b_n [(R / R_e)^(1/n) - 1])`` with the eccentric radius ``R = sqrt(q) xi``
  and the Ciotti & Bertin (1999) asymptotic series for ``b_n``.
"""

from __future__ import annotations

import numpy as np

from autogalaxy.profiles.mass.stellar.faddeeva import wofz_upper

#: The elliptical Gaussian deflection formula divides by sqrt(1 - q^2); axis ratios are capped here.
#: The induced relative deflection error is ~1e-8, comparable to the cancellation error near q = 1.
GAUSSIAN_AXIS_RATIO_MAX = 1.0 - 1.0e-8

_SQRT_2PI = float(np.sqrt(2.0 * np.pi))


def gaussian_deflections_from(y, x, axis_ratio, sigma, amplitude, xp=np):
    """``(alpha_y, alpha_x)`` of the elliptical Gaussian convergence in its own frame.

    Closed form with the Faddeeva function (e.g. Shajib 2019, MNRAS 488, 1387): with
    ``p = 1 - q^2``, ``s = q / (sigma sqrt(2 p))``, ``X = s x``, ``Y = s |y|``,

        alpha_y + i alpha_x = A sigma sqrt(2 pi / p)
            [w(X + iY) - exp(-p X^2 - (1/q^2 - 1) Y^2) w(q X + i Y / q)]   (for y >= 0),

    and ``alpha_y`` is odd in ``y``.  Both Faddeeva arguments lie in the upper half plane.
    """
    q = xp.minimum(axis_ratio, GAUSSIAN_AXIS_RATIO_MAX)
    p = 1.0 - q**2
    scale = q / (sigma * xp.sqrt(2.0 * p))
    big_x = x * scale
    big_y = xp.abs(y) * scale
    w_1 = wofz_upper(big_x + 1j * big_y, xp)
    w_2 = wofz_upper(q * big_x + 1j * big_y / q, xp)
    damping = xp.exp(-p * big_x**2 - (1.0 / q**2 - 1.0) * big_y**2)
    total = w_1 - damping * w_2
    norm = amplitude * sigma * _SQRT_2PI / xp.sqrt(p)
    sign_y = xp.where(y < 0.0, -1.0, 1.0)
    return sign_y * norm * xp.real(total), norm * xp.imag(total)


def gaussian_circular_deflection_from(xi, width, amplitude, xp=np):
    """Radial deflection of the circular Gaussian ``A exp(-xi^2 / (2 width^2))``.

    ``alpha = 2 A width^2 (1 - exp(-xi^2 / (2 width^2))) / xi``, written with ``expm1`` for accuracy at
    small radii and with a safe radius so the value (0 at the centre) and its gradient stay finite.
    """
    xi2 = xi**2
    small = xi2 < 1.0e-300
    xi_safe = xp.sqrt(xp.where(small, 1.0, xi2))
    value = -2.0 * amplitude * width**2 * xp.expm1(-(xi_safe**2) / (2.0 * width**2)) / xi_safe
    return xp.where(small, 0.0, value)


def sersic_constant_from(sersic_index, xp=np):
    """Ciotti & Bertin (1999) asymptotic series for ``b_n`` (so that R_e encloses half the light)."""
    n = sersic_index
    return (
        2.0 * n
        - 1.0 / 3.0
        + 4.0 / (405.0 * n)
        + 46.0 / (25515.0 * n**2)
        + 131.0 / (1148175.0 * n**3)
        - 2194697.0 / (30690717750.0 * n**4)
    )


def sersic_profile_from(radius, amplitude, effective_radius, sersic_index, xp=np):
    """``A exp(-b_n [(R / R_e)^(1/n) - 1])`` of a (circular or eccentric) radius ``R``."""
    return sersic_profile_from_squared(radius**2, amplitude, effective_radius, sersic_index, xp=xp)


def sersic_profile_from_squared(radius_squared, amplitude, effective_radius, sersic_index, xp=np):
    """Sersic profile of the *squared* radius: ``A exp(-b_n [(R^2 / R_e^2)^(1/(2n)) - 1])``.

    The centre (``R = 0``, value ``A e^{b_n}``) is evaluated on a safe copy so that gradients with
    respect to the parameters and the grid stay finite there.
    """
    b_n = sersic_constant_from(sersic_index, xp)
    positive = radius_squared > 0.0
    ratio = xp.where(positive, radius_squared, effective_radius**2) / effective_radius**2
    power = xp.where(positive, ratio ** (0.5 / sersic_index), 0.0)
    return amplitude * xp.exp(-b_n * (power - 1.0))


def _gammainc(a, z, xp):
    """Regularised lower incomplete gamma ``P(a, z)`` on either backend."""
    if xp is np:
        from scipy.special import gammainc

        return gammainc(a, z)
    import jax.scipy.special as jsp

    return jsp.gammainc(a, z)


def _gammaln(a, xp):
    if xp is np:
        from scipy.special import gammaln

        return gammaln(a)
    import jax.scipy.special as jsp

    return jsp.gammaln(a)


def sersic_circular_deflection_from(radius, amplitude, effective_radius, sersic_index, xp=np):
    """Radial deflection ``M(<R) / (pi R)`` of a *circular* Sersic convergence.

    ``M(<R) = 2 pi A R_e^2 n e^{b_n} b_n^{-2n} Gamma(2n) P(2n, b_n (R/R_e)^(1/n))``.
    """
    n = sersic_index
    b_n = sersic_constant_from(n, xp)
    small = radius < 1.0e-300
    r_safe = xp.where(small, 1.0, radius)
    z = b_n * (r_safe / effective_radius) ** (1.0 / n)
    log_norm = b_n - 2.0 * n * xp.log(b_n) + _gammaln(2.0 * n, xp) + xp.log(n)
    mass_over_pi = (
        2.0 * amplitude * effective_radius**2 * xp.exp(log_norm) * _gammainc(2.0 * n, z, xp)
    )
    return xp.where(small, 0.0, mass_over_pi / r_safe)
