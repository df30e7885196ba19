"""Point-source profiles (``ag.ps``): attached to a galaxy under a name, e.g.
``Galaxy(redshift=1.0, point_0=ps.Point(centre=(0.0, 0.0)))``; a ``PointDataset`` of the same
name is fitted against it.

They hold parameters only: the lensed images are found by ``autolens``'s ``PointSolver``.
"""

from __future__ import annotations

from autoarray.pytrees import Pytree


class Point(Pytree):
    """A point source at source-plane position ``centre`` (y, x) arc-seconds."""

    #: The constructor's arguments are the parameters (traced under JAX).
    __pytree_leaves__ = "__init__"

    def __init__(self, centre: tuple[float, float] = (0.0, 0.0)):
        self.centre = centre


class PointFlux(Point):
    """A point source with an intrinsic (unlensed) ``flux``."""

    def __init__(self, centre: tuple[float, float] = (0.0, 0.0), flux: float = 0.1):
        super().__init__(centre=centre)
        self.flux = flux


class PointSolved(Pytree):
    """A point source whose centre is not a parameter: the ``*Solved`` fits solve for it
    analytically (the noise-weighted mean of the ray-traced observed positions)."""
