"""Pure array kernels for the elliptical power-law (EPL) family.

Everything here works on raw arrays and takes ``xp`` (``numpy`` or ``jax.numpy``), so one body
of code serves both backends.

Formulation
-----------
Tessore & Metcalf (2015) write the EPL deflection in the profile frame with the Gauss
hypergeometric function ``2F1(1, t/2; 2 - t/2; z)`` (``t = slope - 1``).  Here the same result is
rewritten in the *observer* frame with the complex ellipticity ``eps = e2 + i e1`` (``|eps| = f``,
``f = (1 - q) / (1 + q)``), which removes every rotation and trigonometric function and makes the
result a smooth function of ``ell_comps`` (including at ``ell_comps = (0, 0)``):

    zeta  = x + i y                      (relative to the centre)
    P + iQ = zeta - eps conj(zeta)       (= (1 + f) e^{i phi} (q x' + i y'))
    S     = |P + iQ|
    alpha_x + i alpha_y = theta_E^t (1 + f)(1 - f)^t S^{-t} (P + iQ) H(-conj(eps) (P + iQ)^2 / S^2)
    kappa = (2 - t)(1 + f) / 2 * theta_E^t (1 - f)^t S^{-t}
    psi   = (x alpha_x + y alpha_y) / (2 - t)

with ``H(z) = 2F1(1, t/2; 2 - t/2; z)`` and ``|z| = f < 1``, evaluated by Gauss-Jacobi quadrature
(:mod:`.epl_hyp2f1`). The shared frame helpers are in :mod:`.epl_geometry`; the slope-2 closed
form (SIE) is in :mod:`.sie_util`. Every name is also importable from this module.
"""

from __future__ import annotations

import numpy as np

from autogalaxy.profiles.mass.total.epl_geometry import (  # noqa: F401
    CENTRE_SOFTENING_SQUARED,
    RADIUS_SQUARED_FLOOR,
    _elliptical_coordinates_from,
    centre_safe_from,
    effective_ell_comps_from,
    major_axis_unit_from,
)
from autogalaxy.profiles.mass.total.epl_hyp2f1 import (  # noqa: F401
    EPL_QUADRATURE_NODES,
    EPL_QUADRATURE_NODES_JAX,
    EPL_QUADRATURE_NODES_MAX,
    _cached_numpy_rule,
    _node_sums_numpy,
    gauss_jacobi_beta_rule_from,
    hyp2f1_epl_from,
    n_nodes_for_ellipticity_from,
    rule_for_profile_from,
)
from autogalaxy.profiles.mass.total.sie_util import (  # noqa: F401
    SIE_SERIES_ELLIPTICITY,
    _sie_closed_from,
    _sie_series_from,
    sie_deflection_columns_from,
    sie_deflections_from,
)


def epl_deflections_numpy_from(y, x, centre, einstein_radius, slope, ell_comps, rule):
    """NumPy EPL deflections as a raw ``[N, 2]`` array, for plain-number parameters.

    Same formula and operation order as :func:`epl_deflections_from`, evaluated in place on a
    handful of temporaries (``y``, ``x`` are observer-frame and never written to; the centre is
    subtracted first, which is exact for points near it), with the softened ``S_s^(1-t)`` as
    ``exp((1-t)/2 log S_s^2)``. Points where ``S^2`` is below the centre floor take the major-axis
    stand-in direction.
    """
    t = float(slope) - 1.0
    e1, e2, f = (float(v) for v in effective_ell_comps_from(ell_comps, xp=np))

    y_c = np.subtract(y, float(centre[0]))
    x_c = np.subtract(x, float(centre[1]))
    tmp = np.multiply(y_c, e1)
    p = np.multiply(x_c, 1.0 - e2)
    p -= tmp
    np.multiply(x_c, e1, out=tmp)
    q = y_c
    q *= 1.0 + e2
    q -= tmp

    s2 = np.multiply(p, p)
    np.multiply(q, q, out=tmp)
    s2 += tmp
    at_centre = s2 <= RADIUS_SQUARED_FLOOR
    if at_centre.any():
        p[at_centre], q[at_centre], s2[at_centre] = _centre_stand_in_pqs2_from(e1, e2, f, np)
    inv_s2 = np.divide(1.0, s2)

    # w = conj(eps) (P + iQ)^2 / S^2 with (P + iQ)^2 = (P^2 - Q^2) + i 2PQ.
    diff = np.multiply(p, p)
    np.multiply(q, q, out=tmp)
    diff -= tmp
    w_imag = np.multiply(p, q)
    w_imag *= 2.0
    w_real = np.multiply(diff, e2)
    np.multiply(w_imag, e1, out=tmp)
    w_real += tmp
    w_real *= inv_s2
    w_imag *= e2
    np.multiply(diff, e1, out=tmp)
    w_imag -= tmp
    w_imag *= inv_s2

    # S_s^(1-t) / S amplitude, in place on s2 (x_c is free now).
    amplitude = s2
    if at_centre.any():
        amplitude[at_centre] = 0.0
    amplitude += (1.0 + f) ** 2 * CENTRE_SOFTENING_SQUARED
    np.log(amplitude, out=amplitude)
    amplitude *= 0.5 * (1.0 - t)
    np.exp(amplitude, out=amplitude)
    np.sqrt(inv_s2, out=x_c)
    amplitude *= x_c
    amplitude *= float(einstein_radius) ** t * (1.0 + f) * (1.0 - f) ** t

    # H = A + conj(w) B (see hyp2f1_epl_from), accumulated in the two free buffers.
    nodes, weights = rule
    f2 = e1 * e1 + e2 * e2
    acc_a, acc_b = diff, inv_s2
    _node_sums_numpy(w_real, f2, nodes, weights, acc_a, acc_b, tmp)
    np.multiply(w_real, acc_b, out=tmp)
    acc_a += tmp  # h_real
    np.multiply(w_imag, acc_b, out=acc_b)
    np.negative(acc_b, out=acc_b)  # h_imag
    h_real, h_imag = acc_a, acc_b

    out = np.empty((p.shape[0], 2))
    np.multiply(p, h_real, out=out[:, 1])
    np.multiply(q, h_imag, out=tmp)
    out[:, 1] -= tmp
    out[:, 1] *= amplitude
    np.multiply(p, h_imag, out=out[:, 0])
    np.multiply(q, h_real, out=tmp)
    out[:, 0] += tmp
    out[:, 0] *= amplitude
    return out


def _centre_stand_in_pqs2_from(e1, e2, f, xp=np):
    """``P``, ``Q``, ``S^2`` of the centre's stand-in, the major-axis point of
    :func:`.epl_geometry.major_axis_unit_from` (direction ``e^{i phi}``, so ``w = f``)."""
    sin_phi, cos_phi = major_axis_unit_from(e1, e2, f, xp=xp)
    p = (1.0 - e2) * cos_phi - e1 * sin_phi
    q = (1.0 + e2) * sin_phi - e1 * cos_phi
    return p, q, p * p + q * q


def epl_deflections_from(
    y, x, einstein_radius, slope, ell_comps, xp=np, n_nodes=EPL_QUADRATURE_NODES, rule=None
):
    """EPL deflections ``(alpha_y, alpha_x)`` at points ``(y, x)`` given relative to the centre.

    PyAutoGalaxy's convention at and near the centre: the amplitude uses the softened radius
    ``S_s = sqrt(S^2 + (1 + f)^2 delta)`` (``delta`` = :data:`CENTRE_SOFTENING_SQUARED`, i.e.
    ``q^2 x'^2 + y'^2 + delta`` in the profile frame) while the direction ``(P + iQ) / S`` stays
    exact, so ``alpha = theta_E^t (1 + f)(1 - f)^t S_s^(1-t) (P + iQ) / S H(w)``. At the exact
    centre (no direction) the major-axis stand-in gives direction ``e^{i phi}``, ``w = f``, with
    ``S_s^2 = (1 + f)^2 delta``. Both branches are finite, so no gradient is NaN.

    ``rule`` optionally supplies precomputed ``(nodes, weights)`` (e.g. for fixed slope).
    Returns raw arrays in the observer frame (no rotation needed).
    """
    t = slope - 1.0
    e1, e2, f = effective_ell_comps_from(ell_comps, xp=xp)
    at_centre = y * y + x * x <= RADIUS_SQUARED_FLOOR
    p_in, q_in, _ = _centre_stand_in_pqs2_from(e1, e2, f, xp=xp)
    p = xp.where(at_centre, p_in, (1.0 - e2) * x - e1 * y)
    q = xp.where(at_centre, q_in, (1.0 + e2) * y - e1 * x)
    s2 = p * p + q * q

    # w = conj(eps) (P + iQ)^2 / S^2,  eps = e2 + i e1.
    u_real = (p * p - q * q) / s2
    u_imag = 2.0 * p * q / s2
    w_real = e2 * u_real + e1 * u_imag
    w_imag = e2 * u_imag - e1 * u_real

    if rule is None:
        rule = gauss_jacobi_beta_rule_from(t, n_nodes=n_nodes, xp=xp)
    h_real, h_imag = hyp2f1_epl_from(w_real, w_imag, e1 * e1 + e2 * e2, rule[0], rule[1], xp=xp)

    s2_soft = xp.where(at_centre, 0.0, s2) + (1.0 + f) ** 2 * CENTRE_SOFTENING_SQUARED
    amplitude = (
        einstein_radius**t * (1.0 + f) * (1.0 - f) ** t * s2_soft ** (0.5 * (1.0 - t)) / xp.sqrt(s2)
    )
    alpha_x = amplitude * (p * h_real - q * h_imag)
    alpha_y = amplitude * (p * h_imag + q * h_real)
    return alpha_y, alpha_x


def epl_convergence_from(y, x, einstein_radius, slope, ell_comps, xp=np):
    """EPL convergence ``(3-slope)/(1+q) (theta_E/eta)^(slope-1)`` in the observer frame."""
    t = slope - 1.0
    e1, e2, f = effective_ell_comps_from(ell_comps, xp=xp)
    _, _, s2 = _elliptical_coordinates_from(y, x, e1, e2, xp=xp)
    return 0.5 * (2.0 - t) * (1.0 + f) * einstein_radius**t * (1.0 - f) ** t * s2 ** (-0.5 * t)


def epl_potential_from(
    y, x, einstein_radius, slope, ell_comps, xp=np, n_nodes=EPL_QUADRATURE_NODES, rule=None
):
    """EPL lensing potential ``(x alpha_x + y alpha_y) / (3 - slope)`` (Euler's homogeneity relation)."""
    alpha_y, alpha_x = epl_deflections_from(
        y, x, einstein_radius, slope, ell_comps, xp=xp, n_nodes=n_nodes, rule=rule
    )
    return (x * alpha_x + y * alpha_y) / (3.0 - slope)


def epl_deflections_hyp2f1_from(y, x, einstein_radius, slope, ell_comps):
    """NumPy-only reference using ``scipy.special.hyp2f1`` in the Tessore & Metcalf profile frame."""
    from scipy.special import hyp2f1

    from autogalaxy import convert

    q, angle = convert.axis_ratio_and_angle_from(ell_comps)
    phi = np.radians(angle)
    cos_phi, sin_phi = np.cos(phi), np.sin(phi)
    xr = x * cos_phi + y * sin_phi
    yr = -x * sin_phi + y * cos_phi
    t = slope - 1.0
    fac = (1.0 - q) / (1.0 + q)
    b = 2.0 * einstein_radius * q / (1.0 + q)
    big_r = np.sqrt(q * q * xr * xr + yr * yr)
    ang = np.arctan2(yr, q * xr)
    z = -fac * np.exp(2j * ang)
    alpha = (
        2.0
        * b
        / (1.0 + q)
        * (b / big_r) ** (t - 1.0)
        * np.exp(1j * ang)
        * hyp2f1(1.0, 0.5 * t, 2.0 - 0.5 * t, z)
        * ((1.0 + q) / 2.0) ** (t - 1.0)
    )
    ax_r, ay_r = alpha.real, alpha.imag
    return ax_r * sin_phi + ay_r * cos_phi, ax_r * cos_phi - ay_r * sin_phi
