"""Singular isothermal ellipsoid (EPL with slope = 2) deflections: closed form and series.

The closed form is the ``t = 1`` case of the observer-frame EPL formula of :mod:`.epl_util`; near
``f = 0``, where it is singular, a series in the ellipticity replaces it.
"""

from __future__ import annotations

import math

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import plain_scalars
from autogalaxy.profiles.mass.total.epl_geometry import (
    RADIUS_SQUARED_FLOOR,
    _elliptical_coordinates_from,
    centre_safe_from,
    effective_ell_comps_from,
)

#: Below this ellipticity ``f = |ell_comps|`` the SIE uses its series branch (see
#: :func:`sie_deflections_from`); above it the closed form. At the switch the closed form's
#: ``atanh``-as-log carries an absolute error of about ``eps / sqrt(f)`` (1e-14) and the series,
#: truncated after ``w^4``, a relative error below ``f^5 / 11`` (1e-21).
SIE_SERIES_ELLIPTICITY = 1.0e-4


def _sie_frame_constants_from(e1, e2, f, xp=np):
    """Scalars of the SIE closed form for ``|ell_comps| = f > 0`` (plain floats or tracers).

    ``(cos phi, sin phi, q^2, F, sqrt(f))`` with the position angle ``phi = atan2(e1, e2) / 2``,
    the axis ratio ``q = (1 - f)/(1 + f)`` and the amplitude ``F = (1 - f^2) / (2 sqrt(f))`` (per
    unit ``theta_E``), which is ``2 q / ((1 + q) sqrt(1 - q^2))``. Only scalars see trigonometry.
    """
    if xp is np:
        half_angle = 0.5 * math.atan2(e1, e2)
        cos_phi, sin_phi = math.cos(half_angle), math.sin(half_angle)
        sqrt_f = math.sqrt(f)
    else:
        half_angle = 0.5 * xp.arctan2(e1, e2)
        cos_phi, sin_phi = xp.cos(half_angle), xp.sin(half_angle)
        sqrt_f = xp.sqrt(f)
    q = (1.0 - f) / (1.0 + f)
    return cos_phi, sin_phi, q * q, (1.0 - f * f) / (2.0 * sqrt_f), sqrt_f


def _sie_closed_numpy_from(y, x, centre, einstein_radius, e1, e2, f):
    """NumPy closed-form SIE deflections as a raw ``[N, 2]`` array (plain-number parameters).

    ``X = e x'``, ``Y = e y'`` (``e = sqrt(1 - q^2) = 2 sqrt(f)/(1 + f)``, profile frame) come
    straight from the observer-frame ``x``, ``y`` with the centre folded into the offsets, and
    ``psi = sqrt(q^2 X^2 + Y^2) / e``. Then ``atan(e x'/psi) = atan(X / psi)`` and
    ``atanh(e y'/psi) = log((psi + Y)/(psi - Y)) / 2``. Every step writes into a temporary it owns.
    """
    cos_phi, sin_phi, q2, amplitude, sqrt_f = _sie_frame_constants_from(e1, e2, f)
    scale = 2.0 * sqrt_f / (1.0 + f)
    cx, sx = scale * cos_phi, scale * sin_phi
    x_offset = -(cx * centre[1] + sx * centre[0])
    y_offset = sx * centre[1] - cx * centre[0]

    big_x = np.multiply(x, cx)
    tmp = np.multiply(y, sx)
    big_x += tmp
    big_x += x_offset
    big_y = np.multiply(y, cx)
    np.multiply(x, sx, out=tmp)
    big_y -= tmp
    big_y += y_offset

    psi = np.multiply(big_x, big_x)
    psi *= q2
    np.multiply(big_y, big_y, out=tmp)
    psi += tmp
    np.maximum(psi, RADIUS_SQUARED_FLOOR, out=psi)
    np.sqrt(psi, out=psi)
    psi *= 1.0 / scale

    np.divide(big_x, psi, out=big_x)
    np.arctan(big_x, out=big_x)
    np.add(psi, big_y, out=tmp)
    psi -= big_y
    tmp /= psi
    np.log(tmp, out=tmp)

    # alpha_x + i alpha_y = theta_E F e^{i phi} (atan + i log / 2).
    amp = einstein_radius * amplitude
    out = np.empty((big_x.shape[0], 2))
    np.multiply(big_x, amp * sin_phi, out=out[:, 0])
    np.multiply(tmp, 0.5 * amp * cos_phi, out=psi)
    out[:, 0] += psi
    np.multiply(big_x, amp * cos_phi, out=out[:, 1])
    np.multiply(tmp, 0.5 * amp * sin_phi, out=psi)
    out[:, 1] -= psi
    return out


def _sie_closed_from(y, x, einstein_radius, e1, e2, f, xp=np):
    """Functional closed-form SIE ``(alpha_y, alpha_x)``; ``y``, ``x`` centred, never the centre."""
    cos_phi, sin_phi, q2, amplitude, sqrt_f = _sie_frame_constants_from(e1, e2, f, xp=xp)
    scale = 2.0 * sqrt_f / (1.0 + f)
    x_frame = cos_phi * x + sin_phi * y
    y_frame = cos_phi * y - sin_phi * x
    psi = xp.sqrt(q2 * x_frame * x_frame + y_frame * y_frame)
    atan_part = aa.numerics.arctan_ratio(scale * x_frame, psi, xp=xp)
    y_scaled = scale * y_frame
    log_part = 0.5 * aa.numerics.log((psi + y_scaled) / (psi - y_scaled), xp=xp)
    amp = einstein_radius * amplitude
    return (
        amp * (sin_phi * atan_part + cos_phi * log_part),
        amp * (cos_phi * atan_part - sin_phi * log_part),
    )


def _sie_series_from(y, x, einstein_radius, e1, e2, f, xp=np):
    """Small-ellipticity SIE ``(alpha_y, alpha_x)``, smooth in ``ell_comps`` through ``(0, 0)``.

    ``alpha_x + i alpha_y = theta_E (1 - f^2) u T(w)`` with ``u = (P + iQ)/S``,
    ``w = conj(eps) u^2`` (``|w| = f``) and ``T(w) = atan(sqrt w)/sqrt w = sum_k (-w)^k/(2k+1)``,
    truncated after ``w^4`` (relative error below ``f^5/11``). Values depend on ``ell_comps``
    polynomially, so gradients are exact at ``ell_comps = (0, 0)``.
    """
    p, q, s2 = _elliptical_coordinates_from(y, x, e1, e2, xp=xp)
    # Two divisions by S, not a product with 1/S: XLA turns 1/sqrt into rsqrt, which LLVM does
    # not vectorise for AVX2 (no AVX-512), and under jax.vmap (where lax.cond becomes a select
    # and this branch is evaluated too) that left the whole fused per-point loop scalar.
    s = xp.sqrt(s2)
    u_real = p / s
    u_imag = q / s
    u2_real = u_real * u_real - u_imag * u_imag
    u2_imag = 2.0 * u_real * u_imag
    w_real = e2 * u2_real + e1 * u2_imag
    w_imag = e2 * u2_imag - e1 * u2_real
    t_real = 1.0 / 9.0
    t_imag = 0.0
    for coefficient in (-1.0 / 7.0, 1.0 / 5.0, -1.0 / 3.0, 1.0):
        t_real, t_imag = (
            coefficient + w_real * t_real - w_imag * t_imag,
            w_real * t_imag + w_imag * t_real,
        )
    amp = einstein_radius * (1.0 - (e1 * e1 + e2 * e2))
    return (
        amp * (u_real * t_imag + u_imag * t_real),
        amp * (u_real * t_real - u_imag * t_imag),
    )


def sie_deflections_from(y, x, einstein_radius, ell_comps, xp=np, centre=(0.0, 0.0)):
    """Singular isothermal ellipsoid deflections as a raw ``[N, 2]`` array ``(alpha_y, alpha_x)``.

    ``y``, ``x`` are observer-frame coordinates (views are never written to) and ``centre`` is
    subtracted here. The closed form (Kormann et al. 1994, PyAutoGalaxy normalisation) is, with
    ``e = sqrt(1 - q^2)``, ``psi = sqrt(q^2 x'^2 + y'^2)`` in the profile frame,

        alpha_x' = F atan(e x' / psi),   alpha_y' = F atanh(e y' / psi),
        F = 2 theta_E q / ((1 + q) e) = theta_E (1 - f^2) / (2 sqrt f),

    rotated back by the position angle; it is the ``t = 1`` case of the observer-frame EPL
    formula, ``theta_E (1 - f^2) atan(v u) / v`` with ``v^2 = conj(eps)``. ``atanh`` is taken as
    ``log((psi + e y')/(psi - e y'))/2`` (one log, no ``log1p``). The closed form is singular at
    ``f = 0`` (``F`` diverges, ``e`` vanishes), so below :data:`SIE_SERIES_ELLIPTICITY` the series
    of :func:`_sie_series_from` is used instead. The branch is chosen in Python for plain-number
    ``ell_comps`` and by ``lax.cond`` when they are traced (under ``vmap`` that becomes a select;
    the unused branch then sees a harmless stand-in ellipticity, so no gradient is NaN). Points at
    the exact centre get 0; the centre is handled inside the branches, so the observer-frame
    ``y``, ``x`` (constants on the likelihood path) are the only per-point operands.
    """
    fast = _sie_closed_numpy_or_none(y, x, einstein_radius, ell_comps, xp, centre)
    if fast is not None:
        return fast
    from autogalaxy.profiles.geometry_profiles import stacked_yx_from

    return stacked_yx_from(
        *sie_deflection_columns_from(y, x, einstein_radius, ell_comps, xp=xp, centre=centre),
        xp=xp,
    )


def _sie_closed_numpy_or_none(y, x, einstein_radius, ell_comps, xp, centre):
    """The in-place NumPy closed form ``[N, 2]`` for plain-number parameters outside the
    series branch, else None."""
    e1, e2, f = effective_ell_comps_from(ell_comps, xp=xp)
    if not (xp is np and plain_scalars(e1, e2, einstein_radius, centre)):
        return None
    if float(f) < SIE_SERIES_ELLIPTICITY:
        return None
    return _sie_closed_numpy_from(
        y, x, centre, float(einstein_radius), float(e1), float(e2), float(f)
    )


def sie_deflection_columns_from(y, x, einstein_radius, ell_comps, xp=np, centre=(0.0, 0.0)):
    """The ``(alpha_y, alpha_x)`` columns ``[N]`` of :func:`sie_deflections_from`."""
    fast = _sie_closed_numpy_or_none(y, x, einstein_radius, ell_comps, xp, centre)
    if fast is not None:
        return fast[:, 0], fast[:, 1]
    e1, e2, f = effective_ell_comps_from(ell_comps, xp=xp)
    if plain_scalars(f):
        branch = _sie_series_from if f < SIE_SERIES_ELLIPTICITY else _sie_closed_from
        return _sie_centred(branch, y, x, centre, einstein_radius, e1, e2, f, xp=xp)
    from jax import lax

    small = f < SIE_SERIES_ELLIPTICITY
    # Each branch gets its own ellipticity: the real one where it is used, a harmless
    # stand-in where it is not, so neither sees a value where it is singular (a select under
    # vmap evaluates both) and no NaN reaches the gradient.
    stand_in = 2.0 * SIE_SERIES_ELLIPTICITY
    closed_args = (
        xp.where(small, 0.0, e1),
        xp.where(small, stand_in, e2),
        xp.where(small, stand_in, f),
    )
    series_args = (xp.where(small, e1, 0.0), xp.where(small, e2, 0.0), xp.where(small, f, 0.0))
    centre_y = xp.asarray(centre[0], dtype=float)
    centre_x = xp.asarray(centre[1], dtype=float)

    def series(operands):
        y_o, x_o, c_y, c_x, theta_e, _, args = operands
        return _sie_centred(_sie_series_from, y_o, x_o, (c_y, c_x), theta_e, *args, xp=xp)

    def closed(operands):
        y_o, x_o, c_y, c_x, theta_e, args, _ = operands
        return _sie_centred(_sie_closed_from, y_o, x_o, (c_y, c_x), theta_e, *args, xp=xp)

    # lax.cond also makes XLA materialise the two deflection components in their own
    # vectorised loop instead of fusing them into their consumers.
    return lax.cond(
        small,
        series,
        closed,
        (
            y,
            x,
            centre_y,
            centre_x,
            xp.asarray(einstein_radius, dtype=float),
            closed_args,
            series_args,
        ),
    )


def _sie_centred(branch, y, x, centre, einstein_radius, e1, e2, f, xp=np):
    """``branch`` (closed form or series) at ``(y, x) - centre``, with 0 at the exact centre."""
    at_centre, y_c, x_c = centre_safe_from(y - centre[0], x - centre[1], xp=xp)
    alpha_y, alpha_x = branch(y_c, x_c, einstein_radius, e1, e2, f, xp=xp)
    return xp.where(at_centre, 0.0, alpha_y), xp.where(at_centre, 0.0, alpha_x)
