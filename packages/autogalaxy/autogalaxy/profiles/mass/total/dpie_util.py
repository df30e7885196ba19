"""Radial functions of the dual pseudo-isothermal (dPIE) profile (Eliasdottir et al. 2007).

With core radius ``ra``, cut radius ``rs > ra``, strength ``b0`` and ``A = b0 rs / (rs - ra)``:

* convergence ``kappa(R) = (A / 2) [1 / sqrt(ra^2 + R^2) - 1 / sqrt(rs^2 + R^2)]``;
* deflection ``alpha(R) = A [(s_a - ra) - (s_s - rs)] / R`` with ``s_w = sqrt(w^2 + R^2)``,
  written ``A R [1 / (s_a + ra) - 1 / (s_s + rs)]`` (``s_w - w = R^2 / (s_w + w)``), which has no
  cancellation and no division by ``R`` at the centre;
* potential ``psi(R) = A {[s_a - ra - ra ln((ra + s_a) / (2 ra))] - [s_s - rs - rs ln((rs + s_s)
  / (2 rs))]}``, the integral of ``alpha`` from the centre (so ``psi(0) = 0``, as in PyAutoGalaxy).
"""

from __future__ import annotations

import numpy as np

from autoarray import numerics

#: Smallest core radius used inside the logarithm of the potential (a core of exactly 0, the
#: default of ``dPIEMassB0``, multiplies that logarithm by 0, so any positive floor is exact), and
#: floor of ``s_a + ra`` (0 only at the centre of a core-less profile, where ``R`` is 0 too).
RA_FLOOR = 1.0e-300


def strength_from(b0, ra, rs):
    """``A = b0 rs / (rs - ra)``."""
    return b0 * rs / (rs - ra)


def convergence_from(radius2, b0, ra, rs, xp=np):
    """Convergence at squared radius ``radius2``."""
    # 1/s_a - 1/s_s as (s_s - s_a) / (s_a s_s): XLA turns 1 / sqrt (and here even a / sqrt)
    # into rsqrt, which LLVM does not vectorise for float64 without AVX-512 (AGENTS.md);
    # `workspace_test/vectorisable_per_point_hlo.py` checks the compiled form.
    s_a = xp.sqrt(ra**2 + radius2)
    s_s = xp.sqrt(rs**2 + radius2)
    return 0.5 * strength_from(b0, ra, rs) * (s_s - s_a) / (s_a * s_s)


def deflection_magnitude_from(radius, b0, ra, rs, xp=np):
    """Deflection magnitude at radius ``radius`` (zero at the centre)."""
    a = strength_from(b0, ra, rs)
    s_a = xp.sqrt(ra**2 + radius**2)
    s_s = xp.sqrt(rs**2 + radius**2)
    return a * radius * (1.0 / xp.maximum(s_a + ra, RA_FLOOR) - 1.0 / (s_s + rs))


def _potential_term(radius, w, xp):
    s_w = xp.sqrt(w**2 + radius**2)
    w_safe = xp.maximum(w, RA_FLOOR)
    # s_w - w = R^2 / (s_w + w); the floor keeps R = w = 0 at 0 instead of 0 / 0.
    return radius**2 / xp.maximum(s_w + w, RA_FLOOR) - w * numerics.log(
        (w_safe + s_w) / (2.0 * w_safe), xp=xp
    )


def potential_from(radius, b0, ra, rs, xp=np):
    """Potential at radius ``radius``, zero at the centre."""
    a = strength_from(b0, ra, rs)
    return a * (_potential_term(radius, ra, xp) - _potential_term(radius, rs, xp))
