"""Split regularizations: ``ConstantSplit`` and ``AdaptSplit`` (Delaunay meshes only).

Each vertex ``i`` is compared with four *split points* around it (a cross at
``δ_i = areas_factor · sqrt(dual area_i)``), each interpolated on the mesh like a traced
sub-pixel: the stencil ``v_ik = e_i − Σ_l w_kl e_{idx_kl}`` penalises the difference between the
pixel and the interpolated source at that point, and

    H = 1e-8 I + Σ_i ρ_i Σ_k v_ik v_ikᵀ

with ``ρ_i = c²`` (``ConstantSplit``) or the fourth power of the interpolated coefficient
(``AdaptSplit``, as :class:`~autoarray.inversion.regularization.adapt.Adapt`).
"""

from __future__ import annotations

import numpy as np

from autoarray import exc
from autoarray.inversion.regularization.abstract import AbstractRegularization
from autoarray.inversion.regularization.adapt import Adapt, adapt_weights_from
from autoarray.inversion.regularization.constant import REGULARIZATION_JITTER, _coefficient


def split_regularization_matrix_from(geometry, rho, xp=np):
    stencil = getattr(geometry, "split_matrix", None)
    if stencil is None:
        raise exc.PixelizationException(
            "Split regularizations need a mesh with split points (Delaunay), not a rectangular mesh."
        )
    weights = xp.repeat(rho, 4)
    return stencil.T @ (weights[:, None] * stencil) + REGULARIZATION_JITTER * xp.eye(
        stencil.shape[1]
    )


class ConstantSplit(AbstractRegularization):
    """Split-point regularization with one coefficient (``ρ_i = c²``)."""

    requires_split_points = True

    def __init__(self, coefficient: float = 1.0):
        self.coefficient = _coefficient(coefficient, "ConstantSplit coefficient")

    def regularization_matrix_from(self, mesh, pixel_signals=None, xp=np, mesh_grid=None):
        rho = self.coefficient**2 * xp.ones(mesh.pixels)
        return split_regularization_matrix_from(mesh, rho, xp=xp)


class AdaptSplit(Adapt):
    """Split-point regularization with brightness-adaptive coefficients."""

    requires_split_points = True

    def regularization_matrix_from(self, mesh, pixel_signals=None, xp=np, mesh_grid=None):
        if pixel_signals is None:
            raise exc.RegularizationException(
                "AdaptSplit regularization needs pixel signals: pass an adapt image for the "
                "pixelized galaxy."
            )
        rho = adapt_weights_from(
            self.inner_coefficient, self.outer_coefficient, pixel_signals, xp=xp
        )
        return split_regularization_matrix_from(mesh, rho, xp=xp)
