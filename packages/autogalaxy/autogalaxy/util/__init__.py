"""``ag.util``: autoarray's utility modules (``ag.util.dataset.should_simulate``, ...) plus the
galaxy-level ones, under the names PyAutoGalaxy scripts use."""

from autoarray.util import array_2d, dataset, fit, geometry, inversion, over_sample

__all__ = ["array_2d", "dataset", "fit", "geometry", "inversion", "over_sample"]
