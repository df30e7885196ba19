"""Source-plane meshes (``al.mesh``)."""

from autoarray.inversion.mesh.delaunay import Delaunay
from autoarray.inversion.mesh.delaunay_nn import DelaunayNN
from autoarray.inversion.mesh.knn import KNearestNeighbor
from autoarray.inversion.mesh.knn_barycentric import KNNBarycentric
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
    "DelaunayNN",
    "KNearestNeighbor",
    "KNNBarycentric",
    "RectangularAdaptDensity",
    "RectangularAdaptImage",
    "RectangularBilinearAdaptDensity",
    "RectangularBilinearAdaptImage",
    "RectangularMesh",
    "RectangularRTUAdaptDensity",
    "RectangularRTUAdaptImage",
    "RectangularUniform",
]
