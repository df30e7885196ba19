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


class PointExtractionException(AutoLensException):
    """No point-source profile of the requested name exists in the tracer, or it lacks an
    attribute the fit needs (e.g. ``flux``)."""


class PointProfileMismatchException(AutoLensException):
    """A point-source profile of the wrong kind for the fit (``*Solved`` fits need
    ``ps.PointSolved``; the others need a profile with a ``centre``)."""


class PointDatasetException(AutoLensException):
    """A ``PointDataset`` was built from inconsistent values (lengths, NaNs, ...)."""


class PointSolverException(AutoLensException):
    """A ``PointSolver`` was configured or called incorrectly."""


class PositionsException(AutoLensException):
    """Positions for a ``PositionsLH`` penalty were invalid (fewer than two finite)."""
