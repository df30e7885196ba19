"""Observer-frame ellipticity and centre handling shared by the EPL and SIE deflection kernels.

``eps = e2 + i e1`` is the complex ellipticity (``|eps| = f``); ``P + iQ = zeta - eps conj(zeta)``
with ``zeta = x + i y`` relative to the centre (see :mod:`.epl_util`).
"""

from __future__ import annotations

import numpy as np

#: Squared-radius floor (arcsec^2) used at the exact profile centre to keep values finite.
RADIUS_SQUARED_FLOOR = 1.0e-100


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


def _elliptical_coordinates_from(y, x, e1, e2, xp=np):
    """``P, Q, S^2`` (with the centre floor applied) for ``P + iQ = zeta - eps conj(zeta)``."""
    p = (1.0 - e2) * x - e1 * y
    q = (1.0 + e2) * y - e1 * x
    s2 = p * p + q * q
    s2 = xp.where(s2 > RADIUS_SQUARED_FLOOR, s2, RADIUS_SQUARED_FLOOR)
    return p, q, s2
