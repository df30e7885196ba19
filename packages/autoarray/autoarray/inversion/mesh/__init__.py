"""Source-plane meshes (``al.mesh``)."""

from autoarray.inversion.mesh.rectangular import RectangularMesh, RectangularUniform

__all__ = ["RectangularMesh", "RectangularUniform"]
