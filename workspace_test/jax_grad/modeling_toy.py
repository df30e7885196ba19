"""JAX parity of the modelling layer (``autogalaxy.modeling``) on a toy analysis.

Checks, with a Gaussian-likelihood toy analysis whose model has a galaxy-like container, a fixed
redshift, a tuple parameter (``centre``) and free scalars:
1. ``register_model`` + ``jax.jit`` round trip of a model instance (pytree in and out);
2. ``Fitness._vmap`` on a batch of 50 vectors drawn from the priors equals the per-row NumPy
   ``Fitness.call`` to 1e-8 (log likelihood and log posterior), the jitted function is cached,
   and NaN likelihoods become the resample value under ``vmap``;
3. ``Fitness.grad`` (``jax.grad``) is finite and equals central finite differences of the NumPy
   fitness (rtol 1e-5);
4. the JAX paths of the ``LBFGS``, ``NUTS`` (blackjax) and ``Nautilus`` searches recover the
   truth.

Exits non-zero on any failure. Run: ``timeout 300 python workspace_test/jax_grad/modeling_toy.py``
(``MODELING_TOY_TIMEOUT`` seconds, default 280, aborts it from inside as well).
"""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
for package in ("autoarray", "autogalaxy", "autolens"):
    sys.path.append(str(ROOT / "packages" / package))

from autogalaxy import modeling as ag  # noqa: E402
from autogalaxy.modeling.fitness import register_model  # noqa: E402


def _timeout(signum, frame):
    print("modeling_toy: timed out", file=sys.stderr)
    os._exit(3)


signal.signal(signal.SIGALRM, _timeout)
signal.alarm(int(os.environ.get("MODELING_TOY_TIMEOUT", "280")))

import jax  # noqa: E402

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402


class Blob:
    """y(x) = intensity * exp(-((x - centre_1)^2 + centre_0^2) / (2 width^2))."""

    def __init__(self, centre=(0.0, 0.0), intensity=1.0, width=1.0):
        self.centre = centre
        self.intensity = intensity
        self.width = width

    def model_from(self, x, xp=np):
        return self.intensity * xp.exp(
            -((x - self.centre[1]) ** 2 + self.centre[0] ** 2) / (2.0 * self.width**2)
        )


class Galaxy:
    def __init__(self, redshift, **kwargs):
        self.redshift = redshift
        for key, value in kwargs.items():
            setattr(self, key, value)


TRUTH = {"centre": (0.0, 0.3), "intensity": 2.0, "width": 0.8}


class Analysis:
    def __init__(self, use_jax: bool):
        self.use_jax = use_jax
        self._xp = jnp if use_jax else np
        rng = np.random.default_rng(2)
        self.x = np.linspace(-3.0, 3.0, 60)
        self.sigma = 0.05
        clean = Blob(**TRUTH).model_from(self.x)
        self.y = clean + self.sigma * rng.normal(size=self.x.size)

    def fit_from(self, instance):
        return sum(g.blob.model_from(self.x, xp=self._xp) for g in instance.galaxies)

    def log_likelihood_function(self, instance):
        xp = self._xp
        model = self.fit_from(instance)
        log_l = -0.5 * xp.sum(((self.y - model) / self.sigma) ** 2)
        # an unphysical region to exercise the resample path
        return xp.where(instance.galaxies.lens.blob.width > 2.9, xp.nan, log_l)


def make_model():
    blob = ag.Model(
        Blob,
        centre=(0.0, ag.GaussianPrior(0.0, 0.5)),
        intensity=ag.LogUniformPrior(0.1, 10.0),
        width=ag.TruncatedGaussianPrior(1.0, 1.0, 0.1, 3.0),
    )
    return ag.Collection(galaxies=ag.Collection(lens=ag.Model(Galaxy, redshift=0.5, blob=blob)))


failures: list[str] = []


def check(condition: bool, message: str) -> None:
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def main() -> int:
    model = make_model()
    check(model.prior_count == 3, f"prior_count == 3 (got {model.prior_count})")

    # 1. pytree round trip
    register_model(model)
    instance = model.instance_from_prior_medians()
    out = jax.jit(lambda inst: inst)(instance)
    lens = out.galaxies.lens
    check(isinstance(lens, Galaxy) and isinstance(lens.blob, Blob), "jit round trip keeps classes")
    check(list(out.galaxies)[0] is lens, "ModelInstance iteration after jit")
    check(
        abs(float(lens.blob.intensity) - instance.galaxies.lens.blob.intensity) < 1e-14
        and float(lens.redshift) == 0.5,
        "jit round trip keeps values",
    )

    # 2. vmap batch vs NumPy
    rng = np.random.default_rng(0)
    batch = model.vector_from_unit_vector(rng.uniform(0.02, 0.98, size=(50, model.prior_count)))
    batch[3, 2] = 2.95  # width in the NaN region
    for fom_is_log_likelihood in (True, False):
        f_np = ag.Fitness(model, Analysis(False), fom_is_log_likelihood=fom_is_log_likelihood)
        f_jx = ag.Fitness(model, Analysis(True), fom_is_log_likelihood=fom_is_log_likelihood)
        expected = np.array([f_np(row) for row in batch])
        got = np.asarray(f_jx._vmap(jnp.asarray(batch)))
        got_again = np.asarray(f_jx._vmap(jnp.asarray(batch)))
        check(
            np.allclose(got, expected, rtol=1e-8, atol=0.0),
            f"_vmap == NumPy call (fom_is_log_likelihood={fom_is_log_likelihood}), "
            f"max rel diff {np.max(np.abs(got - expected) / np.abs(expected)):.2e}",
        )
        check(np.array_equal(got, got_again) and f_jx._vmap is f_jx._vmap, "_vmap cached")
        check(got[3] == -1e99 and expected[3] == -1e99, "NaN likelihood -> resample value")
        check(np.allclose(f_jx.call_many(batch), expected, rtol=1e-8), "call_many JAX == NumPy")
        check(
            abs(float(f_jx._jit(jnp.asarray(batch[0]))) - expected[0]) <= 1e-8 * abs(expected[0]),
            "_jit == NumPy",
        )

    # 3. gradients
    f_np = ag.Fitness(model, Analysis(False))
    f_jx = ag.Fitness(model, Analysis(True))
    point = np.array([0.2, 1.7, 0.9])
    grad = np.asarray(f_jx.grad(point))
    _, numeric = f_np.value_and_grad(point, step=1e-6)
    check(bool(np.all(np.isfinite(grad))), f"jax.grad finite: {grad}")
    check(
        np.allclose(grad, numeric, rtol=1e-5, atol=1e-6),
        f"jax.grad == finite differences ({grad} vs {numeric})",
    )
    value, grad2 = f_jx.value_and_grad(point)
    check(
        np.allclose(np.asarray(grad2), grad)
        and abs(float(value) - f_np(point)) < 1e-8 * abs(f_np(point)),
        "value_and_grad consistent",
    )

    # 4. searches on the JAX path
    with tempfile.TemporaryDirectory() as out_dir:
        truth = [TRUTH["centre"][1], TRUTH["intensity"], TRUTH["width"]]
        result = ag.LBFGS(name="lbfgs", output_path=out_dir, progress=False).fit(
            model, Analysis(True)
        )
        ml = result.samples.max_log_likelihood_vector
        check(np.allclose(ml, truth, atol=0.05), f"LBFGS (JAX) recovers truth: {ml}")

        result = ag.NUTS(
            name="nuts", output_path=out_dir, num_warmup=300, num_samples=300, progress=False
        ).fit(model, Analysis(True))
        med = result.samples.median_pdf_vector
        check(np.allclose(med, truth, atol=0.05), f"NUTS (JAX) median recovers truth: {med}")
        errors = result.samples.errors_at_sigma(1.0)
        check(all(0.0 < lo < 0.1 and 0.0 < hi < 0.1 for lo, hi in errors), f"NUTS errors {errors}")

        result = ag.Nautilus(
            name="naut",
            output_path=out_dir,
            n_live=100,
            n_batch=50,
            n_eff=200,
            n_networks=1,
            progress=False,
        ).fit(model, Analysis(True))
        med = result.samples.median_pdf_vector
        check(
            np.allclose(med, truth, atol=0.05),
            f"Nautilus (JAX, vmap batches) recovers truth: {med}",
        )
        check(np.isfinite(result.log_evidence), "Nautilus log evidence finite")
        record = result.output_folder / "batch_strategy.json"
        recorded = json.loads(record.read_text())["choices"] if record.exists() else {}
        check(
            "50xfloat64" in recorded,
            f"Nautilus recorded its batch strategy for a resume: {recorded}",
        )

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
