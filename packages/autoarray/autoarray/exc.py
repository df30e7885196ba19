"""Exceptions raised by ``autoarray`` for invalid input.

Every exception derives from :class:`AutoArrayException` (itself a ``ValueError``) so callers can
catch the whole family at once, while the subclass names say which part of the input was wrong.
"""


class AutoArrayException(ValueError):
    """Base class of every ``autoarray`` error."""


class ArrayException(AutoArrayException):
    """An array has the wrong shape, dtype or values for the operation."""


class MaskException(AutoArrayException):
    """A mask is malformed, empty, or incompatible with the data it masks."""


class GridException(AutoArrayException):
    """A grid of coordinates is malformed or incompatible with its mask."""


class GeometryException(AutoArrayException):
    """Pixel scales, shapes or origins are invalid."""


class KernelException(AutoArrayException):
    """A PSF kernel is invalid (even-sized, all zero, non-finite)."""


class DatasetException(AutoArrayException):
    """A dataset (data, noise map, PSF) is inconsistent or has invalid values."""


class FitsException(AutoArrayException):
    """A FITS file is missing, unreadable, or does not hold a 2-D image."""


class FitException(AutoArrayException):
    """A fit could not be computed for the given model (the sampler should resample)."""


class InversionException(FitException):
    """A linear inversion failed (singular or non-finite system)."""


class OverSamplingException(AutoArrayException):
    """Over-sampling sizes are invalid."""


class PlottingException(AutoArrayException):
    """A plot was asked for with settings that cannot be drawn (unknown format, empty array)."""


class PytreeException(AutoArrayException):
    """A class's JAX pytree declaration conflicts with an earlier registration."""


class MeshException(AutoArrayException):
    """A pixelization mesh is invalid (too small, or missing the grid / image it needs)."""


class PixelizationException(AutoArrayException):
    """A pixelization's mesh and regularization do not fit together or with the data."""


class RegularizationException(AutoArrayException):
    """A regularization scheme was given invalid coefficients or inputs."""


class ExecutionException(AutoArrayException):
    """An execution setting (threads, blocks, devices, caches) is invalid or set too late."""
