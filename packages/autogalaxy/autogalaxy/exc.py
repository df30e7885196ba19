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


class AnalysisException(AutoGalaxyException):
    """An analysis was given an invalid dataset or setting (e.g. ``dataset=None``)."""
