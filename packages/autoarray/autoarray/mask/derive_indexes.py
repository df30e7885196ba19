"""Index arrays derived from a ``Mask2D`` (slim <-> native, edge and border pixels)."""

from __future__ import annotations

from functools import cached_property

import numpy as np


class DeriveIndexes2D:
    """Static (NumPy) index arrays used to move between slim and native representations."""

    def __init__(self, mask):
        self.mask = mask

    @cached_property
    def native_for_slim(self) -> np.ndarray:
        """``[N, 2]`` (row, column) of each unmasked pixel in slim order."""
        rows, cols = self.mask.slim_to_native_tuple
        return np.stack([rows, cols], axis=1)

    @cached_property
    def slim_for_native(self) -> np.ndarray:
        """``[ny, nx]`` slim index of every pixel (-1 where masked)."""
        out = -np.ones(self.mask.shape_native, dtype=int)
        rows, cols = self.mask.slim_to_native_tuple
        out[rows, cols] = np.arange(rows.size)
        return out

    @cached_property
    def unmasked_slim(self) -> np.ndarray:
        """Flat (row-major) indexes of the unmasked pixels."""
        return np.flatnonzero(~self.mask.array)

    @cached_property
    def masked_slim(self) -> np.ndarray:
        """Flat (row-major) indexes of the masked pixels."""
        return np.flatnonzero(self.mask.array)

    def _slim_of(self, derived) -> np.ndarray:
        rows, cols = derived.slim_to_native_tuple
        return self.slim_for_native[rows, cols]

    @cached_property
    def edge_slim(self) -> np.ndarray:
        """Slim indexes of the edge pixels."""
        return self._slim_of(self.mask.derive_mask.edge)

    @cached_property
    def border_slim(self) -> np.ndarray:
        """Slim indexes of the border pixels."""
        return self._slim_of(self.mask.derive_mask.border)
