"""``PositionsLH``: the multiple-image positions penalty of pixelized-source lens models.

A pixelized source can fit almost any image when the mass model demagnifies it into a tiny,
unlensed copy of the data. The observed multiple images of one source point must trace to one
source-plane point, so the analysis subtracts

    penalty = log_likelihood_penalty_factor · (max_separation − threshold)   if max_separation > threshold

from the figure of merit, where ``max_separation`` is the largest distance between any two of
the positions after ray tracing to the source plane (the last plane, or ``plane_redshift``).
Tracers without mass or with a single plane get no penalty. Non-finite positions are dropped
(they would make the separation NaN and switch the penalty off silently).
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autoarray.numerics.extrema import largest
from autogalaxy.galaxy import to_inversion
from autolens import exc


class PositionsLH:
    """Positions penalty.

    Parameters
    ----------
    positions
        ``(y, x)`` image-plane positions of the multiple images (``Grid2DIrregular`` or array).
    threshold
        Source-plane separation (arcsec) allowed before the penalty starts.
    log_likelihood_penalty_factor
        Penalty per arcsec beyond the threshold.
    plane_redshift
        Redshift of the source plane the positions belong to (default: the last plane).
    """

    def __init__(
        self,
        positions,
        threshold: float,
        log_likelihood_penalty_factor: float = 1e8,
        plane_redshift: float | None = None,
    ):
        values = np.asarray(aa.raw_array(positions), dtype=float)
        if values.ndim != 2 or values.shape[1] != 2:
            raise exc.PositionsException(
                f"PositionsLH needs (y, x) positions of shape [N, 2], got shape {values.shape}."
            )
        values = values[np.isfinite(values).all(axis=1)]
        if values.shape[0] < 2:
            raise exc.PositionsException(
                f"PositionsLH needs at least 2 finite positions to compare, got {values.shape[0]}."
            )
        self.positions = aa.Grid2DIrregular(values=values)
        self.threshold = float(threshold)
        self.log_likelihood_penalty_factor = float(log_likelihood_penalty_factor)
        self.plane_redshift = plane_redshift

    def max_separation_from(self, tracer, xp=np):
        """Largest distance between two positions traced to the source plane."""
        points = np.asarray(self.positions.array)
        traced = tracer.traced_points_list_from(points, xp)
        index = -1
        if self.plane_redshift is not None:
            found = tracer.plane_index_via_redshift_from(self.plane_redshift)
            if found is None:
                raise exc.PositionsException(
                    f"No plane of the tracer has redshift {self.plane_redshift}."
                )
            index = found
        plane = xp.asarray(traced[index])
        delta = plane[:, None, :] - plane[None, :, :]
        return xp.sqrt(largest(xp.sum(delta * delta, axis=-1), xp=xp))

    def log_likelihood_penalty_from(self, instance, analysis, xp=np):
        """The penalty (``>= 0``) of the model ``instance`` (PyAutoLens's signature): the tracer
        is built by ``analysis.tracer_via_instance_from``."""
        return self.log_likelihood_penalty_via_tracer_from(
            analysis.tracer_via_instance_from(instance), xp=xp
        )

    def log_likelihood_penalty_via_tracer_from(self, tracer, xp=np):
        """The penalty (``>= 0``) of ``tracer``; subtracted from the figure of merit."""
        if tracer.total_planes == 1 or not any(to_inversion.has_mass(g) for g in tracer.galaxies):
            return 0.0
        separation = self.max_separation_from(tracer, xp)
        penalty = self.log_likelihood_penalty_factor * (separation - self.threshold)
        return xp.where(separation > self.threshold, penalty, 0.0)


def model_has_pixelization(model, _seen=None) -> bool:
    """True if ``model`` (a model, collection or instance tree) holds a ``Pixelization``."""
    from autoarray.inversion.pixelization import Pixelization

    seen = set() if _seen is None else _seen
    if id(model) in seen:
        return False
    seen.add(id(model))
    if isinstance(model, Pixelization):
        return True
    cls = getattr(model, "cls", None)
    if isinstance(cls, type) and issubclass(cls, Pixelization):
        return True
    children = getattr(model, "_children", None)
    if callable(children):
        values = [value for _, value in children()]
    elif isinstance(model, (list, tuple)):
        values = list(model)
    elif isinstance(model, dict):
        values = list(model.values())
    else:
        return False
    return any(model_has_pixelization(value, seen) for value in values)
