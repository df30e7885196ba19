"""``from autofit.non_linear.samples import Sample, Samples`` ported."""

from autogalaxy.modeling.result import Samples
from autogalaxy.modeling.settings import Sample

__all__ = ["Sample", "Samples"]
