"""JAX reliability: invalid parameters rejected like NumPy; finite gradients at a pixel centre.

1. For a tiny imaging dataset and a Sersic + Isothermal-free galaxy model, the JAX ``Fitness``
   (jit and vmap) returns the resample value exactly where the NumPy ``Fitness`` does:
   ``|ell_comps| >= 1``, zero / negative effective radius, negative Sersic index; and equals the
   NumPy value (rtol 1e-10) at valid points.
2. A lens model (autolens) with a negative Einstein radius is rejected by both backends.
3. ``jax.grad`` of a Sersic image and of the likelihood w.r.t. a centre exactly on a grid point
   is finite; the likelihood gradient there matches central finite differences of the NumPy
   likelihood (the point's contribution is zero, the limit of the symmetric difference).
4. L-BFGS (JAX gradients) started exactly at the pixel centre moves away from it and reports a
   real log likelihood (never the penalty).
5. A compiled likelihood needing more memory than available raises a clear error before it runs.

Exits non-zero on failure. Run: ``timeout 600 python workspace_test/reliability/jax_invalid_and_gradients.py``.
"""

from __future__ import annotations

import sys
import tempfile

import numpy as np

import autoarray as aa
import autogalaxy as ag
from autoarray.backend import jax_numpy
from autogalaxy.modeling import LBFGS, Collection, Model, UniformPrior
from autogalaxy.modeling.fitness import Fitness

FAILURES: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)


def dataset():
    grid = aa.Grid2D.uniform((15, 15), 0.1, over_sample_size=1)
    psf = aa.Convolver.from_gaussian((3, 3), 0.1, sigma=0.1) if hasattr(aa, "Convolver") else None
    galaxy = ag.Galaxy(
        0.5, bulge=ag.lp.Sersic(intensity=1.0, effective_radius=0.3, sersic_index=2.0)
    )
    simulator = ag.SimulatorImaging(
        exposure_time=1000.0,
        psf=psf,
        add_poisson_noise_to_data=False,
        include_poisson_noise_in_noise_map=False,
        noise_if_add_noise_false=0.1,
    )
    data = simulator.via_galaxies_from([galaxy], grid)
    return data.apply_mask(aa.Mask2D.circular((15, 15), radius=0.7, pixel_scales=0.1))


def main() -> int:
    jnp = jax_numpy()
    import jax

    ds = dataset()
    bulge = Model(ag.lp.Sersic)
    bulge.centre = (UniformPrior(-0.3, 0.3), UniformPrior(-0.3, 0.3))
    bulge.ell_comps = (UniformPrior(-1.5, 1.5), UniformPrior(-1.5, 1.5))
    bulge.intensity = UniformPrior(0.1, 2.0)
    bulge.effective_radius = UniformPrior(-0.5, 1.0)
    bulge.sersic_index = UniformPrior(-1.0, 4.0)
    model = Collection(galaxies=Collection(g=Model(ag.Galaxy, redshift=0.5, bulge=bulge)))
    fit_np = Fitness(model, ag.AnalysisImaging(dataset=ds, use_jax=False))
    fit_jx = Fitness(model, ag.AnalysisImaging(dataset=ds, use_jax=True))
    good = [0.0, 0.0, 0.1, 0.0, 1.0, 0.3, 2.0]
    cases = {
        "valid": good,
        "|ell_comps| >= 1": [0.0, 0.0, 0.9, 0.5, 1.0, 0.3, 2.0],
        "effective_radius = 0": [0.0, 0.0, 0.1, 0.0, 1.0, 0.0, 2.0],
        "effective_radius < 0": [0.0, 0.0, 0.1, 0.0, 1.0, -0.2, 2.0],
        "sersic_index < 0": [0.0, 0.0, 0.1, 0.0, 1.0, 0.3, -0.5],
    }
    vectors = np.array(list(cases.values()))
    batch = np.asarray(fit_jx._vmap(jnp.asarray(vectors)))
    for (name, vector), vmapped in zip(cases.items(), batch):
        n = fit_np._call_numpy(np.asarray(vector))
        j = float(fit_jx._jit(jnp.asarray(vector)))
        if name == "valid":
            check(abs(n - j) <= 1e-10 * abs(n) and n > -1e98, f"valid point: NumPy {n} == JAX {j}")
        else:
            check(
                n == -1e99 and j == -1e99 and vmapped == -1e99,
                f"{name}: NumPy {n}, JAX jit {j}, vmap {vmapped} all rejected",
            )

    try:
        import autolens as al

        lens_model = Collection(
            galaxies=Collection(
                lens=Model(
                    ag.Galaxy,
                    redshift=0.5,
                    mass=Model(
                        al.mp.Isothermal if hasattr(al, "mp") else ag.mp.Isothermal,
                        einstein_radius=UniformPrior(-1.0, 2.0),
                    ),
                ),
                source=Model(ag.Galaxy, redshift=1.0, bulge=Model(ag.lp.Sersic)),
            )
        )
        vec = np.array(lens_model.physical_values_from_prior_medians)
        index = lens_model.joined_paths.index("galaxies.lens.mass.einstein_radius")
        vec[index] = -0.5
        lf_np = Fitness(lens_model, al.AnalysisImaging(dataset=ds, use_jax=False))
        lf_jx = Fitness(lens_model, al.AnalysisImaging(dataset=ds, use_jax=True))
        n, j = lf_np._call_numpy(vec), float(lf_jx._jit(jnp.asarray(vec)))
        check(n == -1e99 and j == -1e99, f"negative Einstein radius: NumPy {n}, JAX {j}")
    except ImportError:
        print("skip autolens check (not importable)")

    grid = aa.Grid2D.uniform((9, 9), 0.1, over_sample_size=1)

    def image_sum(c):
        s = ag.lp.Sersic(
            centre=(c[0], c[1]),
            ell_comps=(0.1, 0.05),
            intensity=1.0,
            effective_radius=0.5,
            sersic_index=3.0,
        )
        return jnp.sum(aa.raw_array(s.image_2d_from(grid=grid, xp=jnp)))

    g = np.asarray(jax.grad(image_sum)(jnp.array([0.0, 0.0])))
    check(bool(np.all(np.isfinite(g))), f"grad of Sersic image at a grid point finite: {g}")
    at_pixel = np.array(good)
    grad = np.asarray(fit_jx.grad(at_pixel))
    check(
        bool(np.all(np.isfinite(grad))),
        f"grad of the likelihood at a grid-point centre finite: {grad}",
    )
    value_np = fit_np._call_numpy(at_pixel)
    check(
        abs(float(fit_jx._jit(jnp.asarray(at_pixel))) - value_np) <= 1e-10 * abs(value_np),
        "likelihood value at the grid-point centre unchanged vs NumPy",
    )

    with tempfile.TemporaryDirectory() as out:
        small = Collection(
            galaxies=Collection(
                g=Model(
                    ag.Galaxy,
                    redshift=0.5,
                    bulge=Model(
                        ag.lp.Sersic,
                        centre=(UniformPrior(-0.1, 0.1), UniformPrior(-0.1, 0.1)),
                        ell_comps=(0.0, 0.0),
                        intensity=UniformPrior(0.5, 1.5),
                        effective_radius=0.3,
                        sersic_index=2.0,
                    ),
                )
            )
        )
        result = LBFGS(name="pixel", output_path=out, maxiter=40, progress=False).fit(
            small, ag.AnalysisImaging(dataset=ds, use_jax=True)
        )
        ml = result.samples.max_log_likelihood
        check(
            np.isfinite(ml) and ml > -1e98 and ml != -1.0,
            f"LBFGS from a pixel centre reports a real log L ({ml})",
        )
        check(
            abs(result.samples.max_log_likelihood_vector[2] - 1.0) < 0.05,
            f"LBFGS from a pixel centre recovers the intensity ({result.samples.max_log_likelihood_vector})",
        )
    # 5. A program larger than the memory available raises before running (XLA would abort).
    from autoarray import execution
    from autogalaxy import exc

    try:
        with execution.using(jax_memory_bytes=1000):
            Fitness(model, ag.AnalysisImaging(dataset=ds, use_jax=True))._jit(jnp.asarray(good))
        check(False, "memory estimate: no error for a program larger than the memory")
    except exc.SearchException as err:
        check("MiB" in str(err), f"memory estimate raises before running: {str(err)[:90]}...")
    v = float(jax.vmap(fit_jx._jit)(jnp.asarray(vectors))[0])
    check(
        abs(v - fit_np._call_numpy(np.asarray(good))) < 1e-8 * abs(v), "vmap over _jit still works"
    )
    print(f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
