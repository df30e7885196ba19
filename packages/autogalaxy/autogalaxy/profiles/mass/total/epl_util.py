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

with ``H(z) = 2F1(1, t/2; 2 - t/2; z)`` and ``|z| = f < 1``.  ``H`` is evaluated through its Euler
integral representation, which for ``a = 1`` is the expectation of ``1 / (1 - z s)`` under a
Beta(t/2, 2 - t) distribution of ``s`` in [0, 1].  A Gauss-Jacobi rule with that weight
(nodes ``s_k``, normalised weights ``p_k`` from the Golub-Welsch eigenproblem) gives

    H(z) ~= sum_k p_k / (1 - z s_k),

which converges geometrically, at the rate set by the distance of the pole ``s = 1/z`` from
[0, 1] (about ``rho^(-2K)`` with ``rho = u + sqrt(u^2 - 1)``, ``u = 2/f - 1``).  For ``q >= 0.2``
(``f <= 2/3``) 16 nodes give errors of order 1e-14 relative; see docs/epl.md for measurements.
On NumPy (plain-number ``ell_comps``) the node count adapts to ``f``; on JAX it is fixed at
:data:`EPL_QUADRATURE_NODES_JAX`. Because ``|w| = f`` with ``w = -z``, the sum reduces to two real
accumulations per node (:func:`hyp2f1_epl_from`).
"""

from __future__ import annotations

import functools
import math

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import plain_scalars

#: Number of Gauss-Jacobi nodes used for the EPL hypergeometric function on the JAX path (and the
#: default of the kernels). 16 nodes are exact to round-off for q >= 0.2, ~1e-13 at q = 0.1.
EPL_QUADRATURE_NODES = 16

#: Node count used on the JAX path, where the ellipticity may be traced (so it cannot choose the
#: count): ~1e-15 relative for q >= 0.1, ~1e-11 at q = 0.05.
EPL_QUADRATURE_NODES_JAX = 20

#: Squared-radius floor (arcsec^2) used at the exact profile centre to keep values finite.
RADIUS_SQUARED_FLOOR = 1.0e-100


#: Largest node count chosen by :func:`n_nodes_for_ellipticity_from` (NumPy path).
EPL_QUADRATURE_NODES_MAX = 128


def _is_numpy(xp) -> bool:
    return xp is np


def n_nodes_for_ellipticity_from(f, tol=1.0e-16):
    """Gauss-Jacobi node count giving ~``tol`` relative accuracy for ellipticity ``f = |ell_comps|``.

    The quadrature error decays like ``rho^(-2K)`` with ``rho = u + sqrt(u^2 - 1)``, ``u = 2/f - 1``
    (Bernstein ellipse through the pole of ``1 / (1 - z s)``); two nodes are added as margin.
    Used on the NumPy path where ``f`` is a concrete number; never fewer than 8 nodes.
    """
    f = float(f)
    if f <= 1.0e-8:
        return 8
    u = 2.0 / f - 1.0
    rho = u + math.sqrt(max(u * u - 1.0, 0.0))
    if rho <= 1.0:
        return EPL_QUADRATURE_NODES_MAX
    n_nodes = int(math.ceil(-math.log(tol) / (2.0 * math.log(rho)))) + 2
    return max(8, min(EPL_QUADRATURE_NODES_MAX, n_nodes))


def gauss_jacobi_beta_rule_from(t, n_nodes=EPL_QUADRATURE_NODES, xp=np):
    """Nodes ``s_k`` in [0, 1] and normalised weights ``p_k`` (sum 1) for the Beta(t/2, 2-t) weight.

    The weight ``s^(t/2-1) (1-s)^(1-t)`` maps to the Jacobi weight ``(1-x)^a (1+x)^b`` on [-1, 1]
    with ``a = 1 - t``, ``b = t/2 - 1`` (``x = 2s - 1``).  The symmetric tridiagonal Jacobi matrix
    of the monic recurrence is diagonalised (Golub & Welsch 1969); nodes are its eigenvalues and
    weights the squared first components of its eigenvectors.  ``t`` may be a JAX tracer (the
    eigen-decomposition is differentiable because the nodes are distinct).  Valid for 0 < t < 2.
    """
    a = 1.0 - t
    b = 0.5 * t - 1.0
    ab = a + b
    k = np.arange(n_nodes, dtype=float)

    # Diagonal: (b^2 - a^2) / ((2k+a+b)(2k+a+b+2)); the k = 0 entry simplified to (b-a)/(a+b+2).
    k_pos = k[1:]
    two_k_ab = 2.0 * k_pos + ab
    diag_rest = (b * b - a * a) / (two_k_ab * (two_k_ab + 2.0))
    diag0 = (b - a) / (ab + 2.0)

    # Off-diagonal (k = 1 .. n-1).
    num = 4.0 * k_pos * (k_pos + a) * (k_pos + b) * (k_pos + ab)
    den = two_k_ab**2 * (two_k_ab + 1.0) * (two_k_ab - 1.0)
    off = xp.sqrt(num / den)

    if _is_numpy(xp):
        diag = np.concatenate([np.atleast_1d(diag0), diag_rest])
        jac = np.diag(diag) + np.diag(off, 1) + np.diag(off, -1)
    else:
        diag = xp.concatenate([xp.reshape(diag0, (1,)), diag_rest])
        jac = xp.diag(diag) + xp.diag(off, 1) + xp.diag(off, -1)

    eigvals, eigvecs = xp.linalg.eigh(jac)
    nodes = 0.5 * (eigvals + 1.0)
    weights = eigvecs[0, :] ** 2
    weights = weights / xp.sum(weights)
    return nodes, weights


def hyp2f1_epl_from(w_real, w_imag, f2, nodes, weights, xp=np):
    """``H = 2F1(1, t/2; 2-t/2; -w)`` as (real, imag) via ``sum_k p_k / (1 + s_k w)``.

    ``w`` is the complex number ``conj(eps) (P+iQ)^2 / S^2``, whose modulus is exactly
    ``f = sqrt(f2)``. Then ``|1 + s w|^2 = 1 + s^2 f2 + 2 s Re(w)`` and

        H = A + w_real B - i w_imag B,   A = sum_k p_k / D_k,   B = sum_k s_k p_k / D_k,

    with ``D_k = 1 + s_k^2 f2 + 2 s_k w_real``: two real accumulations per node. ``nodes`` and
    ``weights`` come from :func:`gauss_jacobi_beta_rule_from`.
    """
    n_nodes = nodes.shape[0]
    if xp is np:
        acc_a, acc_b, tmp = (np.empty_like(w_real) for _ in range(3))
        _node_sums_numpy(w_real, f2, nodes, weights, acc_a, acc_b, tmp)
    else:
        # Unrolled over the nodes: on CPU this runs 3-8x faster than a broadcast [N, K]
        # reduction or lax.scan (measured), at a modest compile-time cost.
        acc_a = 0.0
        acc_b = 0.0
        for k in range(n_nodes):
            s = nodes[k]
            inv = weights[k] / (1.0 + s * s * f2 + 2.0 * s * w_real)
            acc_a = acc_a + inv
            acc_b = acc_b + s * inv
    return acc_a + w_real * acc_b, -w_imag * acc_b


def _node_sums_numpy(w_real, f2, nodes, weights, acc_a, acc_b, tmp) -> None:
    """``A = sum_k p_k / D_k`` into ``acc_a`` and ``B = sum_k s_k p_k / D_k`` into ``acc_b``
    (see :func:`hyp2f1_epl_from`), in place: the three ``[N]`` buffers are overwritten."""
    acc_a.fill(0.0)
    acc_b.fill(0.0)
    for k in range(nodes.shape[0]):
        node = float(nodes[k])
        np.multiply(w_real, 2.0 * node, out=tmp)
        tmp += 1.0 + node * node * f2
        np.divide(float(weights[k]), tmp, out=tmp)
        acc_a += tmp
        tmp *= node
        acc_b += tmp


@functools.lru_cache(maxsize=256)
def _cached_numpy_rule(t: float, n_nodes: int):
    nodes, weights = gauss_jacobi_beta_rule_from(t, n_nodes=n_nodes, xp=np)
    nodes.setflags(write=False)
    weights.setflags(write=False)
    return nodes, weights


def rule_for_profile_from(slope, ell_comps, xp=np):
    """The ``(nodes, weights)`` Gauss-Jacobi rule for a profile's ``slope`` and ``ell_comps``.

    With a plain-number ellipticity on NumPy the node count adapts to it
    (:func:`n_nodes_for_ellipticity_from`); otherwise (JAX, traced values) it is
    :data:`EPL_QUADRATURE_NODES_JAX`. A plain-number ``slope`` uses a cached NumPy rule (a
    constant under ``jax.jit``); a traced slope builds the rule with ``xp`` (differentiable).
    """
    from autogalaxy.profiles.geometry_profiles import is_concrete

    if xp is np and is_concrete(ell_comps):
        f = min(math.hypot(float(ell_comps[0]), float(ell_comps[1])), 0.999)
        n_nodes = n_nodes_for_ellipticity_from(f)
    else:
        n_nodes = EPL_QUADRATURE_NODES_JAX
    if is_concrete(slope):
        return _cached_numpy_rule(float(slope) - 1.0, n_nodes)
    return gauss_jacobi_beta_rule_from(slope - 1.0, n_nodes=n_nodes, xp=xp)


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


def epl_deflections_numpy_from(y, x, centre, einstein_radius, slope, ell_comps, rule):
    """NumPy EPL deflections as a raw ``[N, 2]`` array, for plain-number parameters.

    Same formula and operation order as :func:`epl_deflections_from`, evaluated in place on a
    handful of temporaries (``y``, ``x`` are observer-frame and never written to; ``centre`` is
    folded into the linear map to ``P``, ``Q``), with ``S^(-t)`` as ``exp(-t/2 log S^2)``. Points
    where ``S^2`` is below the centre floor get 0.
    """
    t = float(slope) - 1.0
    e1, e2, f = (float(v) for v in effective_ell_comps_from(ell_comps, xp=np))
    cy, cx = float(centre[0]), float(centre[1])

    p = np.multiply(x, 1.0 - e2)
    tmp = np.multiply(y, e1)
    p -= tmp
    p += e1 * cy - (1.0 - e2) * cx
    q = np.multiply(y, 1.0 + e2)
    np.multiply(x, e1, out=tmp)
    q -= tmp
    q += e1 * cx - (1.0 + e2) * cy

    s2 = np.multiply(p, p)
    np.multiply(q, q, out=tmp)
    s2 += tmp
    at_centre = s2 <= RADIUS_SQUARED_FLOOR
    if at_centre.any():
        s2[at_centre] = 1.0
        p[at_centre] = 0.0
        q[at_centre] = 0.0
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

    # S^(-t) amplitude, in place on s2.
    np.log(s2, out=s2)
    s2 *= -0.5 * t
    np.exp(s2, out=s2)
    s2 *= float(einstein_radius) ** t * (1.0 + f) * (1.0 - f) ** t

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
    out[:, 1] *= s2
    np.multiply(p, h_imag, out=out[:, 0])
    np.multiply(q, h_real, out=tmp)
    out[:, 0] += tmp
    out[:, 0] *= s2
    return out


def epl_deflections_from(
    y, x, einstein_radius, slope, ell_comps, xp=np, n_nodes=EPL_QUADRATURE_NODES, rule=None
):
    """EPL deflections ``(alpha_y, alpha_x)`` at points ``(y, x)`` given relative to the centre.

    ``rule`` optionally supplies precomputed ``(nodes, weights)`` (e.g. for fixed slope).
    Returns raw arrays in the observer frame (no rotation needed).
    """
    t = slope - 1.0
    e1, e2, f = effective_ell_comps_from(ell_comps, xp=xp)
    at_centre, y, x = centre_safe_from(y, x, xp=xp)
    p, q, s2 = _elliptical_coordinates_from(y, x, e1, e2, xp=xp)

    # w = conj(eps) (P + iQ)^2 / S^2,  eps = e2 + i e1.
    u_real = (p * p - q * q) / s2
    u_imag = 2.0 * p * q / s2
    w_real = e2 * u_real + e1 * u_imag
    w_imag = e2 * u_imag - e1 * u_real

    if rule is None:
        rule = gauss_jacobi_beta_rule_from(t, n_nodes=n_nodes, xp=xp)
    h_real, h_imag = hyp2f1_epl_from(w_real, w_imag, e1 * e1 + e2 * e2, rule[0], rule[1], xp=xp)

    amplitude = einstein_radius**t * (1.0 + f) * (1.0 - f) ** t * s2 ** (-0.5 * t)
    alpha_x = xp.where(at_centre, 0.0, amplitude * (p * h_real - q * h_imag))
    alpha_y = xp.where(at_centre, 0.0, amplitude * (p * h_imag + q * h_real))
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


# -- singular isothermal ellipsoid (slope = 2): closed form ------------------------------------

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
    inv_s = 1.0 / xp.sqrt(s2)
    u_real = p * inv_s
    u_imag = q * inv_s
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
