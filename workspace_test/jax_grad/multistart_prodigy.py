"""``al.MultiStartProdigy`` (the quick-start search of ``imaging/start_here.py``) on a tiny lens.

Simulates a 30x30 lens (Isothermal + shear lens, Sersic source, Gaussian PSF) and fits a
6-parameter model (Einstein radius, mass ellipticity, source centre and intensity) from random
starts drawn over the priors:
1. with an analysis built with NumPy (``use_jax=False``, the search differentiates a JAX copy)
   in 2 chunks of starts (``batch_size``): the Einstein radius is recovered to 0.03" and the
   best fit is at least as likely as the truth, ``fit.png`` is written by quick updates exactly
   at the ``iterations_per_quick_update`` schedule (not at the last step), the output folder holds model.info, samples.csv (one row per start),
   result.json and search.summary, and ``result.info``, ``result.max_log_likelihood_tracer`` /
   ``_fit``, ``result.grids.lp`` and ``aplt.subplot_tracer(tracer=..., grid=result.grids.lp)``
   work, as ``start_here.py`` uses them;
2. with a JAX analysis, results do not depend on ``batch_size`` (all starts in one chunk give the
   same best point to 1e-6 as 2 chunks of 3 starts with one padded start);
3. the memory estimate behind the default ``batch_size`` (``BYTES_PER_POINT`` per ray-traced
   point per start) is at least XLA's own temporary-buffer size of the compiled chunk step.

Exits non-zero on failure. Run: ``timeout 300 python workspace_test/jax_grad/multistart_prodigy.py``.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
for package in ("autoarray", "autogalaxy", "autolens"):
    sys.path.append(str(ROOT / "packages" / package))

import autolens as al  # noqa: E402
import autolens.plot as aplt  # noqa: E402
from autogalaxy.modeling.fitness import Fitness, _points_per_call  # noqa: E402
from autogalaxy.modeling.searches import prodigy  # noqa: E402


def _timeout(signum, frame):
    print("multistart_prodigy: timed out", file=sys.stderr)
    os._exit(3)


signal.signal(signal.SIGALRM, _timeout)
signal.alarm(int(os.environ.get("MULTISTART_PRODIGY_TIMEOUT", "280")))

TRUE_EINSTEIN_RADIUS = 1.0
SHAPE = (30, 30)
PIXEL_SCALE = 0.1
QUICK = 80
OUT = Path(tempfile.mkdtemp(prefix="multistart_prodigy_"))  # removed at exit
N_STEPS = 200


def truth_tracer() -> al.Tracer:
    return al.Tracer(
        galaxies=[
            al.Galaxy(
                redshift=0.5,
                mass=al.mp.Isothermal(
                    centre=(0.0, 0.0), ell_comps=(0.05, 0.03), einstein_radius=TRUE_EINSTEIN_RADIUS
                ),
                shear=al.mp.ExternalShear(gamma_1=0.02, gamma_2=0.0),
            ),
            al.Galaxy(
                redshift=1.0,
                bulge=al.lp.Sersic(
                    centre=(0.05, 0.1),
                    ell_comps=(0.1, 0.0),
                    intensity=1.0,
                    effective_radius=0.3,
                    sersic_index=1.5,
                ),
            ),
        ]
    )


def dataset_from() -> al.Imaging:
    grid = al.Grid2D.uniform(shape_native=SHAPE, pixel_scales=PIXEL_SCALE)
    psf = al.Convolver.from_gaussian((5, 5), PIXEL_SCALE, sigma=0.1, normalize=True)
    tracer = truth_tracer()
    simulator = al.SimulatorImaging(
        exposure_time=300.0,
        psf=psf,
        background_sky_level=0.1,
        add_poisson_noise_to_data=True,
        noise_seed=1,
    )
    dataset = simulator.via_tracer_from(tracer=tracer, grid=grid)
    mask = al.Mask2D.circular(shape_native=SHAPE, radius=1.5, pixel_scales=PIXEL_SCALE)
    return dataset.apply_mask(mask).apply_over_sampling(over_sample_size_lp=1)


def model_from() -> al.Collection:
    mass = al.Model(al.mp.Isothermal, centre=(0.0, 0.0))
    mass.einstein_radius = al.UniformPrior(lower_limit=0.5, upper_limit=1.6)
    mass.ell_comps.ell_comps_0 = al.UniformPrior(lower_limit=-0.2, upper_limit=0.2)
    mass.ell_comps.ell_comps_1 = al.UniformPrior(lower_limit=-0.2, upper_limit=0.2)
    shear = al.Model(al.mp.ExternalShear, gamma_1=0.02, gamma_2=0.0)
    bulge = al.Model(al.lp.Sersic, ell_comps=(0.1, 0.0), effective_radius=0.3, sersic_index=1.5)
    bulge.centre.centre_0 = al.UniformPrior(lower_limit=-0.3, upper_limit=0.3)
    bulge.centre.centre_1 = al.UniformPrior(lower_limit=-0.3, upper_limit=0.3)
    bulge.intensity = al.LogUniformPrior(lower_limit=0.1, upper_limit=10.0)
    lens = al.Model(al.Galaxy, redshift=0.5, mass=mass, shear=shear)
    source = al.Model(al.Galaxy, redshift=1.0, bulge=bulge)
    return al.Collection(galaxies=al.Collection(lens=lens, source=source))


class RecordingAnalysis(al.AnalysisImaging):
    """Records every ``visualize`` call (quick or full) and whether ``fit.png`` was there."""

    calls: list

    def visualize(self, output_dir, instance, quick_update: bool = False) -> None:
        super().visualize(output_dir, instance, quick_update=quick_update)
        png = Path(output_dir) / "fit.png"
        self.calls.append((quick_update, png.exists() and png.stat().st_size > 1000))


class QuietAnalysis(al.AnalysisImaging):
    """No images (the batch-size comparison needs only the samples)."""

    def visualize_before_fit(self, output_dir, model=None) -> None:
        pass

    def visualize(self, output_dir, instance, quick_update: bool = False) -> None:
        pass


def main() -> int:
    failures = []

    def check(ok: bool, what: str) -> None:
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    dataset = dataset_from()
    model = model_from()
    out = OUT

    # 1. NumPy-built analysis, two chunks, quick updates.
    analysis = RecordingAnalysis(dataset, use_jax=False)
    analysis.calls = []
    search = al.MultiStartProdigy(
        path_prefix=Path("imaging"),
        name="start_here",
        unique_tag="tiny",
        n_starts=6,
        batch_size=3,
        n_steps=N_STEPS,
        iterations_per_quick_update=QUICK,
        live_visual_update=False,
        output_path=out,
        progress=False,
    )
    t0, c0 = time.time(), time.process_time()
    result = search.fit(model=model, analysis=analysis)
    elapsed, cpu = time.time() - t0, time.process_time() - c0
    folder = out / "imaging" / "tiny" / "start_here"
    einstein = result.max_log_likelihood_instance.galaxies.lens.mass.einstein_radius
    print(
        f"NumPy-built analysis: {elapsed:.1f} s wall, {cpu:.1f} s CPU, Einstein radius {einstein:.4f} "
        f"(truth {TRUE_EINSTEIN_RADIUS}), max log L {result.max_log_likelihood:.2f}"
    )
    check(abs(einstein - TRUE_EINSTEIN_RADIUS) < 0.03, 'Einstein radius recovered to 0.03"')
    truth_log_l = float(al.FitImaging(dataset=dataset, tracer=truth_tracer()).log_likelihood)
    print(f"log L at the truth {truth_log_l:.2f}; steps taken {search._steps_taken}")
    check(result.max_log_likelihood >= truth_log_l, "best fit at least as likely as the truth")
    quick = [c for c in analysis.calls if c[0]]
    expected = (search._steps_taken - 1) // QUICK
    check(len(quick) == expected >= 2, f"{len(quick)} quick updates every {QUICK} steps")
    check(all(written for _, written in analysis.calls), "fit.png written at every update")
    check(analysis.calls and analysis.calls[-1][0] is False, "final full visualisation last")
    for name in ("model.info", "samples.csv", "result.json", "search.summary", "fit.png"):
        check((folder / name).is_file(), f"output {name}")
    rows = (folder / "samples.csv").read_text().strip().splitlines()
    check(len(rows) == 1 + 6, "samples.csv holds one row per start")
    check("Maximum Log Likelihood" in result.info, "result.info")
    tracer = result.max_log_likelihood_tracer
    check(isinstance(tracer, al.Tracer), "result.max_log_likelihood_tracer")
    fit = result.max_log_likelihood_fit
    check(
        abs(float(fit.log_likelihood) - result.max_log_likelihood)
        < 1e-6 * abs(result.max_log_likelihood),
        "max_log_likelihood_fit reproduces the search's best",
    )
    check(result.grids.lp.shape[0] == dataset.mask.pixels_in_mask, "result.grids.lp")
    # as start_here.py plots the result
    written = aplt.subplot_tracer(
        tracer=result.max_log_likelihood_tracer,
        grid=result.grids.lp,
        output_path=folder,
        output_format="png",
    )
    check(
        bool(written) and Path(written[0]).stat().st_size > 1000,
        "aplt.subplot_tracer(tracer=result.max_log_likelihood_tracer, grid=result.grids.lp)",
    )
    reloaded = search.fit(model=model, analysis=analysis)
    check(
        reloaded.loaded
        and np.allclose(
            reloaded.samples.max_log_likelihood_vector, result.samples.max_log_likelihood_vector
        ),
        "completed fit reloaded from the output folder",
    )

    # 2. JAX analysis: batch_size does not change the result.
    jax_analysis = QuietAnalysis(dataset, use_jax=True)
    best = []
    t0, c0 = time.time(), time.process_time()
    for batch in (3, None):
        s = al.MultiStartProdigy(
            name=f"batch_{batch}",
            n_starts=5,
            batch_size=batch,
            n_steps=10,
            output_path=out,
            progress=False,
        )
        best.append(np.asarray(s.fit(model, jax_analysis).samples.max_log_likelihood_vector))
    print(
        f"batch-size comparison: {time.time() - t0:.1f} s wall, "
        f"{time.process_time() - c0:.1f} s CPU"
    )
    check(np.allclose(best[0], best[1], rtol=1e-6, atol=1e-9), "results independent of batch_size")

    # 3. The default batch size's memory estimate bounds XLA's temporaries.
    import jax.numpy as jnp

    jfit = Fitness(model, jax_analysis)
    optimiser = search.optimiser()
    step, init = prodigy.step_functions(model, jfit, optimiser)
    z = jnp.zeros((4, model.prior_count))
    compiled = step.lower(z, init(z)).compile()
    temp = compiled.memory_analysis().temp_size_in_bytes
    estimate = 4 * _points_per_call(jax_analysis) * prodigy.BYTES_PER_POINT
    print(
        f"chunk of 4 starts: XLA temporaries {temp / 1e6:.2f} MB "
        f"({temp / estimate * prodigy.BYTES_PER_POINT:.0f} bytes per point per start), "
        f"estimate {estimate / 1e6:.2f} MB"
    )
    check(temp <= estimate, "memory estimate >= XLA temporaries")

    if failures:
        print(f"multistart_prodigy: {len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("multistart_prodigy: all checks passed")
    return 0


if __name__ == "__main__":
    try:
        code = main()
    finally:
        shutil.rmtree(OUT, ignore_errors=True)
    sys.exit(code)
