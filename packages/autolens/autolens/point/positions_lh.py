"""``PositionsLH``: the positions penalty of imaging / interferometer lens fits.

The observed multiple-image positions of the source, traced to its plane, must meet within
``threshold`` arc-seconds; if their largest pairwise separation ``S`` exceeds it, the analysis
subtracts ``log_likelihood_penalty_factor × (S − threshold)`` from the log likelihood. This
keeps pixelized-source fits from settling on unphysical (demagnified) solutions. The fits
themselves never include the penalty; the analysis applies it.
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autolens import exc
from autolens.point.solver import plane_index_from


class PositionsLH:
    """Penalty on the source-plane separation of ``positions`` (see the module note)."""

    def __init__(
        self,
        positions,
        threshold: float,
        log_likelihood_penalty_factor: float = 1e8,
        plane_redshift: float | None = None,
    ):
        points = np.asarray(aa.raw_array(positions), dtype=float).reshape(-1, 2)
        points = points[np.all(np.isfinite(points), axis=1)]
        if points.shape[0] < 2:
            raise exc.PositionsException(
                f"PositionsLH needs at least two finite (y, x) positions, got {points.shape[0]}."
            )
        if not threshold > 0.0:
            raise exc.PositionsException(
                f"PositionsLH threshold must be positive, got {threshold}."
            )
        self.positions = aa.Grid2DIrregular(values=points)
        self.threshold = float(threshold)
        self.log_likelihood_penalty_factor = float(log_likelihood_penalty_factor)
        self.plane_redshift = plane_redshift

    def max_separation_from(self, tracer, xp=np):
        """Largest pairwise separation (arc-seconds) of the positions traced to the plane."""
        index = plane_index_from(tracer, self.plane_redshift)
        points = xp.asarray(self.positions.array)
        traced = xp.asarray(
            tracer.traced_points_list_from(points, xp, plane_index_limit=index)[index]
        )
        diff = traced[:, None, :] - traced[None, :, :]
        return xp.sqrt(xp.max(xp.sum(diff**2, axis=-1)))

    def log_likelihood_penalty_from(self, instance, analysis, xp=np):
        """``factor × (S − threshold)`` if ``S > threshold`` else 0 (a positive number the
        analysis subtracts)."""
        tracer = analysis.tracer_via_instance_from(instance)
        has_mass = any(g.has_mass_profile for g in tracer.galaxies)
        if not has_mass or tracer.total_planes < 2:
            return 0.0
        separation = self.max_separation_from(tracer, xp=xp)
        excess = separation - self.threshold
        return xp.where(excess > 0.0, self.log_likelihood_penalty_factor * excess, 0.0)
