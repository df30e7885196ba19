"""The figure of merit that searches maximise: :class:`Fitness`."""

from __future__ import annotations

import contextlib
import functools
import os

import numpy as np

from autoarray import exc as aa_exc
from autoarray import execution
from autogalaxy import exc
from autogalaxy.modeling.arithmetic import CompoundPrior
from autogalaxy.modeling.batch_record import StrategyRecord
from autogalaxy.modeling.batched_call import BatchedCall
from autogalaxy.modeling.model import AbstractModel, Model, TuplePrior
from autogalaxy.modeling.priors import Prior


@functools.lru_cache(maxsize=1)
def resample_exceptions() -> tuple[type[BaseException], ...]:
    """Exceptions that mark a parameter vector as unphysical on the NumPy path: a failed fit
    (e.g. a singular inversion) or a profile refusing its parameters (e.g. |ell_comps| >= 1)."""
    return (exc.FitException, exc.ProfileException, aa_exc.FitException, aa_exc.InversionException)


def vmap_chunk_from(points: int | None) -> int | None:
    """Likelihoods per vectorised chunk (None: one ``vmap`` over the whole per-device batch);
    see :func:`autoarray.execution.vmap_chunk_from`."""
    return execution.vmap_chunk_from(points)


def register_model(model: AbstractModel) -> None:
    """Register as JAX pytrees the class of every object ``model`` can instantiate: each
    ``Model``'s class and the classes of fixed objects it holds (a fixed profile instance).

    The rule of each class comes from its own declarations (:mod:`autoarray.pytrees`), never from
    the model: a class that needs a fixed attribute to stay a Python value under ``jax.jit``
    names it in ``__pytree_static__``. Idempotent; imports JAX.
    """
    from autoarray.pytrees import (
        register_declared_pytrees,
        register_pytree_class,
        register_reachable_classes,
    )

    register_declared_pytrees()
    for sub in model.models():
        if not isinstance(sub, Model):
            continue
        register_pytree_class(sub.cls)
        for _, node in sub._children():
            if not isinstance(node, (Prior, CompoundPrior, TuplePrior, AbstractModel)):
                register_reachable_classes(node)


def enable_pytrees() -> bool:
    """PyAutoFit's switch for pytree support: True when JAX is installed (no effect without it).

    Nothing needs switching on here (classes register themselves on first JAX use, and
    ``Fitness`` calls :func:`register_model`), so this registers the declared classes now and
    reports whether JAX can be imported.
    """
    try:
        import jax  # noqa: F401
    except ImportError:
        return False
    from autoarray.pytrees import register_declared_pytrees

    register_declared_pytrees()
    return True


def _has_pixelization(model) -> bool:
    """Whether any component of ``model`` is (or is a free model of) a ``Pixelization``."""
    from autoarray.inversion.pixelization import Pixelization

    for node in model.models():
        cls = getattr(node, "cls", None)
        if isinstance(cls, type) and issubclass(cls, Pixelization):
            return True
        if any(isinstance(child, Pixelization) for _, child in node._children()):
            return True
    return False


def _points_per_call(analysis, model=None) -> int | None:
    """Number of points one likelihood traces (None if unknown): the light-profile points, plus
    the pixelization grid's sub-pixels when ``model`` has a pixelization.

    The batch cost model reads this as the size of one likelihood. Counting only the profile
    points made P3 (20x20 rectangular source, 2,316 profile points + 12,172 traced
    pixelization sub-pixels) look small: it ran untimed as ``vmap(20)`` at 54.6 ms per likelihood
    against 27.3 ms for the single jitted likelihood.
    """
    dataset = getattr(analysis, "dataset", None)
    if dataset is None:
        return None
    try:
        from autogalaxy.imaging.fit_statics import fit_statics_from

        points = int(fit_statics_from(dataset).points.shape[0])
    except Exception:  # not an imaging dataset: no chunking
        return None
    if model is not None and _has_pixelization(model):
        points += int(dataset.grids.pixelization.over_sampled.shape[0])
    return points


@contextlib.contextmanager
def _analysis_on_jax(analysis):
    """Run ``analysis`` on the JAX backend inside the block, whatever it was built with.

    The JAX transforms of :class:`Fitness` trace the likelihood once; an analysis built with
    ``use_jax=False`` (this project's default, unlike PyAutoLens) is switched to JAX for that
    trace only, so its NumPy behaviour outside the transforms is unchanged.
    """
    before = getattr(analysis, "use_jax", None)
    if before is None or before:
        yield
        return
    analysis.use_jax = True
    try:
        yield
    finally:
        analysis.use_jax = before


class Fitness:
    """Figure of merit of a model + analysis: log likelihood (+ log prior) of a parameter vector.

    Parameters
    ----------
    model
        The :class:`Model` / :class:`Collection` being fitted.
    analysis
        Object with ``log_likelihood_function(instance)``, ``use_jax`` and ``_xp``.
    fom_is_log_likelihood
        If True the figure of merit is the log likelihood; otherwise the sum of the log priors of
        the physical parameters is added (log posterior up to a constant).
    resample_figure_of_merit
        Value returned for vectors whose figure of merit is NaN / +-inf, or (NumPy path) whose
        likelihood raised a ``FitException`` / ``InversionException``.
    convert_to_chi_squared
        If True return ``-2 *`` the figure of merit (for minimisers).
    paths
        Accepted for PyAutoFit compatibility; unused (searches own the output folder).
    batch_record_folder
        The fit's output folder: the batch strategy ``_vmap`` chooses for each batch shape is
        recorded there (``batch_strategy.json``) and reused when the fit resumes, so a resumed
        fit evaluates exactly what the uninterrupted one did (:mod:`.batch_record`). None: no
        record (each process chooses afresh).

    Under JAX, gradients at resampled points (non-finite likelihood) are NaN, because
    ``jax.grad`` differentiates both branches of ``xp.where``; optimisers should treat a non-finite
    gradient as a rejected point (``LBFGS`` does).
    """

    def __init__(
        self,
        model: AbstractModel,
        analysis,
        fom_is_log_likelihood: bool = True,
        resample_figure_of_merit: float = -1e99,
        convert_to_chi_squared: bool = False,
        paths=None,
        batch_record_folder: str | os.PathLike | None = None,
        batch_size: int | None = None,
    ) -> None:
        # ``batch_size``: PyAutoFit's number of points a search hands ``_vmap`` at once; kept
        # for scripts that size their batches from ``fitness.batch_size`` (``_vmap`` itself
        # evaluates whatever batch it is given)
        if batch_size is not None and (int(batch_size) != batch_size or batch_size < 1):
            raise exc.ModelException(f"batch_size must be a positive integer, got {batch_size!r}.")
        self.batch_size = None if batch_size is None else int(batch_size)
        self.model = model
        self.analysis = analysis
        self.fom_is_log_likelihood = fom_is_log_likelihood
        self.resample_figure_of_merit = float(resample_figure_of_merit)
        self.convert_to_chi_squared = convert_to_chi_squared
        self.batch_record_folder = batch_record_folder
        self._cache: dict = {}
        if self.use_jax:
            register_model(model)

    # ------------------------------------------------------------------ helpers
    @property
    def use_jax(self) -> bool:
        return bool(getattr(self.analysis, "use_jax", False))

    @property
    def _xp(self):
        xp = getattr(self.analysis, "_xp", np)
        return np if xp is None else xp

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_cache"] = {}
        return state

    # ------------------------------------------------------------------ evaluation
    def call(self, parameters):
        """Figure of merit of one physical parameter vector ``[N]`` (traceable under JAX).

        A JAX array or tracer as ``parameters`` is evaluated on JAX even when the analysis was
        built with ``use_jax=False`` (e.g. ``jax.grad(fitness.call)``).
        """
        xp = self._xp
        if xp is np:
            from autoarray.backend import is_jax_array

            if is_jax_array(parameters):
                return self._jax_call(parameters)
            return self._call_numpy(parameters)
        return self._call_xp(parameters, xp)

    def _jax_call(self, parameters):
        """``call`` on the JAX backend whatever ``use_jax`` the analysis was built with."""
        if self.use_jax:
            return self.call(parameters)
        from autoarray.backend import jax_numpy

        jnp = jax_numpy()
        if not self._cache.get("registered"):
            register_model(self.model)
            self._cache["registered"] = True
        with _analysis_on_jax(self.analysis):
            return self._call_xp(parameters, jnp)

    def _call_xp(self, parameters, xp):
        # float32 vectors (built before JAX's 64-bit mode was on) would mix precisions.
        parameters = xp.asarray(parameters, dtype=xp.float64)
        instance = self.model.instance_from_vector(parameters, xp=xp)
        figure = self.analysis.log_likelihood_function(instance)
        if not self.fom_is_log_likelihood:
            figure = figure + sum(self.model.log_prior_list_from_vector(parameters, xp=xp))
        # Parameters a profile constructor rejects on NumPy (|ell_comps| >= 1, a negative
        # Einstein radius, ...) are resampled here too: the rules were recorded while tracing.
        from autogalaxy.profiles.parameter_rules import valid_from

        valid = xp.logical_and(xp.isfinite(figure), valid_from(instance, xp=xp))
        figure = xp.where(valid, figure, self.resample_figure_of_merit)
        if self.convert_to_chi_squared:
            figure = -2.0 * figure
        return figure

    def _call_numpy(self, parameters) -> float:
        parameters = np.asarray(parameters, dtype=float)
        try:
            instance = self.model.instance_from_vector(parameters)
            figure = float(np.asarray(self.analysis.log_likelihood_function(instance)))
        except resample_exceptions():
            figure = self.resample_figure_of_merit
        if not self.fom_is_log_likelihood and np.isfinite(figure):
            figure = figure + float(np.sum(self.model.log_prior_list_from_vector(parameters)))
        if not np.isfinite(figure):
            figure = self.resample_figure_of_merit
        if self.convert_to_chi_squared:
            figure = -2.0 * figure
        return figure

    def __call__(self, parameters):
        return self.call(parameters)

    def call_many(self, parameters) -> np.ndarray:
        """Figure of merit of a batch ``[B, N]`` -> ``[B]`` (``_vmap`` under JAX, a loop on NumPy)."""
        parameters = np.atleast_2d(np.asarray(parameters, dtype=float))
        if self.use_jax:
            return np.asarray(self._vmap(parameters))
        return np.array([self._call_numpy(row) for row in parameters])

    # ------------------------------------------------------------------ JAX transforms
    def _require_jax(self, what: str) -> None:
        """JAX must be importable; the analysis itself may have been built for NumPy."""
        try:
            import jax  # noqa: F401
        except ImportError as err:
            raise exc.SearchException(
                f"Fitness.{what} needs JAX installed (pip install jax)."
            ) from err

    @property
    def _vmap(self):
        """Batched figure of merit ``[B, N] -> [B]`` (each batch shape compiled once).

        The same values as ``jax.jit(jax.vmap(call))`` (to rounding), run the way measured
        fastest for each batch shape: one ``vmap``, cache-sized chunks, or the single jitted
        likelihood row by row (:class:`~autogalaxy.modeling.batched_call.BatchedCall`; what was
        chosen and why: :attr:`batch_strategy`).
        """
        batched = self._cache.get("vmap")
        if batched is not None:  # the hot path: no import check per batch
            return batched
        self._require_jax("_vmap")
        if "vmap" not in self._cache:
            record = None
            if self.batch_record_folder is not None:
                record = StrategyRecord(self.batch_record_folder)
            self._cache["vmap"] = BatchedCall(
                self._jax_call,
                points=_points_per_call(self.analysis, self.model),
                single=self._jit,
                record=record,
                inversion=self.model is not None and _has_pixelization(self.model),
            )
        return self._cache["vmap"]

    @property
    def batch_strategy(self):
        """How the latest ``_vmap`` batch ran and why (a
        :class:`~autogalaxy.modeling.batch_strategy.BatchChoice`; None before the first batch).
        ``self._vmap.strategies`` holds the choice of every batch shape seen."""
        batched = self._cache.get("vmap")
        return None if batched is None else batched.last_choice

    @property
    def _jit(self):
        """``jax.jit(call)``: ``[N] -> scalar``."""
        jitted = self._cache.get("jit")
        if jitted is not None:
            return jitted
        self._require_jax("_jit")
        if "jit" not in self._cache:
            from autogalaxy.modeling.jax_memory import MemoryCheckedJit

            self._cache["jit"] = MemoryCheckedJit(self._jax_call, "likelihood")
        return self._cache["jit"]

    @property
    def _grad(self):
        """``jax.jit(jax.grad(call))``."""
        self._require_jax("_grad")
        if "grad" not in self._cache:
            import jax

            from autogalaxy.modeling.jax_memory import MemoryCheckedJit

            self._cache["grad"] = MemoryCheckedJit(jax.grad(self._jax_call), "likelihood gradient")
        return self._cache["grad"]

    @property
    def _value_and_grad(self):
        self._require_jax("_value_and_grad")
        if "value_and_grad" not in self._cache:
            import jax

            from autogalaxy.modeling.jax_memory import MemoryCheckedJit

            self._cache["value_and_grad"] = MemoryCheckedJit(
                jax.value_and_grad(self._jax_call), "likelihood gradient"
            )
        return self._cache["value_and_grad"]

    def grad(self, parameters, step: float = 1e-6) -> np.ndarray:
        """Gradient of the figure of merit w.r.t. the physical parameters.

        JAX: exact (``jax.grad``). NumPy: central finite differences with relative ``step``.
        """
        if self.use_jax:
            return self._grad(np.asarray(parameters, dtype=np.float64))
        return self._numeric_value_and_grad(parameters, step)[1]

    def value_and_grad(self, parameters, step: float = 1e-6):
        """(figure of merit, gradient) at ``parameters``."""
        if self.use_jax:
            return self._value_and_grad(np.asarray(parameters, dtype=np.float64))
        return self._numeric_value_and_grad(parameters, step)

    def _numeric_value_and_grad(self, parameters, step):
        x = np.asarray(parameters, dtype=float)
        value = self._call_numpy(x)
        grad = np.zeros_like(x)
        for i in range(x.size):
            h = step * max(1.0, abs(x[i]))
            up, down = x.copy(), x.copy()
            up[i] += h
            down[i] -= h
            grad[i] = (self._call_numpy(up) - self._call_numpy(down)) / (2.0 * h)
        return value, grad
