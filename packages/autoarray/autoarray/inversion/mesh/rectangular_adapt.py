"""Adaptive rectangular meshes: uniform in a space where the traced source is spread evenly.

Each axis is mapped to ``U ∈ [0, 1]`` by a smoothed cumulative distribution of the traced
(relocated) pixel centres ``P``, and the mesh is uniform in ``U`` — so source pixels are small
where many image pixels land (``RectangularAdaptDensity``) or where the adapt image is bright
(``RectangularAdaptImage``). The reference's construction (whose numbers must be reproduced):

* standardise with ``μ = mean(P)`` per axis and one scale ``σ = min(std_y, std_x)``;
* weights ``1/N`` (density) or ``max(a, 1e-12)^weight_power`` floored at ``weight_floor`` and
  normalised (image; ``a`` the adapt image);
* per axis ``F(q) = Σ_i w_i Φ((q − P_i)/h)`` with ``h = bandwidth·(max P − min P)/shape[0]`` (the
  first shape entry for both axes), ``U = clip((F(q) − F(lo)) / (F(hi) − F(lo)), 0, 1)``;
* bilinear weights in ``U`` space on ``g = (n − 3) U + 1`` with the reference's row flattening
  ``(n − r)·n + c`` (``n = shape[0]``): occupied rows are ``2 … n−1`` and columns ``1 … n−2``,
  the lowest-y data land in the bottom edge row (zeroed by edge zeroing).

Shapes must be square (the reference's flattening assumes it).
"""

from __future__ import annotations

from typing import Tuple

import numpy as np

from autoarray import exc
from autoarray.inversion.mesh.rectangular import RectangularMesh
from autoarray.numerics.extrema import largest, smallest


def _normal_cdf(x, xp):
    if xp is np:
        from scipy.special import erf
    else:
        from jax.scipy.special import erf
    return 0.5 * (1.0 + erf(x / np.sqrt(2.0)))


def _weighted_cdf(values, data, h, weights, xp):
    """``Σ_i w_i Φ((v − data_i)/h)`` for every value ``v``."""
    return _normal_cdf((values[:, None] - data[None, :]) / h, xp) @ weights


def kernel_cdf_transform_from(centres, sub_points, weights, shape0: int, bandwidth: float, xp=np):
    """``[N_sub, 2]`` transformed coordinates ``U`` of ``sub_points`` (see module note)."""
    mean = xp.mean(centres, axis=0)
    scale = xp.minimum(xp.std(centres[:, 0]), xp.std(centres[:, 1]))
    p = (centres - mean) / scale
    q = (sub_points - mean) / scale
    columns = []
    for d in range(2):
        lo = smallest(p[:, d], xp=xp)  # at their index: autoarray.numerics.extrema
        hi = largest(p[:, d], xp=xp)
        h = bandwidth * (hi - lo) / shape0

        ends = _weighted_cdf(xp.stack([lo, hi]), p[:, d], h, weights, xp)
        u = (_weighted_cdf(q[:, d], p[:, d], h, weights, xp) - ends[0]) / (ends[1] - ends[0])
        columns.append(xp.clip(u, 0.0, 1.0))
    return xp.stack(columns, axis=1)


class RectangularAdaptDensity(RectangularMesh):
    """Rectangular mesh adapted to the density of the traced image pixels (kernel CDF).

    Parameters
    ----------
    shape
        ``(n, n)`` source pixels (square, at least 3).
    """

    requires_adapt_image = False
    bandwidth = 1.0

    def __init__(self, shape: Tuple[int, int] = (3, 3)):
        super().__init__(shape)
        if self.shape[0] != self.shape[1]:
            raise exc.MeshException(
                f"{type(self).__name__} needs a square shape (n, n), got {self.shape}."
            )

    def data_weights_from(self, pixels: int, adapt_data=None, xp=np):
        return xp.full(pixels, 1.0 / pixels)

    def transform_from(self, pixel_centres, sub_points, adapt_data=None, xp=np):
        """``[N_sub, 2]`` coordinates ``U ∈ [0, 1]²`` of the sub-pixels (kernel CDF)."""
        weights = self.data_weights_from(pixel_centres.shape[0], adapt_data, xp=xp)
        return kernel_cdf_transform_from(
            pixel_centres, sub_points, weights, self.shape[0], self.bandwidth, xp=xp
        )

    def interpolation_from(self, sub_points, xp=np, pixel_centres=None, adapt_data=None):
        """``(mappings [N, 4], weights [N, 4])`` of the traced sub-pixels."""
        if pixel_centres is None:
            raise exc.MeshException(f"{type(self).__name__} needs the traced pixel centres.")
        u = self.transform_from(pixel_centres, sub_points, adapt_data, xp=xp)
        n = self.shape[0]
        g = (n - 3) * u + 1.0
        a = xp.clip(xp.floor(g[:, 0]), 0, n - 2)
        b = xp.clip(xp.floor(g[:, 1]), 0, n - 2)
        tr = g[:, 0] - a
        tc = g[:, 1] - b
        a = a.astype(np.int32)
        b = b.astype(np.int32)
        upper = (n - a - 1) * n + b  # row a + 1 in the reference's flattening
        lower = (n - a) * n + b
        mappings = xp.stack([upper, upper + 1, lower, lower + 1], axis=1)
        weights = xp.stack(
            [tr * (1.0 - tc), tr * tc, (1.0 - tr) * (1.0 - tc), (1.0 - tr) * tc], axis=1
        )
        return mappings, weights


class RectangularAdaptImage(RectangularAdaptDensity):
    """Rectangular mesh adapted to the brightness of the galaxy's adapt image (kernel CDF).

    Parameters
    ----------
    shape
        ``(n, n)`` source pixels.
    weight_power
        Power of the adapt image in the data weights.
    weight_floor
        Minimum data weight (before normalisation).
    """

    requires_adapt_image = True

    def __init__(
        self, shape: Tuple[int, int] = (3, 3), weight_power: float = 1.0, weight_floor: float = 0.0
    ):
        super().__init__(shape)
        self.weight_power = weight_power
        self.weight_floor = weight_floor

    def data_weights_from(self, pixels: int, adapt_data=None, xp=np):
        if adapt_data is None:
            raise exc.MeshException(
                f"{type(self).__name__} needs an adapt image for its galaxy: pass "
                "adapt_images=AdaptImages(galaxy_image_dict={galaxy: image})."
            )
        a = xp.asarray(adapt_data)
        if a.shape[0] != pixels:
            raise exc.MeshException(
                f"The adapt image has {a.shape[0]} values but the mask has {pixels} pixels."
            )
        w = xp.maximum(a, 1e-12) ** self.weight_power
        w = xp.where(w < self.weight_floor, self.weight_floor, w)
        return w / xp.sum(w)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(shape={self.shape}, weight_power={self.weight_power}, "
            f"weight_floor={self.weight_floor})"
        )


def rank_cdf_transform_from(centres, sub_points, weights=None, xp=np):
    """``[N_sub, 2]`` rank-CDF coordinates: per axis the sorted standardised centres carry
    ``t_j = j/(N+1)`` (unweighted) or the cumulative sorted weights, interpolated linearly at
    the sub-pixels with 0 left of the minimum and 1 right of the maximum."""
    mean = xp.mean(centres, axis=0)
    scale = xp.minimum(xp.std(centres[:, 0]), xp.std(centres[:, 1]))
    p = (centres - mean) / scale
    q = (sub_points - mean) / scale
    n = centres.shape[0]
    columns = []
    for d in range(2):
        order = xp.argsort(p[:, d])
        ordered = p[order, d]
        if weights is None:
            t = xp.arange(1, n + 1) / (n + 1.0)
        else:
            t = xp.cumsum(weights[order])
        columns.append(xp.interp(q[:, d], ordered, t, left=0.0, right=1.0))
    return xp.stack(columns, axis=1)


class RectangularBilinearAdaptDensity(RectangularAdaptDensity):
    """Rectangular mesh adapted to the traced pixel density through the rank CDF (no
    hyper-parameters): the reference's ``RectangularBilinearAdaptDensity``."""

    def transform_from(self, pixel_centres, sub_points, adapt_data=None, xp=np):
        return rank_cdf_transform_from(pixel_centres, sub_points, None, xp=xp)


class RectangularBilinearAdaptImage(RectangularAdaptImage):
    """Rectangular mesh adapted to the adapt image through the weighted rank CDF."""

    def transform_from(self, pixel_centres, sub_points, adapt_data=None, xp=np):
        weights = self.data_weights_from(pixel_centres.shape[0], adapt_data, xp=xp)
        return rank_cdf_transform_from(pixel_centres, sub_points, weights, xp=xp)


#: The release's names.
RectangularRTUAdaptDensity = RectangularAdaptDensity
RectangularRTUAdaptImage = RectangularAdaptImage
