"""Emcee affine-invariant MCMC adapter (``pip install './packages/autogalaxy[emcee]'`` from the repository root)."""

from __future__ import annotations

import numpy as np

from autogalaxy.modeling.result import Samples
from autogalaxy.modeling.searches.abstract import (
    AbstractSearch,
    BatchLikelihood,
    UnitCubeLikelihood,
    import_optional,
)


class Emcee(AbstractSearch):
    """Ensemble MCMC with `emcee <https://emcee.readthedocs.io>`_ in unit-cube coordinates.

    Walkers move in the unit cube, where the prior is uniform, so the log posterior is the log
    likelihood of the transformed point (-inf outside the cube). The chain is stored in the HDF5
    backend ``<output folder>/emcee.hdf5`` (requires h5py); a restarted fit continues it.
    Samples are the chain after discarding the first ``burn_in_fraction`` of the steps (thinned
    by ``thin``), equally weighted. No evidence is estimated.

    Parameters
    ----------
    nwalkers
        Number of walkers (>= 2 * free parameters).
    nsteps
        Total number of steps per walker.
    initializer
        "prior" (walkers drawn from the whole prior) or "ball" (unit 0.5 +- ``ball_width``).
    """

    _module = "emcee"
    _extra = "emcee"

    def __init__(self, name=None, path_prefix=None, output_path="output", nwalkers: int = 32,
                 nsteps: int = 1000, burn_in_fraction: float = 0.5, thin: int = 1,
                 initializer: str = "prior", ball_width: float = 0.01, **kwargs) -> None:
        super().__init__(name=name, path_prefix=path_prefix, output_path=output_path, **kwargs)
        self.nwalkers = nwalkers
        self.nsteps = nsteps
        self.burn_in_fraction = burn_in_fraction
        self.thin = thin
        self.initializer = initializer
        self.ball_width = ball_width

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

    def _fit(self, model, fitness, folder, progress) -> Samples:
        emcee = self._import()
        ndim = model.prior_count
        if self.nwalkers < 2 * ndim:
            from autogalaxy import exc

            raise exc.SearchException(f"Emcee needs nwalkers >= 2 * {ndim} free parameters.")
        log_prob = UnitCubeLikelihood(model, BatchLikelihood(fitness, self.nwalkers, progress))
        backend = None
        done = 0
        if self.checkpoint:
            import_optional("h5py", "emcee", "Emcee (checkpointing)")
            backend = emcee.backends.HDFBackend(str(folder / "emcee.hdf5"))
            if backend.initialized and backend.shape == (self.nwalkers, ndim):
                done = backend.iteration
            if done == 0:
                backend.reset(self.nwalkers, ndim)
        sampler = emcee.EnsembleSampler(
            self.nwalkers, ndim, log_prob, vectorize=True, backend=backend
        )
        if done == 0:
            state = emcee.State(self._initial_state(ndim, log_prob))
            state.random_state = np.random.RandomState(self.seed).get_state()
            remaining = self.nsteps
        else:
            state = None
            remaining = self.nsteps - done
        if remaining > 0:
            sampler.run_mcmc(state, remaining, progress=False)
        chain = sampler.get_chain()
        log_p = sampler.get_log_prob()
        burn = int(self.burn_in_fraction * chain.shape[0])
        unit = chain[burn :: self.thin].reshape(-1, ndim)
        log_l = log_p[burn :: self.thin].reshape(-1)
        physical = model.vector_from_unit_vector(unit)
        return Samples(model, physical, log_l, None, log_evidence=None)
