"""``Inversion``: solve for the amplitudes of linear objects given their blurred mapping matrix."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from autoarray.abstract_ndarray import raw_array
from autoarray.inversion import inversion_util as util
from autoarray.pytrees import Pytree


class Inversion(Pytree):
    """Linear inversion for amplitudes ``s`` of ``P`` linear objects.

    Parameters
    ----------
    operated_mapping_matrix
        ``B`` ``[N_pix, P]``: the PSF-blurred images (slim) of each unit-amplitude linear object.
    data
        The data to fit (slim; the image with any non-linear model light already subtracted).
    noise_map
        Noise (slim).
    regularization_matrix
        Optional ``H`` ``[P, P]`` (block-diagonal regularisation). ``None`` ⇒ no regularisation.
    regularized
        Boolean per parameter: True where the parameter is regularised (no ``1e-3`` is added to
        its curvature diagonal). Default: all False when ``H`` is None, else all True.
    positive_only
        Solve with NNLS (default) or by plain Cholesky least squares.
    add_to_diagonal
        The value added to the curvature diagonal of unregularised parameters.
    zeroed_indices
        Parameters forced to zero by the positive-only solve (mesh edge pixels): they are removed
        from the system before solving. Ignored by the least-squares solve.
    log_det_indices
        Parameters whose block of ``F + H`` and ``H`` enters the log determinants (default: all
        regularised parameters when every one is regularised, else ``regularized``).
    mapping_matrix
        Optional unblurred mapping matrix ``M`` ``[N_pix, P]`` (kept by fits with a
        pixelization, for :attr:`mapped_reconstructed_data`).
    source_plane_mesh_grid_list, source_plane_data_grid_list
        Optional per-mapper source-plane mesh and data grids (kept by fits with a
        pixelization, for plotting and results).
    xp
        ``numpy`` or ``jax.numpy``.

    All quantities are computed eagerly in ``__init__`` and stored as plain attributes, so an
    ``Inversion`` built inside ``jax.jit`` holds only arrays.
    """

    def __init__(
        self,
        operated_mapping_matrix,
        data,
        noise_map,
        regularization_matrix=None,
        regularized: Sequence[bool] | np.ndarray | None = None,
        positive_only: bool = True,
        add_to_diagonal: float = util.NO_REGULARIZATION_ADD_TO_DIAGONAL,
        zeroed_indices: Sequence[int] | np.ndarray | None = None,
        log_det_indices: Sequence[int] | np.ndarray | None = None,
        mapping_matrix=None,
        source_plane_mesh_grid_list: Sequence | None = None,
        source_plane_data_grid_list: Sequence | None = None,
        xp=np,
    ):
        B = raw_array(operated_mapping_matrix)
        d = raw_array(data)
        sigma = raw_array(noise_map)
        params = B.shape[1]
        if regularized is None:
            regularized = np.full(params, regularization_matrix is not None)
        regularized = np.asarray(regularized, dtype=bool)
        self.operated_mapping_matrix = B
        self.mapping_matrix = None if mapping_matrix is None else raw_array(mapping_matrix)
        self.source_plane_mesh_grid_list: list = list(source_plane_mesh_grid_list or [])
        self.source_plane_data_grid_list: list = list(source_plane_data_grid_list or [])
        self.positive_only = positive_only
        self.data_vector = util.data_vector_from(B, d, sigma, xp=xp)
        curvature = util.curvature_matrix_via_mapping_matrix_from(B, sigma, xp=xp)
        unregularized = np.flatnonzero(~regularized)
        if unregularized.size:
            curvature = util.add_to_diagonal(
                curvature, add_to_diagonal, indices=unregularized, xp=xp
            )
        self.curvature_matrix = curvature
        self.regularization_matrix = (
            None if regularization_matrix is None else raw_array(regularization_matrix)
        )
        system = (
            curvature
            if self.regularization_matrix is None
            else curvature + self.regularization_matrix
        )
        # Without regularisation F + H is F: not stored twice (fewer leaves out of ``jax.jit``).
        self._curvature_reg_matrix = None if self.regularization_matrix is None else system
        keep = None
        if positive_only and zeroed_indices is not None and len(zeroed_indices):
            keep = np.setdiff1d(np.arange(params), np.asarray(zeroed_indices, dtype=int))
        solve = (
            util.reconstruction_positive_only_from
            if positive_only
            else util.reconstruction_least_squares_from
        )
        if keep is None:
            s = solve(system, self.data_vector, xp=xp)
        else:
            reduced = solve(_block(system, keep, xp), self.data_vector[keep], xp=xp)
            if xp is np:
                s = np.zeros(params)
                s[keep] = reduced
            else:
                s = xp.zeros(params, dtype=reduced.dtype).at[keep].set(reduced)
        self.reconstruction = s
        self.mapped_reconstructed_operated_data = B @ s
        if self.regularization_matrix is None:
            zero = 0.0
            self.regularization_term = zero
            self.log_det_curvature_reg_matrix_term = zero
            self.log_det_regularization_matrix_term = zero
        else:
            H = self.regularization_matrix
            self.regularization_term = s @ (H @ s)
            if log_det_indices is None:
                index = np.arange(params) if regularized.all() else np.flatnonzero(regularized)
            else:
                index = np.asarray(log_det_indices, dtype=int)
            full = index.size == params
            self.log_det_curvature_reg_matrix_term = util.log_det_from(
                system if full else _block(system, index, xp), xp=xp
            )
            self.log_det_regularization_matrix_term = util.log_det_from(
                H if full else _block(H, index, xp), xp=xp
            )

    @property
    def curvature_reg_matrix(self):
        """``F + H`` (``F`` when nothing is regularised)."""
        if self._curvature_reg_matrix is None:
            return self.curvature_matrix
        return self._curvature_reg_matrix

    @property
    def mapped_reconstructed_image(self):
        """``B s``: the PSF-blurred model image of all linear objects (raw slim array)."""
        return self.mapped_reconstructed_operated_data

    @property
    def mapped_reconstructed_data(self):
        """``M s``: the unblurred model image of all linear objects (raw slim array); kept only
        for inversions with a pixelization, whose fits store the unblurred mapping matrix."""
        mapping = self.__dict__.get("mapping_matrix")
        if mapping is None:
            from autoarray import exc

            raise exc.InversionException(
                "mapped_reconstructed_data needs the unblurred mapping matrix, which is kept "
                "only for inversions with a pixelization; use mapped_reconstructed_image."
            )
        return mapping @ self.reconstruction

    @property
    def total_params(self) -> int:
        return int(self.operated_mapping_matrix.shape[1])

    @property
    def has_regularization(self) -> bool:
        return self.regularization_matrix is not None

    def reconstruction_dict_from(self, names: Sequence[str]) -> dict:
        """Map parameter names to amplitudes (order of the mapping-matrix columns)."""
        return {name: self.reconstruction[i] for i, name in enumerate(names)}


def _block(matrix, index, xp):
    """``matrix[index][:, index]`` for a static index array.

    A contiguous index (a mapper's parameter range) is a slice: a view on NumPy, one static
    slice under JAX. Otherwise NumPy takes rows then columns (3x quicker than ``np.ix_``'s
    fancy indexing on the 400-parameter P3 system)."""
    index = np.asarray(index, dtype=int)
    if index.size and np.array_equal(index, np.arange(index[0], index[0] + index.size)):
        start, stop = int(index[0]), int(index[0]) + index.size
        return matrix[start:stop, start:stop]
    if xp is np:
        return matrix.take(index, axis=0).take(index, axis=1)
    return matrix[index][:, index]
