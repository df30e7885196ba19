"""``ArrayIrregular``: values paired with irregular (y, x) coordinates; no mask."""

from __future__ import annotations

import numpy as np

from autoarray import exc
from autoarray.abstract_ndarray import AbstractNDArray


class ArrayIrregular(AbstractNDArray):
    """A 1-D array of values (one per coordinate of a ``Grid2DIrregular``)."""

    def __init__(self, values, xp=np):
        if isinstance(values, list) and values and isinstance(values[0], AbstractNDArray):
            values = [v.array for v in values]
        super().__init__(values, xp=xp)
        if self._array.ndim != 1:
            raise exc.ArrayException(
                f"ArrayIrregular values must be 1-D, got shape {tuple(self._array.shape)}"
            )

    @property
    def slim(self) -> "ArrayIrregular":
        return self

    @property
    def native(self) -> "ArrayIrregular":
        return self

    @property
    def in_list(self) -> list:
        return list(np.asarray(self._array))
