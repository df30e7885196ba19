"""``DatasetModel``: optional model components of a dataset (sky level, grid offset)."""

from __future__ import annotations

from typing import Tuple

from autoarray.pytrees import Pytree


class DatasetModel(Pytree):
    """Model components that belong to the dataset rather than to a galaxy.

    Parameters
    ----------
    background_sky_level
        Constant sky level subtracted from the data by the fit.
    grid_offset
        ``(y, x)`` offset (arc-seconds) subtracted from every grid of the fit.
    """

    def __init__(
        self, background_sky_level: float = 0.0, grid_offset: Tuple[float, float] = (0.0, 0.0)
    ):
        self.background_sky_level = background_sky_level
        self.grid_offset = grid_offset

    def __repr__(self) -> str:
        return (
            f"DatasetModel(background_sky_level={self.background_sky_level}, "
            f"grid_offset={self.grid_offset})"
        )
