"""``autofit.non_linear.paths`` ported (``DirectoryPaths``)."""

from autogalaxy.modeling.settings import DirectoryPaths

__all__ = ["DirectoryPaths"]
