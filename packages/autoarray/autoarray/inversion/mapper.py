"""Mapper: from the interpolation of traced sub-pixels on a mesh to the mapping matrix.

An interpolation gives, per sub-pixel ``s``, source-pixel indexes ``mappings[s, k]`` and weights
``weights[s, k]``. The mapping matrix sums them per image pixel with the sub-pixel fraction
``1/s_i²`` of the pixel ``i`` holding ``s``:

    M[i, p] = Σ_{s ∈ i} Σ_{k: mappings[s,k] = p} weights[s, k] / s_i²

so its rows sum to one when each sub-pixel's weights do. The pixel signals that drive adaptive
regularization average the adapt image over the mappings of each source pixel (counting
mappings, not weights), are normalised by their maximum and raised to ``signal_scale``.
"""

from __future__ import annotations

import numpy as np

from autoarray import exc


def mapping_matrix_from(
    mappings,
    weights,
    slim_for_sub,
    sub_fraction,
    pixels: int,
    params: int,
    xp=np,
    single_precision: bool = False,
):
    """``[pixels, params]`` mapping matrix.

    ``slim_for_sub`` (static ``[N_sub]``) is the image pixel of every sub-pixel and
    ``sub_fraction`` (static ``[pixels]``) its ``1/s_i²``. ``single_precision``
    (``Settings.use_mixed_precision``, JAX only, as the release): the matrix is allocated and
    accumulated in float32; NumPy always builds it in float64.
    """
    rows = np.repeat(np.asarray(slim_for_sub), mappings.shape[1])
    scaled = weights * np.asarray(sub_fraction)[np.asarray(slim_for_sub)][:, None]
    if xp is np:
        matrix = np.zeros((pixels, params))
        np.add.at(matrix, (rows, np.asarray(mappings).ravel()), np.asarray(scaled).ravel())
        return matrix
    if single_precision:
        return (
            xp.zeros((pixels, params), dtype=np.float32)
            .at[rows, mappings.ravel()]
            .add(scaled.ravel().astype(np.float32))
        )
    return xp.zeros((pixels, params)).at[rows, mappings.ravel()].add(scaled.ravel())


def pixel_signals_from(
    mappings,
    weights,
    slim_for_sub,
    adapt_image,
    params: int,
    signal_scale,
    xp=np,
    exclude_zero_weights: bool = False,
):
    """Pixel signals ``sig[p] ∈ [0, 1]`` of the adapt image (slim, one value per image pixel).

    ``exclude_zero_weights`` (Delaunay meshes): mappings of weight 0 are not counted."""
    adapt = xp.asarray(adapt_image)
    slim_for_sub = np.asarray(slim_for_sub)
    if adapt.shape[0] != int(slim_for_sub.max()) + 1:
        raise exc.InversionException(
            f"The adapt image has {adapt.shape[0]} values but the mask has "
            f"{int(slim_for_sub.max()) + 1} unmasked pixels."
        )
    values = (adapt[slim_for_sub][:, None] * weights).ravel()
    index = mappings.ravel()
    ones = xp.ones_like(values)
    if exclude_zero_weights:
        ones = xp.where(weights.ravel() != 0.0, 1.0, 0.0)
    if xp is np:
        signal = np.zeros(params)
        count = np.zeros(params)
        np.add.at(signal, np.asarray(index), np.asarray(values))
        np.add.at(count, np.asarray(index), np.asarray(ones))
    else:
        signal = xp.zeros(params).at[index].add(values)
        count = xp.zeros(params).at[index].add(ones)
    signal = signal / xp.maximum(count, 1.0)
    peak = xp.max(signal)
    signal = xp.where(peak > 0.0, signal / xp.where(peak > 0.0, peak, 1.0), signal)
    positive = signal > 0.0
    return xp.where(positive, xp.where(positive, signal, 1.0) ** signal_scale, 0.0)


class Mapper:
    """One pixelized galaxy's part of an inversion (computed per fit).

    Attributes
    ----------
    galaxy, pixelization
        Whose source plane this is.
    mapping_matrix
        ``[N_pix, S]`` (unblurred).
    regularization_matrix
        ``[S, S]`` or ``None`` without regularization.
    source_plane_data_grid
        Raw ``[N_sub, 2]`` traced (relocated) sub-pixels.
    source_plane_mesh_grid
        Raw ``[S, 2]`` source-pixel centres.
    """

    def __init__(
        self,
        galaxy,
        pixelization,
        mapping_matrix,
        regularization_matrix,
        source_plane_data_grid,
        source_plane_mesh_grid,
        zeroed_pixels=None,
    ):
        self.galaxy = galaxy
        self.pixelization = pixelization
        self.mapping_matrix = mapping_matrix
        self.regularization_matrix = regularization_matrix
        self.source_plane_data_grid = source_plane_data_grid
        self.source_plane_mesh_grid = source_plane_mesh_grid
        self._zeroed_pixels = zeroed_pixels

    @property
    def params(self) -> int:
        return int(self.mapping_matrix.shape[1])

    @property
    def mesh(self):
        return self.pixelization.mesh

    @property
    def regularization(self):
        return self.pixelization.regularization

    @property
    def zeroed_pixels(self) -> np.ndarray:
        if self._zeroed_pixels is not None:
            return np.asarray(self._zeroed_pixels, dtype=int)
        return np.asarray(self.mesh.zeroed_pixels, dtype=int)

    def __repr__(self) -> str:
        return f"Mapper({self.mesh!r}, params={self.params})"
