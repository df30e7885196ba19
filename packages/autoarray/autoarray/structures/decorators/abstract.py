"""``AbstractMaker``: shared machinery of the output-wrapping grid decorators.

A decorated function receives the grid unchanged and returns raw values; the maker wraps them in
the structure that matches the *input* grid type (``Grid2D`` -> uniform structures,
``Grid2DIrregular`` -> irregular structures, anything else -> returned raw).
"""

from __future__ import annotations

from abc import ABC, abstractmethod

import numpy as np

from autoarray.abstract_ndarray import raw_array
from autoarray.structures.grids.irregular_2d import Grid2DIrregular
from autoarray.structures.grids.uniform_2d import Grid2D

raw = raw_array  # the decorators' name for the shared unwrapping helper


class AbstractMaker(ABC):
    """Evaluate ``func(obj, grid, xp, *args, **kwargs)`` and wrap the result by grid type."""

    def __init__(self, func, obj, grid, xp=np, *args, **kwargs):
        self.func = func
        self.obj = obj
        self.grid = grid
        self.xp = xp
        self.args = args
        self.kwargs = kwargs

    @property
    def use_jax(self) -> bool:
        return self.xp is not np

    @property
    def _xp(self):
        if self.use_jax:
            import jax.numpy as jnp

            return jnp
        return np

    def evaluate_func(self):
        return self.func(self.obj, self.grid, self.xp, *self.args, **self.kwargs)

    @abstractmethod
    def via_grid_2d(self, result):
        """Wrap raw values computed on a ``Grid2D``."""

    @abstractmethod
    def via_grid_2d_irr(self, result):
        """Wrap raw values computed on a ``Grid2DIrregular``."""

    @property
    def result(self):
        values = self.evaluate_func()
        if isinstance(self.grid, Grid2D):
            wrap = self.via_grid_2d
        elif isinstance(self.grid, Grid2DIrregular):
            wrap = self.via_grid_2d_irr
        else:
            return [raw(v) for v in values] if isinstance(values, list) else raw(values)
        if isinstance(values, list):
            return [wrap(raw(v)) for v in values]
        return wrap(raw(values))


def make_decorator(maker_cls):
    """Build a decorator that evaluates a method through ``maker_cls``."""
    from functools import wraps

    def decorator(func):
        @wraps(func)
        def wrapper(obj, grid, xp=np, *args, **kwargs):
            return maker_cls(func, obj, grid, xp, *args, **kwargs).result

        return wrapper

    return decorator
