"""Image-plane mesh grids (``al.image_mesh``): where a Delaunay-family mesh's vertices start.

``Overlay`` (uniform), ``Hilbert`` and ``KMeans`` (adapted to an adapt image), each with
``image_plane_mesh_grid_from(mask, adapt_data)``.
"""

from autoarray.inversion.image_mesh.edge_points import append_with_circle_edge_points
from autoarray.inversion.image_mesh.hilbert import Hilbert
from autoarray.inversion.image_mesh.kmeans import KMeans
from autoarray.inversion.image_mesh.overlay import Overlay

__all__ = ["Hilbert", "KMeans", "Overlay", "append_with_circle_edge_points"]
