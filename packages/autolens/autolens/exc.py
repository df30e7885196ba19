"""Exceptions raised by autolens.

Every exception subclasses :class:`AutoLensException`, itself a ``ValueError``, so callers can
catch the whole family at once. The names PyAutoLens scripts use from the lower layers
(``al.exc.ProfileException``, ``al.exc.MaskException``, PyAutoFit's ``af.exc.PriorException`` /
``SearchException``, ...) are the lower layers' own classes, so ``except al.exc.X`` catches what
autoarray / autogalaxy raise.
"""

from autoarray.exc import (  # noqa: F401  (re-exported names)
    ArrayException,
    DatasetException,
    FitsException,
    GeometryException,
    GridException,
    InversionException,
    KernelException,
    MaskException,
    MeshException,
    OverSamplingException,
    PixelizationException,
    RegularizationException,
)
from autogalaxy import exc as _ag_exc
from autogalaxy.exc import (  # noqa: F401  (re-exported names)
    GalaxyException,
    LensCalcException,
    ModelException,
    PriorException,
    ProfileException,
    SearchException,
)


class AutoLensException(ValueError):
    """Base class of every autolens exception."""


class TracerException(AutoLensException):
    """A tracer was built from invalid galaxies (none, missing redshifts, ...)."""


class RayTracingException(AutoLensException):
    """Ray tracing was asked for something the tracer cannot do (bad plane index, ...)."""


class FitException(AutoLensException, _ag_exc.FitException):
    """A fit could not be computed (e.g. a dataset without the PSF the model needs).

    Also an ``autogalaxy`` ``FitException`` (PyAutoFit's ``af.exc.FitException``): raised from a
    likelihood function it makes the search resample the point.
    """


class AnalysisException(AutoLensException):
    """An analysis was configured or called incorrectly."""


class MultiPlaneRedshiftWarning(UserWarning):
    """No light-emitting galaxy lies behind any mass: the redshifts may be swapped."""


class PositionsException(AutoLensException):
    """Positions of multiple images are missing or inconsistent with the model."""


class PlottingException(AutoLensException):
    """A plot was asked for something it cannot draw."""


class SamplesException(SearchException):
    """Samples of a search are missing or inconsistent with the model."""


class PathsException(SearchException):
    """A search's output paths are invalid."""


class UnitsException(AutoLensException):
    """A quantity was given in units that cannot be converted."""


class VectorYXException(AutoLensException):
    """A (y, x) vector field has the wrong shape for its grid."""


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
