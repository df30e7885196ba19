"""JAX parity script for the gNFW, dPIE, SersicGradient and Chameleon mass profiles (issue 18).

Not a pytest module. Run from the repository root (guard with a timeout)::

    PYTHONPATH=packages/autoarray:packages/autogalaxy:packages/autolens \\
        timeout 300 python workspace_test/profiles_jit_mass_gnfw_dpie.py

Same checks as ``profiles_jit_mass_dark_stellar.py`` (whose ``run_profile`` it uses): ``jax.jit``
equals NumPy, ``jax.vmap`` over parameter sets built inside the mapped function, finite gradients
w.r.t. parameters and grid, and the parameter gradient against NumPy finite differences.
Optional arguments restrict the run to the named profiles. Exits with status 1 on any mismatch.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import profiles_jit_mass_dark_stellar as base  # noqa: E402  (sets sys.path, imports JAX)

from autogalaxy.profiles.mass import dark, stellar, total  # noqa: E402


def _profiles():
    return [
        (
            "gNFWSph",
            lambda p: dark.gNFWSph(
                centre=(p[0], p[1]), kappa_s=p[2], inner_slope=p[3], scale_radius=p[4]
            ),
            [0.0, 0.0, 0.15, 1.4, 1.5],
            1e-10,
        ),
        (
            "gNFW",
            lambda p: dark.gNFW(
                centre=(p[0], p[1]),
                ell_comps=(p[2], p[3]),
                kappa_s=p[4],
                inner_slope=p[5],
                scale_radius=p[6],
            ),
            [0.05, -0.1, 0.15, -0.1, 0.12, 0.8, 1.3],
            1e-10,
        ),
        (
            "dPIEMassB0Sph",
            lambda p: total.dPIEMassB0Sph(centre=(p[0], p[1]), ra=p[2], rs=p[3], b0=p[4]),
            [0.0, 0.0, 0.2, 5.0, 1.1],
            1e-10,
        ),
        (
            "dPIEMassB0",
            lambda p: total.dPIEMassB0(
                centre=(p[0], p[1]), ell_comps=(p[2], p[3]), ra=p[4], rs=p[5], b0=p[6]
            ),
            [0.05, -0.1, 0.15, -0.1, 0.2, 5.0, 1.1],
            1e-10,
        ),
        (
            "dPIEMass",
            lambda p: total.dPIEMass(
                centre=(p[0], p[1]),
                ellipticity=p[2],
                angle_pos=p[3],
                sigma=p[4],
                r_core=p[5],
                r_cut=p[6],
            ),
            [0.05, -0.1, 0.2, 30.0, 250.0, 0.2, 8.0],
            1e-10,
        ),
        (
            "dPIEMassSph",
            lambda p: total.dPIEMassSph(centre=(p[0], p[1]), sigma=p[2], r_core=p[3], r_cut=p[4]),
            [0.0, 0.0, 250.0, 0.2, 8.0],
            1e-10,
        ),
        (
            "SersicGradient",
            lambda p: stellar.SersicGradient(
                centre=(p[0], p[1]),
                ell_comps=(p[2], p[3]),
                intensity=p[4],
                effective_radius=p[5],
                sersic_index=p[6],
                mass_to_light_ratio=p[7],
                mass_to_light_gradient=p[8],
            ),
            [0.0, 0.1, 0.1, 0.2, 0.3, 0.8, 2.7, 1.2, 0.3],
            1e-10,
        ),
        (
            "Chameleon",
            lambda p: stellar.Chameleon(
                centre=(p[0], p[1]),
                ell_comps=(p[2], p[3]),
                intensity=p[4],
                core_radius_0=p[5],
                core_radius_1=p[6],
                mass_to_light_ratio=p[7],
            ),
            [0.0, 0.1, 0.1, 0.2, 0.3, 0.05, 0.4, 1.2],
            1e-10,
        ),
    ]


def main():
    only = set(sys.argv[1:])
    for name, builder, params, tol in _profiles():
        if only and name not in only:
            continue
        # dPIEMass has no ell_comps argument (its ellipticity is parameter 2, which the base
        # script's round-profile set would zero together with the angle).
        has_ell_comps = name in ("gNFW", "dPIEMassB0", "SersicGradient", "Chameleon")
        base.run_profile(name, builder, params, tol, has_ell_comps=has_ell_comps)
    if base.FAILURES:
        print("\nFAILED:", *base.FAILURES, sep="\n  ")
        sys.exit(1)
    print("\nAll gNFW / dPIE / SersicGradient / Chameleon mass profile JAX parity checks passed.")


if __name__ == "__main__":
    main()
