"""``al.util``: the utility modules PyAutoLens scripts call (``al.util.dataset.should_simulate``,
``al.util.over_sample...``, ``al.util.tracer...``)."""

from autogalaxy.util import array_2d, dataset, fit, geometry, inversion, over_sample
from autolens.lens import tracer_util as tracer

__all__ = ["array_2d", "dataset", "fit", "geometry", "inversion", "over_sample", "tracer"]
