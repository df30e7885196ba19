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
    CENTRE_SOFTENING_SQUARED,
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
    from the observer-frame ``x``, ``y`` less the centre (subtracted first, which is exact near
    it), and ``psi = sqrt(q^2 X^2 + Y^2 + e^2 delta) / e`` (the softened radius of
    :func:`sie_deflections_from`). Then ``atan(e x'/psi) = atan(X / psi)`` and
    ``atanh(e y'/psi) = log((psi + Y)/(psi - Y)) / 2``. Every step writes into a temporary it owns.
    """
    cos_phi, sin_phi, q2, amplitude, sqrt_f = _sie_frame_constants_from(e1, e2, f)
    scale = 2.0 * sqrt_f / (1.0 + f)
    cx, sx = scale * cos_phi, scale * sin_phi

    x_c = np.subtract(x, float(centre[1]))
    y_c = np.subtract(y, float(centre[0]))
    big_x = np.multiply(x_c, cx)
    tmp = np.multiply(y_c, sx)
    big_x += tmp
    big_y = y_c
    big_y *= cx
    np.multiply(x_c, sx, out=tmp)
    big_y -= tmp

    psi = x_c
    np.multiply(big_x, big_x, out=psi)
    psi *= q2
    np.multiply(big_y, big_y, out=tmp)
    psi += tmp
    psi += scale * scale * CENTRE_SOFTENING_SQUARED
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
    """Functional closed-form SIE ``(alpha_y, alpha_x)`` at centred ``y``, ``x``; the softened
    ``psi > |y'|`` keeps every point (the centre included, where it gives 0) finite."""
    cos_phi, sin_phi, q2, amplitude, sqrt_f = _sie_frame_constants_from(e1, e2, f, xp=xp)
    scale = 2.0 * sqrt_f / (1.0 + f)
    x_frame = cos_phi * x + sin_phi * y
    y_frame = cos_phi * y - sin_phi * x
    psi = xp.sqrt(q2 * x_frame * x_frame + y_frame * y_frame + CENTRE_SOFTENING_SQUARED)
    atan_part = aa.numerics.arctan_ratio(scale * x_frame, psi, xp=xp)
    y_scaled = scale * y_frame
    log_part = 0.5 * aa.numerics.log((psi + y_scaled) / (psi - y_scaled), xp=xp)
    amp = einstein_radius * amplitude
    return (
        amp * (sin_phi * atan_part + cos_phi * log_part),
        amp * (cos_phi * atan_part - sin_phi * log_part),
    )


#: Terms ``k = 0 .. SIE_SERIES_ORDER`` of the small-ellipticity series; the first one left out is
#: below ``(4 f)^5 / 11`` (1e-18 relative at the switch).
SIE_SERIES_ORDER = 4


def _sie_series_from(y, x, einstein_radius, e1, e2, f, xp=np):
    """Small-ellipticity SIE ``(alpha_y, alpha_x)``, smooth in ``ell_comps`` through ``(0, 0)``.

    PyAutoGalaxy's series of ``atan(e x'/psi)/e`` and ``atanh(e y'/psi)/e`` in ``e^2 = 1 - q^2``
    (softened ``psi``), rotated to the observer frame, where every power of ``e^2 e^{-2i phi}``
    becomes a power of ``conj(eps)``:

        alpha_x + i alpha_y = theta_E (1 - f) T sum_k (-1)^k / ((2k+1)(1+f)^(2k))
                              * sum_{m<=k} C(2k+1, 2m) a^(k-m) conj(a)^m

    with ``T = (x + iy)/psi``, ``a = conj(eps) T^2`` and
    ``psi^2 = x^2 + y^2 + delta - 2 (f r^2 + Re(conj(eps) zeta^2)) / (1 + f)^2``. Values depend
    on ``ell_comps`` polynomially (and through ``f``), so gradients are finite and correct at
    ``ell_comps = (0, 0)``, and the softening keeps the centre (where it gives 0) finite.
    """
    r2 = x * x + y * y
    re_conj_eps_zeta2 = e2 * (x * x - y * y) + 2.0 * e1 * x * y
    inv_one_plus_f2 = 1.0 / ((1.0 + f) * (1.0 + f))
    psi2 = r2 + CENTRE_SOFTENING_SQUARED - 2.0 * (f * r2 + re_conj_eps_zeta2) * inv_one_plus_f2
    # Two divisions by psi, not a product with 1/psi: XLA turns 1/sqrt into rsqrt, which LLVM
    # does not vectorise for AVX2 (no AVX-512), and under jax.vmap (where lax.cond becomes a
    # select and this branch is evaluated too) that left the whole fused per-point loop scalar.
    psi = xp.sqrt(psi2)
    t_real = x / psi
    t_imag = y / psi
    t2_real = t_real * t_real - t_imag * t_imag
    t2_imag = 2.0 * t_real * t_imag
    a_real = e2 * t2_real + e1 * t2_imag
    a_imag = e2 * t2_imag - e1 * t2_real
    powers = [(1.0, 0.0), (a_real, a_imag)]
    for _ in range(2, SIE_SERIES_ORDER + 1):
        prev_real, prev_imag = powers[-1]
        powers.append(
            (prev_real * a_real - prev_imag * a_imag, prev_real * a_imag + prev_imag * a_real)
        )
    sum_real = 1.0
    sum_imag = 0.0
    scale = 1.0
    for k in range(1, SIE_SERIES_ORDER + 1):
        scale = scale * (-inv_one_plus_f2)
        term_real = 0.0
        term_imag = 0.0
        for m in range(k + 1):
            # a^(k-m) conj(a^m)
            hi_real, hi_imag = powers[k - m]
            lo_real, lo_imag = powers[m]
            binomial = float(math.comb(2 * k + 1, 2 * m))
            term_real = term_real + binomial * (hi_real * lo_real + hi_imag * lo_imag)
            term_imag = term_imag + binomial * (hi_imag * lo_real - hi_real * lo_imag)
        weight = scale / (2 * k + 1)
        sum_real = sum_real + weight * term_real
        sum_imag = sum_imag + weight * term_imag
    amp = einstein_radius * (1.0 - f)
    return (
        amp * (t_real * sum_imag + t_imag * sum_real),
        amp * (t_real * sum_real - t_imag * sum_imag),
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
    ``log((psi + e y')/(psi - e y'))/2`` (one log, no ``log1p``). As PyAutoGalaxy does, ``psi`` is
    softened to ``sqrt(q^2 x'^2 + y'^2 + delta)`` (``delta`` =
    :data:`.epl_geometry.CENTRE_SOFTENING_SQUARED`): the deflections fall to 0 at the exact
    centre, continuously and with finite gradients. The closed form is singular at
    ``f = 0`` (``F`` diverges, ``e`` vanishes), so below :data:`SIE_SERIES_ELLIPTICITY` the series
    of :func:`_sie_series_from` is used instead. The branch is chosen in Python for plain-number
    ``ell_comps`` and by ``lax.cond`` when they are traced (under ``vmap`` that becomes a select;
    the unused branch then sees a harmless stand-in ellipticity, so no gradient is NaN). The
    centre is subtracted inside the branches, so the observer-frame ``y``, ``x`` (constants on the
    likelihood path) are the only per-point operands.
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
    from jax import checkpoint, lax

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
    # vectorised loop instead of fusing them into their consumers. On many points the branches
    # are rematerialised in reverse mode: a linearised cond returns the residuals of both
    # branches (the untaken one's as zero-filled [N] arrays, ~35 in all), which the blocked
    # gradient (autoarray.row_blocked_vjp) wrote and read back per block; recomputing the taken
    # branch in the backward cond is cheaper there (P2 gradient ~9% less CPU), while on a few
    # thousand points the residuals stay in cache and saving them is (P1 gradient ~7%).
    if np.size(y) >= aa.execution.settings().cond_remat_min_points:
        series, closed = checkpoint(series), checkpoint(closed)
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
    """``branch`` (closed form or series) at ``(y, x) - centre`` (finite everywhere: both
    branches use the softened radius)."""
    return branch(y - centre[0], x - centre[1], einstein_radius, e1, e2, f, xp=xp)
