"""From a tracer to the linear objects of an inversion.

Each plane's linear light profiles (one column each) and bases of linear profiles (one
multi-column block each) are evaluated on that plane's ray-traced grids; the shared machinery
lives in :mod:`autogalaxy.galaxy.to_inversion`.
"""

from __future__ import annotations

import numpy as np

from autogalaxy.galaxy import to_inversion


class TracerToInversion:
    """Linear objects of a tracer, with the raw traced points of their planes.

    Parameters
    ----------
    tracer
        The tracer.
    points
        Raw ``[N, 2]`` image-plane positions (e.g. lp sub-pixels followed by blurring pixels).
    """

    def __init__(self, tracer, points, xp=np):
        self.tracer = tracer
        self.points = points
        self.xp = xp

    @property
    def linear_obj_list_with_points(self) -> list:
        """``[(LinearObject, traced points), ...]`` in plane order."""
        return [
            (linear_object, plane_points)
            for galaxies, plane_points in self.tracer.light_planes_from(self.points, self.xp)
            for linear_object in to_inversion.linear_objects_from(galaxies)
        ]

    @property
    def linear_obj_list(self) -> list:
        return [linear_object for linear_object, _ in self.linear_obj_list_with_points]

    @property
    def linear_obj_galaxy_dict(self) -> dict:
        return {id(lo): lo.galaxy for lo in self.linear_obj_list}
