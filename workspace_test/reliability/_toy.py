"""Toy problem of the reliability scripts: y = a exp(-x^2) + b, Gaussian noise (NumPy or JAX).

``delay`` (seconds) is slept per likelihood call to stand in for an expensive likelihood, so
that a fit lasts long enough to be killed many times.
"""

from __future__ import annotations

import time

import numpy as np

TRUTH = (1.5, -0.5)


class Toy:
    def __init__(self, a=1.0, b=0.0):
        self.a = a
        self.b = b


class ToyAnalysis:
    def __init__(self, delay: float = 0.0, use_jax: bool = False):
        self.delay = delay
        self.use_jax = use_jax
        if use_jax:
            from autoarray.backend import jax_numpy

            self._xp = jax_numpy()
        else:
            self._xp = np
        rng = np.random.default_rng(1)
        self.x = np.linspace(-3, 3, 40)
        self.y = TRUTH[0] * np.exp(-(self.x**2)) + TRUTH[1] + 0.1 * rng.normal(size=self.x.size)

    def fingerprint(self) -> str:
        return "toy-dataset-v1"

    def log_likelihood_function(self, instance):
        if self.delay:
            time.sleep(self.delay)
        xp = self._xp
        model = instance.toy.a * xp.exp(-(self.x**2)) + instance.toy.b
        return -0.5 * xp.sum(((self.y - model) / 0.1) ** 2)


def toy_model():
    from autogalaxy.modeling import Collection, Model, UniformPrior

    return Collection(toy=Model(Toy, a=UniformPrior(0.0, 3.0), b=UniformPrior(-2.0, 2.0)))


def make_search(kind: str, output_path, seed: int = 7):
    """The search ``kind`` with small, fast, checkpoint-every-step settings."""
    from autogalaxy.modeling import LBFGS, NUTS, DynestyStatic, Emcee, MultiStartProdigy, Nautilus

    common = dict(name="fit", output_path=str(output_path), seed=seed, progress=False)
    if kind == "nautilus":
        return Nautilus(
            n_live=60,
            n_batch=20,
            n_eff=200,
            checkpoint_every=0.3,
            n_networks=1,
            neural_network_kwargs={"hidden_layer_sizes": (16,), "max_iter": 200},
            **common,
        )
    if kind == "dynesty":
        return DynestyStatic(nlive=40, dlogz=0.5, checkpoint_every=0, **common)
    if kind == "emcee":
        return Emcee(nwalkers=8, nsteps=150, checkpoint_every=0, **common)
    if kind == "lbfgs":
        return LBFGS(n_starts=3, maxiter=60, checkpoint_interval=2, **common)
    if kind == "nuts":
        return NUTS(num_warmup=60, num_samples=300, chunk=2, **common)
    if kind == "prodigy":
        return MultiStartProdigy(
            n_starts=4, batch_size=2, n_steps=400, checkpoint_interval=5, **common
        )
    raise ValueError(kind)
