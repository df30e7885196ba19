"""Observer-frame ellipticity and centre handling shared by the EPL and SIE deflection kernels.

``eps = e2 + i e1`` is the complex ellipticity (``|eps| = f``); ``P + iQ = zeta - eps conj(zeta)``
with ``zeta = x + i y`` relative to the centre (see :mod:`.epl_util`).
"""

from __future__ import annotations

import math

import numpy as np

#: Squared-radius floor (arcsec^2) used at the exact profile centre to keep values finite.
RADIUS_SQUARED_FLOOR = 1.0e-100

#: Softening (arcsec^2) PyAutoGalaxy adds to the squared profile-frame elliptical radius
#: ``q^2 x'^2 + y'^2`` of its power-law and isothermal deflections, so that at the exact centre
#: that radius is 1e-8 arcsec rather than 0. Fits whose sub-pixels land on the lens centre (a
#: centre on the pixel grid) only reproduce its numbers with the same softening.
CENTRE_SOFTENING_SQUARED = 1.0e-16


def effective_ell_comps_from(ell_comps, xp=np):
    """``(e1, e2, f)`` with ``|e|`` clamped at 0.999 (same convention as ``convert``).

    ``f`` uses a square root whose gradient is 0 at ``ell_comps = (0, 0)``; ``e1``, ``e2`` are
    rescaled only where the clamp is active, so the result is smooth in ``ell_comps`` elsewhere.
    """
    from autogalaxy import convert

    e1 = ell_comps[0]
    e2 = ell_comps[1]
    f_raw = convert._safe_hypot(e1, e2, xp=xp)
    clamp = convert.ELL_COMPS_MAGNITUDE_CLAMP
    over = f_raw > clamp
    factor = xp.where(over, clamp / xp.where(over, f_raw, 1.0), 1.0)
    return e1 * factor, e2 * factor, xp.minimum(f_raw, clamp)


def centre_safe_from(y, x, xp=np):
    """``(at_centre, y_safe, x_safe)``: points at the exact centre are moved to ``(0, 1)``.

    Deflections are undefined at the centre of a singular profile. Kernels evaluate such points
    at a harmless stand-in position and then set the result to 0 with ``xp.where``, so that
    neither the value nor any gradient (``jax.grad`` / ``jacfwd``) is NaN or astronomically large.
    """
    at_centre = y * y + x * x <= RADIUS_SQUARED_FLOOR
    return at_centre, xp.where(at_centre, 0.0, y), xp.where(at_centre, 1.0, x)


def major_axis_unit_from(e1, e2, f, xp=np):
    """``(sin phi, cos phi)`` of the position angle ``phi = atan2(e1, e2) / 2`` (0 when ``f = 0``).

    The observer-frame point ``(y, x) = (sin phi, cos phi)`` lies on the profile's major axis
    (``x' = 1``, ``y' = 0``). PyAutoGalaxy gives the exact centre that direction (its polar angle
    ``arctan2(0, 0) = 0``), so kernels use this point as the centre's stand-in. A round profile
    takes ``phi = 0`` through a ``where`` on the arguments, so ``jax.grad`` never meets
    ``atan2(0, 0)``. Only scalars (one per profile) see trigonometry.
    """
    if xp is np:
        if f <= 0.0:
            return 0.0, 1.0
        half_angle = 0.5 * math.atan2(e1, e2)
        return math.sin(half_angle), math.cos(half_angle)
    round_profile = f <= 0.0
    half_angle = 0.5 * xp.arctan2(
        xp.where(round_profile, 0.0, e1), xp.where(round_profile, 1.0, e2)
    )
    return xp.sin(half_angle), xp.cos(half_angle)


def _elliptical_coordinates_from(y, x, e1, e2, xp=np):
    """``P, Q, S^2`` (with the centre floor applied) for ``P + iQ = zeta - eps conj(zeta)``."""
    p = (1.0 - e2) * x - e1 * y
    q = (1.0 + e2) * y - e1 * x
    s2 = p * p + q * q
    s2 = xp.where(s2 > RADIUS_SQUARED_FLOOR, s2, RADIUS_SQUARED_FLOOR)
    return p, q, s2
