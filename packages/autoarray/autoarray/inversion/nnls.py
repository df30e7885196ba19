"""Non-negative least squares in normal-equation form: ``min ½ sᵀ F s − Dᵀ s`` s.t. ``s ≥ 0``.

``F`` is symmetric positive definite (a curvature matrix), ``D`` a data vector. Both solvers
work after a Jacobi rescaling ``F → S F S``, ``D → S D`` with ``S = diag(F)^-½`` (the solution
is rescaled back; the constraint ``s ≥ 0`` is unchanged because ``S`` is positive):

* :func:`nnls_numpy` — exact: block principal pivoting with SciPy Cholesky solves, checked
  against the KKT conditions and finished by the Lawson–Hanson active set if rounding left it
  short; a singular ``F``, non-finite input or failure to converge raises
  :class:`autoarray.exc.InversionException`.
* :func:`nnls_jax` — block principal pivoting (every KKT-infeasible index exchanged per
  step, Murty's one-index rule as the finite-termination backup) and, only where it has not
  converged in ``max_iter`` iterations (round-off made it cycle), a Lawson–Hanson active set
  warm-started from its positive set, both in one ``lax.while_loop`` over a fixed-size state
  (passive-set mask, one masked Cholesky solve per iteration), so it is ``jit``/``vmap``
  safe; it ends at the same unique optimum as the active set in a few solves instead of one
  per active component. Derivatives use implicit
  differentiation through the final active set
  (``custom_jvp``): on the passive set ``P``, ``F_PP s_P = D_P`` so
  ``ds_P = F_PP⁻¹ (dD − dF s)_P`` and ``ds = 0`` off ``P``; forward and reverse mode both work.
"""

from __future__ import annotations

import numpy as np

from autoarray import exc

_EPS = np.finfo(float).eps

#: Full exchanges allowed without a drop in the infeasible count before the block-pivoting
#: falls back to exchanging one index (Kim & Park use 3; pixelized-source systems often need a
#: few more non-improving full exchanges: the 20x20 P3 system takes 37 iterations with 3 and 8
#: with 10).
_FULL_EXCHANGES = 10

#: Parameters from which :func:`nnls_numpy` uses block pivoting: measured (one core) SciPy's
#: compiled nnls is 2x faster at 3-30 parameters, block pivoting 1.15x faster at 100 and 2.4x
#: at the 325 of P3.
_BLOCK_PIVOTING_FROM = 64


def _positive_diagonal(F):
    """The diagonal of ``F``; raises if an entry is not positive."""
    diag = np.diag(F)
    if not np.all(diag > 0.0):
        raise exc.InversionException(
            "Positive-only solve: the curvature matrix has non-positive diagonal entries "
            "(a linear object with no signal in the unmasked pixels?)."
        )
    return diag


def _jacobi(F, D):
    scale = 1.0 / np.sqrt(_positive_diagonal(F))
    return F * scale[:, None] * scale[None, :], D * scale, scale


def nnls_numpy(F, D, max_iter=None, jacobi=True):
    """Exact NNLS of ``min ½ sᵀFs − Dᵀs, s ≥ 0`` on NumPy.

    Below ``_BLOCK_PIVOTING_FROM`` parameters (linear light profiles) SciPy's compiled
    Lawson–Hanson on the Cholesky factor is quickest (:func:`_lawson_hanson_scipy`); pixelized
    sources use block principal pivoting (:func:`_block_pivoting_numpy`), a few Cholesky solves
    instead of one compiled step per active pixel.
    """
    small = np.size(D) <= 2  # solved by faces in plain floats, where scaling buys nothing
    F, D, scale = _validated(F, D, jacobi and not small)
    n = D.size
    if small:
        _positive_diagonal(F)
        return _nnls_by_faces(F, D)
    max_iter = 5 * n + 50 if max_iter is None else max_iter
    if n < _BLOCK_PIVOTING_FROM:
        solution = _lawson_hanson_scipy(F, D, max_iter)
    else:
        solution = _block_pivoting_numpy(F, D, max_iter)
    if not _is_optimal(F, D, solution):
        # SciPy 1.17's nnls can stop at a non-optimal point on ill-scaled systems (zero
        # components whose gradient still points into the feasible set), and rounding can leave
        # a block-pivoting point a hair off; finish with the active-set iteration from its
        # passive set, which ends at the unique optimum.
        solution = _active_set_from(F, D, solution > 0.0, 10 * max_iter)
    return solution * scale


def _lawson_hanson_scipy(F, D, max_iter: int):
    """With ``F = L Lᵀ`` the problem is ``min ‖Lᵀ s − L⁻¹ D‖²``: SciPy's ``nnls`` on it."""
    try:
        lower = np.linalg.cholesky(F)
    except np.linalg.LinAlgError as error:
        raise exc.InversionException(
            "Positive-only solve: the curvature matrix is singular or not positive definite."
        ) from error
    from scipy.linalg import solve_triangular
    from scipy.optimize import nnls

    target = solve_triangular(lower, D, lower=True)
    try:
        return nnls(lower.T, target, maxiter=max_iter)[0]
    except RuntimeError as error:
        raise exc.InversionException(
            f"Positive-only solve did not converge in {max_iter} iterations."
        ) from error


def _block_pivoting_numpy(F, D, max_iter: int):
    """Block principal pivoting (the algorithm of :func:`_nnls_jax_forward`, on NumPy/SciPy).

    Every KKT-infeasible index is exchanged per step, with Murty's one-index rule after
    ``_FULL_EXCHANGES`` non-improving exchanges; the first step factorises all of ``F`` (the
    unconstrained solution), so a singular ``F`` raises there. On the 20x20 P3 system it takes
    8 Cholesky solves: 5.4 ms CPU against 13.1 ms for SciPy's Lawson–Hanson on ``chol(F)``.
    """
    from scipy.linalg import cho_factor, cho_solve

    n = D.size
    passive = np.ones(n, dtype=bool)
    best, chances = n + 1, _FULL_EXCHANGES
    scale_D, scale_F = np.max(np.abs(D)), np.max(np.abs(F))  # once, not per iteration
    for _ in range(max_iter):
        index = np.flatnonzero(passive)
        x = np.zeros(n)
        if index.size:
            # rows then columns: 3x quicker than np.ix_ fancy indexing on a 325-pixel block
            block = F if index.size == n else F.take(index, axis=0).take(index, axis=1)
            try:
                factor = cho_factor(block, lower=True, check_finite=False)
            except np.linalg.LinAlgError as error:
                raise exc.InversionException(
                    "Positive-only solve: the curvature matrix is singular or not positive "
                    "definite."
                ) from error
            x[index] = cho_solve(factor, D[index], check_finite=False)
        tolerance = float(_kkt_tolerance_from(n, scale_D, scale_F, x))
        bad = np.where(passive, x < 0.0, D - F @ x > tolerance)
        count = int(np.count_nonzero(bad))
        if count == 0:
            return x
        if count < best:
            best, chances, swap = count, _FULL_EXCHANGES, bad
        elif chances >= 1:
            chances, swap = chances - 1, bad
        else:
            swap = np.zeros(n, dtype=bool)
            swap[np.flatnonzero(bad)[-1]] = True
        passive ^= swap
    raise exc.InversionException(
        f"Positive-only solve did not converge in {max_iter} block-pivoting iterations."
    )


def _kkt_tolerance_from(n, scale_D, scale_F, s, xp=np):
    """Round-off tolerance of a KKT test: ``10 n eps max(max|D|, max|F| max(max|s|, 1))``.

    ``scale_D = max|D|`` and ``scale_F = max|F|`` are passed in so the JAX loops compute them
    once, not on every iteration."""
    return 10.0 * n * _EPS * xp.maximum(scale_D, scale_F * xp.maximum(xp.max(xp.abs(s)), 1.0))


def _kkt_tolerance(F, D, s) -> float:
    return float(_kkt_tolerance_from(D.size, np.max(np.abs(D)), np.max(np.abs(F)), s))


def _is_optimal(F, D, s) -> bool:
    """KKT test of ``s`` for ``min ½ sᵀFs − Dᵀs, s ≥ 0``: no zero component may have a positive
    gradient ``w = D − F s`` and passive components must be stationary."""
    w = D - F @ s
    tol = 1e3 * _kkt_tolerance(F, D, s)
    zero = s <= 0.0
    return bool(np.all(w[zero] <= tol) and np.all(np.abs(w[~zero]) <= tol))


def _solve_passive(F, D, passive):
    from scipy.linalg import cho_factor, cho_solve

    z = np.zeros_like(D)
    index = np.flatnonzero(passive)
    if index.size:
        block = F[np.ix_(index, index)]
        try:
            z[index] = cho_solve(cho_factor(block, lower=True), D[index])
        except np.linalg.LinAlgError as error:
            raise exc.InversionException(
                "Positive-only solve: a passive block of the curvature matrix is singular."
            ) from error
    return z


def _active_set_from(F, D, passive, max_iter: int):
    """Lawson–Hanson active set on the normal equations, started from ``passive``.

    The start is made feasible first by dropping passive components whose unconstrained
    solution is not positive; then the most violating inactive component is added and any
    passive component driven to zero is removed, until the KKT conditions hold.
    """
    passive = np.asarray(passive, dtype=bool).copy()
    z = _solve_passive(F, D, passive)
    while np.any(passive & (z <= 0.0)):
        passive &= z > 0.0
        z = _solve_passive(F, D, passive)
    s = z
    for _ in range(max_iter):
        w = D - F @ s
        candidates = ~passive & (w > _kkt_tolerance(F, D, s))
        if not np.any(candidates):
            return s
        passive[np.argmax(np.where(candidates, w, -np.inf))] = True
        z = _solve_passive(F, D, passive)
        while np.any(passive & (z <= 0.0)):
            blocking = passive & (z <= 0.0)
            alpha = np.min(s[blocking] / (s[blocking] - z[blocking]))
            s = s + alpha * (z - s)
            passive &= s > 0.0
            s = np.where(passive, s, 0.0)
            z = _solve_passive(F, D, passive)
        s = z
    raise exc.InversionException(
        f"Positive-only solve did not converge in {max_iter} active-set iterations."
    )


def _nnls_by_faces(F, D):
    """Exact NNLS for one or two parameters in plain floats (no solver call overhead).

    The optimum is the minimiser of ``½ sᵀFs − Dᵀs`` on one face of the positive orthant (the
    face of its non-zero components), so the non-negative face minimisers are compared by
    objective and the smallest wins.
    """
    f = F.tolist()
    d = D.tolist()
    if len(d) == 1:
        return np.array([max(d[0] / f[0][0], 0.0)])
    (f00, f01), (_, f11) = f
    d0, d1 = d
    det = f00 * f11 - f01 * f01
    if not det > 0.0:
        raise exc.InversionException(
            "Positive-only solve: the curvature matrix is singular or not positive definite."
        )
    candidates = [(0.0, 0.0), (max(d0 / f00, 0.0), 0.0), (0.0, max(d1 / f11, 0.0))]
    both = ((f11 * d0 - f01 * d1) / det, (f00 * d1 - f01 * d0) / det)
    if both[0] >= 0.0 and both[1] >= 0.0:
        candidates.append(both)

    def objective(s):
        return 0.5 * (f00 * s[0] * s[0] + 2.0 * f01 * s[0] * s[1] + f11 * s[1] * s[1]) - (
            d0 * s[0] + d1 * s[1]
        )

    return np.array(min(candidates, key=objective))


def _validated(F, D, jacobi):
    """``(F, D, scale)`` as float arrays, Jacobi-rescaled when ``jacobi``; raises on bad input."""
    F = np.asarray(F, dtype=float)
    D = np.asarray(D, dtype=float)
    if F.ndim != 2 or F.shape[0] != F.shape[1] or D.shape != (F.shape[0],):
        raise exc.InversionException(
            f"NNLS needs a square curvature matrix and a matching data vector, got "
            f"{F.shape} and {D.shape}."
        )
    if not (np.all(np.isfinite(F)) and np.all(np.isfinite(D))):
        raise exc.InversionException(
            "Positive-only solve: non-finite curvature matrix or data vector."
        )
    if jacobi:
        return _jacobi(F, D)
    return F, D, np.ones_like(D)


# ---------------------------------------------------------------------------------------------
# JAX
# ---------------------------------------------------------------------------------------------


def _masked_system(jnp, F, passive):
    both = passive[:, None] & passive[None, :]
    return jnp.where(both, F, 0.0) + jnp.diag(jnp.where(passive, 0.0, 1.0))


def _nnls_jax_forward(F, D, max_iter, pivot_iter=None):
    """Block principal pivoting, then (only if it does not converge) the active set, in *one*
    ``lax.while_loop`` whose every iteration makes one masked Cholesky solve of the passive
    block.

    **Pivoting phase** (Júdice & Pires; Kim & Park 2011): each iteration solves the passive
    block exactly and exchanges *every* KKT-infeasible index at once (negative passive
    components, inactive components with positive gradient), which reaches the unique optimum
    in a handful of dense solves where the one-index-per-step Lawson–Hanson needs one per
    active pixel. When the infeasible count stops falling for ``_FULL_EXCHANGES`` exchanges,
    one index (the last, Murty's rule) is exchanged instead, which guarantees finite
    termination. It starts from the unconstrained solution (every index passive); a solve with
    nothing infeasible is the optimum and ends the loop.

    **Active-set phase** (Lawson–Hanson, warm-started from the pivoting's positive set),
    entered when pivoting has not converged in ``pivot_iter`` iterations (default
    ``max_iter``; a parity script sets it small to exercise this phase), or at once when a
    passive block fails to factorise (NaN solve; a phase flag in the loop state records the
    switch): on ill-conditioned
    systems (an MGE's many overlapping Gaussians) round-off in the passive solves can make
    indices look infeasible so that pivoting cycles (log likelihoods were off by up to 6% on
    some rows of a vmapped batch, ``mge.py``). It first shrinks the passive set to the positive
    components until a solve is feasible, then adds the most violating index per iteration and
    steps back to drop components driven to zero, until the KKT conditions hold (at most
    ``max_iter`` more iterations). NumPy ends the same way (:func:`_active_set_from`).

    Why one loop: XLA compiles every ``while_loop`` body on its own, and the two phases share
    their solve, so one body halves the solver's share of the compile; under ``vmap`` every
    batch member advances through its own phase in the same iterations (two loops ran the
    slowest member's pivoting, then the slowest member's finish).
    """
    import jax
    import jax.numpy as jnp
    import jax.scipy.linalg as jsl

    n = D.shape[0]
    pivot_iter = max_iter if pivot_iter is None else int(pivot_iter)
    scale_D = jnp.max(jnp.abs(D))
    scale_F = jnp.max(jnp.abs(F))
    last = jnp.arange(n)

    def solve_passive(passive):
        factor = jsl.cho_factor(_masked_system(jnp, F, passive), lower=True)
        return jnp.where(passive, jsl.cho_solve(factor, jnp.where(passive, D, 0.0)), 0.0)

    def tolerance(s):
        return _kkt_tolerance_from(n, scale_D, scale_F, s, xp=jnp)

    def pivoting_step(passive, z, best, chances):
        w = D - F @ z
        bad = jnp.where(passive, z < 0.0, w > tolerance(z))
        count = jnp.sum(bad)
        improved = count < best
        full = improved | (chances >= 1)
        one = last == jnp.max(jnp.where(bad, last, -1))
        swap = jnp.where(full, bad, one & bad)
        best_new = jnp.where(improved, count, best)
        chances_new = jnp.where(improved, _FULL_EXCHANGES, jnp.where(full, chances - 1, chances))
        return passive ^ swap, best_new, chances_new, count == 0

    def active_set_step(s, passive, warm, z):
        feasible = jnp.all(jnp.where(passive, z > 0.0, True))

        # feasible: accept z, test KKT, add the most violating index (or finish)
        w = D - F @ z
        candidates = ~passive & (w > tolerance(z))
        any_candidate = jnp.any(candidates)
        j = jnp.argmax(jnp.where(candidates, w, -jnp.inf))
        passive_add = passive.at[j].set(passive[j] | any_candidate)

        # infeasible: step towards z until the first passive variable hits zero, drop it
        blocking = passive & (z <= 0.0)
        ratios = jnp.where(blocking, s / jnp.where(blocking, s - z, 1.0), jnp.inf)
        k = jnp.argmin(ratios)
        alpha = jnp.where(jnp.isfinite(ratios[k]), ratios[k], 0.0)
        s_step = s + alpha * (z - s)
        passive_drop = passive.at[k].set(False) & (s_step > 0.0)
        s_step = jnp.where(passive_drop, s_step, 0.0)

        # warm start: shrink the passive set to the positive components until a solve is
        # feasible
        passive_warm = passive & (z > 0.0)

        s_new = jnp.where(feasible, z, jnp.where(warm, s, s_step))
        passive_new = jnp.where(feasible, passive_add, jnp.where(warm, passive_warm, passive_drop))
        return s_new, passive_new, warm & ~feasible, feasible & ~any_candidate

    def cond(state):
        it, done = state[5], state[6]
        return jnp.logical_and(~done, it < pivot_iter + max_iter)

    def body(state):
        passive, s, best, chances, warm, it, _, pivoting = state
        z = solve_passive(passive)
        p_passive, best_new, chances_new, p_done = pivoting_step(passive, z, best, chances)
        # Pivoting that ends unconverged hands its positive set to the active set (warm start);
        # so does a failed factorisation (a passive block not numerically positive definite
        # gives NaN, which no KKT test flags), at once: the phase flag, not the iteration
        # count, says which phase the next iteration runs.
        finite = jnp.all(jnp.isfinite(z))
        p_done = p_done & finite
        handover = ~p_done & ((it + 1 >= pivot_iter) | ~finite)
        p_passive = jnp.where(handover, z > 0.0, p_passive)
        p_s = jnp.where(handover, jnp.where(z > 0.0, z, 0.0), z)
        a_s, a_passive, a_warm, a_done = active_set_step(s, passive, warm, z)
        return (
            jnp.where(pivoting, p_passive, a_passive),
            jnp.where(pivoting, p_s, a_s),
            best_new,
            chances_new,
            jnp.where(pivoting, True, a_warm),
            it + 1,
            jnp.where(pivoting, p_done, a_done),
            pivoting & ~handover,
        )

    state = (
        jnp.ones(n, dtype=bool),
        jnp.zeros_like(D),
        jnp.asarray(n + 1),
        jnp.asarray(_FULL_EXCHANGES),
        jnp.asarray(True),
        jnp.asarray(0),
        jnp.asarray(False),
        jnp.asarray(pivot_iter > 0),
    )
    passive, s = jax.lax.while_loop(cond, body, state)[:2]
    return jnp.where(passive, s, 0.0)


def _make_nnls_jax(max_iter):
    import jax
    import jax.numpy as jnp

    @jax.custom_jvp
    def solve(F, D):
        return _nnls_jax_forward(F, D, max_iter)

    @solve.defjvp
    def solve_jvp(primals, tangents):
        F, D = primals
        dF, dD = tangents
        s = solve(F, D)
        passive = s > 0.0
        rhs = jnp.where(passive, dD - dF @ s, 0.0)
        ds = jnp.linalg.solve(_masked_system(jnp, F, passive), rhs)
        return s, jnp.where(passive, ds, 0.0)

    return solve


def _nnls_by_faces_jax(F, D):
    """:func:`_nnls_by_faces` on JAX for one or two parameters (leading batch axes allowed).

    Every face minimiser is computed in closed form and the feasible one with the smallest
    objective is taken, so there is no loop to compile; derivatives flow through the chosen
    face's closed form, which is the implicit-differentiation result of the active set.
    """
    from autoarray.backend import jax_numpy

    jnp = jax_numpy()
    if D.shape[-1] == 1:
        return jnp.maximum(D / F[..., 0, :], 0.0)
    f00, f01, f11 = F[..., 0, 0], F[..., 0, 1], F[..., 1, 1]
    d0, d1 = D[..., 0], D[..., 1]
    det = f00 * f11 - f01 * f01
    zero = jnp.zeros_like(d0)
    candidates = jnp.stack(
        [
            jnp.stack([zero, zero], axis=-1),
            jnp.stack([jnp.maximum(d0 / f00, 0.0), zero], axis=-1),
            jnp.stack([zero, jnp.maximum(d1 / f11, 0.0)], axis=-1),
            jnp.stack([(f11 * d0 - f01 * d1) / det, (f00 * d1 - f01 * d0) / det], axis=-1),
        ],
        axis=-2,
    )
    s0, s1 = candidates[..., 0], candidates[..., 1]
    objective = 0.5 * (
        f00[..., None] * s0 * s0 + 2.0 * f01[..., None] * s0 * s1 + f11[..., None] * s1 * s1
    ) - (d0[..., None] * s0 + d1[..., None] * s1)
    feasible = jnp.all(candidates >= 0.0, axis=-1)
    best = jnp.argmin(jnp.where(feasible, objective, jnp.inf), axis=-1)
    return jnp.take_along_axis(candidates, best[..., None, None], axis=-2)[..., 0, :]


_JAX_SOLVERS: dict = {}


def nnls_jax(F, D, max_iter=None, jacobi=True):
    """NNLS of ``min ½ sᵀFs − Dᵀs, s ≥ 0`` with JAX (jit / vmap / grad safe).

    Runs at most ``max_iter`` (default ``5 n + 50``) block-pivoting iterations in a
    ``lax.while_loop``; under ``vmap`` the loop runs until every batch member has converged.
    One or two parameters are solved exactly by comparing the faces (no loop).
    """
    from autoarray.backend import jax_numpy

    jnp = jax_numpy()
    F = jnp.asarray(F)
    D = jnp.asarray(D)
    n = D.shape[-1]
    if n <= 2:
        return _nnls_by_faces_jax(F, D)
    max_iter = 5 * n + 50 if max_iter is None else int(max_iter)
    solver = _JAX_SOLVERS.get(max_iter)
    if solver is None:
        solver = _JAX_SOLVERS[max_iter] = _make_nnls_jax(max_iter)
    if jacobi:
        scale = 1.0 / jnp.sqrt(jnp.diagonal(F))
        F_scaled = F * scale[:, None] * scale[None, :]
        return solver(F_scaled, D * scale) * scale
    return solver(F, D)
