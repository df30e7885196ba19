"""``AbstractNDArray``: the wrapper every autoarray structure is built on, and JAX pytree support.

A structure holds its raw values (a ``numpy.ndarray`` or a ``jax.Array``) in ``_array``, exposed as
``.array``, next to metadata such as a mask or a grid. Arithmetic returns a new instance of the
same class that keeps the metadata; comparisons and indexing return raw values.

Pytrees: every structure is a :class:`~autoarray.pytrees.Pytree` (its class declares its static
metadata in ``__pytree_static__``); building one with a JAX ``xp`` registers every declared class
(:mod:`autoarray.pytrees`). Nothing imports JAX on the NumPy path.
"""

from __future__ import annotations

import numbers

import numpy as np

from autoarray.backend import is_jax_array
from autoarray.pytrees import (  # noqa: F401  (register_instance_pytree: PyAutoArray's path)
    Pytree,
    register_declared_pytrees,
    register_instance_pytree,
)


def raw_array(values):
    """The raw ``numpy.ndarray`` / ``jax.Array`` of an autoarray structure; anything else passes through.

    Use this wherever code accepts either a structure (``Array2D``, ``Grid2D``, ``Mask2D``, ...) or
    a raw array / list / scalar and needs the raw values. Nested structures are unwrapped fully.
    """
    while isinstance(values, AbstractNDArray):
        values = values._array
    return values


class AbstractNDArray(Pytree):
    """Base class of every autoarray structure: raw values in ``_array`` plus metadata.

    Parameters
    ----------
    array
        Raw values (list, ``numpy.ndarray`` or ``jax.Array``); nested structures are unwrapped.
    xp
        Backend module (``numpy`` default, ``jax.numpy`` for JAX). Building an instance with JAX
        registers the class as a pytree.
    """

    __array_priority__ = 1000

    def __init__(self, array, xp=np):
        array = raw_array(array)
        if xp is np and not is_jax_array(array):
            array = np.asarray(array)
        elif xp is not np:
            register_declared_pytrees()
            array = xp.asarray(array)
        self._array = array

    # ------------------------------------------------------------------ raw access
    @property
    def array(self):
        """The raw values (``numpy.ndarray`` or ``jax.Array``)."""
        return self._array

    @property
    def use_jax(self) -> bool:
        return is_jax_array(self._array)

    @property
    def _xp(self):
        if self.use_jax:
            import jax.numpy as jnp

            return jnp
        return np

    def __array__(self, dtype=None, copy=None):
        values = np.asarray(self._array)
        return values.astype(dtype) if dtype is not None else values

    @property
    def shape(self):
        return self._array.shape

    @property
    def size(self) -> int:
        return self._array.size

    @property
    def dtype(self):
        return self._array.dtype

    @property
    def ndim(self) -> int:
        return self._array.ndim

    def __len__(self) -> int:
        return len(self._array)

    def __iter__(self):
        return iter(self._array)

    def sum(self, *args, **kwargs):
        return self._array.sum(*args, **kwargs)

    def max(self, *args, **kwargs):
        return self._array.max(*args, **kwargs)

    def min(self, *args, **kwargs):
        return self._array.min(*args, **kwargs)

    def all(self, *args, **kwargs):
        return self._array.all(*args, **kwargs)

    def any(self, *args, **kwargs):
        return self._array.any(*args, **kwargs)

    def __float__(self) -> float:
        return float(self._array)

    def tolist(self):
        return np.asarray(self._array).tolist()

    # ------------------------------------------------------------------ copies
    def with_new_array(self, array):
        """A shallow copy of this structure (metadata shared) holding ``array``."""
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        new._array = array
        return new

    def copy(self):
        return self.with_new_array(self._array.copy())

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        return self.copy()

    # ------------------------------------------------------------------ arithmetic
    def _binary(self, other, op):
        return self.with_new_array(op(self._array, raw_array(other)))

    def __add__(self, other):
        return self._binary(other, lambda a, b: a + b)

    def __radd__(self, other):
        return self._binary(other, lambda a, b: b + a)

    def __sub__(self, other):
        return self._binary(other, lambda a, b: a - b)

    def __rsub__(self, other):
        return self._binary(other, lambda a, b: b - a)

    def __mul__(self, other):
        return self._binary(other, lambda a, b: a * b)

    def __rmul__(self, other):
        return self._binary(other, lambda a, b: b * a)

    def __truediv__(self, other):
        return self._binary(other, lambda a, b: a / b)

    def __rtruediv__(self, other):
        return self._binary(other, lambda a, b: b / a)

    def __pow__(self, other):
        return self._binary(other, lambda a, b: a**b)

    def __rpow__(self, other):
        return self._binary(other, lambda a, b: b**a)

    def __neg__(self):
        return self.with_new_array(-self._array)

    def __abs__(self):
        return self.with_new_array(abs(self._array))

    def sqrt(self):
        return self.with_new_array(self._array**0.5)

    def reshape(self, *shape):
        return self.with_new_array(self._array.reshape(*shape))

    def astype(self, dtype):
        return self.with_new_array(self._array.astype(dtype))

    @property
    def real(self):
        return self.with_new_array(self._array.real)

    @property
    def imag(self):
        return self.with_new_array(self._array.imag)

    def invert(self):
        """Logical not, wrapped in the same class."""
        return self.with_new_array(~self._array)

    def __invert__(self):
        return ~self._array

    # ------------------------------------------------------------------ comparisons (raw)
    def __lt__(self, other):
        return self._array < raw_array(other)

    def __le__(self, other):
        return self._array <= raw_array(other)

    def __gt__(self, other):
        return self._array > raw_array(other)

    def __ge__(self, other):
        return self._array >= raw_array(other)

    def __eq__(self, other):
        return self._array == raw_array(other)

    def __ne__(self, other):
        return self._array != raw_array(other)

    __hash__ = object.__hash__

    # ------------------------------------------------------------------ indexing
    def __getitem__(self, item):
        result = self._array[item]
        if isinstance(item, slice):
            return self.with_new_array(result)
        return result

    def __setitem__(self, key, value):
        value = raw_array(value)
        if isinstance(self._array, np.ndarray):
            self._array[key] = value
        else:
            import jax.numpy as jnp

            self._array = jnp.where(key, value, self._array)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({np.asarray(self._array)!r})"

    def __str__(self) -> str:
        return self.__repr__()


def is_number(value) -> bool:
    """True for a concrete real number (Python or NumPy scalar), False for tracers/arrays."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)
