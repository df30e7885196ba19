"""Exceptions raised by autogalaxy.

Every exception subclasses :class:`AutoGalaxyException`, itself a ``ValueError``, so callers can
catch the whole family at once.
"""


class AutoGalaxyException(ValueError):
    """Base class of every autogalaxy exception."""


class PriorException(AutoGalaxyException):
    """A prior was given invalid parameters (e.g. lower_limit >= upper_limit, sigma <= 0)."""


class ModelException(AutoGalaxyException):
    """A model could not be composed or instantiated (unknown parameter, missing prior, bad vector)."""


class FitException(AutoGalaxyException):
    """A likelihood evaluation failed; samplers treat the point as unphysical and resample."""


class SearchException(AutoGalaxyException):
    """A non-linear search could not run (no free parameters, missing optional package, ...)."""


class ProfileException(AutoGalaxyException):
    """A light or mass profile was given invalid parameters (e.g. |ell_comps| >= 1, sigma <= 0)."""


class GalaxyException(AutoGalaxyException):
    """A galaxy was given invalid components (e.g. a list of profiles as one attribute)."""


class LensCalcException(AutoGalaxyException):
    """A lensing calculation lacks what it needs (e.g. no potential for a Fermat potential)."""


class BatchException(AutoGalaxyException):
    """A batch of fits could not run (bad datasets, unreachable scheduler, missing Dask)."""


class DatabaseException(AutoGalaxyException):
    """A results database could not be opened or written (incompatible schema version, bad URL,
    missing SQLAlchemy)."""


class AggregatorException(AutoGalaxyException):
    """An aggregator was asked for something its results cannot give (unknown value name, a fit
    without a stored model or dataset, ...)."""


class BackendException(AutoGalaxyException):
    """A backend was requested that cannot be used (e.g. ``use_jax=True`` without JAX installed)."""


class AnalysisException(AutoGalaxyException):
    """An analysis was given an invalid dataset or setting (e.g. ``dataset=None``)."""
