"""The Gauss hypergeometric function of the EPL deflection and its Gauss-Jacobi quadrature.

The EPL deflection (:mod:`.epl_util`) needs ``H(z) = 2F1(1, t/2; 2 - t/2; z)`` with ``|z| = f < 1``.
``H`` is evaluated through its Euler integral representation, which for ``a = 1`` is the
expectation of ``1 / (1 - z s)`` under a Beta(t/2, 2 - t) distribution of ``s`` in [0, 1].  A
Gauss-Jacobi rule with that weight (nodes ``s_k``, normalised weights ``p_k`` from the
Golub-Welsch eigenproblem) gives

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

#: Number of Gauss-Jacobi nodes used for the EPL hypergeometric function on the JAX path (and the
#: default of the kernels). 16 nodes are exact to round-off for q >= 0.2, ~1e-13 at q = 0.1.
EPL_QUADRATURE_NODES = 16

#: Node count used on the JAX path, where the ellipticity may be traced (so it cannot choose the
#: count): ~1e-15 relative for q >= 0.1, ~1e-11 at q = 0.05.
EPL_QUADRATURE_NODES_JAX = 20

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
