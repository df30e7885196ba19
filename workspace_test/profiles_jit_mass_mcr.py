"""JAX parity script for the mass-concentration NFW / gNFW profiles (issue 18).

Not a pytest module. Run from the repository root (guard with a timeout)::

    PYTHONPATH=packages/autoarray:packages/autogalaxy:packages/autolens \\
        timeout 300 python workspace_test/profiles_jit_mass_mcr.py

The halo mass (as ``log10``) and both redshifts are traced parameters: the conversion to
``kappa_s`` and ``scale_radius`` (Ludlow et al. 2016 concentration, Duffy et al. 2008, virial
mass and concentration) runs inside ``jax.jit`` / ``jax.vmap`` / ``jax.grad``. Checks are those of
``profiles_jit_mass_dark_stellar.run_profile`` (jit equals NumPy, vmap with the profile built
inside, finite gradients, parameter gradient against NumPy finite differences), plus the
concentration itself under ``jit`` against NumPy. (The truncated and scatter variants share the
Ludlow code of ``NFWMCRLudlow``; their NumPy parity with PyAutoGalaxy is in the unit tests.) Exits with status 1 on any mismatch.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import profiles_jit_mass_dark_stellar as base  # noqa: E402  (sets sys.path, imports JAX)

from autogalaxy.profiles.mass import dark  # noqa: E402
from autogalaxy.profiles.mass.dark import mcr_util  # noqa: E402


def _profiles():
    return [
        (
            "NFWMCRLudlow",
            lambda p: dark.NFWMCRLudlow(
                centre=(p[0], p[1]),
                ell_comps=(p[2], p[3]),
                mass_at_200=10.0 ** p[4],
                redshift_object=p[5],
                redshift_source=p[6],
            ),
            [0.05, -0.1, 0.1, -0.05, 12.3, 0.4, 1.6],
            1e-10,
        ),
        (
            "NFWMCRDuffySph",
            lambda p: dark.NFWMCRDuffySph(
                centre=(p[0], p[1]),
                mass_at_200=10.0 ** p[2],
                redshift_object=p[3],
                redshift_source=p[4],
            ),
            [0.05, -0.1, 12.0, 0.5, 1.2],
            1e-10,
        ),
        (
            "gNFWVirialMassConcSph",
            lambda p: dark.gNFWVirialMassConcSph(
                centre=(p[0], p[1]),
                log10m_vir=p[2],
                c_2=p[3],
                overdens=0.0,
                redshift_object=p[4],
                redshift_source=p[5],
                inner_slope=p[6],
            ),
            [0.05, -0.1, 12.3, 6.0, 0.5, 1.0, 1.2],
            1e-10,
        ),
    ]


def main():
    only = set(sys.argv[1:])
    masses = base.np.array([1e9, 3e11, 2e13])
    numpy_c = [mcr_util.ludlow_concentration_from(m, 0.45, scatter_sigma=0.3) for m in masses]
    jax_c = base.jax.jit(
        base.jax.vmap(
            lambda m: mcr_util.ludlow_concentration_from(m, 0.45, scatter_sigma=0.3, xp=base.jnp)
        )
    )(base.jnp.asarray(masses))
    base._check("Ludlow concentration jit+vmap", base._max_rel(jax_c, numpy_c), 1e-12)
    for name, builder, params, tol in _profiles():
        if only and name not in only:
            continue
        base.run_profile(name, builder, params, tol, has_ell_comps=name == "NFWMCRLudlow")
    if base.FAILURES:
        print("\nFAILED:", *base.FAILURES, sep="\n  ")
        sys.exit(1)
    print("\nAll mass-concentration profile JAX parity checks passed.")


if __name__ == "__main__":
    main()
