"""Emcee affine-invariant MCMC adapter (``pip install './packages/autogalaxy[emcee]'`` from the repository root)."""

from __future__ import annotations

import time

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.result import Samples
from autogalaxy.modeling.searches.abstract import (
    AbstractSearch,
    BatchLikelihood,
    UnitCubeLikelihood,
)
from autogalaxy.modeling.searches.checkpoint import check_finite, read_npz, write_npz
from autogalaxy.modeling.searches.settings import check_choice, check_float, check_int

_KEYS = ("chain", "log_prob", "accepted", "rng_key", "rng_pos", "rng_has_gauss", "rng_gauss")


class Emcee(AbstractSearch):
    """Ensemble MCMC with `emcee <https://emcee.readthedocs.io>`_ in unit-cube coordinates.

    Walkers move in the unit cube, where the prior is uniform, so the log posterior is the log
    likelihood of the transformed point (-inf outside the cube). The chain so far and the
    random state are checkpointed to ``<output folder>/emcee.npz`` every ``checkpoint_every``
    seconds (written whole to a temporary file, flushed and renamed, so a kill or a full disk
    never damages it); a restarted fit continues the chain exactly where the checkpoint left it,
    giving the same chain as an uninterrupted run. Samples are the chain after discarding the
    first ``burn_in_fraction`` of the steps (thinned by ``thin``), equally weighted. No evidence.

    Parameters
    ----------
    nwalkers
        Number of walkers (>= 2 * free parameters).
    nsteps
        Total number of steps per walker.
    burn_in_fraction
        Fraction of the steps discarded as burn-in, in [0, 1).
    thin
        Keep every ``thin``-th step.
    initializer
        "prior" (walkers drawn from the whole prior) or "ball" (unit 0.5 +- ``ball_width``).
    checkpoint_every
        Seconds between checkpoints (0: after every step).
    """

    _module = "emcee"
    _extra = "emcee"

    def __init__(
        self,
        name=None,
        path_prefix=None,
        output_path="output",
        nwalkers: int = 32,
        nsteps: int = 1000,
        burn_in_fraction: float = 0.5,
        thin: int = 1,
        initializer: str = "prior",
        ball_width: float = 0.01,
        checkpoint_every: float = 10.0,
        **kwargs,
    ) -> None:
        super().__init__(name=name, path_prefix=path_prefix, output_path=output_path, **kwargs)
        self.nwalkers = nwalkers
        self.nsteps = nsteps
        self.burn_in_fraction = burn_in_fraction
        self.thin = thin
        self.initializer = initializer
        self.ball_width = ball_width
        self.checkpoint_every = checkpoint_every
        self._check_settings()

    def _check_settings(self) -> None:
        super()._check_settings()
        name = type(self).__name__
        check_int(name, "nwalkers", self.nwalkers, 2)
        check_int(name, "nsteps", self.nsteps, 1)
        check_float(name, "burn_in_fraction", self.burn_in_fraction, 0.0, 1.0, high_open=True)
        check_int(name, "thin", self.thin, 1)
        check_choice(name, "initializer", self.initializer, ("prior", "ball"))
        check_float(name, "ball_width", self.ball_width, 0.0, 0.5, low_open=True)
        check_float(name, "checkpoint_every", self.checkpoint_every, 0.0)

    def _initial_state(self, ndim: int, log_prob) -> np.ndarray:
        rng = np.random.default_rng(self.seed)
        out = np.empty((self.nwalkers, ndim))
        for i in range(self.nwalkers):
            for _ in range(1000):
                if self.initializer == "ball":
                    u = 0.5 + self.ball_width * rng.uniform(-1.0, 1.0, ndim)
                else:
                    u = rng.uniform(1e-6, 1 - 1e-6, ndim)
                if log_prob(u) > -1e98:
                    break
            out[i] = u
        return out

    # ------------------------------------------------------------------ checkpoint
    @staticmethod
    def _save(path, backend) -> None:
        n = backend.iteration
        key, rng_key, pos, has_gauss, gauss = backend.random_state
        write_npz(
            path,
            chain=backend.chain[:n],
            log_prob=backend.log_prob[:n],
            accepted=backend.accepted,
            rng_key=rng_key,
            rng_pos=pos,
            rng_has_gauss=has_gauss,
            rng_gauss=gauss,
        )

    def _restore(self, emcee, path, ndim: int):
        """An in-memory emcee backend holding the checkpointed chain (checked)."""
        data = read_npz(path, _KEYS)
        chain, log_prob = data["chain"], data["log_prob"]
        if (
            chain.ndim != 3
            or chain.shape[1:] != (self.nwalkers, ndim)
            or log_prob.shape != chain.shape[:2]
            or chain.shape[0] > self.nsteps
            or data["accepted"].shape != (self.nwalkers,)
            or data["rng_key"].shape != (624,)
        ):
            raise exc.SearchException(
                f"The Emcee checkpoint {path} holds a chain of shape {chain.shape}; expected "
                f"(<= {self.nsteps} steps, {self.nwalkers} walkers, {ndim} parameters) with "
                "matching log_prob, accepted and random-state arrays."
            )
        check_finite(path, "chain", chain)
        check_finite(path, "log_prob", log_prob)
        backend = emcee.backends.Backend()
        backend.reset(self.nwalkers, ndim)
        backend.grow(chain.shape[0], None)
        backend.chain[: chain.shape[0]] = chain
        backend.log_prob[: chain.shape[0]] = log_prob
        backend.accepted[:] = data["accepted"]
        backend.iteration = chain.shape[0]
        backend.random_state = (
            "MT19937",
            data["rng_key"].astype(np.uint32),
            int(data["rng_pos"]),
            int(data["rng_has_gauss"]),
            float(data["rng_gauss"]),
        )
        return backend

    # ------------------------------------------------------------------ fit
    def _fit(self, model, fitness, folder, progress) -> Samples:
        emcee = self._import()
        ndim = model.prior_count
        if self.nwalkers < 2 * ndim:
            raise exc.SearchException(
                f"Emcee: nwalkers={self.nwalkers} is invalid; expected >= 2 * {ndim} free "
                "parameters."
            )
        log_prob = UnitCubeLikelihood(model, BatchLikelihood(fitness, self.nwalkers, progress))
        path = folder / "emcee.npz"
        if self.checkpoint and path.exists():
            backend = self._restore(emcee, path, ndim)
        else:
            backend = emcee.backends.Backend()
        sampler = emcee.EnsembleSampler(
            self.nwalkers, ndim, log_prob, vectorize=True, backend=backend
        )
        done = backend.iteration if backend.initialized else 0
        if done == 0:
            state = emcee.State(self._initial_state(ndim, log_prob))
            state.random_state = np.random.RandomState(self.seed).get_state()
        else:
            state = backend.get_last_sample()
        last = time.monotonic()
        for _ in sampler.sample(state, iterations=self.nsteps - done, store=True):
            if self.checkpoint and time.monotonic() - last >= self.checkpoint_every:
                self._save(path, backend)
                last = time.monotonic()
        if self.checkpoint:
            self._save(path, backend)
        chain = sampler.get_chain()
        log_p = sampler.get_log_prob()
        burn = int(self.burn_in_fraction * chain.shape[0])
        unit = chain[burn :: self.thin].reshape(-1, ndim)
        log_l = log_p[burn :: self.thin].reshape(-1)
        physical = model.vector_from_unit_vector(unit)
        return Samples(model, physical, log_l, None, log_evidence=None)
