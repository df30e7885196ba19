"""``transform``: hand a profile method its grid in the profile's reference frame.

The grid is shifted and rotated by ``obj.transformed_to_reference_frame_grid_from(grid, xp)``
unless :func:`in_profile_frame` says it already is (it is flagged ``is_transformed``). With
``rotate_back=True`` the raw ``[N, 2]`` result is rotated back to the observer frame by ``obj.rotated_grid_from_reference_frame_from``.
Usable bare (``@transform``) or configured (``@transform(rotate_back=True)``).

:func:`in_profile_frame` is the one test of "is this grid already in the profile frame"; the
rotation-free observer-frame formulas of the profiles use it too.
"""

from functools import wraps

import numpy as np

from autoarray.abstract_ndarray import AbstractNDArray, raw_array
from autoarray.structures.grids.irregular_2d import Grid2DIrregular


def in_profile_frame(grid) -> bool:
    """True when ``grid`` is already in a profile's reference frame (centred and rotated).

    Only :func:`transform` flags a grid (``is_transformed``); raw arrays and unflagged grids are
    in the observer frame. The flag is a static pytree field, so this is a Python bool under JAX.
    """
    return bool(getattr(grid, "is_transformed", False))


def transform(func=None, *, rotate_back: bool = False):
    def decorator(func):
        @wraps(func)
        def wrapper(obj, grid, xp=np, *args, **kwargs):
            if not isinstance(grid, AbstractNDArray):
                grid = Grid2DIrregular(grid, xp=xp)
            if not in_profile_frame(grid):
                transformed = obj.transformed_to_reference_frame_grid_from(grid, xp)
                if transformed is grid:
                    # Never flag the caller's grid: a later profile would skip its transform.
                    transformed = grid.with_new_array(grid.array)
                transformed.is_transformed = True
                grid = transformed
            result = func(obj, grid, xp, *args, **kwargs)
            if rotate_back:
                result = obj.rotated_grid_from_reference_frame_from(raw_array(result), xp)
            return result

        return wrapper

    if func is not None:
        return decorator(func)
    return decorator
