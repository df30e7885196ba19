"""Nautilus nested sampler adapter (the default search; ``nautilus-sampler`` is a dependency of autogalaxy)."""

from __future__ import annotations

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.result import Samples
from autogalaxy.modeling.searches.abstract import (
    AbstractSearch,
    BatchLikelihood,
    PriorTransform,
    import_optional,
)
from autogalaxy.modeling.searches.checkpoint import check_nautilus_checkpoint, safe_nautilus_sampler
from autogalaxy.modeling.searches.settings import check_float, check_int
from autogalaxy.modeling.searches.worker_pool import (
    cores_from,
    pooled_network_training,
    worker_batch_likelihood,
    worker_pool,
)


class Nautilus(AbstractSearch):
    """Nested sampling with `nautilus <https://nautilus-sampler.readthedocs.io>`_ (default search).

    The likelihood is always called on batches of ``n_batch`` points (vectorised); with a JAX
    analysis each batch is one ``Fitness._vmap`` call. With ``number_of_cores = n > 1`` there
    are ``n`` worker processes: each NumPy batch is split between them and each bound's
    networks are trained on them (:mod:`.worker_pool`); the samples are identical to a one-core
    run (same seed), because the sampler's random draws stay in this process. The sampler state is checkpointed to
    ``<output folder>/nautilus.hdf5`` (requires h5py) and a restarted fit resumes from it. Every
    write goes to a temporary copy that replaces the checkpoint only once complete and flushed,
    so a kill or a full disk mid-write keeps the previous checkpoint.

    The defaults are PyAutoFit 2026.10.26.1's ``af.Nautilus()`` (``n_live=3000``,
    ``n_batch=100``, ``n_eff=500``, ``f_live=0.01``, ``n_networks=4``,
    ``discard_exploration=False``; PyAutoLens's config does not override them), so a script
    that relies on them samples as it does there; scripts usually pass a smaller ``n_live``.

    Parameters
    ----------
    n_live
        Number of live points.
    n_batch
        Likelihood evaluations per batch.
    n_eff
        Target effective sample size of the posterior.
    f_live
        Stop exploring when the live set holds less than this evidence fraction.
    n_like_max
        Hard cap on likelihood calls (summed over resumed runs).
    discard_exploration
        Leave the exploration-phase points out of the posterior (nautilus' own option).
    n_networks
        Neural networks per bound (fewer is faster for small problems).
    checkpoint_every
        Seconds between checkpoint writes after the first (``0``: after every batch and every
        new bound, as nautilus itself writes; each write is a temporary copy flushed to disk and
        renamed). Writes are also spaced by at least 10x the last write's duration, and a skipped
        state is written when the run ends.
    neural_network_kwargs
        Passed to nautilus' neural-network emulator (scikit-learn ``MLPRegressor`` arguments, e.g.
        ``{"hidden_layer_sizes": (32, 16)}`` for cheap toy problems).
    """

    _module = "nautilus"
    _extra = "nautilus"

    def __init__(
        self,
        name=None,
        path_prefix=None,
        output_path="output",
        n_live: int = 3000,
        n_batch: int = 100,
        n_eff: int = 500,
        f_live: float = 0.01,
        n_like_max: float = np.inf,
        n_networks: int = 4,
        discard_exploration: bool = False,
        neural_network_kwargs: dict | None = None,
        checkpoint_every: float = 10.0,
        **kwargs,
    ) -> None:
        super().__init__(name=name, path_prefix=path_prefix, output_path=output_path, **kwargs)
        self.n_live = n_live
        self.n_batch = n_batch
        self.n_eff = n_eff
        self.f_live = f_live
        self.n_like_max = n_like_max
        self.n_networks = n_networks
        self.discard_exploration = discard_exploration
        self.neural_network_kwargs = dict(neural_network_kwargs or {})
        self.checkpoint_every = checkpoint_every
        self._check_settings()

    def _check_settings(self) -> None:
        super()._check_settings()
        name = type(self).__name__
        check_int(name, "n_live", self.n_live, 2)
        check_int(name, "n_batch", self.n_batch, 1)
        check_int(name, "n_eff", self.n_eff, 1)
        check_int(name, "n_networks", self.n_networks, 0)
        check_float(name, "f_live", self.f_live, 0.0, 1.0, low_open=True, high_open=True)
        check_float(name, "n_like_max", self.n_like_max, 0.0, low_open=True, allow_inf=True)
        check_float(name, "checkpoint_every", self.checkpoint_every, 0.0)
        cores_from(self)
        if not isinstance(self.neural_network_kwargs, dict):
            raise exc.SearchException(
                f"Nautilus: neural_network_kwargs={self.neural_network_kwargs!r} is invalid; "
                "expected a dict of scikit-learn MLPRegressor arguments."
            )

    def _fit(self, model, fitness, folder, progress) -> Samples:
        nautilus = self._import()
        filepath = None
        if self.checkpoint:
            import_optional("h5py", "nautilus", "Nautilus (checkpointing)")
            filepath = folder / "nautilus.hdf5"
            if filepath.exists():
                check_nautilus_checkpoint(filepath, model.prior_count)
        likelihood = BatchLikelihood(fitness, batch_size=self.n_batch, progress=progress)
        cores = cores_from(self)
        # A JAX likelihood runs its batches as one vmap here; workers only train networks.
        pooled_likelihood = cores > 1 and not fitness.use_jax
        with worker_pool(cores, likelihood if pooled_likelihood else None) as pool:
            # Checkpoint writes go to a temporary copy renamed into place once complete.
            sampler = safe_nautilus_sampler(nautilus, self.checkpoint_every)(
                prior=PriorTransform(model),
                likelihood=worker_batch_likelihood if pooled_likelihood else likelihood,
                n_dim=model.prior_count,
                n_live=self.n_live,
                n_batch=self.n_batch,
                n_networks=self.n_networks,
                neural_network_kwargs=self.neural_network_kwargs,
                vectorized=True,
                pass_dict=False,
                seed=self.seed,
                filepath=None if filepath is None else str(filepath),
                resume=True,
                pool=(pool, None) if pooled_likelihood else None,
            )
            if pooled_likelihood:
                # The workers' copies of the likelihood cannot move this process's progress bar.
                sampler.progress = progress
            try:
                with pooled_network_training(pool):
                    sampler.run(
                        f_live=self.f_live,
                        n_eff=self.n_eff,
                        n_like_max=self.n_like_max,
                        discard_exploration=self.discard_exploration,
                        verbose=False,
                    )
            except BaseException:
                sampler.abandon_background_write()
                raise
        if filepath is not None:
            sampler.flush_checkpoint(filepath)
        points, log_w, log_l = sampler.posterior()
        weights = np.exp(log_w - np.max(log_w))
        return Samples(model, points, log_l, weights, log_evidence=float(sampler.log_z))
