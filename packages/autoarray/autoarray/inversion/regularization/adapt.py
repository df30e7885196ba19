"""``Adapt``: neighbour regularization whose strength follows the source's brightness.

Each source pixel gets ``w_i = (inner·sig_i + outer·(1 − sig_i))²`` from its pixel signal
``sig_i ∈ [0, 1]`` (the adapt image interpolated onto the mesh, see
:func:`autoarray.inversion.mapper.pixel_signals_from`) and ``ρ_i = w_i²`` — the *fourth* power of
the interpolated coefficient, as in the reference. Every neighbouring pair contributes
``ρ_i + ρ_j``: ``H_ij = −(ρ_i + ρ_j)``, ``H_ii = 1e-8 + Σ_{j∈N(i)} (ρ_i + ρ_j)``. So bright pixels
(``sig → 1``) are regularised with ``inner`` and faint ones with ``outer``.
"""

from __future__ import annotations

import numpy as np

from autoarray import exc
from autoarray.inversion.regularization.abstract import AbstractRegularization
from autoarray.inversion.regularization.constant import REGULARIZATION_JITTER, _coefficient


def adapt_weights_from(inner, outer, pixel_signals, xp=np):
    """``ρ_i = ((inner·sig_i + outer·(1 − sig_i))²)²``."""
    w = (inner * pixel_signals + outer * (1.0 - pixel_signals)) ** 2
    return w * w


def adapt_matrix_from(adjacency: np.ndarray, rho, xp=np):
    """``H`` of pairwise weights ``ρ_i + ρ_j`` on a (static) adjacency matrix."""
    pair = xp.asarray(adjacency) * (rho[:, None] + rho[None, :])
    diag = xp.sum(pair, axis=1) + REGULARIZATION_JITTER
    return xp.diag(diag) - pair


class Adapt(AbstractRegularization):
    """Brightness-adaptive neighbour regularization (needs an adapt image for its galaxy).

    Parameters
    ----------
    inner_coefficient
        Coefficient of the brightest pixels (``sig = 1``).
    outer_coefficient
        Coefficient of the faintest pixels (``sig = 0``).
    signal_scale
        Power applied to the max-normalised pixel signals.
    """

    requires_pixel_signals = True

    def __init__(
        self,
        inner_coefficient: float = 1.0,
        outer_coefficient: float = 1.0,
        signal_scale: float = 1.0,
    ):
        self.inner_coefficient = _coefficient(inner_coefficient, "inner_coefficient")
        self.outer_coefficient = _coefficient(outer_coefficient, "outer_coefficient")
        self.signal_scale = _coefficient(signal_scale, "signal_scale")

    def regularization_matrix_from(self, mesh, pixel_signals=None, xp=np, mesh_grid=None):
        if pixel_signals is None:
            raise exc.RegularizationException(
                "Adapt regularization needs pixel signals: pass an adapt image for the "
                "pixelized galaxy (AdaptImages(galaxy_image_dict={galaxy: image}))."
            )
        rho = adapt_weights_from(
            self.inner_coefficient, self.outer_coefficient, pixel_signals, xp=xp
        )
        return adapt_matrix_from(mesh.adjacency, rho, xp=xp)
