"""``from autofit.non_linear.paths.directory import DirectoryPaths`` ported."""

from autogalaxy.modeling.settings import DirectoryPaths

__all__ = ["DirectoryPaths"]
