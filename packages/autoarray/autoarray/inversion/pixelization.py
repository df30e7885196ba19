"""``Pixelization``: a galaxy attribute reconstructing its light on a source-plane mesh."""

from __future__ import annotations

from autoarray import exc
from autoarray.inversion.mesh.delaunay import Delaunay
from autoarray.inversion.mesh.rectangular import RectangularMesh
from autoarray.inversion.regularization.abstract import AbstractRegularization
from autoarray.pytrees import Pytree


class Pixelization(Pytree):
    """A mesh (where the source pixels are) and an optional regularization (how smooth).

    Parameters
    ----------
    mesh
        E.g. ``al.mesh.RectangularUniform(shape=(20, 20))``.
    regularization
        E.g. ``al.reg.Constant(coefficient=1.0)``; ``None`` solves the pixels unregularised.
    """

    #: The mesh and regularization are children; anything else the class sets is a constant.
    __pytree_leaves__ = "__init__"

    def __init__(self, mesh, regularization=None):
        if not isinstance(mesh, (RectangularMesh, Delaunay)):
            raise exc.PixelizationException(
                f"Pixelization needs a mesh from al.mesh (e.g. RectangularUniform), got "
                f"{type(mesh).__name__}."
            )
        if regularization is not None and not isinstance(regularization, AbstractRegularization):
            raise exc.PixelizationException(
                f"Pixelization regularization must come from al.reg (e.g. Constant), got "
                f"{type(regularization).__name__}."
            )
        if getattr(regularization, "requires_split_points", False) and not isinstance(
            mesh, Delaunay
        ):
            raise exc.PixelizationException(
                f"{type(regularization).__name__} needs split points, which only Delaunay meshes "
                f"have; {type(mesh).__name__} cannot use it."
            )
        self.mesh = mesh
        self.regularization = regularization

    def __repr__(self) -> str:
        return f"Pixelization(mesh={self.mesh!r}, regularization={self.regularization!r})"
