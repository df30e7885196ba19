"""JAX check: the batched (``jax.vmap``) P1 likelihood compiles without XLA ``rsqrt``.

Not a pytest module. Run from the repository root (guard with a timeout)::

    PYTHONPATH=packages/autoarray:packages/autogalaxy:packages/autolens \\
        timeout 300 python workspace_test/vectorisable_per_point_hlo.py

Why: on x86 without AVX-512, LLVM does not vectorise XLA's float64 ``rsqrt`` (a square root and
a division), and one such operation in the fused per-point loop of a batched likelihood left the
whole loop scalar: under ``--xla_cpu_max_isa=AVX2`` the P1 ``Fitness._vmap`` ran 0.277 instead
of 0.095 ms CPU per likelihood (issue 16). XLA rewrites ``1 / sqrt(x)`` into ``rsqrt``; the
per-point kernels divide by the root instead. Under ``vmap`` the SIE's ``lax.cond`` becomes a
select, so both of its branches are in the loop.

Checks, on the P1-sized problem of ``benchmarks/run.py`` with standard and linear light: the
optimised HLO of ``jax.jit(jax.vmap(Fitness.call))`` has no ``rsqrt``; the batched log
likelihoods equal the one-by-one NumPy ones (relative 1e-10). Exits with status 1 on failure.

Also checked (small grids, a batch of three parameter sets): ``jax.jit(jax.vmap(...))`` of the
per-point formulas that used to multiply by ``1 / sqrt`` -- the dPIE and Chameleon mass
convergence, the Chameleon light image, the ``PowerLawMultipole`` deflections and the border
relocation of pixelized sources -- has no ``rsqrt`` and equals the NumPy values (relative 1e-12).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))

import run as bench  # noqa: E402

import autolens as al  # noqa: E402


def check(linear: bool) -> list:
    import jax
    import jax.numpy as jnp

    failures = []
    dataset = bench.dataset_for(bench.PROBLEMS["P1"])
    model = bench.model_for(linear)
    vectors = bench.near_truth_vectors(model, 4, np.random.default_rng(2))
    fitness = al.Fitness(model=model, analysis=al.AnalysisImaging(dataset=dataset, use_jax=True))
    batched = jax.jit(jax.vmap(fitness.call))
    hlo = batched.lower(jnp.asarray(vectors)).compile().as_text()
    label = "linear" if linear else "standard"
    if " rsqrt(" in hlo:
        failures.append(f"{label}: the batched likelihood's HLO has rsqrt")
    analysis_np = al.AnalysisImaging(dataset=dataset, use_jax=False)
    expected = np.array(
        [analysis_np.fit_from(model.instance_from_vector(list(v))).log_likelihood for v in vectors]
    )
    values = np.asarray(batched(jnp.asarray(vectors)))
    relative = np.max(np.abs(values - expected) / np.abs(expected))
    if not relative <= 1e-10:
        failures.append(f"{label}: batched against NumPy, relative {relative:.2e} > 1e-10")
    print(
        f"P1 {label}: rsqrt {'present' if ' rsqrt(' in hlo else 'absent'}, relative {relative:.1e}"
    )
    return failures


def _profile_cases() -> list:
    """``(label, fn(scale, xp) -> array)``: per-point formulas at a parameter ``scale`` (traced
    under ``vmap``) on a small grid."""
    import autogalaxy as ag
    from autoarray.inversion.border_relocator import relocated_points_from

    grid = al.Grid2D.uniform((12, 12), 0.3)
    raw = np.asarray(grid.array)
    border = raw[np.abs(raw).max(axis=1) > 1.5]

    def dpie(scale, xp):
        profile = ag.mp.dPIEMassB0(ell_comps=(0.1, 0.05), ra=0.2 * scale, rs=2.0, b0=1.0)
        return profile.convergence_2d_from(grid, xp=xp)

    def chameleon_mass(scale, xp):
        profile = ag.mp.Chameleon(ell_comps=(0.1, 0.05), intensity=scale, core_radius_1=0.3)
        return profile.convergence_2d_from(grid, xp=xp)

    def chameleon_light(scale, xp):
        profile = ag.lp.Chameleon(ell_comps=(0.1, 0.05), intensity=scale, core_radius_1=0.3)
        return profile.image_2d_from(grid, xp=xp)

    def multipole(scale, xp):
        profile = ag.mp.PowerLawMultipole(
            m=4, einstein_radius=scale, slope=2.1, multipole_comps=(0.05, -0.03)
        )
        return profile.deflections_yx_2d_from(grid, xp=xp)

    def relocation(scale, xp):
        return relocated_points_from(xp.asarray(raw) * scale, xp.asarray(border), xp=xp)

    return [
        ("dPIEMassB0 convergence", dpie),
        ("Chameleon mass convergence", chameleon_mass),
        ("Chameleon light image", chameleon_light),
        ("PowerLawMultipole deflections", multipole),
        ("border relocation", relocation),
    ]


def check_profiles() -> list:
    import jax
    import jax.numpy as jnp

    failures = []
    scales = (0.9, 1.0, 1.7)
    for label, fn in _profile_cases():
        batched = jax.jit(jax.vmap(lambda scale, fn=fn: al.aa.raw_array(fn(scale, jnp))))
        values = jnp.asarray(scales)
        hlo = batched.lower(values).compile().as_text()
        if " rsqrt(" in hlo:
            failures.append(f"{label}: the batched HLO has rsqrt")
        got = np.asarray(batched(values))
        expected = np.stack([np.asarray(al.aa.raw_array(fn(scale, np))) for scale in scales])
        relative = np.max(np.abs(got - expected)) / np.max(np.abs(expected))
        if not relative <= 1e-12:
            failures.append(f"{label}: batched against NumPy, relative {relative:.2e} > 1e-12")
        print(f"{label}: rsqrt {'present' if ' rsqrt(' in hlo else 'absent'}, {relative:.1e}")
    return failures


def main() -> int:
    failures = check(False) + check(True) + check_profiles()
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
