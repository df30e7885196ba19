"""``Grid2DIrregular``: arbitrary (y, x) coordinates with no mask."""

from __future__ import annotations

import numpy as np

from autoarray import exc
from autoarray.abstract_ndarray import AbstractNDArray


class Grid2DIrregular(AbstractNDArray):
    """``[N, 2]`` arc-second (y, x) coordinates (a list of tuples is accepted)."""

    __pytree_static__ = ("is_transformed",)

    def __init__(self, values, xp=np):
        if isinstance(values, list) and values and isinstance(values[0], AbstractNDArray):
            values = [v.array for v in values]
        super().__init__(values, xp=xp)
        if xp is np and self._array.dtype.kind not in "fc":
            self._array = self._array.astype(float)
        if self._array.ndim == 1 and self._array.shape[0] == 2:
            self._array = self._array.reshape(1, 2)
        if self._array.ndim != 2 or self._array.shape[1] != 2:
            raise exc.GridException(
                f"irregular grid values must have shape [N, 2], got {tuple(self._array.shape)}"
            )
        self.is_transformed = False

    @classmethod
    def from_yx_1d(cls, y, x) -> "Grid2DIrregular":
        return cls(np.stack([np.asarray(y, float), np.asarray(x, float)], axis=1))

    @property
    def slim(self) -> "Grid2DIrregular":
        return self

    @property
    def native(self) -> "Grid2DIrregular":
        return self

    @property
    def in_list(self) -> list:
        return [tuple(p) for p in np.asarray(self._array)]

    def grid_2d_via_deflection_grid_from(self, deflection_grid) -> "Grid2DIrregular":
        """Coordinates minus deflection angles."""
        return Grid2DIrregular(
            self._array - getattr(deflection_grid, "array", deflection_grid), xp=self._xp
        )

    def squared_distances_to_coordinate_from(self, coordinate=(0.0, 0.0)):
        from autoarray.structures.arrays.irregular import ArrayIrregular

        d2 = (self._array[:, 0] - coordinate[0]) ** 2 + (self._array[:, 1] - coordinate[1]) ** 2
        return ArrayIrregular(d2, xp=self._xp)

    def distances_to_coordinate_from(self, coordinate=(0.0, 0.0)):
        return self.squared_distances_to_coordinate_from(coordinate).sqrt()

    def furthest_distances_to_other_coordinates(self, xp=np):
        """For each point, the largest distance to any other point (``ArrayIrregular``)."""
        from autoarray.structures.arrays.irregular import ArrayIrregular

        diff = self._array[:, None, :] - self._array[None, :, :]
        d = xp.sqrt(xp.sum(diff**2, axis=-1))
        return ArrayIrregular(xp.max(d, axis=1), xp=xp)

    def grid_of_closest_from(self, grid_pair):
        """For each coordinate of ``grid_pair``, the closest coordinate of this grid."""
        pair = np.asarray(getattr(grid_pair, "array", grid_pair))
        d = np.sum((pair[:, None, :] - np.asarray(self._array)[None, :, :]) ** 2, axis=-1)
        return Grid2DIrregular(np.asarray(self._array)[np.argmin(d, axis=1)])
