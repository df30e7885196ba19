"""Dynesty static nested sampler adapter (``pip install './packages/autogalaxy[dynesty]'`` from the repository root)."""

from __future__ import annotations

import warnings

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.result import Samples
from autogalaxy.modeling.searches.abstract import AbstractSearch, BatchLikelihood, PriorTransform
from autogalaxy.modeling.searches.checkpoint import write_failed
from autogalaxy.modeling.searches.settings import check_choice, check_float, check_int


class _PhysicalLikelihood:
    """Log likelihood of one physical vector.

    dynesty pickles the sampler (with its likelihood) into its checkpoint; analyses are often not
    picklable, so this object pickles to an empty placeholder and the live likelihood is
    re-attached after ``NestedSampler.restore``.
    """

    def __init__(self, batch: BatchLikelihood | None) -> None:
        self.batch = batch

    def __getstate__(self):
        return {}

    def __setstate__(self, state) -> None:
        self.batch = None

    def __call__(self, vector) -> float:
        if self.batch is None:
            from autogalaxy import exc

            raise exc.SearchException("Restored dynesty likelihood was not re-attached.")
        return float(self.batch(np.asarray(vector)[None, :])[0])


class DynestyStatic(AbstractSearch):
    """Static nested sampling with `dynesty <https://dynesty.readthedocs.io>`_.

    Checkpoints to ``<output folder>/dynesty.save``; a killed fit restarted with the same name
    resumes from it.

    Parameters
    ----------
    nlive
        Number of live points.
    bound, sample
        dynesty bounding / sampling methods.
    dlogz
        Stop when the remaining evidence estimate is below this (log units).
    maxiter, maxcall
        Optional caps on iterations / likelihood calls.
    checkpoint_every
        Seconds between checkpoints. dynesty uses a wall-clock timer checked after each
        iteration (and always saves at the end), so a fit killed within the first
        ``checkpoint_every`` seconds has no checkpoint and restarts from scratch; ``0`` saves
        after every iteration.
    """

    _module = "dynesty"
    _extra = "dynesty"

    def __init__(
        self,
        name=None,
        path_prefix=None,
        output_path="output",
        nlive: int = 100,
        bound: str = "multi",
        sample: str = "rwalk",
        dlogz: float = 0.5,
        maxiter: int | None = None,
        maxcall: int | None = None,
        checkpoint_every: float = 10.0,
        **kwargs,
    ) -> None:
        super().__init__(name=name, path_prefix=path_prefix, output_path=output_path, **kwargs)
        self.nlive = nlive
        self.bound = bound
        self.sample = sample
        self.dlogz = dlogz
        self.maxiter = maxiter
        self.maxcall = maxcall
        self.checkpoint_every = checkpoint_every
        self._check_settings()

    def _check_settings(self) -> None:
        super()._check_settings()
        name = type(self).__name__
        check_int(name, "nlive", self.nlive, 2)
        check_choice(name, "bound", self.bound, ("none", "single", "multi", "balls", "cubes"))
        check_choice(name, "sample", self.sample, ("auto", "unif", "rwalk", "slice", "rslice"))
        check_float(name, "dlogz", self.dlogz, 0.0, low_open=True)
        check_int(name, "maxiter", self.maxiter, 1, allow_none=True)
        check_int(name, "maxcall", self.maxcall, 1, allow_none=True)
        check_float(name, "checkpoint_every", self.checkpoint_every, 0.0)

    @staticmethod
    def _restore(dynesty, save, ndim: int):
        """The sampler pickled in ``save`` (dynesty writes it via temp file + rename)."""
        try:
            sampler = dynesty.NestedSampler.restore(str(save))
        except Exception as err:  # unpickling garbage raises anything from EOFError to KeyError
            raise exc.SearchException(
                f"The dynesty checkpoint {save} is unreadable ({type(err).__name__}: {err}); "
                "expected a sampler saved by dynesty. Delete it (or the output folder) to restart."
            ) from err
        if getattr(sampler, "ndim", ndim) != ndim:
            raise exc.SearchException(
                f"The dynesty checkpoint {save} is for {sampler.ndim} parameters; the model has {ndim}."
            )
        return sampler

    def _fit(self, model, fitness, folder, progress) -> Samples:
        dynesty = self._import()
        batch = BatchLikelihood(fitness, batch_size=1, progress=progress)
        loglike = _PhysicalLikelihood(batch)
        prior = PriorTransform(model)
        save = folder / "dynesty.save"
        checkpoint = self.checkpoint and self._check_picklable(prior)
        if self.checkpoint and not checkpoint:
            warnings.warn(
                "DynestyStatic: the model cannot be pickled; no checkpoint is written.",
                stacklevel=2,
            )
        resume = checkpoint and save.exists()
        if resume:
            sampler = self._restore(dynesty, save, model.prior_count)
            sampler.loglikelihood.loglikelihood = loglike
            sampler.prior_transform = prior
        else:
            sampler = dynesty.NestedSampler(
                loglike,
                prior,
                model.prior_count,
                nlive=self.nlive,
                bound=self.bound,
                sample=self.sample,
                rstate=np.random.default_rng(self.seed),
            )
        try:
            # dynesty pickles to "<file>.tmp" and renames it over the checkpoint, so a failed
            # write (full disk) leaves the previous checkpoint in place.
            sampler.run_nested(
                dlogz=self.dlogz,
                maxiter=self.maxiter,
                maxcall=self.maxcall,
                print_progress=False,
                checkpoint_file=str(save) if checkpoint else None,
                checkpoint_every=self.checkpoint_every,
                resume=resume,
            )
        except OSError as err:
            raise write_failed(save, err) from err
        res = sampler.results
        weights = np.asarray(res.importance_weights())
        return Samples(model, res.samples, res.logl, weights, log_evidence=float(res.logz[-1]))
