"""Exceptions raised by autolens.

Every exception subclasses :class:`AutoLensException`, itself a ``ValueError``, so callers can
catch the whole family at once.
"""


class AutoLensException(ValueError):
    """Base class of every autolens exception."""


class TracerException(AutoLensException):
    """A tracer was built from invalid galaxies (none, missing redshifts, ...)."""


class RayTracingException(AutoLensException):
    """Ray tracing was asked for something the tracer cannot do (bad plane index, ...)."""


class FitException(AutoLensException):
    """A fit could not be computed (e.g. a dataset without the PSF the model needs)."""


class AnalysisException(AutoLensException):
    """An analysis was configured or called incorrectly."""


class MultiPlaneRedshiftWarning(UserWarning):
    """No light-emitting galaxy lies behind any mass: the redshifts may be swapped."""


class PositionsException(AutoLensException):
    """Multiple-image positions are missing, non-finite or too few to compare."""
