"""Shared driver of the imaging likelihood parity scripts (``lp.py``, ``lp_linear.py``,
``mge.py``); not a script itself (``run_all.py`` skips files starting with ``_``).

For every over-sampling size and a given model:

* **Path A** – ``jax.jit(analysis.fit_from)(instance)`` at the prior medians returns a real
  ``FitImaging`` whose ``log_likelihood`` is a ``jax.Array`` equal to the NumPy fit's (rtol
  1e-8), with no user registration call; its tracer travels as one packed leaf, rebuilt on
  first read, and ``jax.grad`` with respect to the instance matches finite differences;
* **vmap** – ``Fitness(model, analysis)._vmap(parameters)`` on a batch of random prior draws
  equals the per-row NumPy ``Fitness.call`` (rtol 1e-8).

Exits non-zero with a clear message on any mismatch.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
for package in ("autoarray", "autogalaxy", "autolens"):
    if str(ROOT / "packages" / package) not in sys.path:
        sys.path.append(str(ROOT / "packages" / package))

import autoarray as aa  # noqa: E402
from autoarray.dataset.imaging import Imaging  # noqa: E402

DATASET_PATH = ROOT / "workspace_test" / "dataset" / "imaging" / "jax_test"
PIXEL_SCALES = 0.2
RTOL = 1e-8
RESAMPLE = -1e99


def ensure_dataset() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import simulator

    if simulator.should_simulate(DATASET_PATH):
        simulator.simulate(DATASET_PATH)


def dataset_from(mask_radius: float, over_sample_size: int) -> Imaging:
    ensure_dataset()
    dataset = Imaging.from_fits(
        data_path=DATASET_PATH / "data.fits",
        noise_map_path=DATASET_PATH / "noise_map.fits",
        psf_path=DATASET_PATH / "psf.fits",
        pixel_scales=PIXEL_SCALES,
    )
    mask = aa.Mask2D.circular(
        shape_native=dataset.shape_native, pixel_scales=PIXEL_SCALES, radius=mask_radius
    )
    return dataset.apply_mask(mask).apply_over_sampling(over_sample_size_lp=over_sample_size)


def lens_source_model_from(lens_bulge, source_bulge):
    """Lens (z=0.5) ``lens_bulge`` light + Isothermal + ExternalShear, source (z=1.0) ``source_bulge``.

    Pass light profile classes: their priors are then created here, lens before source. Pre-built
    ``Model`` objects carry priors created earlier, which reorders the parameter vector.
    """
    from autogalaxy.galaxy.galaxy import Galaxy
    from autogalaxy.modeling.model import Collection, Model
    from autogalaxy.profiles.mass.sheets.external_shear import ExternalShear
    from autogalaxy.profiles.mass.total.isothermal import Isothermal

    lens = Model(Galaxy, redshift=0.5, bulge=lens_bulge, mass=Isothermal, shear=ExternalShear)
    source = Model(Galaxy, redshift=1.0, bulge=source_bulge)
    return Collection(galaxies=Collection(lens=lens, source=source))


def blocked_gradient_failures(model, dataset, x, reference, block_rows: int = 2048) -> list:
    """Failures of the row-blocked gradient (``autoarray.row_blocked_vjp``) on this fit.

    Forces blocks of ``block_rows`` points (the ``vjp_block_rows`` execution setting) so that the blocked
    backward pass runs on the small parity dataset, checks that the likelihood really goes
    through the custom VJP, and that ``jax.grad`` and ``vmap(grad)`` equal ``reference`` (the
    plain-autodiff gradient) to rtol 1e-10.
    """
    import jax
    import jax.numpy as jnp

    from autoarray import execution
    from autogalaxy.modeling.fitness import Fitness
    from autolens.imaging.analysis import AnalysisImaging

    with execution.using(vjp_block_rows=block_rows):
        fitness = Fitness(model, AnalysisImaging(dataset=dataset, use_jax=True))
        vector = jnp.asarray(x)
        failures = []
        if "custom_vjp_call" not in str(jax.make_jaxpr(fitness.call)(vector)):
            failures.append(f"blocks of {block_rows} rows did not engage the row-blocked VJP")
        blocked = np.asarray(jax.jit(jax.grad(fitness.call))(vector))
        batch = jnp.stack([vector, vector * (1.0 + 1e-3)])
        batched = np.asarray(jax.jit(jax.vmap(jax.grad(fitness.call)))(batch))
    reference = np.asarray(reference)
    scale = np.abs(reference).max()
    if not np.allclose(blocked, reference, rtol=1e-10, atol=1e-10 * scale):
        failures.append(f"row-blocked gradient {blocked} != plain gradient {reference}")
    if not np.allclose(batched[0], reference, rtol=1e-10, atol=1e-10 * scale):
        failures.append("vmap of the row-blocked gradient differs from the plain gradient")
    print(
        f"row-blocked gradient (blocks of {block_rows}): max |diff| / max |grad| = "
        f"{np.abs(blocked - reference).max() / scale:.2e}"
    )
    return failures


def relative_difference(a, b) -> np.ndarray:
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return np.abs(a - b) / np.maximum(np.abs(b), 1e-300)


X64_SNIPPET = """
import jax, jax.numpy as jnp, numpy as np
from autoarray.dataset.imaging import Imaging
from autoarray.operators.convolver import Convolver
from autoarray.structures.arrays.uniform_2d import Array2D
from autolens.imaging.analysis import AnalysisImaging
assert not jax.config.jax_enable_x64, "JAX started in 64-bit mode: the check would prove nothing"
image = Array2D.no_mask(np.ones((9, 9)), pixel_scales=0.2)
psf = Convolver.from_gaussian((3, 3), 0.2, sigma=0.2, normalize=True)
AnalysisImaging(dataset=Imaging(data=image, noise_map=image, psf=psf), use_jax=True)
print(jnp.asarray(np.ones(2)).dtype)
"""


def x64_failures() -> list:
    """A JAX analysis switches JAX to 64-bit floats when built, even when JAX was imported first
    (so a parameter array made next is float64, not a silently rounded float32)."""
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "JAX_ENABLE_X64"}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "packages" / p) for p in ("autoarray", "autogalaxy", "autolens")]
        + [env.get("PYTHONPATH", "")]
    )
    result = subprocess.run(
        [sys.executable, "-c", X64_SNIPPET], env=env, capture_output=True, text=True, timeout=300
    )
    dtype = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    outcome = dtype or result.stderr[-300:]
    print(f"x64 after AnalysisImaging(use_jax=True) with JAX imported first: {outcome}")
    if result.returncode != 0 or dtype != "float64":
        return [f"AnalysisImaging(use_jax=True) left JAX in 32-bit mode ({outcome})"]
    return []


def packed_fit_failures(label, analysis, analysis_np, instance, fit, fit_np) -> list:
    """The fit from ``jax.jit`` carries its tracer as one packed leaf (autoarray.pytree_packing),
    rebuilt on first read to the instance's values; flattening it again hands JAX the same
    array; ``jax.grad`` with respect to the instance returns an instance of gradients equal to
    central finite differences of the NumPy log likelihood."""
    import copy

    import jax

    from autoarray.pytree_packing import PENDING

    failures = []
    pending = fit.__dict__.get(PENDING, {})
    if "tracer" not in pending:
        return [f"{label}: jit(fit_from) rebuilt its tracer eagerly (not one packed leaf)"]
    packed = pending["tracer"][0]
    if not any(leaf is packed for leaf in jax.tree_util.tree_leaves(fit)):
        failures.append(f"{label}: flattening the returned fit did not hand back its packed tracer")
    leaves = jax.tree_util.tree_leaves(fit.tracer)
    expected = jax.tree_util.tree_leaves(fit_np.tracer)
    if len(leaves) != len(expected) or not np.allclose(leaves, expected, rtol=0, atol=0):
        failures.append(f"{label}: the rebuilt tracer's parameters differ from the instance's")

    gradient = jax.grad(lambda i: analysis.fit_from(i).log_likelihood)(instance)
    step = 1e-5
    lens_mass = gradient.galaxies.lens.mass
    shifted = []
    for sign in (1.0, -1.0):
        moved = copy.deepcopy(instance)
        moved.galaxies.lens.mass.einstein_radius += sign * step
        shifted.append(float(analysis_np.fit_from(moved).log_likelihood))
    finite_difference = (shifted[0] - shifted[1]) / (2 * step)
    got = float(lens_mass.einstein_radius)
    rel = abs(got - finite_difference) / max(abs(finite_difference), 1e-12)
    print(
        f"{label}: grad wrt instance d logL / d einstein_radius {got:.8e} vs central FD "
        f"{finite_difference:.8e} (rel {rel:.1e}); jit fit leaves "
        f"{len(jax.tree_util.tree_leaves(fit))}"
    )
    if not rel <= 1e-5:
        failures.append(
            f"{label}: grad wrt instance {got!r} vs finite difference "
            f"{finite_difference!r} (rel {rel:.2e})"
        )
    return failures


def run(
    name: str,
    model_fn,
    mask_radius: float = 3.0,
    over_sample_sizes=(1, 4),
    batch: int = 50,
    seed: int = 1,
    check_x64: bool = False,
) -> int:
    import jax
    import jax.numpy as jnp

    from autogalaxy.modeling.fitness import Fitness
    from autolens.imaging.analysis import AnalysisImaging
    from autolens.imaging.fit_imaging import FitImaging

    failures = x64_failures() if check_x64 else []
    for over_sample_size in over_sample_sizes:
        label = f"{name} (over-sampling {over_sample_size})"
        dataset = dataset_from(mask_radius, over_sample_size)
        model = model_fn()
        analysis_np = AnalysisImaging(dataset=dataset, use_jax=False)
        analysis = AnalysisImaging(dataset=dataset, use_jax=True)

        # Path A: jit round trip of fit_from.
        instance = model.instance_from_prior_medians()
        fit_np = analysis_np.fit_from(instance)
        start = time.perf_counter()
        fit = jax.jit(analysis.fit_from)(instance)
        seconds = time.perf_counter() - start
        if not isinstance(fit, FitImaging):
            failures.append(f"{label}: jit(fit_from) returned {type(fit).__name__}, not FitImaging")
        elif not isinstance(fit.log_likelihood, jax.Array):
            failures.append(
                f"{label}: fit.log_likelihood is {type(fit.log_likelihood).__name__}, "
                "not a jax.Array"
            )
        else:
            for quantity in ("log_likelihood", "figure_of_merit", "chi_squared"):
                rel = float(relative_difference(getattr(fit, quantity), getattr(fit_np, quantity)))
                if not rel <= RTOL:
                    failures.append(
                        f"{label}: jit {quantity} {float(getattr(fit, quantity))!r} vs "
                        f"NumPy {float(getattr(fit_np, quantity))!r} (rel {rel:.2e})"
                    )
            rel = relative_difference(fit.model_data.array, fit_np.model_data.array).max()
            if not rel <= 1e-6:
                failures.append(f"{label}: jit model_data differs from NumPy (max rel {rel:.2e})")
            failures += packed_fit_failures(label, analysis, analysis_np, instance, fit, fit_np)
        print(
            f"{label}: Path A log L jit {float(fit.log_likelihood):.10e} NumPy "
            f"{float(fit_np.log_likelihood):.10e} ({seconds:.1f} s incl. compile)"
        )

        # vmap over random prior draws.
        rng = np.random.default_rng(seed)
        parameters = np.stack(
            [
                np.asarray(
                    model.vector_from_unit_vector(rng.uniform(0.02, 0.98, size=model.prior_count))
                )
                for _ in range(batch)
            ]
        )
        fitness = Fitness(model, analysis, resample_figure_of_merit=RESAMPLE)
        start = time.perf_counter()
        values = np.asarray(fitness._vmap(jnp.asarray(parameters)))
        first = time.perf_counter() - start
        start = time.perf_counter()
        values = np.asarray(fitness._vmap(jnp.asarray(parameters)))
        second = time.perf_counter() - start
        fitness_np = Fitness(model, analysis_np, resample_figure_of_merit=RESAMPLE)
        start = time.perf_counter()
        expected = np.array([fitness_np.call(row) for row in parameters])
        numpy_seconds = time.perf_counter() - start
        resampled = expected == RESAMPLE
        if np.any(values[~resampled] == RESAMPLE):
            failures.append(f"{label}: vmap resampled rows NumPy evaluated")
        valid = ~resampled
        rel = relative_difference(values[valid], expected[valid])
        worst = int(np.argmax(rel)) if rel.size else 0
        if rel.size and not np.all(rel <= RTOL):
            bad = int(np.count_nonzero(rel > RTOL))
            failures.append(
                f"{label}: vmap differs from NumPy on {bad}/{valid.sum()} rows "
                f"(worst rel {rel[worst]:.2e}: {values[valid][worst]!r} vs "
                f"{expected[valid][worst]!r})"
            )
        if valid.sum() < batch // 2:
            failures.append(f"{label}: only {valid.sum()}/{batch} draws were evaluable by NumPy")
        print(
            f"{label}: vmap batch {batch}: {valid.sum()} evaluable rows, max rel diff "
            f"{(rel.max() if rel.size else 0.0):.2e}; vmap {first:.1f} s (compile) / "
            f"{second:.2f} s, NumPy loop {numpy_seconds:.2f} s"
        )

    if failures:
        print(f"FAILED {name}:")
        for failure in failures:
            print("  " + failure)
        return 1
    print(f"{name}: Path A and vmap agree with NumPy (rtol {RTOL:g})")
    return 0
