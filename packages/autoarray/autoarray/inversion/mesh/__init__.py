"""Source-plane meshes (``al.mesh``)."""

from autoarray.inversion.mesh.delaunay import Delaunay
from autoarray.inversion.mesh.rectangular import RectangularMesh, RectangularUniform
from autoarray.inversion.mesh.rectangular_adapt import (
    RectangularAdaptDensity,
    RectangularAdaptImage,
    RectangularBilinearAdaptDensity,
    RectangularBilinearAdaptImage,
    RectangularRTUAdaptDensity,
    RectangularRTUAdaptImage,
)

__all__ = [
    "Delaunay",
    "RectangularAdaptDensity",
    "RectangularAdaptImage",
    "RectangularBilinearAdaptDensity",
    "RectangularBilinearAdaptImage",
    "RectangularMesh",
    "RectangularRTUAdaptDensity",
    "RectangularRTUAdaptImage",
    "RectangularUniform",
]
