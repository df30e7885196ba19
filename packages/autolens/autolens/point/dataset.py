"""``PointDataset``: the observed image positions (and optionally fluxes and time delays) of one
named point source."""

from __future__ import annotations

import numbers

import numpy as np

import autoarray as aa
from autolens import exc


def _values_from(value, name: str, dataset_name: str) -> np.ndarray:
    values = np.asarray(aa.raw_array(value), dtype=float)
    if not np.all(np.isfinite(values)):
        raise exc.PointDatasetException(
            f"PointDataset '{dataset_name}': {name} holds NaN / inf values ({values.tolist()}); "
            "every entry must be finite."
        )
    return values


def _per_image(value, name: str, n: int, dataset_name: str) -> aa.ArrayIrregular | None:
    """A one-value-per-image ``ArrayIrregular`` (a Python number is repeated ``n`` times)."""
    if value is None:
        return None
    if isinstance(value, numbers.Real):
        value = [float(value)] * n
    values = _values_from(value, name, dataset_name).reshape(-1)
    if values.shape[0] != n:
        raise exc.PointDatasetException(
            f"PointDataset '{dataset_name}': {name} has {values.shape[0]} entries but there are "
            f"{n} positions; give one value per position, in the same order."
        )
    return aa.ArrayIrregular(values=values)


class PointDataset:
    """Observed data of one point source: ``positions`` ``[N, 2]`` (y, x) arc-seconds and their
    noise (one value per position, or one number for all), optional fluxes and time delays
    (days) with noise, one per position in the same order.

    ``name`` pairs the dataset with the point-source profile of that attribute name in the
    model (e.g. ``Galaxy(..., point_0=ps.Point(...))`` for ``name="point_0"``).
    """

    def __init__(
        self,
        name: str,
        positions,
        positions_noise_map,
        fluxes=None,
        fluxes_noise_map=None,
        time_delays=None,
        time_delays_noise_map=None,
        redshift: float | None = None,
    ):
        if not isinstance(name, str) or not name:
            raise exc.PointDatasetException(
                f"PointDataset name must be a non-empty string, got {name!r}."
            )
        self.name = name
        points = _values_from(positions, "positions", name)
        if points.ndim == 1 and points.shape[0] == 2:
            points = points.reshape(1, 2)
        if points.ndim != 2 or points.shape[1] != 2 or points.shape[0] == 0:
            raise exc.PointDatasetException(
                f"PointDataset '{name}': positions must be a non-empty [N, 2] list of (y, x), "
                f"got shape {points.shape}."
            )
        n = points.shape[0]
        self.positions = aa.Grid2DIrregular(values=points)
        self.positions_noise_map = _per_image(positions_noise_map, "positions_noise_map", n, name)
        if self.positions_noise_map is None:
            raise exc.PointDatasetException(
                f"PointDataset '{name}': positions_noise_map is required."
            )
        self.fluxes = _per_image(fluxes, "fluxes", n, name)
        self.fluxes_noise_map = _per_image(fluxes_noise_map, "fluxes_noise_map", n, name)
        self.time_delays = _per_image(time_delays, "time_delays", n, name)
        self.time_delays_noise_map = _per_image(
            time_delays_noise_map, "time_delays_noise_map", n, name
        )
        for data, noise, label in (
            (self.fluxes, self.fluxes_noise_map, "fluxes"),
            (self.time_delays, self.time_delays_noise_map, "time_delays"),
        ):
            if (data is None) != (noise is None):
                raise exc.PointDatasetException(
                    f"PointDataset '{name}': {label} and {label}_noise_map must be given together."
                )
        for noise, label in (
            (self.positions_noise_map, "positions_noise_map"),
            (self.fluxes_noise_map, "fluxes_noise_map"),
            (self.time_delays_noise_map, "time_delays_noise_map"),
        ):
            if noise is not None and np.any(noise.array <= 0.0):
                raise exc.PointDatasetException(
                    f"PointDataset '{name}': {label} must be positive, got {noise.array.tolist()}."
                )
        self.redshift = redshift

    @property
    def info(self) -> str:
        lines = [f"name : {self.name}", f"positions : {self.positions.array.tolist()}"]
        lines.append(f"positions_noise_map : {aa.raw_array(self.positions_noise_map).tolist()}")
        for label in ("fluxes", "fluxes_noise_map", "time_delays", "time_delays_noise_map"):
            value = getattr(self, label)
            if value is not None:
                lines.append(f"{label} : {value.array.tolist()}")
        return "\n".join(lines)

    def extent_from(self, buffer: float = 0.1) -> list[float]:
        """``[y_min, y_max, x_min, x_max]`` of the positions, widened by ``buffer``."""
        points = self.positions.array
        return [
            float(points[:, 0].min() - buffer),
            float(points[:, 0].max() + buffer),
            float(points[:, 1].min() - buffer),
            float(points[:, 1].max() + buffer),
        ]

    def __repr__(self) -> str:
        return f"PointDataset(name={self.name!r}, positions={self.positions.array.tolist()})"
