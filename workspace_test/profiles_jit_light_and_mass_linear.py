"""JAX parity script for the ``lmp_linear`` light-and-mass profiles (issue 18).

Not a pytest module. Run from the repository root (guard with a timeout)::

    timeout 300 python workspace_test/profiles_jit_light_and_mass_linear.py

Mass side: the checks of ``profiles_jit_mass_dark_stellar.py`` (``jax.jit`` equals NumPy,
``jax.vmap`` over parameter sets built inside the mapped function, finite gradients, gradient
against finite differences). Light side: ``jax.jit`` and ``jax.vmap`` of the unit-intensity
image (the ``intensity`` parameter normalises the mass only, so the image must not depend on it
when traced either). Exits with status 1 on any mismatch.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import profiles_jit_mass_dark_stellar as base  # noqa: E402  (sets sys.path, imports JAX)

import autoarray as aa  # noqa: E402
from autogalaxy.profiles.light_and_mass import linear as lmp_linear  # noqa: E402

jax, jnp = base.jax, base.jnp


def _profiles():
    return [
        (
            "Sersic",
            lambda p: lmp_linear.Sersic(
                centre=(p[0], p[1]),
                ell_comps=(p[2], p[3]),
                intensity=p[4],
                effective_radius=p[5],
                sersic_index=p[6],
                mass_to_light_ratio=p[7],
            ),
            [0.0, 0.1, 0.1, 0.2, 0.3, 0.8, 2.7, 1.2],
            1e-10,
            True,
        ),
        (
            "Gaussian",
            lambda p: lmp_linear.Gaussian(
                centre=(p[0], p[1]),
                ell_comps=(p[2], p[3]),
                intensity=p[4],
                sigma=p[5],
                mass_to_light_ratio=p[6],
            ),
            [0.0, 0.1, 0.1, -0.1, 0.6, 0.5, 1.5],
            1e-9,  # as mp.Gaussian in profiles_jit_mass_dark_stellar.py (Faddeeva deflections)
            True,
        ),
        (
            "GaussianGradient",
            lambda p: lmp_linear.GaussianGradient(
                centre=(p[0], p[1]),
                ell_comps=(p[2], p[3]),
                intensity=p[4],
                sigma=p[5],
                mass_to_light_ratio_base=p[6],
                mass_to_light_gradient=p[7],
                mass_to_light_radius=p[8],
            ),
            [0.0, 0.1, 0.1, -0.1, 0.6, 0.5, 1.5, 0.4, 0.8],
            1e-9,
            True,
        ),
        (
            # Mass normalised by unit intensity, as the release (intensity changes nothing);
            # MGE tolerance as in profiles_jit_mass_sersic_core.py.
            "SersicCore",
            lambda p: lmp_linear.SersicCore(
                centre=(p[0], p[1]),
                ell_comps=(p[2], p[3]),
                intensity=p[4],
                effective_radius=p[5],
                sersic_index=p[6],
                radius_break=p[7],
                gamma=p[8],
                alpha=p[9],
                mass_to_light_ratio=p[10],
            ),
            [0.05, -0.1, 0.1, 0.15, 0.3, 0.8, 2.5, 0.05, -0.2, 3.0, 1.3],
            2e-6,
            True,
        ),
    ]


def _check_light(name, builder, params, intensity_index):
    grid = aa.Grid2DIrregular(base.GRID)
    expected = builder([float(v) for v in params]).image_2d_from(grid).array

    def image(p):
        return builder([p[i] for i in range(p.shape[0])]).image_2d_from(
            jnp.asarray(base.GRID), xp=jnp
        )

    out = np.asarray(jax.jit(image)(jnp.asarray(params)))
    base._check(f"{name} jit image", base._max_rel(out, expected), 1e-10)
    # A batch varying only the (mass) intensity: every image is the unit-intensity one.
    batch = np.repeat(np.asarray(params, dtype=float)[None, :], 3, axis=0)
    batch[:, intensity_index] = [0.1, 1.0, 7.0]
    images = np.asarray(jax.jit(jax.vmap(image))(jnp.asarray(batch)))
    for row in range(3):
        base._check(f"{name} vmap image row {row}", base._max_rel(images[row], expected), 1e-10)


def main():
    only = set(sys.argv[1:])
    for name, builder, params, tol, has_ell_comps in _profiles():
        if only and name not in only:
            continue
        base.run_profile(name, builder, params, tol, has_ell_comps=has_ell_comps)
        _check_light(name, builder, params, intensity_index=4 if has_ell_comps else 2)
    if base.FAILURES:
        print("\nFAILED:", *base.FAILURES, sep="\n  ")
        sys.exit(1)
    print("\nAll lmp_linear JAX parity checks passed.")


if __name__ == "__main__":
    main()
