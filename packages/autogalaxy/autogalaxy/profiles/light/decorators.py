"""Decorators specific to light profiles."""

from __future__ import annotations

from functools import wraps

import numpy as np

from autogalaxy.profiles.geometry_profiles import grid_raw_from
from autogalaxy.profiles.light.operated import LightProfileOperated


def check_operated_only(func):
    """Evaluate a light profile's image only if it matches the ``operated_only`` request.

    ``operated_only=None`` always evaluates; ``True`` evaluates only
    :class:`LightProfileOperated` instances and ``False`` only the others. A profile that is not
    evaluated returns raw zeros (one per grid point), so it sits inside ``to_array``.
    """

    @wraps(func)
    def wrapper(obj, grid, xp=np, operated_only=None, *args, **kwargs):
        if operated_only is None or operated_only == isinstance(obj, LightProfileOperated):
            return func(obj, grid, xp, operated_only, *args, **kwargs)
        return xp.zeros(grid_raw_from(grid).shape[0])

    return wrapper
