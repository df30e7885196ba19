"""``AbstractRegularization``: the interface every regularization scheme implements."""

from __future__ import annotations

from abc import ABC, abstractmethod

import numpy as np

from autoarray.pytrees import Pytree


class AbstractRegularization(Pytree, ABC):
    """A regularization scheme; :meth:`regularization_matrix_from` builds ``H`` for a mesh."""

    #: The constructor's coefficients are the parameters (traced); class flags stay static.
    __pytree_leaves__ = "__init__"

    #: True if the scheme needs the mapper's pixel signals (an adapt image).
    requires_pixel_signals = False

    @abstractmethod
    def regularization_matrix_from(self, mesh, pixel_signals=None, xp=np, mesh_grid=None):
        """The regularization matrix ``H`` ``[P, P]`` of ``mesh``'s ``P`` pixels.

        ``pixel_signals`` are the mapper's per-pixel signals (adaptive schemes) and
        ``mesh_grid`` the mesh's traced pixel centres (schemes that use distances).
        """

    def __repr__(self) -> str:
        items = ", ".join(f"{k}={v}" for k, v in vars(self).items())
        return f"{type(self).__name__}({items})"
