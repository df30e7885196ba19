"""Kernels for cored power laws, ``kappa(xi) = A (r_c^2 + xi^2)^(-t/2)`` (``t = slope - 1``).

Elliptical deflections and potentials use Keeton's (2001) one-dimensional integrals in the profile
frame (major axis on x', ``xi^2 = x'^2 + y'^2/q^2``, ``p = 1 - q^2``,
``xi(u)^2 = u (x'^2 + y'^2 / (1 - p u))``)::

    alpha_x' = q x' J_0,   alpha_y' = q y' J_1,   J_n = int_0^1 kappa(xi(u)) (1 - p u)^-(n + 1/2) du
    psi      = q int_0^1 m(xi(u)) / u (1 - p u)^(-1/2) du,   m(xi) = int_0^xi s kappa(s) ds

The integrands are nearly singular at ``u ~ a = r_c^2 / (x'^2 + y'^2)`` and, for small ``q``, at
``u ~ 1``. On ``[0, 1/2]`` the substitution ``u = a (e^tau - 1)`` (``du = (u + a) d tau``) turns
the ``(a + u)^(-t/2)`` behaviour into a smooth exponential in ``tau``; on ``[1/2, 1]`` the
variable ``log(1 - p u)`` does the same for ``(1 - p u)^-(n+1/2)``. Fixed Gauss-Legendre rules
(64 + 32 nodes) then reach ~1e-12 relative accuracy. Fixed nodes make the same code run on NumPy and
under ``jax.jit`` / ``jax.vmap`` / ``jax.grad``.
"""

from __future__ import annotations

import numpy as np

from autogalaxy.profiles.mass import keeton_util

#: Gauss-Legendre nodes used for the Keeton integrals.
CORE_QUADRATURE_NODES = 96

#: Floor on ``r_c^2`` (arcsec^2) so that ``core_radius = 0`` stays finite.
CORE_RADIUS_SQUARED_FLOOR = 1.0e-30

#: Floor on the squared radius at the exact centre.
RADIUS_SQUARED_FLOOR = 1.0e-100

#: Points per NumPy chunk (bounds the [points x nodes] temporaries).
_CHUNK = 16384


def enclosed_from(xi2, amplitude, t, rc2, xp=np):
    """``m(xi) = int_0^xi s kappa(s) ds = A r_c^(2-t) [(1 + xi^2/r_c^2)^(1-t/2) - 1] / (2 - t)``.

    Written with ``expm1`` / ``log1p`` so that it is accurate for ``xi << r_c``.
    """
    power = 1.0 - 0.5 * t
    return amplitude * rc2**power * xp.expm1(power * xp.log1p(xi2 / rc2)) / (2.0 - t)


def _substitution_from(y, x, rc2, p, n_nodes, xp):
    """Per-point ``u`` and ``du`` quadrature weights (shape [N, n]) on [0, 1].

    Two segments: ``[0, 1/2]`` with ``u = a (e^tau - 1)`` (``a = r_c^2 / r^2``), which smooths the
    near-singular core; ``[1/2, 1]`` with ``1 - p u`` log-uniform, which smooths the factor
    ``(1 - p u)^-(n + 1/2)`` when ``q`` is small (``p = 1 - q^2`` close to 1).
    """
    n_a = n_nodes - n_nodes // 3
    n_b = n_nodes // 3
    va, wa = keeton_util.gauss_legendre_unit(n_a)
    vb, wb = keeton_util.gauss_legendre_unit(n_b)
    u_split = 0.5

    s0 = y * y + x * x
    s0 = xp.where(s0 > RADIUS_SQUARED_FLOOR, s0, RADIUS_SQUARED_FLOOR)
    a = (rc2 / s0)[:, None]
    t_max = xp.log1p(u_split * s0 / rc2)[:, None]
    tau = t_max * va[None, :]
    u_a = xp.minimum(a * xp.expm1(tau), u_split)
    du_a = t_max * wa[None, :] * (u_a + a)

    p_safe = xp.maximum(p, 1.0e-12)
    big_l = xp.log1p(p_safe * (1.0 - u_split) / (1.0 - p_safe))
    decay = xp.exp(-big_l * vb)
    u_b = -xp.expm1(-big_l * vb) / p_safe + u_split * decay
    du_b = wb * big_l / p_safe * (1.0 - p_safe * u_b)
    u_b = xp.broadcast_to(u_b[None, :], (y.shape[0], n_b))
    du_b = xp.broadcast_to(du_b[None, :], (y.shape[0], n_b))
    return xp.concatenate([u_a, u_b], axis=1), xp.concatenate([du_a, du_b], axis=1)


def cored_deflections_from(
    y, x, amplitude, t, core_radius, axis_ratio, xp=np, n_nodes=CORE_QUADRATURE_NODES
):
    """Profile-frame ``(alpha_y', alpha_x')`` of ``kappa = A (r_c^2 + xi^2)^(-t/2)``."""
    rc2 = xp.maximum(core_radius * core_radius, CORE_RADIUS_SQUARED_FLOOR)
    p = 1.0 - axis_ratio * axis_ratio

    def kernel(yy, xx):
        u, du = _substitution_from(yy, xx, rc2, p, n_nodes, xp)
        one_minus = 1.0 - p * u
        xi2 = u * (xx[:, None] ** 2 + yy[:, None] ** 2 / one_minus)
        kappa = amplitude * (rc2 + xi2) ** (-0.5 * t)
        base = du * kappa / xp.sqrt(one_minus)
        j0 = xp.sum(base, axis=1)
        j1 = xp.sum(base / one_minus, axis=1)
        return axis_ratio * yy * j1, axis_ratio * xx * j0

    return keeton_util.chunked(kernel, (y, x), xp, chunk=_CHUNK)


def cored_potential_from(
    y, x, amplitude, t, core_radius, axis_ratio, xp=np, n_nodes=CORE_QUADRATURE_NODES
):
    """Profile-frame potential of ``kappa = A (r_c^2 + xi^2)^(-t/2)`` (zero at the centre)."""
    rc2 = xp.maximum(core_radius * core_radius, CORE_RADIUS_SQUARED_FLOOR)
    p = 1.0 - axis_ratio * axis_ratio

    def kernel(yy, xx):
        u, du = _substitution_from(yy, xx, rc2, p, n_nodes, xp)
        one_minus = 1.0 - p * u
        g = xx[:, None] ** 2 + yy[:, None] ** 2 / one_minus
        # m(xi(u)) / u with xi^2 = u g (u > 0 at every node).
        power = 1.0 - 0.5 * t
        ratio = xp.log1p(u * g / rc2)
        m_over_u = amplitude * rc2**power * xp.expm1(power * ratio) / ((2.0 - t) * u)
        return axis_ratio * xp.sum(du * m_over_u / xp.sqrt(one_minus), axis=1)

    return keeton_util.chunked(kernel, (y, x), xp, chunk=_CHUNK)


def cored_sph_deflections_from(y, x, einstein_radius, slope, core_radius, xp=np):
    """Raw ``(alpha_y, alpha_x)`` of the spherical cored power law (closed form).

    ``|alpha|(r) = theta_E^t [(r_c^2 + r^2)^(1-t/2) - r_c^(2-t)] / r`` with ``t = slope - 1``.
    """
    t = slope - 1.0
    rc2 = xp.maximum(core_radius * core_radius, CORE_RADIUS_SQUARED_FLOOR)
    r2 = y * y + x * x
    r2 = xp.where(r2 > RADIUS_SQUARED_FLOOR, r2, RADIUS_SQUARED_FLOOR)
    power = 1.0 - 0.5 * t
    scale = einstein_radius**t * rc2**power * xp.expm1(power * xp.log1p(r2 / rc2)) / r2
    return scale * y, scale * x
