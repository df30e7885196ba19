"""Priors on model parameters.

Each prior maps a unit-cube coordinate ``unit`` in [0, 1] to a physical value through its inverse
cumulative distribution function (``value_for``) and gives the log probability density of a
physical value (``log_prior_from_value``). Both accept ``xp=np`` (NumPy / SciPy) or ``xp=jnp``
(JAX, traceable under ``jit``/``vmap``/``grad``).

Every prior carries a global integer ``id`` (a creation counter shared with models), which fixes
the order of the parameters in a model's parameter vector.
"""

from __future__ import annotations

import itertools
import math
from abc import ABC, abstractmethod
from typing import Any

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.arithmetic import ArithmeticMixin

_id_counter = itertools.count()


def next_id() -> int:
    """Return the next global creation id (shared by priors and models)."""
    return next(_id_counter)


def _special(xp):
    """Return the ``special`` function namespace matching ``xp`` (scipy or jax.scipy)."""
    if xp is not np:
        import jax.scipy.special as jsp

        return jsp
    import scipy.special as ssp

    return ssp


def _finite_number(value: Any, name: str) -> float:
    try:
        out = float(value)
    except (TypeError, ValueError) as err:
        raise exc.PriorException(f"Prior argument {name}={value!r} is not a number.") from err
    if math.isnan(out):
        raise exc.PriorException(f"Prior argument {name} is NaN.")
    return out


class Prior(ArithmeticMixin, ABC):
    """Base class of all priors. Subclasses implement ``value_for``, ``unit_value_for`` and
    ``log_prior_from_value``."""

    lower_limit: float = -math.inf
    upper_limit: float = math.inf

    def __init__(self) -> None:
        self.id = next_id()

    # ------------------------------------------------------------------ API
    @abstractmethod
    def value_for(self, unit, xp=np):
        """Physical value at unit-cube coordinate ``unit`` (inverse CDF)."""

    @abstractmethod
    def unit_value_for(self, value, xp=np):
        """Unit-cube coordinate of a physical ``value`` (the CDF); inverse of ``value_for``."""

    @abstractmethod
    def log_prior_from_value(self, value, xp=np):
        """Natural log of the normalised prior density at ``value`` (-inf outside the support)."""

    @property
    def median(self) -> float:
        """Physical value at unit 0.5."""
        return float(self.value_for(0.5))

    @property
    @abstractmethod
    def parameter_string(self) -> str:
        """Implemented by every concrete subclass."""

    def random(self, rng: np.random.Generator | None = None) -> float:
        """Draw one physical value from the prior."""
        rng = np.random.default_rng() if rng is None else rng
        return float(self.value_for(rng.uniform()))

    def has_value(self, value) -> bool:
        """True if the physical ``value`` lies inside the prior's support."""
        return self.lower_limit <= value <= self.upper_limit

    def __repr__(self) -> str:
        return f"<{type(self).__name__} id={self.id} {self.parameter_string}>"

    def __str__(self) -> str:
        return f"{type(self).__name__}, {self.parameter_string}"

    # identity semantics: two priors are the same parameter only if they are the same object
    __hash__ = object.__hash__

    def __eq__(self, other):
        return self is other


class UniformPrior(Prior):
    """Uniform density on [lower_limit, upper_limit] (parameter units)."""

    def __init__(self, lower_limit: float = 0.0, upper_limit: float = 1.0) -> None:
        lower = _finite_number(lower_limit, "lower_limit")
        upper = _finite_number(upper_limit, "upper_limit")
        if not (math.isfinite(lower) and math.isfinite(upper)):
            raise exc.PriorException("UniformPrior limits must be finite.")
        if lower >= upper:
            raise exc.PriorException(
                f"UniformPrior needs lower_limit < upper_limit (got {lower} >= {upper})."
            )
        super().__init__()
        self.lower_limit = lower
        self.upper_limit = upper

    def value_for(self, unit, xp=np):
        value = self.lower_limit + (self.upper_limit - self.lower_limit) * unit
        if xp is not np:
            return value
        # PyAutoFit's NumPy path rounds to 14 decimals (Python's correctly rounded ``round``):
        # a prior median such as 0.2 + 0.2 * 0.5 = 0.30000000000000004 becomes 0.3, which decides
        # whether a lens centre lies exactly on a pixel. JAX (traced) values stay unrounded, as
        # there.
        if np.ndim(value) == 0:
            return float(round(float(value), 14))
        return np.vectorize(lambda v: round(float(v), 14), otypes=[float])(value)

    def unit_value_for(self, value, xp=np):
        return (value - self.lower_limit) / (self.upper_limit - self.lower_limit)

    def log_prior_from_value(self, value, xp=np):
        inside = xp.logical_and(value >= self.lower_limit, value <= self.upper_limit)
        return xp.where(inside, -math.log(self.upper_limit - self.lower_limit), -xp.inf)

    @property
    def parameter_string(self) -> str:
        return f"lower_limit = {self.lower_limit:g}, upper_limit = {self.upper_limit:g}"


class LogUniformPrior(Prior):
    """Density proportional to 1/value on [lower_limit, upper_limit]; both limits must be > 0."""

    def __init__(self, lower_limit: float = 1e-6, upper_limit: float = 1e6) -> None:
        lower = _finite_number(lower_limit, "lower_limit")
        upper = _finite_number(upper_limit, "upper_limit")
        if lower <= 0.0:
            raise exc.PriorException(f"LogUniformPrior needs lower_limit > 0 (got {lower}).")
        if not math.isfinite(upper) or lower >= upper:
            raise exc.PriorException(
                f"LogUniformPrior needs lower_limit < upper_limit < inf (got {lower}, {upper})."
            )
        super().__init__()
        self.lower_limit = lower
        self.upper_limit = upper
        self._log_lower = math.log(lower)
        self._log_ratio = math.log(upper) - math.log(lower)

    def value_for(self, unit, xp=np):
        return xp.exp(self._log_lower + self._log_ratio * unit)

    def unit_value_for(self, value, xp=np):
        return (xp.log(value) - self._log_lower) / self._log_ratio

    def log_prior_from_value(self, value, xp=np):
        inside = xp.logical_and(value >= self.lower_limit, value <= self.upper_limit)
        safe = xp.where(inside, value, self.lower_limit)
        return xp.where(inside, -xp.log(safe) - math.log(self._log_ratio), -xp.inf)

    @property
    def parameter_string(self) -> str:
        return f"lower_limit = {self.lower_limit:g}, upper_limit = {self.upper_limit:g}"


class GaussianPrior(Prior):
    """Normal density N(mean, sigma**2) on the whole real line."""

    def __init__(self, mean: float = 0.0, sigma: float = 1.0) -> None:
        mean = _finite_number(mean, "mean")
        sigma = _finite_number(sigma, "sigma")
        if not math.isfinite(mean) or not math.isfinite(sigma) or sigma <= 0.0:
            raise exc.PriorException(
                f"GaussianPrior needs a finite mean and 0 < sigma < inf (got {mean}, {sigma})."
            )
        super().__init__()
        self.mean = mean
        self.sigma = sigma

    def value_for(self, unit, xp=np):
        return self.mean + self.sigma * _special(xp).ndtri(unit)

    def unit_value_for(self, value, xp=np):
        return _special(xp).ndtr((value - self.mean) / self.sigma)

    def log_prior_from_value(self, value, xp=np):
        z = (value - self.mean) / self.sigma
        return -0.5 * z**2 - math.log(self.sigma) - 0.5 * math.log(2.0 * math.pi)

    @property
    def parameter_string(self) -> str:
        return f"mean = {self.mean:g}, sigma = {self.sigma:g}"


class TruncatedGaussianPrior(Prior):
    """Normal density N(mean, sigma**2) truncated to [lower_limit, upper_limit] and renormalised."""

    def __init__(
        self,
        mean: float = 0.0,
        sigma: float = 1.0,
        lower_limit: float = -math.inf,
        upper_limit: float = math.inf,
    ) -> None:
        mean = _finite_number(mean, "mean")
        sigma = _finite_number(sigma, "sigma")
        lower = _finite_number(lower_limit, "lower_limit")
        upper = _finite_number(upper_limit, "upper_limit")
        if not math.isfinite(mean) or not math.isfinite(sigma) or sigma <= 0.0:
            raise exc.PriorException(
                "TruncatedGaussianPrior needs a finite mean and 0 < sigma < inf "
                f"(got {mean}, {sigma})."
            )
        if lower >= upper:
            raise exc.PriorException(
                f"TruncatedGaussianPrior needs lower_limit < upper_limit (got {lower} >= {upper})."
            )
        import scipy.special as ssp

        cdf_lower = float(ssp.ndtr((lower - mean) / sigma))
        cdf_upper = float(ssp.ndtr((upper - mean) / sigma))
        if cdf_upper - cdf_lower <= 0.0:
            raise exc.PriorException(
                "TruncatedGaussianPrior limits hold no probability mass "
                f"(mean={mean}, sigma={sigma}, limits=[{lower}, {upper}])."
            )
        super().__init__()
        self.mean = mean
        self.sigma = sigma
        self.lower_limit = lower
        self.upper_limit = upper
        self._cdf_lower = cdf_lower
        self._cdf_upper = cdf_upper
        self._log_mass = math.log(cdf_upper - cdf_lower)

    def value_for(self, unit, xp=np):
        sp = _special(xp)
        cdf = self._cdf_lower + unit * (self._cdf_upper - self._cdf_lower)
        value = self.mean + self.sigma * sp.ndtri(cdf)
        return xp.clip(value, self.lower_limit, self.upper_limit)

    def unit_value_for(self, value, xp=np):
        cdf = _special(xp).ndtr((value - self.mean) / self.sigma)
        return (cdf - self._cdf_lower) / (self._cdf_upper - self._cdf_lower)

    def log_prior_from_value(self, value, xp=np):
        z = (value - self.mean) / self.sigma
        log_pdf = (
            -0.5 * z**2 - math.log(self.sigma) - 0.5 * math.log(2.0 * math.pi) - self._log_mass
        )
        inside = xp.logical_and(value >= self.lower_limit, value <= self.upper_limit)
        return xp.where(inside, log_pdf, -xp.inf)

    @property
    def parameter_string(self) -> str:
        return (
            f"mean = {self.mean:g}, sigma = {self.sigma:g}, "
            f"lower_limit = {self.lower_limit:g}, upper_limit = {self.upper_limit:g}"
        )


_PRIOR_TYPES = {
    "Uniform": UniformPrior,
    "UniformPrior": UniformPrior,
    "LogUniform": LogUniformPrior,
    "LogUniformPrior": LogUniformPrior,
    "Gaussian": GaussianPrior,
    "GaussianPrior": GaussianPrior,
    "TruncatedGaussian": TruncatedGaussianPrior,
    "TruncatedGaussianPrior": TruncatedGaussianPrior,
}


def prior_from_dict(entry: dict) -> Prior:
    """Build a prior from a config entry such as ``{"type": "Uniform", "lower_limit": 0, ...}``."""
    entry = dict(entry)
    kind = entry.pop("type", None)
    try:
        cls = _PRIOR_TYPES[kind]
    except KeyError as err:
        raise exc.PriorException(f"Unknown prior type {kind!r} in prior config {entry}.") from err
    entry = {k: v for k, v in entry.items() if k not in ("width_modifier", "limits")}
    try:
        return cls(**entry)
    except TypeError as err:
        raise exc.PriorException(f"Bad arguments for {cls.__name__}: {entry} ({err}).") from err
