"""Ellipticity, shear and multipole parameter conventions.

Elliptical profiles are parameterised by ``ell_comps = (e1, e2)``, equivalent to an axis ratio
``q = b/a <= 1`` and a position angle ``phi`` (degrees, counter-clockwise from +x)::

    f = (1 - q) / (1 + q),   e1 = f sin(2 phi),   e2 = f cos(2 phi)

The inverse clamps ``|e|`` at :data:`ELL_COMPS_MAGNITUDE_CLAMP`. Every function takes ``xp``
(``numpy`` by default, ``jax.numpy`` for the JAX path) and is written so that gradients stay finite
at the degenerate points (``ell_comps = (0, 0)``, zero shear, zero multipole): magnitudes use a
"safe" square root and ``atan2`` gets a non-zero second argument when both inputs vanish.
"""

from __future__ import annotations

import numpy as np

#: Largest ellipticity magnitude ``|e|`` used when converting ``ell_comps`` to an axis ratio.
ELL_COMPS_MAGNITUDE_CLAMP = 0.999


def _plain(value, xp=np):
    """A 0-d NumPy result as a Python float (arrays and JAX values are returned unchanged)."""
    if xp is np and np.ndim(value) == 0:
        return float(value)
    return value


def _safe_hypot(a, b, xp=np):
    """``sqrt(a**2 + b**2)`` whose gradient is 0 (not NaN) where ``a == b == 0``."""
    squared = a**2 + b**2
    positive = squared > 0.0
    return xp.where(positive, xp.sqrt(xp.where(positive, squared, 1.0)), 0.0)


def _safe_atan2(a, b, xp=np):
    """``atan2(a, b)`` with ``b`` replaced by 1 where both are zero, so gradients stay finite."""
    both_zero = xp.logical_and(a == 0.0, b == 0.0)
    return xp.arctan2(a, xp.where(both_zero, 1.0, b))


def ell_comps_from(axis_ratio, angle, xp=np):
    """Elliptical components ``(e1, e2)`` from an axis ratio and a position angle in degrees."""
    two_phi = 2.0 * xp.radians(angle)
    fac = (1.0 - axis_ratio) / (1.0 + axis_ratio)
    return (fac * xp.sin(two_phi), fac * xp.cos(two_phi))


def ell_comps_magnitude_from(ell_comps, xp=np):
    """``min(|e|, ELL_COMPS_MAGNITUDE_CLAMP)`` with a finite gradient at ``ell_comps = (0, 0)``."""
    return xp.minimum(_safe_hypot(ell_comps[0], ell_comps[1], xp=xp), ELL_COMPS_MAGNITUDE_CLAMP)


def axis_ratio_from(ell_comps, xp=np):
    """Axis ratio ``q = (1 - f) / (1 + f)`` with ``f = min(|e|, 0.999)``."""
    fac = ell_comps_magnitude_from(ell_comps, xp=xp)
    return _plain((1.0 - fac) / (1.0 + fac), xp)


def angle_from(ell_comps, xp=np):
    """Position angle in degrees, ``phi = atan2(e1, e2) / 2``, moved into [-45, 135)."""
    angle = xp.degrees(_safe_atan2(ell_comps[0], ell_comps[1], xp=xp)) / 2.0
    return _plain(xp.where(angle < -45.0, angle + 180.0, angle), xp)


def axis_ratio_and_angle_from(ell_comps, xp=np):
    """``(axis_ratio, angle)`` from ``ell_comps``; see :func:`axis_ratio_from`, :func:`angle_from`."""
    return axis_ratio_from(ell_comps, xp=xp), angle_from(ell_comps, xp=xp)


def shear_gamma_1_2_from(magnitude, angle, xp=np):
    """External-shear components ``(gamma_1, gamma_2) = |gamma| (cos 2phi, sin 2phi)``."""
    two_phi = 2.0 * xp.radians(angle)
    return (magnitude * xp.cos(two_phi), magnitude * xp.sin(two_phi))


def shear_magnitude_and_angle_from(gamma_1, gamma_2, xp=np):
    """``(|gamma|, angle)`` with ``angle = atan2(gamma_2, gamma_1) / 2`` (deg) in (-45, 135]."""
    magnitude = _safe_hypot(gamma_1, gamma_2, xp=xp)
    angle = xp.degrees(_safe_atan2(gamma_2, gamma_1, xp=xp)) / 2.0
    angle = xp.where(angle <= -45.0, angle + 180.0, angle)
    return _plain(magnitude, xp), _plain(angle, xp)


def multipole_k_m_and_phi_m_from(multipole_comps, m, xp=np):
    """Multipole strength ``k_m = |c|`` and orientation ``phi_m = atan2(c0, c1) / m`` (deg)."""
    k_m = _safe_hypot(multipole_comps[0], multipole_comps[1], xp=xp)
    phi_m = xp.degrees(_safe_atan2(multipole_comps[0], multipole_comps[1], xp=xp)) / float(m)
    return _plain(k_m, xp), _plain(phi_m, xp)


def multipole_comps_from(k_m, phi_m, m, xp=np):
    """Multipole components ``(k_m sin(m phi_m), k_m cos(m phi_m))`` from ``(k_m, phi_m)``."""
    m_phi = float(m) * xp.radians(phi_m)
    return (k_m * xp.sin(m_phi), k_m * xp.cos(m_phi))
