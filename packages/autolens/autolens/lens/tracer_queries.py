"""Tracer queries that PyAutoLens scripts call but the ray-tracing core does not need: which
planes hold a pixelization, and the grid traced to any redshift (a plane inserted there)."""

from __future__ import annotations

from typing import Any, List

from autoarray.inversion.pixelization import Pixelization
from autogalaxy.galaxy import Galaxy


class TracerQueries:
    """Mixin of :class:`~autolens.lens.tracer.Tracer` (it supplies ``planes``,
    ``plane_redshifts``, ``galaxies``, ``cosmology`` and ``traced_grid_2d_list_from``)."""

    # Declared for the type checker: the Tracer sets these in its constructor.
    planes: Any
    plane_redshifts: Any
    galaxies: Any
    cosmology: Any
    traced_grid_2d_list_from: Any

    @property
    def plane_indexes_with_pixelizations(self) -> List[int]:
        """Indexes of the planes with at least one galaxy holding a ``Pixelization``."""
        return [index for index, plane in enumerate(self.planes) if plane.has(Pixelization)]

    def grid_2d_at_redshift_from(self, grid, redshift: float):
        """``grid`` (image plane) ray-traced to ``redshift``.

        At a plane's redshift this is that plane's traced grid; elsewhere (before the first plane
        too) an empty galaxy is inserted at ``redshift`` so the multi-plane scaling factors of a
        plane there are used, as PyAutoLens does.
        """
        redshifts = list(self.plane_redshifts)
        if redshift in redshifts:
            return self.traced_grid_2d_list_from(grid=grid)[redshifts.index(redshift)]
        tracer_cls: Any = type(self)
        tracer = tracer_cls(
            galaxies=list(self.galaxies) + [Galaxy(redshift=redshift)], cosmology=self.cosmology
        )
        index = list(tracer.plane_redshifts).index(redshift)
        return tracer.traced_grid_2d_list_from(grid=grid)[index]
