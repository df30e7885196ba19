"""Slim <-> native conversions and array resizing helpers (NumPy or JAX via ``xp``)."""

from __future__ import annotations

from typing import Tuple

import numpy as np


def native_from_slim(slim, mask, xp=np):
    """Scatter slim values (``[N]`` or ``[N, 2]``) into a zero native array of the mask's shape."""
    rows, cols = mask.slim_to_native_tuple
    shape = tuple(mask.shape_native) + tuple(slim.shape[1:])
    if xp is np:
        native = np.zeros(shape, dtype=slim.dtype)
        native[rows, cols] = slim
        return native
    return xp.zeros(shape, dtype=slim.dtype).at[rows, cols].set(slim)


def slim_from_native(native, mask):
    """Gather the unmasked values of a native array in slim (row-major) order."""
    rows, cols = mask.slim_to_native_tuple
    return native[rows, cols]


def resized_array_2d_from(array: np.ndarray, new_shape: Tuple[int, int], pad_value=0):
    """Centre-aligned crop or pad of a 2-D array (parity-consistent with the array centre)."""
    array = np.asarray(array)
    out = np.full(tuple(new_shape), pad_value, dtype=array.dtype)
    slices_in, slices_out = [], []
    for old, new in zip(array.shape, new_shape):
        if new >= old:
            start = (new - old) // 2
            slices_in.append(slice(0, old))
            slices_out.append(slice(start, start + old))
        else:
            start = (old - new) // 2
            slices_in.append(slice(start, start + new))
            slices_out.append(slice(0, new))
    out[tuple(slices_out)] = array[tuple(slices_in)]
    return out
