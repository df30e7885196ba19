"""The figure of merit that searches maximise: :class:`Fitness`."""

from __future__ import annotations

import functools

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.model import AbstractModel


@functools.lru_cache(maxsize=1)
def resample_exceptions() -> tuple[type, ...]:
    """Exceptions that mark a parameter vector as unphysical on the NumPy path."""
    out: list[type] = [exc.FitException]
    try:
        from autoarray import exc as aa_exc
    except ImportError:
        return tuple(out)
    for name in ("FitException", "InversionException"):
        cls = getattr(aa_exc, name, None)
        if isinstance(cls, type):
            out.append(cls)
    return tuple(out)


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
    ) -> None:
        self.model = model
        self.analysis = analysis
        self.fom_is_log_likelihood = fom_is_log_likelihood
        self.resample_figure_of_merit = float(resample_figure_of_merit)
        self.convert_to_chi_squared = convert_to_chi_squared
        self._cache: dict = {}
        if self.use_jax:
            from autogalaxy.modeling.jax_pytrees import register_model

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
        """Figure of merit of one physical parameter vector ``[N]`` (traceable under JAX)."""
        xp = self._xp
        if xp is np:
            return self._call_numpy(parameters)
        instance = self.model.instance_from_vector(parameters, xp=xp)
        figure = self.analysis.log_likelihood_function(instance)
        if not self.fom_is_log_likelihood:
            figure = figure + sum(self.model.log_prior_list_from_vector(parameters, xp=xp))
        figure = xp.where(xp.isfinite(figure), figure, self.resample_figure_of_merit)
        if self.convert_to_chi_squared:
            figure = -2.0 * figure
        return figure

    def _call_numpy(self, parameters) -> float:
        parameters = np.asarray(parameters, dtype=float)
        instance = self.model.instance_from_vector(parameters)
        try:
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
        if self.use_jax:
            return np.asarray(self._vmap(self._jnp.asarray(parameters)))
        parameters = np.atleast_2d(np.asarray(parameters, dtype=float))
        return np.array([self._call_numpy(row) for row in parameters])

    # ------------------------------------------------------------------ JAX transforms
    @property
    def _jnp(self):
        import jax.numpy as jnp

        return jnp

    def _require_jax(self, what: str) -> None:
        if not self.use_jax:
            raise exc.SearchException(
                f"Fitness.{what} needs a JAX analysis (analysis.use_jax=True)."
            )

    @property
    def _vmap(self):
        """``jax.jit(jax.vmap(call))``: ``[B, N] -> [B]``; compiled once per batch shape, cached."""
        self._require_jax("_vmap")
        if "vmap" not in self._cache:
            import jax

            self._cache["vmap"] = jax.jit(jax.vmap(self.call))
        return self._cache["vmap"]

    @property
    def _jit(self):
        """``jax.jit(call)``: ``[N] -> scalar``."""
        self._require_jax("_jit")
        if "jit" not in self._cache:
            import jax

            self._cache["jit"] = jax.jit(self.call)
        return self._cache["jit"]

    @property
    def _grad(self):
        """``jax.jit(jax.grad(call))``."""
        self._require_jax("_grad")
        if "grad" not in self._cache:
            import jax

            self._cache["grad"] = jax.jit(jax.grad(self.call))
        return self._cache["grad"]

    @property
    def _value_and_grad(self):
        self._require_jax("_value_and_grad")
        if "value_and_grad" not in self._cache:
            import jax

            self._cache["value_and_grad"] = jax.jit(jax.value_and_grad(self.call))
        return self._cache["value_and_grad"]

    def grad(self, parameters, step: float = 1e-6) -> np.ndarray:
        """Gradient of the figure of merit w.r.t. the physical parameters.

        JAX: exact (``jax.grad``). NumPy: central finite differences with relative ``step``.
        """
        if self.use_jax:
            return self._grad(self._jnp.asarray(parameters, dtype=self._jnp.float64))
        return self._numeric_value_and_grad(parameters, step)[1]

    def value_and_grad(self, parameters, step: float = 1e-6):
        """(figure of merit, gradient) at ``parameters``."""
        if self.use_jax:
            return self._value_and_grad(self._jnp.asarray(parameters, dtype=self._jnp.float64))
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
