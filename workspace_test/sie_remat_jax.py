"""JAX: the SIE's reverse-mode rematerialisation (execution setting ``cond_remat_min_points``) is exact.

On at least ``cond_remat_min_points`` points the traced SIE wraps both ``lax.cond`` branches in
``jax.checkpoint`` (its backward pass recomputes the taken branch instead of reading saved
intermediates); on fewer it does not. For both sizes and both branches (closed form,
``|ell_comps| > 1e-4``; series, below) this checks that

1. the traced program rematerialises exactly when it should (a ``checkpoint`` / ``remat`` in the
   jaxpr of the gradient);
2. ``jax.grad`` of a weighted sum of the deflections (reverse mode, through the rematerialised
   branch) equals the same contraction of ``jax.jacfwd`` (forward mode, which never uses it) to
   1e-12 relative, for the Einstein radius, both ``ell_comps`` and both centre coordinates.

(The values themselves are checked against NumPy by ``profiles_jit_mass_total.py``.)

Exits non-zero on failure. Run: ``timeout 600 python workspace_test/sie_remat_jax.py``.
"""

from __future__ import annotations

import sys
from functools import partial

import numpy as np

from autoarray import execution
from autoarray.backend import jax_numpy
from autogalaxy.profiles.mass.total import sie_util

FAILURES: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)


def main() -> int:
    jax_numpy()
    import jax
    import jax.numpy as jnp

    rng = np.random.default_rng(11)
    threshold = execution.settings().cond_remat_min_points

    def deflections(p, y, x):
        return sie_util.sie_deflections_from(y, x, p[0], (p[1], p[2]), xp=jnp, centre=(p[3], p[4]))

    for points in (threshold // 8, threshold + 5):
        y = rng.uniform(-2.0, 2.0, points)
        x = rng.uniform(-2.0, 2.0, points)
        weights = rng.normal(size=(points, 2))
        loss = partial(lambda p, y, x, w: jnp.sum(deflections(p, y, x) * w), y=y, x=x, w=weights)
        for label, ell in (("closed", (0.12, -0.05)), ("series", (3.0e-5, -2.0e-5))):
            params = jnp.asarray([1.3, ell[0], ell[1], 0.07, -0.03])
            name = f"{label}, {points} points"
            program = str(jax.make_jaxpr(jax.grad(loss))(params))
            remat = "remat" in program or "checkpoint" in program
            check(remat == (points >= threshold), f"{name}: rematerialised = {remat}")
            reverse = np.asarray(jax.jit(jax.grad(loss))(params))
            forward = np.asarray(jax.jit(jax.jacfwd(loss))(params))
            error = np.max(np.abs(reverse - forward)) / np.max(np.abs(forward))
            check(error < 1e-12, f"{name}: grad == jacfwd (max rel {error:.1e})")

    print(f"{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
