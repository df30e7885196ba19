"""Deflection angles and potential of any elliptical convergence ``kappa(xi)`` by fixed quadrature.

For a convergence stratified on ellipses ``xi^2 = x^2 + y^2 / q^2`` (profile frame, major axis on x)
Keeton (2001, astro-ph/0102341, eqs. 27-29) gives, with ``p = 1 - q^2`` and
``xi(u)^2 = u (x^2 + y^2 / (1 - p u))``,

    alpha_x = q x J_0,   alpha_y = q y J_1,   J_n = int_0^1 kappa(xi(u)) / (1 - p u)^(n + 1/2) du,
    psi     = (q / 2) int_0^1 (xi(u) / u) alpha_circ(xi(u)) / (1 - p u)^(1/2) du,

where ``alpha_circ(xi) = (2 / xi) int_0^xi xi' kappa(xi') dxi'`` is the deflection of the circular
profile ``kappa(xi)``.  The integrals are evaluated with fixed Gauss-Legendre panels whose nodes
adapt (smoothly, per point) to the profile scale, the distance of the point and the axis ratio
(see :func:`_nodes_from`), so the same code runs on NumPy and under ``jax.jit`` / ``jax.vmap`` /
``jax.grad`` with relative errors ~1e-9 or better down to ``q = 0.1``.
"""

from __future__ import annotations

import numpy as np

#: Points per NumPy chunk (limits the [points x nodes] temporaries to a few tens of MB).
_CHUNK = 20000


def gauss_legendre_unit(n_nodes: int):
    """Gauss-Legendre nodes and weights on ``[0, 1]`` (NumPy arrays)."""
    nodes, weights = np.polynomial.legendre.leggauss(n_nodes)
    return 0.5 * (nodes + 1.0), 0.5 * weights


def safe_sqrt(value, xp=np):
    """``sqrt(value)`` for ``value >= 0`` whose value and gradient are 0 (not NaN) at 0."""
    positive = value > 0.0
    return xp.where(positive, xp.sqrt(xp.where(positive, value, 1.0)), 0.0)


def radii_from(raw, xp=np):
    """Distances from the origin of raw ``[N, 2]`` points (finite gradient at the origin)."""
    return safe_sqrt(raw[:, 0] ** 2 + raw[:, 1] ** 2, xp)


def radial_vectors_from(raw, magnitude_over_radius, xp=np):
    """Raw ``[N, 2]`` radial vectors ``(alpha / r) (y, x)`` of the raw ``[N, 2]`` points."""
    return xp.stack((magnitude_over_radius * raw[:, 0], magnitude_over_radius * raw[:, 1]), axis=-1)


def radial_potential_from(radii, deflection_func, n_nodes: int, xp=np):
    """Potential of a circular profile, ``psi(r) = r int_0^1 alpha(r t^2) 2 t dt``.

    ``deflection_func(radius, xp=xp)`` gives the radial deflection magnitude; the integral uses
    ``n_nodes`` Gauss-Legendre nodes on ``[0, 1]`` (the ``u = t^2`` substitution keeps it smooth
    at the centre).
    """
    t, w = gauss_legendre_unit(n_nodes)
    t = xp.asarray(t)
    w = xp.asarray(w)
    alpha = deflection_func(radii[:, None] * t[None, :] ** 2, xp=xp)
    return radii * xp.sum(alpha * (2.0 * w * t)[None, :], axis=1)


def chunked(func, arrays, xp=np, chunk: int = _CHUNK):
    """Apply ``func`` to 1D ``arrays`` in slices of ``chunk`` points on NumPy (whole arrays on JAX).

    ``func`` returns an array or a tuple of arrays; the slices' results are concatenated.
    """
    if xp is not np or arrays[0].shape[0] <= chunk:
        return func(*arrays)
    outs = [func(*(a[i : i + chunk] for a in arrays)) for i in range(0, arrays[0].shape[0], chunk)]
    if isinstance(outs[0], tuple):
        return tuple(np.concatenate(parts) for parts in zip(*outs))
    return np.concatenate(outs)


#: Upper end of the small-``u`` panels; ``[U_SPLIT, 1]`` is the panel near the ellipse axis.
U_SPLIT = 0.5


def _nodes_from(rho2, p, axis_ratio, scale, power, n_nodes, xp):
    """Per-point quadrature nodes ``u`` and weights (Jacobian included) on ``[0, 1]``.

    Three Gauss-Legendre panels:

    * ``[0, u_a]`` with ``u = u_a t^power`` (smooths the centre cusp / logarithm of ``kappa``),
      where ``u_a = min(scale^2 / rho^2, U_SPLIT)`` is about where ``xi(u)`` reaches ``scale``
      (``rho^2 = x^2 + y^2 / q^2``), so a point far out still resolves the central mass;
    * ``[u_a, U_SPLIT]`` logarithmic in ``u`` (power-law and exponential tails of ``kappa``);
    * ``[U_SPLIT, 1]`` logarithmic in ``q^2 / p + 1 - u``, which resolves the peak of
      ``(1 - p u)^(-3/2)`` of width ``q^2 / p`` at ``u = 1`` for small axis ratios.
    """
    t, w = gauss_legendre_unit(n_nodes)
    t = xp.asarray(t)[None, :]
    w = xp.asarray(w)[None, :]

    far = rho2 > scale**2 / U_SPLIT
    u_a = xp.where(far, scale**2 / xp.where(far, rho2, 1.0), U_SPLIT)[:, None]

    u_1 = u_a * t**power
    jac_1 = u_a * w * power * t ** (power - 1.0)

    log_ratio = xp.log(U_SPLIT / u_a)
    u_2 = u_a * xp.exp(log_ratio * t)
    jac_2 = w * u_2 * log_ratio

    width = 1.0 - U_SPLIT
    ratio = xp.maximum(width * p / axis_ratio**2, 1.0e-12)
    log1p_ratio = xp.log1p(ratio)
    growth = xp.exp(t * log1p_ratio)
    shape = (u_a.shape[0], n_nodes)
    u_3 = xp.broadcast_to(1.0 - width * xp.expm1(t * log1p_ratio) / ratio, shape)
    jac_3 = xp.broadcast_to(w * width * log1p_ratio * growth / ratio, shape)

    u = xp.concatenate((u_1, u_2, u_3), axis=1)
    jac = xp.concatenate((jac_1, jac_2, jac_3), axis=1)
    return u, jac


def keeton_deflections_from(
    y, x, axis_ratio, kappa_of_xi2, xp=np, n_nodes=32, power=2.0, scale=1.0, chunk=_CHUNK
):
    """``(alpha_y, alpha_x)`` in the profile frame for the elliptical convergence.

    ``kappa_of_xi2(xi2, xp)`` is the convergence as a function of the *squared* elliptical radius
    (so no square root of 0 is ever differentiated); ``scale`` is the radius (in ``xi``) on which it
    varies, ``power`` the small-``u`` substitution exponent and ``n_nodes`` the Gauss-Legendre
    nodes per panel. ``y, x`` are 1D profile-frame coordinates; every parameter may be traced.
    ``chunk`` bounds the points per NumPy slice (smaller for convergences that are themselves
    integrals, whose temporaries have an extra node axis).
    """
    p = 1.0 - axis_ratio**2

    def _kernel(y_c, x_c):
        rho2 = x_c**2 + y_c**2 / axis_ratio**2
        u, jac = _nodes_from(rho2, p, axis_ratio, scale, power, n_nodes, xp)
        denom = 1.0 - p * u
        xi2 = u * (x_c[:, None] ** 2 + y_c[:, None] ** 2 / denom)
        weight = jac * kappa_of_xi2(xi2, xp) / xp.sqrt(denom)
        j0 = xp.sum(weight, axis=1)
        j1 = xp.sum(weight / denom, axis=1)
        return axis_ratio * y_c * j1, axis_ratio * x_c * j0

    return chunked(_kernel, (y, x), xp, chunk=chunk)


def keeton_potential_from(
    y, x, axis_ratio, alpha_circ_of_xi, xp=np, n_nodes=32, power=2.0, scale=1.0, chunk=_CHUNK
):
    """Lensing potential in the profile frame from the circular deflection ``alpha_circ_of_xi``.

    Same quadrature as :func:`keeton_deflections_from`.
    """
    p = 1.0 - axis_ratio**2

    def _kernel(y_c, x_c):
        rho2 = x_c**2 + y_c**2 / axis_ratio**2
        u, jac = _nodes_from(rho2, p, axis_ratio, scale, power, n_nodes, xp)
        denom = 1.0 - p * u
        base = safe_sqrt(x_c[:, None] ** 2 + y_c[:, None] ** 2 / denom, xp)
        root_u = xp.sqrt(u)
        # xi / u = base / sqrt(u)
        integrand = base / root_u * alpha_circ_of_xi(root_u * base, xp) / xp.sqrt(denom)
        return 0.5 * axis_ratio * xp.sum(jac * integrand, axis=1)

    return chunked(_kernel, (y, x), xp, chunk=chunk)
