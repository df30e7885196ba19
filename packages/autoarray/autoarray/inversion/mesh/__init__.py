"""Source-plane meshes (``al.mesh``)."""

from autoarray.inversion.mesh.delaunay import Delaunay
from autoarray.inversion.mesh.rectangular import RectangularMesh, RectangularUniform
from autoarray.inversion.mesh.rectangular_adapt import (
    RectangularAdaptDensity,
    RectangularAdaptImage,
    RectangularRTUAdaptDensity,
    RectangularRTUAdaptImage,
)

__all__ = [
    "Delaunay",
    "RectangularAdaptDensity",
    "RectangularAdaptImage",
    "RectangularMesh",
    "RectangularRTUAdaptDensity",
    "RectangularRTUAdaptImage",
    "RectangularUniform",
]
