"""Shared driver of the pixelized-source parity scripts (``rectangular.py``, ...); not a script
itself (``run_all.py`` skips files starting with ``_``).

For the model with and without lens light: jit round trip of ``analysis.fit_from`` (log
evidence, chi-squared, reconstruction vs NumPy), ``Fitness._vmap`` vs the NumPy
``Fitness.call`` row by row, and ``jax.grad`` of the log evidence with respect to the lens mass
parameters vs central finite differences. Exits non-zero on any mismatch.
"""

from __future__ import annotations

import copy
import time

import _common
import numpy as np

RTOL = 1e-8
GRAD_RTOL = 1e-6
MASK_RADIUS = 1.6


def regularization_model_from(cls):
    """``Model(cls)`` with every coefficient's prior narrowed to LogUniform(0.1, 10).

    A regularization passed as a class gets PyAutoLens's priors, LogUniform(1e-6, 1e6) for each
    coefficient: random draws of the ``_vmap`` check then include coefficients at which a small
    mesh's positive-only solve fails and NumPy cannot evaluate the row. The narrower prior keeps
    the coefficients traced (free) while every draw stays evaluable."""
    import inspect

    from autogalaxy.modeling import LogUniformPrior
    from autogalaxy.modeling.model import Model

    names = [n for n in inspect.signature(cls.__init__).parameters if "coefficient" in n]
    return Model(cls, **{n: LogUniformPrior(lower_limit=0.1, upper_limit=10.0) for n in names})


def lens_pixelized_source_model_from(pixelization_model, with_lens_light: bool, lens_bulge=None):
    """Lens (z=0.5) Isothermal + ExternalShear (+ ``lens_bulge``, default a linear Sersic, when
    ``with_lens_light``), source (z=1.0) with ``pixelization_model``."""
    from autogalaxy.galaxy.galaxy import Galaxy
    from autogalaxy.modeling.model import Collection, Model
    from autogalaxy.profiles.light.linear.sersic import Sersic
    from autogalaxy.profiles.mass.sheets.external_shear import ExternalShear
    from autogalaxy.profiles.mass.total.isothermal import Isothermal

    extra = {"bulge": Sersic if lens_bulge is None else lens_bulge} if with_lens_light else {}
    lens = Model(Galaxy, redshift=0.5, mass=Isothermal, shear=ExternalShear, **extra)
    source = Model(Galaxy, redshift=1.0, pixelization=pixelization_model)
    return Collection(galaxies=Collection(lens=lens, source=source))


def dataset_from():
    dataset = _common.dataset_from(MASK_RADIUS, 1)
    return dataset.apply_over_sampling(over_sample_size_lp=1, over_sample_size_pixelization=2)


def _gradient_failures(label, analysis, analysis_np, instance, rtol=GRAD_RTOL, step=1e-6) -> list:
    """``step``: the finite-difference step, or ``{parameter name: step}``."""
    import jax

    start = time.perf_counter()
    gradient = jax.jit(jax.grad(lambda i: analysis.fit_from(i).log_evidence))(instance)
    print(f"{label}: jit(grad) {time.perf_counter() - start:.1f} s incl. compile")
    failures = []
    mass = gradient.galaxies.lens.mass
    for name in ("einstein_radius", "centre"):
        got = getattr(mass, name)
        got = float(got) if name == "einstein_radius" else float(got[0])
        h = step[name] if isinstance(step, dict) else step
        shifted = []
        for sign in (1.0, -1.0):
            moved = copy.deepcopy(instance)
            if name == "einstein_radius":
                moved.galaxies.lens.mass.einstein_radius += sign * h
            else:
                y, x = moved.galaxies.lens.mass.centre
                moved.galaxies.lens.mass.centre = (y + sign * h, x)
            shifted.append(float(analysis_np.fit_from(moved).log_evidence))
        fd = (shifted[0] - shifted[1]) / (2 * h)
        rel = abs(got - fd) / max(abs(fd), 1e-8)
        print(f"{label}: d logE / d {name} grad {got:.8e} vs central FD {fd:.8e} (rel {rel:.1e})")
        if not (np.isfinite(got) and rel <= rtol):
            failures.append(f"{label}: grad wrt {name} {got!r} vs finite difference {fd!r}")
    return failures


#: (with lens light, checks): the mixed model gets every check, the pixel-only model the vmap
#: comparison (each check is one XLA compile of ~15 s CPU; the script must stay under 60 s).
VARIANTS = ((True, ("jit", "grad", "vmap")), (False, ("vmap",)))


def _jit_failures(label, analysis, analysis_np, instance) -> list:
    import jax

    from autolens.imaging.fit_imaging import FitImaging

    failures = []
    fit_np = analysis_np.fit_from(instance)
    start = time.perf_counter()
    fit = jax.jit(analysis.fit_from)(instance)
    seconds = time.perf_counter() - start
    if not isinstance(fit, FitImaging) or not isinstance(fit.log_evidence, jax.Array):
        return [f"{label}: jit(fit_from) did not return a FitImaging of jax arrays"]
    for quantity in ("log_evidence", "figure_of_merit", "chi_squared"):
        ours, theirs = getattr(fit, quantity), getattr(fit_np, quantity)
        rel = float(_common.relative_difference(ours, theirs))
        if not rel <= RTOL:
            failures.append(f"{label}: jit {quantity} {float(ours)!r} vs NumPy {float(theirs)!r}")
    s, s_np = np.asarray(fit.inversion.reconstruction), fit_np.inversion.reconstruction
    diff = np.abs(s - s_np).max() / np.abs(s_np).max()
    if not diff <= 1e-6:
        failures.append(f"{label}: jit reconstruction differs (max rel {diff:.2e})")
    print(
        f"{label}: jit log evidence {float(fit.log_evidence):.10e} NumPy "
        f"{float(fit_np.log_evidence):.10e}, reconstruction max rel diff {diff:.1e} "
        f"({seconds:.1f} s incl. compile)"
    )
    return failures


def _vmap_failures(label, model, analysis, analysis_np, batch, seed) -> list:
    import jax.numpy as jnp

    from autogalaxy.modeling.fitness import Fitness

    failures = []
    rng = np.random.default_rng(seed)
    units = rng.uniform(0.2, 0.8, size=(batch, model.prior_count))
    parameters = np.stack([np.asarray(model.vector_from_unit_vector(u)) for u in units])
    fitness = Fitness(model, analysis, resample_figure_of_merit=_common.RESAMPLE)
    start = time.perf_counter()
    values = np.asarray(fitness._vmap(jnp.asarray(parameters)))
    seconds = time.perf_counter() - start
    fitness_np = Fitness(model, analysis_np, resample_figure_of_merit=_common.RESAMPLE)
    expected = np.array([fitness_np.call(row) for row in parameters])
    valid = expected != _common.RESAMPLE
    rel = _common.relative_difference(values[valid], expected[valid])
    if rel.size and not np.all(rel <= RTOL):
        failures.append(f"{label}: vmap differs from NumPy (worst rel {rel.max():.2e})")
    if valid.sum() < batch // 2:
        failures.append(f"{label}: only {valid.sum()}/{batch} draws evaluable by NumPy")
    print(
        f"{label}: vmap batch {batch}: {valid.sum()} evaluable, max rel diff "
        f"{(rel.max() if rel.size else 0.0):.2e} ({seconds:.1f} s incl. compile)"
    )
    return failures


def run(
    name: str,
    model_fn,
    batch: int = 6,
    seed: int = 2,
    variants=VARIANTS,
    analysis_kwargs_fn=None,
    grad_rtol: float = GRAD_RTOL,
    fd_step=1e-6,
) -> int:
    """``analysis_kwargs_fn(dataset)``: extra ``AnalysisImaging`` arguments (adapt images);
    ``fd_step``: the central finite-difference step of the gradient check (or a dict of
    steps per parameter name)."""
    from autolens.imaging.analysis import AnalysisImaging

    failures = []
    dataset = dataset_from()
    for with_lens_light, checks in variants:
        label = f"{name} ({'with' if with_lens_light else 'no'} lens light)"
        model = model_fn(with_lens_light)
        extra = {} if analysis_kwargs_fn is None else analysis_kwargs_fn(dataset)
        analysis_np = AnalysisImaging(dataset=dataset, use_jax=False, **extra)
        analysis = AnalysisImaging(dataset=dataset, use_jax=True, **extra)
        # Slightly off the prior medians: at a centred, symmetric lens the evidence has kinks
        # (ties in the mesh box, the border ellipse and the adaptive scale), where a gradient
        # and a central difference legitimately disagree. 0.53 (uniform priors round to 14
        # decimals, so the Einstein radius is exactly 8 * 0.53 = 4.24) is also where the jitted
        # reverse-mode grad of delaunay.py's evidence once gave -11774 against forward mode's
        # and finite differences' -481, from jnp.max's derivative in the border relocator
        # (fixed there: autoarray/inversion/border_relocator.py, _largest); kept as the check.
        unit = np.full(model.prior_count, 0.53)
        instance = model.instance_from_vector(model.vector_from_unit_vector(unit))
        if "jit" in checks:
            failures += _jit_failures(label, analysis, analysis_np, instance)
        if "grad" in checks:
            failures += _gradient_failures(
                label, analysis, analysis_np, instance, grad_rtol, fd_step
            )
        if "vmap" in checks:
            failures += _vmap_failures(label, model, analysis, analysis_np, batch, seed)

    if failures:
        print(f"FAILED {name}:")
        for failure in failures:
            print("  " + failure)
        return 1
    print(f"{name}: jit, vmap and grad agree with NumPy")
    return 0
