"""JAX parity script for the cored Sersic mass profiles (``mp.SersicCore``, ``mp.SersicCoreSph``).

Not a pytest module. Run from the repository root (guard with a timeout)::

    PYTHONPATH=packages/autoarray:packages/autogalaxy:packages/autolens \\
        timeout 300 python workspace_test/profiles_jit_mass_sersic_core.py

The checks are those of ``profiles_jit_mass_dark_stellar.py`` (jit and vmap parity with NumPy,
finite gradients with the centre on a grid point, gradients against finite differences), kept in
their own process so each script stays within the parity budget. Tolerance 2e-6: the MGE
amplitudes come from Shajib's contour sum, whose alternating weights (~5e9) cancel to the
convergence, so NumPy's and JAX's roundings differ there by ~1e-7 relative (the release's method).

Exits with status 1 on any mismatch.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from profiles_jit_mass_dark_stellar import FAILURES, run_profile, stellar  # noqa: E402

SERSIC_CORE_TOL = 2e-6


def _profiles():
    """(name, builder(p) -> profile, parameter vector, relative tolerance)."""
    return [
        (
            # Negative gamma: a finite (zero) convergence at the centre, which set 1 puts on a
            # grid point.
            "SersicCore",
            lambda p: stellar.SersicCore(
                centre=(p[0], p[1]),
                ell_comps=(p[2], p[3]),
                effective_radius=p[4],
                sersic_index=p[5],
                radius_break=p[6],
                intensity=p[7],
                gamma=p[8],
                alpha=p[9],
                mass_to_light_ratio=p[10],
            ),
            [0.05, -0.1, 0.1, 0.15, 0.8, 2.5, 0.05, 0.3, -0.2, 3.0, 1.3],
            SERSIC_CORE_TOL,
        ),
        (
            "SersicCoreSph",
            lambda p: stellar.SersicCoreSph(
                centre=(p[0], p[1]),
                effective_radius=p[2],
                sersic_index=p[3],
                radius_break=p[4],
                intensity=p[5],
                gamma=p[6],
                alpha=p[7],
                mass_to_light_ratio=p[8],
            ),
            [0.0, 0.1, 0.7, 3.0, 0.08, 0.4, -0.1, 2.0, 1.1],
            SERSIC_CORE_TOL,
        ),
    ]


def main():
    for name, builder, params, tol in _profiles():
        run_profile(name, builder, params, tol, has_ell_comps="Sph" not in name)
    if FAILURES:
        print("\nFAILED:", *FAILURES, sep="\n  ")
        sys.exit(1)
    print("\nAll cored Sersic mass profile JAX parity checks passed.")


if __name__ == "__main__":
    main()
