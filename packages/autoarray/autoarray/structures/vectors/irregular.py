"""``VectorYX2DIrregular``: (y, x) vectors at irregular positions."""

from __future__ import annotations

import numpy as np

from autoarray import exc
from autoarray.abstract_ndarray import AbstractNDArray
from autoarray.structures.arrays.irregular import ArrayIrregular


class VectorYX2DIrregular(AbstractNDArray):
    """``[N, 2]`` (y, x) vectors at the positions of ``grid`` (a ``Grid2DIrregular``)."""

    def __init__(self, values, grid=None, xp=np):
        super().__init__(values, xp=xp)
        if self._array.ndim != 2 or self._array.shape[1] != 2:
            raise exc.ArrayException(
                f"vector values must have shape [N, 2], got {tuple(self._array.shape)}"
            )
        self.grid = grid

    @property
    def slim(self) -> "VectorYX2DIrregular":
        return self

    @property
    def native(self) -> "VectorYX2DIrregular":
        return self

    @property
    def y(self) -> ArrayIrregular:
        return ArrayIrregular(self._array[:, 0], xp=self._xp)

    @property
    def x(self) -> ArrayIrregular:
        return ArrayIrregular(self._array[:, 1], xp=self._xp)

    @property
    def magnitudes(self) -> ArrayIrregular:
        xp = self._xp
        return ArrayIrregular(xp.sqrt(self._array[:, 0] ** 2 + self._array[:, 1] ** 2), xp=xp)

    @property
    def average_magnitude(self) -> float:
        return float(np.mean(np.asarray(self.magnitudes.array)))

    @property
    def average_phi(self) -> float:
        mean = np.mean(np.asarray(self._array), axis=0)
        return 0.5 * float(np.degrees(np.arctan2(mean[0], mean[1])))

    def vectors_within_radius(self, radius: float, centre=(0.0, 0.0)) -> "VectorYX2DIrregular":
        """Vectors whose positions lie within ``radius`` of ``centre``."""
        positions = np.asarray(getattr(self.grid, "array", self.grid))
        keep = np.hypot(positions[:, 0] - centre[0], positions[:, 1] - centre[1]) < radius
        if not np.any(keep):
            raise exc.ArrayException(f"no vectors lie within radius {radius} of {centre}")
        from autoarray.structures.grids.irregular_2d import Grid2DIrregular

        return VectorYX2DIrregular(np.asarray(self._array)[keep], Grid2DIrregular(positions[keep]))
