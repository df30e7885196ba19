"""The linear solve of an imaging fit: linear-profile columns -> PSF-operated mapping matrix ->
:class:`~autoarray.inversion.inversion.Inversion` on the profile-subtracted data."""

from __future__ import annotations

import numpy as np

from autoarray import exc as aa_exc
from autoarray import execution
from autoarray.inversion.inversion import Inversion
from autogalaxy.galaxy import to_inversion
from autogalaxy.imaging.settings import setting_from, settings_values_from


def inversion_from(statics, linear, data, settings, xp=np, mappers=()) -> Inversion:
    """The linear solve; ``linear`` is ``[(LinearObject, columns [N_points, params]), ...]``
    evaluated on ``statics.points``, ``mappers`` the pixelized galaxies' mappers (their
    parameters come after the linear profiles'); ``data`` is the profile-subtracted data."""
    for linear_object, _ in linear:
        if linear_object.regularization is not None:
            raise aa_exc.InversionException(
                "Regularised Basis objects are not supported by this fit; use "
                "Basis(profile_list, regularization=None)."
            )
    blocks = []
    mapping_blocks = []
    # Settings.use_mixed_precision (JAX only, as the release): linear light profiles are blurred
    # in float32 / complex64 end to end; mapper matrices arrive float32 (to_mapper) and their
    # FFT blurring promotes to float64 at the kernel multiply; the curvature matrix, data
    # vector, NNLS and log-dets stay float64 (the float64 noise map promotes them).
    mixed = xp is not np and bool(setting_from(settings, "use_mixed_precision"))
    if linear:
        columns = [columns for _, columns in linear]
        operated = np.concatenate(
            [to_inversion.linear_object_is_operated(lo) for lo, _ in linear]
        ).astype(bool)
        mapping, blurring = mapping_and_blurring_from(statics, columns, xp)
        if operated.all():
            operated_matrix = mapping
        else:
            statics.require_psf("linear light profiles")
            operated_matrix = statics.psf.convolved_mapping_matrix_from(
                mapping,
                statics.mask,
                blurring_mapping_matrix=blurring,
                xp=xp,
                single_precision=mixed,
                materialised=statics.over_sampler.bins_by_reduction,
            )
            if operated.any():
                operated_matrix = xp.where(operated[None, :], mapping, operated_matrix)
        blocks.append(operated_matrix)
        mapping_blocks.append(mapping)
    positive_only, add_to_diagonal = settings_values_from(settings)
    if not mappers:
        return Inversion(
            blocks[0],
            data,
            statics.noise_map,
            positive_only=positive_only,
            add_to_diagonal=add_to_diagonal,
            xp=xp,
        )
    statics.require_psf("a pixelization")
    for mapper in mappers:
        # Source light exists only on the traced (unmasked) pixels: no blurring region.
        blocks.append(
            statics.psf.convolved_mapping_matrix_from(mapper.mapping_matrix, statics.mask, xp=xp)
        )
        mapping_blocks.append(mapper.mapping_matrix)
    n_linear = int(sum(lo.params for lo, _ in linear))
    total = n_linear + sum(mapper.params for mapper in mappers)
    regularized = np.zeros(total, dtype=bool)
    H = None
    offset = n_linear
    zeroed = []
    mapper_index = []
    for mapper in mappers:
        k = mapper.params
        index = np.arange(offset, offset + k)
        mapper_index.append(index)
        if mapper.regularization_matrix is not None:
            regularized[index] = True
            if H is None:
                H = xp.zeros((total, total))
            if xp is np:
                H[offset : offset + k, offset : offset + k] = mapper.regularization_matrix
            else:
                H = H.at[offset : offset + k, offset : offset + k].set(mapper.regularization_matrix)
        zeroed.append(offset + mapper.zeroed_pixels)
        offset += k
    use_zeroing = positive_only and bool(setting_from(settings, "use_edge_zeroed_pixels"))
    return Inversion(
        blocks[0] if len(blocks) == 1 else xp.concatenate(blocks, axis=1),
        data,
        statics.noise_map,
        regularization_matrix=H,
        regularized=regularized,
        positive_only=positive_only,
        add_to_diagonal=add_to_diagonal,
        zeroed_indices=np.concatenate(zeroed) if use_zeroing else None,
        log_det_indices=None if regularized.all() else np.concatenate(mapper_index),
        mapping_matrix=(
            mapping_blocks[0]
            if len(mapping_blocks) == 1
            else xp.concatenate(mapping_blocks, axis=1)
        ),
        source_plane_mesh_grid_list=[m.source_plane_mesh_grid for m in mappers],
        source_plane_data_grid_list=[m.source_plane_data_grid for m in mappers],
        xp=xp,
    )


def mapping_and_blurring_from(statics, columns, xp=np):
    """The binned mapping matrix ``[N_pix, P]`` and the blurring-pixel rows ``[N_blur, P]``
    (None without blurring pixels) of the linear columns ``[(N_points, params), ...]``.

    On JAX, for at least ``jax_column_binning_min_points`` points (an
    :mod:`autoarray.execution` setting), every column is binned on its own and only the small
    results are stacked: the large ``[N_points, P]`` array is then never written (its columns
    fuse into the binning), where binning it whole is a strided reduction over a materialised
    matrix (P2 linear jit 6.9 -> 5.7 ms). Small fits, bound by per-kernel overhead, bin the
    matrix whole (one kernel, not one per column).
    """
    n_points = columns[0].shape[0]
    n_sub = statics.n_sub
    binned = statics.over_sampler.binned_array_2d_from
    if xp is np or n_points < execution.settings().jax_column_binning_min_points:
        matrix = columns[0] if len(columns) == 1 else xp.concatenate(columns, axis=1)
        mapping = binned(matrix[:n_sub], xp=xp)
        return mapping, (matrix[n_sub:] if statics.n_blurring else None)
    flat = [block[:, k] for block in columns for k in range(block.shape[1])]
    mapping = xp.stack([binned(c[:n_sub], xp=xp) for c in flat], axis=1)
    if not statics.n_blurring:
        return mapping, None
    return mapping, xp.stack([c[n_sub:] for c in flat], axis=1)


__all__ = ["inversion_from", "mapping_and_blurring_from"]
