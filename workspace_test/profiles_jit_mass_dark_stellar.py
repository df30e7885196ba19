"""JAX parity script for the dark (NFW family) and stellar (Gaussian, Sersic family) mass profiles
(``profiles_jit_mass_sersic_core.py`` runs the cored Sersic through this script's checks).

Not a pytest module. Run from the repository root (guard with a timeout)::

    PYTHONPATH=packages/autoarray:packages/autogalaxy:packages/autolens \\
        timeout 300 python workspace_test/profiles_jit_mass_dark_stellar.py

For every profile it checks that

1. ``deflections_yx_2d_from`` / ``convergence_2d_from`` / ``potential_2d_from`` under ``jax.jit``
   with ``xp=jnp`` equal the NumPy path (1e-10 relative for closed forms and for the shared
   quadrature code; 1e-9 for the Faddeeva-based Gaussian, whose JAX path uses Weideman's
   expansion instead of ``scipy.special.wofz``);
2. ``jax.vmap`` over a batch of parameter vectors works, the profile being built *inside* the
   vmapped function (so every parameter is a tracer), and matches NumPy row by row;
3. ``jax.grad`` of a scalar summary w.r.t. all parameters and w.r.t. the grid is finite for every
   parameter set of the batch, which includes ``ell_comps = (0, 0)``, a profile centre lying on a
   grid point, and ``r = r_s`` for the NFW family;
4. that parameter gradient agrees with central finite differences of the NumPy path (1e-5).

Optional arguments restrict the run to the named profiles.

Exits with status 1 on any mismatch.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for package in ("autoarray", "autogalaxy", "autolens"):
    path = str(ROOT / "packages" / package)
    if path not in sys.path:
        sys.path.insert(0, path)

import numpy as np  # noqa: E402

import autoarray as aa  # noqa: E402
from autoarray.backend import jax_numpy  # noqa: E402
from autogalaxy.profiles.mass import dark, stellar  # noqa: E402

jnp = jax_numpy()
import jax  # noqa: E402

FAILURES: list[str] = []

#: Finite-difference steps of profiles whose values carry rounding noise above ~1e-12 relative
#: (a fourth-order stencil is used for them, so the wider step keeps truncation small).
FD_STEPS = {"SersicCore": 1e-3, "SersicCoreSph": 1e-3}

GRID = np.array(
    [
        [0.5, 0.5],
        [1.0, -0.5],
        [-0.5, 1.0],
        [1.5, 1.5],
        [0.0, 0.0],
        [0.0, 1.0],
        [-2.0, 0.3],
        [0.013, -0.021],
        [4.0, -7.0],
    ]
)


def _profiles():
    """(name, builder(p) -> profile, parameter vector, relative tolerance)."""
    return [
        (
            "NFWSph",
            lambda p: dark.NFWSph(centre=(p[0], p[1]), kappa_s=p[2], scale_radius=p[3]),
            [0.0, 0.0, 0.1, 1.0],
            1e-10,
        ),
        (
            "NFW",
            lambda p: dark.NFW(
                centre=(p[0], p[1]), ell_comps=(p[2], p[3]), kappa_s=p[4], scale_radius=p[5]
            ),
            [0.05, -0.1, 0.15, -0.1, 0.12, 1.3],
            1e-10,
        ),
        (
            "NFWTruncatedSph",
            lambda p: dark.NFWTruncatedSph(
                centre=(p[0], p[1]), kappa_s=p[2], scale_radius=p[3], truncation_radius=p[4]
            ),
            [0.0, 0.0, 0.1, 1.0, 3.0],
            1e-10,
        ),
        (
            "Gaussian",
            lambda p: stellar.Gaussian(
                centre=(p[0], p[1]),
                ell_comps=(p[2], p[3]),
                intensity=p[4],
                sigma=p[5],
                mass_to_light_ratio=p[6],
            ),
            [0.1, 0.0, 0.2, -0.1, 0.4, 0.9, 1.5],
            1e-9,
        ),
        (
            "Sersic",
            lambda p: stellar.Sersic(
                centre=(p[0], p[1]),
                ell_comps=(p[2], p[3]),
                intensity=p[4],
                effective_radius=p[5],
                sersic_index=p[6],
                mass_to_light_ratio=p[7],
            ),
            [0.0, 0.1, 0.1, 0.2, 0.3, 0.8, 2.7, 1.2],
            1e-10,
        ),
        (
            "SersicSph",
            lambda p: stellar.SersicSph(
                centre=(p[0], p[1]),
                intensity=p[2],
                effective_radius=p[3],
                sersic_index=p[4],
                mass_to_light_ratio=p[5],
            ),
            [0.0, 0.1, 0.3, 0.8, 2.7, 1.2],
            1e-10,
        ),
        (
            "Exponential",
            lambda p: stellar.Exponential(
                centre=(p[0], p[1]),
                ell_comps=(p[2], p[3]),
                intensity=p[4],
                effective_radius=p[5],
                mass_to_light_ratio=p[6],
            ),
            [0.0, 0.0, -0.1, 0.2, 0.3, 0.8, 1.2],
            1e-10,
        ),
        (
            "ExponentialSph",
            lambda p: stellar.ExponentialSph(
                centre=(p[0], p[1]),
                intensity=p[2],
                effective_radius=p[3],
                mass_to_light_ratio=p[4],
            ),
            [0.0, 0.0, 0.3, 0.8, 1.2],
            1e-10,
        ),
        (
            "DevVaucouleurs",
            lambda p: stellar.DevVaucouleurs(
                centre=(p[0], p[1]),
                ell_comps=(p[2], p[3]),
                intensity=p[4],
                effective_radius=p[5],
                mass_to_light_ratio=p[6],
            ),
            [0.0, 0.0, 0.05, -0.25, 0.3, 0.8, 1.2],
            1e-10,
        ),
        (
            "DevVaucouleursSph",
            lambda p: stellar.DevVaucouleursSph(
                centre=(p[0], p[1]),
                intensity=p[2],
                effective_radius=p[3],
                mass_to_light_ratio=p[4],
            ),
            [0.0, 0.0, 0.3, 0.8, 1.2],
            1e-10,
        ),
    ]


def _max_rel(a, b):
    a = np.asarray(a)
    b = np.asarray(b)
    scale = max(float(np.max(np.abs(b))), 1e-300)
    return float(np.max(np.abs(a - b))) / scale


def _check(label, value, tol):
    status = "ok" if value <= tol else "FAIL"
    print(f"  {label:<42s} {value:.3e}  (tol {tol:.0e})  {status}")
    if not value <= tol:
        FAILURES.append(label)


def _numpy_quantities(builder, params):
    profile = builder([float(v) for v in params])
    grid = aa.Grid2DIrregular(GRID)
    return (
        profile.deflections_yx_2d_from(grid).array,
        profile.convergence_2d_from(grid).array,
        profile.potential_2d_from(grid).array,
    )


def _jax_quantities(builder, params):
    profile = builder([params[i] for i in range(params.shape[0])])
    grid = jnp.asarray(GRID)
    return (
        profile.deflections_yx_2d_from(grid, xp=jnp),
        profile.convergence_2d_from(grid, xp=jnp),
        profile.potential_2d_from(grid, xp=jnp),
    )


def _batch_from(params):
    """Four parameter sets: the base one, one with ``ell_comps = (0, 0)`` (where present) and the
    centre on a grid point, and two random perturbations."""
    rng = np.random.default_rng(0)
    batch = np.repeat(params[None, :], 4, axis=0)
    batch[2:] *= 1.0 + 0.05 * rng.uniform(-1.0, 1.0, (2, params.size))
    batch[2:, :2] = params[None, :2] + 0.05 * rng.uniform(-1.0, 1.0, (2, 2))
    batch[1, :2] = 0.0
    return batch


def run_profile(name, builder, params, tol, has_ell_comps):
    print(f"{name}")
    params = np.asarray(params, dtype=float)

    # 1. jax.jit parity (deflections, convergence, potential)
    ref = _numpy_quantities(builder, params)
    out = jax.jit(lambda p: _jax_quantities(builder, p))(jnp.asarray(params))
    for label, a, b in zip(("deflections", "convergence", "potential"), out, ref):
        if not np.all(np.isfinite(np.asarray(a))):
            FAILURES.append(f"{name} jit {label} not finite")
        _check(f"{name} jit {label}", _max_rel(a, b), tol)

    # 2. jax.vmap over parameter sets (profile built inside), with gradients w.r.t. the
    #    parameters and the grid for every set.
    batch = _batch_from(params)
    if has_ell_comps:
        batch[1, 2:4] = 0.0
    points = jnp.asarray(GRID[[0, 1, 5, 7]])

    def summary(p, grid_points):
        # One evaluation on the fixed grid plus the differentiated extra points.
        profile = builder([p[i] for i in range(p.shape[0])])
        full = jnp.concatenate((jnp.asarray(GRID), grid_points), axis=0)
        deflections = profile.deflections_yx_2d_from(full, xp=jnp)
        convergence = profile.convergence_2d_from(full, xp=jnp)
        n = GRID.shape[0]
        total = (
            jnp.sum(deflections[:n] ** 2)
            + jnp.sum(convergence[:n])
            + jnp.sum(deflections[n:])
            + jnp.sum(convergence[n:])
        )
        return total, (deflections[:n], convergence[:n])

    def per_row(p):
        (_, values), grads = jax.value_and_grad(summary, argnums=(0, 1), has_aux=True)(p, points)
        return values, grads

    values, grads = jax.jit(jax.vmap(per_row))(jnp.asarray(batch))
    worst = 0.0
    for row in range(batch.shape[0]):
        ref_row = _numpy_quantities(builder, batch[row])
        for k in range(2):
            worst = max(worst, _max_rel(values[k][row], ref_row[k]))
    _check(f"{name} vmap deflections, convergence (4 sets)", worst, tol)
    for label, grad in zip(("parameters", "grid"), grads):
        finite = bool(np.all(np.isfinite(np.asarray(grad))))
        print(f"  {name + ' grad wrt ' + label + ' finite':<42s} {finite}")
        if not finite:
            FAILURES.append(f"{name} grad wrt {label} not finite: {np.asarray(grad)}")

    # 4. the JAX parameter gradient agrees with NumPy central finite differences (set 2, whose
    #    centre is off the grid points).
    def numpy_summary(p):
        profile = builder([float(v) for v in p])
        full = aa.Grid2DIrregular(np.concatenate((GRID, GRID[[0, 1, 5, 7]]), axis=0))
        deflections = profile.deflections_yx_2d_from(full).array
        convergence = profile.convergence_2d_from(full).array
        n = GRID.shape[0]
        return (
            np.sum(deflections[:n] ** 2)
            + np.sum(convergence[:n])
            + np.sum(deflections[n:])
            + np.sum(convergence[n:])
        )

    base = batch[2]
    fd = np.zeros_like(base)
    for i in range(base.size):
        step = FD_STEPS.get(name, 1e-6) * max(1.0, abs(base[i]))

        def shifted(k, i=i, step=step):
            p = base.copy()
            p[i] += k * step
            return numpy_summary(p)

        if name in FD_STEPS:  # fourth-order stencil: truncation stays small at the wide step
            fd[i] = (8.0 * (shifted(1) - shifted(-1)) - (shifted(2) - shifted(-2))) / (12.0 * step)
        else:
            fd[i] = (shifted(1) - shifted(-1)) / (2.0 * step)
    jax_grad = np.asarray(grads[0][2])
    _check(f"{name} grad vs NumPy finite differences", _max_rel(jax_grad, fd), 1e-5)


def main():
    only = set(sys.argv[1:])
    for name, builder, params, tol in _profiles():
        if only and name not in only:
            continue
        run_profile(name, builder, params, tol, has_ell_comps="Sph" not in name)
    if FAILURES:
        print("\nFAILED:", *FAILURES, sep="\n  ")
        sys.exit(1)
    print("\nAll dark/stellar mass profile JAX parity checks passed.")


if __name__ == "__main__":
    main()
