"""``over_sample``: evaluate a function on a ``Grid2D``'s sub-pixels and bin back per pixel."""

from functools import wraps

import numpy as np

from autoarray.abstract_ndarray import raw_array
from autoarray.structures.arrays.uniform_2d import Array2D
from autoarray.structures.grids.uniform_2d import Grid2D


def over_sample(func):
    """For ``Grid2D`` input, call ``func`` on ``grid.over_sampled`` (irregular sub-pixels) and
    average each pixel's sub-pixel values with ``grid.over_sampler``; other grids pass through."""

    @wraps(func)
    def wrapper(obj, grid, xp=np, *args, **kwargs):
        if not isinstance(grid, Grid2D):
            return func(obj, grid, xp, *args, **kwargs)
        values = func(obj, grid.over_sampled, xp, *args, **kwargs)
        binned = grid.over_sampler.binned_array_2d_from(raw_array(values), xp)
        return Array2D(binned, grid.mask, xp=xp)

    return wrapper
