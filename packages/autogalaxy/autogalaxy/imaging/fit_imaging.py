"""Fitting imaging data with galaxies: :class:`AbstractFitImaging` (shared with the lens-level
fit of autolens) and the galaxy-level :class:`FitImaging`.

Model image
-----------
``model = PSF ⊛ (standard light) + operated light + B s`` where

* the standard light of every plane is evaluated once on the plane's (ray-traced) over-sampled
  sub-pixels of the ``lp`` grid and on its (sub size 1) blurring pixels, the planes are summed,
  the sub-pixels are binned once and a single PSF convolution is taken;
* ``B`` (``[N_pix, P]``) holds the PSF-blurred unit-intensity images of the linear light
  profiles (one column each; a ``Basis`` is one multi-column block), evaluated the same way;
* ``s`` solves ``F s = D`` with ``D = Bᵀ(d'/σ²)``, ``F = (B/σ)ᵀ(B/σ) + 1e-3·I`` on the
  profile-subtracted data ``d' = d - PSF ⊛ (standard light)`` (non-negative by default).

Design
------
Every quantity the likelihood needs is computed in one pass in :meth:`AbstractFitImaging._compute`
and stored as a plain attribute, so a fit returned from ``jax.jit`` carries its arrays as pytree
leaves and reading ``fit.log_likelihood`` afterwards costs nothing. Work that depends only on the
dataset (grids, sub-pixel coordinates, blurring pixels, noise sums) is cached per dataset object
(:func:`fit_statics_from`), never redone per likelihood call.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections import OrderedDict
from typing import List

import numpy as np

import autoarray as aa
from autoarray import exc as aa_exc
from autoarray.inversion.inversion import Inversion
from autoarray.pytree_packing import PackedAttributes
from autogalaxy.galaxy import to_inversion, to_mapper
from autogalaxy.imaging.settings import SettingsInversion, setting_from, settings_values_from
from autogalaxy.operate.image import blurred_image_raw_from
from autogalaxy.profiles.geometry_profiles import is_concrete

# ----------------------------------------------------------------------------------------------
# per-dataset constants
# ----------------------------------------------------------------------------------------------


class FitStatics:
    """Everything about a dataset that a fit needs and that never changes between fits.

    Attributes
    ----------
    mask, psf
        The dataset's mask and PSF (``None`` if the dataset has none).
    lp_grid
        The light-profile ``Grid2D`` (with its over-sample sizes) and ``over_sampler`` its
        binning geometry.
    points
        Raw ``[n_sub + n_blurring, 2]`` NumPy array: the lp grid's sub-pixels followed by the
        blurring-pixel centres (sub size 1); traced once per fit.
    data, noise_map
        Raw slim NumPy arrays; ``inverse_noise = 1/σ``; ``noise_normalization = Σ ln(2πσ²)``.
    """

    def __init__(self, dataset):
        self.mask = _dataset_mask(dataset)
        self.psf = getattr(dataset, "psf", None)
        self.lp_grid = _lp_grid_from(dataset, self.mask)
        self.over_sampler = self.lp_grid.over_sampler
        sub = np.asarray(aa.raw_array(self.lp_grid.over_sampled), dtype=float)
        self.n_pix = int(self.mask.pixels_in_mask)
        self.n_sub = int(sub.shape[0])
        blurring = _blurring_grid_from(dataset, self.mask, self.psf)
        if blurring is None:
            self.blurring_grid = None
            self.n_blurring = 0
            self.points = sub
        else:
            self.blurring_grid = blurring
            centres = np.asarray(aa.raw_array(blurring), dtype=float)
            self.n_blurring = int(centres.shape[0])
            self.points = np.concatenate([sub, centres], axis=0)
        self.data = np.asarray(aa.raw_array(_slim(dataset.data)), dtype=float)
        self.noise_map = np.asarray(aa.raw_array(_slim(dataset.noise_map)), dtype=float)
        self.inverse_noise = 1.0 / self.noise_map
        self.noise_normalization = float(np.sum(np.log(2.0 * np.pi * self.noise_map**2)))
        if self.psf is not None:
            # Build the convolution state now (index arrays, kernel FFT), not on the first call.
            state_from = getattr(self.psf, "state_from", None)
            if callable(state_from):
                state_from(self.mask)


def _slim(values):
    slim = getattr(values, "slim", None)
    return values if slim is None else slim


def _dataset_mask(dataset):
    mask = getattr(dataset, "mask", None)
    if mask is None:
        mask = getattr(dataset.data, "mask", None)
    if mask is None:
        raise aa_exc.DatasetException("The dataset has no mask (data must be an Array2D).")
    return mask


def _lp_grid_from(dataset, mask):
    grids = getattr(dataset, "grids", None)
    grid = getattr(grids, "lp", None) if grids is not None else None
    if grid is None:
        grid = getattr(dataset, "grid", None)
    if grid is None:
        size = getattr(dataset, "over_sample_size_lp", 4)
        grid = aa.Grid2D.from_mask(mask, over_sample_size=size)
    return grid


def _blurring_grid_from(dataset, mask, psf):
    if psf is None:
        return None
    grids = getattr(dataset, "grids", None)
    grid = getattr(grids, "blurring", None) if grids is not None else None
    if grid is None:
        grid = aa.Grid2D.blurring_grid_from(mask, psf.shape_native)
    return grid


#: NumPy fits with at least this many points split their per-point work into one block per
#: thread (``AUTOGALAXY_NUMPY_THREADS`` sets the threads; 1 disables the split).
NUMPY_PARALLEL_MIN_POINTS = 32_768


def numpy_chunking_from(points: int):
    """``(block rows or None, threads)`` for a NumPy fit on ``points`` points.

    Threads: ``AUTOGALAXY_NUMPY_THREADS`` or the usable cores (at most 4). Blocks are as large
    as possible (one per thread): each block pays the Python cost of a whole pass (~0.3 ms), and
    smaller, cache-sized blocks were measured to cost more CPU time than they saved.
    """
    if points < NUMPY_PARALLEL_MIN_POINTS:
        return None, 1
    env = os.environ.get("AUTOGALAXY_NUMPY_THREADS")
    if env is not None:
        threads = max(1, int(env))
    else:
        try:
            threads = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            threads = os.cpu_count() or 1
        threads = max(1, min(threads, 4))
    if threads == 1:
        return None, 1
    return -(-points // threads), threads


#: JAX fits with at least this many blocks of ``JAX_VJP_BLOCK_ROWS`` points differentiate their
#: per-point pass block by block (:func:`autoarray.row_blocked_vjp`);
#: ``AUTOGALAXY_VJP_BLOCK_ROWS`` sets the block rows (0 disables).
JAX_VJP_BLOCK_ROWS = 32_768
JAX_VJP_MIN_BLOCKS = 4


def jax_vjp_block_rows_from(points: int) -> int | None:
    """Rows per backward block for a JAX fit on ``points`` points, or None for plain autodiff.

    Measured on the P2 benchmark (252k points, 2-core CPU, one process, interleaved): gradient
    53 ms plain, 36.5 / 30.0 / 28.9 / 26.6 ms with blocks of 4k / 8k / 16k / 32k rows (value
    8.8 ms, unchanged).
    """
    env = os.environ.get("AUTOGALAXY_VJP_BLOCK_ROWS")
    block = JAX_VJP_BLOCK_ROWS if env is None else int(env)
    if block <= 0 or points < JAX_VJP_MIN_BLOCKS * block:
        return None
    return block


def _is_inexact_leaf(leaf) -> bool:
    dtype = getattr(leaf, "dtype", None)
    if dtype is None:
        return isinstance(leaf, float)
    return np.issubdtype(np.dtype(dtype), np.inexact)


#: JAX fits with at least this many points bin linear-profile columns one by one.
JAX_COLUMN_BINNING_MIN_POINTS = 32_768


_POOLS: dict = {}


def _thread_pool(threads: int):
    """A shared thread pool with ``threads`` workers (None for one thread)."""
    if threads <= 1:
        return None
    pool = _POOLS.get(threads)
    if pool is None:
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="autogalaxy-fit")
        _POOLS[threads] = pool
    return pool


_STATICS: "OrderedDict[int, tuple]" = OrderedDict()
_MAX_STATICS = 16


def fit_statics_from(dataset) -> FitStatics:
    """The cached :class:`FitStatics` of ``dataset`` (built on first use, keyed by identity)."""
    key = id(dataset)
    entry = _STATICS.get(key)
    if entry is not None and entry[0] is dataset:
        _STATICS.move_to_end(key)
        return entry[1]
    statics = FitStatics(dataset)
    _STATICS[key] = (dataset, statics)
    while len(_STATICS) > _MAX_STATICS:
        _STATICS.popitem(last=False)
    return statics


def _is_zero(value) -> bool:
    if value is None:
        return True
    try:
        return bool(np.all(np.asarray(value) == 0.0))
    except Exception:  # a JAX tracer: not known to be zero
        return False


# ----------------------------------------------------------------------------------------------
# fit
# ----------------------------------------------------------------------------------------------


class AbstractFitImaging(PackedAttributes, aa.Pytree, ABC):
    """Shared implementation of the galaxy-level and lens-level imaging fits.

    Subclasses set their model object and implement :meth:`_light_planes_from` (which galaxies
    are evaluated at which raw points) and :meth:`_model_obj_with_galaxies_replaced`.

    As a JAX pytree, the model object (galaxies or tracer) and the dataset model travel as one
    leaf of their parameters each, rebuilt when first read (:mod:`autoarray.pytree_packing`):
    a fit returned by ``jax.jit`` costs a handful of output buffers, not one per parameter.
    """

    __pytree_static__ = ("dataset", "settings", "_xp", "adapt_images")
    __pytree_pack__ = ("galaxies", "tracer", "dataset_model")

    #: Name of the attribute holding the model object (galaxies or tracer) that is evaluated.
    _model_obj_attribute: str

    def __init__(self, dataset, dataset_model=None, settings=None, xp=np, adapt_images=None):
        self.dataset = dataset
        self.dataset_model = dataset_model
        self.settings = settings if settings is not None else SettingsInversion()
        self.adapt_images = adapt_images
        self._xp = xp
        self._compute(xp)

    # ------------------------------------------------------------------ to override
    @abstractmethod
    def _light_planes_from(self, points, xp=np) -> list:
        """``[(galaxies, points_of_plane), ...]`` for every plane holding light."""

    @property
    @abstractmethod
    def _galaxies(self) -> list:
        """Every galaxy of the model (the fit's galaxies or the tracer's)."""

    @abstractmethod
    def _pixelized_galaxies_with_points(self, points, xp=np) -> list:
        """``[(galaxy, pixelization, points traced to its plane), ...]`` in mapper order."""

    @property
    @abstractmethod
    def _pixelized_galaxies(self) -> list:
        """``[(galaxy, pixelization), ...]`` in mapper order (structure only, nothing traced)."""

    # ------------------------------------------------------------------ pixelizations
    def _mappers_from(self, xp) -> list:
        """The :class:`~autoarray.inversion.mapper.Mapper` of every pixelized galaxy."""
        if not self._pixelized_galaxies:
            return []
        st = self._statics
        pst = to_mapper.pixelization_statics_from(self.dataset, st.mask)
        # Image-plane mesh grids (Delaunay vertices) are traced with the pixelization points.
        grids = [
            to_mapper.image_plane_mesh_grid_from(galaxy, pixelization, self.adapt_images)
            for galaxy, pixelization in self._pixelized_galaxies
        ]
        points = np.concatenate([pst.points] + [g for g in grids if g is not None], axis=0)
        offset = getattr(self.dataset_model, "grid_offset", None)
        if not _is_zero(offset):
            points = points - xp.asarray(offset)
        relocate = bool(setting_from(self.settings, "use_border_relocator"))
        n_points = pst.points.shape[0]
        mappers = []
        traced_list = self._pixelized_galaxies_with_points(points, xp)
        start = n_points
        for (galaxy, pixelization, traced), grid in zip(traced_list, grids):
            adapt_image = None
            if self.adapt_images is not None:
                adapt_image = self.adapt_images.image_for_galaxy(galaxy)
            traced_mesh = None
            if grid is not None:
                traced_mesh = traced[start : start + grid.shape[0]]
                start += grid.shape[0]
            mappers.append(
                to_mapper.mapper_from(
                    galaxy,
                    pixelization,
                    traced[:n_points],
                    pst,
                    adapt_image,
                    relocate,
                    xp=xp,
                    traced_mesh_points=traced_mesh,
                )
            )
        return mappers

    # ------------------------------------------------------------------ statics
    @property
    def _statics(self) -> FitStatics:
        return fit_statics_from(self.dataset)

    def _points_from(self, statics, xp):
        points = statics.points
        offset = getattr(self.dataset_model, "grid_offset", None)
        if not _is_zero(offset):
            points = points - xp.asarray(offset)
        return points

    def _data_from(self, statics, xp):
        data = statics.data
        sky = getattr(self.dataset_model, "background_sky_level", None)
        if not _is_zero(sky):
            data = data - sky
        return data

    # ------------------------------------------------------------------ the one pass
    def _per_point_pass(self, points, xp):
        """The per-point work of a fit: ray tracing, standard light and linear columns.

        Returns ``(unbinned, operated, linear)``: the summed non-operated and operated standard
        images ``[N]`` (each None when there are no such profiles) and
        ``[(LinearObject, columns [N, params]), ...]``. Every output row depends only on the
        same row of ``points``.
        """
        unbinned = None
        operated = None
        linear = []
        for galaxies, plane_points in self._light_planes_from(points, xp):
            image = to_inversion.standard_image_raw_from(
                galaxies, plane_points, xp=xp, operated_only=False
            )
            if image is not None:
                unbinned = image if unbinned is None else unbinned + image
            image = to_inversion.standard_image_raw_from(
                galaxies, plane_points, xp=xp, operated_only=True
            )
            if image is not None:
                operated = image if operated is None else operated + image
            for linear_object in to_inversion.linear_objects_from(galaxies):
                columns = to_inversion.linear_columns_raw_from(linear_object, plane_points, xp=xp)
                linear.append((linear_object, columns))
        return unbinned, operated, linear

    def _per_point_pass_chunked(self, points):
        """NumPy: :meth:`_per_point_pass` over one row block per thread, run on a thread pool.

        The rows are independent, so the result equals one pass (row for row the same
        arithmetic); NumPy releases the GIL inside its loops, so the blocks use every core.
        """
        chunk, threads = numpy_chunking_from(points.shape[0])
        if chunk is None:
            return self._per_point_pass(points, np)
        blocks = [points[i : i + chunk] for i in range(0, points.shape[0], chunk)]
        pool = _thread_pool(threads)
        if pool is None:
            results = [self._per_point_pass(block, np) for block in blocks]
        else:
            results = list(pool.map(lambda block: self._per_point_pass(block, np), blocks))

        def joined(index):
            first = results[0][index]
            return None if first is None else np.concatenate([r[index] for r in results], axis=0)

        linear = [
            (linear_object, np.concatenate([r[2][k][1] for r in results], axis=0))
            for k, (linear_object, _) in enumerate(results[0][2])
        ]
        return joined(0), joined(1), linear

    def _per_point_pass_jax(self, points, xp):
        """JAX: :meth:`_per_point_pass`, whose gradient is taken block by block when large.

        The model object's floating-point leaves are the differentiable inputs of
        :func:`autoarray.row_blocked_vjp`; the pass falls back to plain autodiff when the points
        are traced (a ``grid_offset`` parameter), when the fit is small, or when the model holds
        a non-floating traced leaf.
        """
        block = jax_vjp_block_rows_from(points.shape[0])
        if block is None or not isinstance(points, np.ndarray):
            return self._per_point_pass(points, xp)
        import copy

        import jax

        attribute = self._model_obj_attribute
        leaves, treedef = jax.tree_util.tree_flatten(getattr(self, attribute))
        diff_index = [i for i, leaf in enumerate(leaves) if _is_inexact_leaf(leaf)]
        diff_set = set(diff_index)
        if not all(is_concrete(leaf) for i, leaf in enumerate(leaves) if i not in diff_set):
            return self._per_point_pass(points, xp)

        def evaluate(diff_leaves, rows):
            full = list(leaves)
            for i, leaf in zip(diff_index, diff_leaves):
                full[i] = leaf
            fit = copy.copy(self)
            setattr(fit, attribute, jax.tree_util.tree_unflatten(treedef, full))
            unbinned, operated, linear = fit._per_point_pass(rows, xp)
            return unbinned, operated, [columns for _, columns in linear]

        unbinned, operated, columns = aa.row_blocked_vjp(
            evaluate, [leaves[i] for i in diff_index], points, block
        )
        # The linear objects are taken from this fit's own model (the pass saw traced copies).
        linear_objects = self.linear_objects
        if len(linear_objects) != len(columns):
            return self._per_point_pass(points, xp)
        return unbinned, operated, list(zip(linear_objects, columns))

    def _compute(self, xp):
        st = self._statics
        n_sub = st.n_sub
        data = self._data_from(st, xp)
        points = self._points_from(st, xp)
        if xp is np:
            unbinned, operated, linear = self._per_point_pass_chunked(points)
        else:
            unbinned, operated, linear = self._per_point_pass_jax(points, xp)
        if operated is not None:
            # Operated light is not PSF-blurred: only its values on the sub-pixels are used.
            operated = operated[:n_sub]

        if unbinned is not None:
            self._require_psf(st, "light profiles")
        blurred = blurred_image_raw_from(
            unbinned, operated, n_sub, st.over_sampler, st.psf, st.mask, xp=xp
        )

        self.inversion = None
        model_data = blurred
        mappers = self._mappers_from(xp)
        if linear or mappers:
            self.inversion = self._inversion_from(st, linear, data - blurred, xp, mappers)
            model_data = blurred + self.inversion.mapped_reconstructed_operated_data

        # Stored leaves are kept to what the properties need: the data is stored only when the
        # dataset model changed it (else it is the static dataset array), and the log evidence /
        # figure of merit are derived from the stored terms on request.
        self._data_fitted = None if data is st.data else data
        self._blurred_image = blurred
        self._model_data = model_data
        chi = (data - model_data) * st.inverse_noise
        self._chi_squared = xp.sum(chi * chi)
        self._log_likelihood = -0.5 * (self._chi_squared + st.noise_normalization)

    @property
    def _data(self):
        """Raw data fitted (the dataset's data unless the dataset model subtracted a sky)."""
        if self._data_fitted is None:
            return self._statics.data
        return self._data_fitted

    @property
    def _noise_normalization(self):
        return self._statics.noise_normalization

    @property
    def _log_evidence(self):
        if self.inversion is None:
            return None
        inv = self.inversion
        return -0.5 * (
            self._chi_squared
            + inv.regularization_term
            + inv.log_det_curvature_reg_matrix_term
            - inv.log_det_regularization_matrix_term
            + self._noise_normalization
        )

    @property
    def _figure_of_merit(self):
        return self._log_likelihood if self.inversion is None else self._log_evidence

    def _require_psf(self, st, what: str):
        if st.psf is None:
            raise aa_exc.FitException(
                f"The dataset has no PSF but the model has {what} that must be PSF-blurred; "
                "give the Imaging a psf (e.g. Convolver.no_blur(pixel_scales) for no blurring)."
            )

    def _blurred_from(self, st, unbinned, xp):
        if unbinned is not None:
            self._require_psf(st, "light profiles")
        return blurred_image_raw_from(unbinned, None, st.n_sub, st.over_sampler, st.psf, st.mask, xp)

    def _inversion_from(self, st, linear, data, xp, mappers=()):
        """The linear solve; ``linear`` is ``[(LinearObject, columns [N_points, params]), ...]``
        and ``mappers`` the pixelized galaxies' mappers (their parameters come last)."""
        for linear_object, _ in linear:
            if linear_object.regularization is not None:
                raise aa_exc.InversionException(
                    "Regularised Basis objects are not supported by this fit; use "
                    "Basis(profile_list, regularization=None)."
                )
        blocks = []
        mapping_blocks = []
        if linear:
            columns = [columns for _, columns in linear]
            operated = np.concatenate(
                [to_inversion.linear_object_is_operated(lo) for lo, _ in linear]
            ).astype(bool)
            mapping, blurring = self._mapping_and_blurring_from(st, columns, xp)
            if operated.all():
                operated_matrix = mapping
            else:
                self._require_psf(st, "linear light profiles")
                operated_matrix = st.psf.convolved_mapping_matrix_from(
                    mapping, st.mask, blurring_mapping_matrix=blurring, xp=xp
                )
                if operated.any():
                    operated_matrix = xp.where(operated[None, :], mapping, operated_matrix)
            blocks.append(operated_matrix)
            mapping_blocks.append(mapping)
        n_linear = int(sum(lo.params for lo, _ in linear))
        positive_only, add_to_diagonal = settings_values_from(self.settings)
        if not mappers:
            return Inversion(
                blocks[0],
                data,
                st.noise_map,
                positive_only=positive_only,
                add_to_diagonal=add_to_diagonal,
                xp=xp,
            )
        self._require_psf(st, "a pixelization")
        for mapper in mappers:
            # Source light exists only on the traced (unmasked) pixels: no blurring region.
            blocks.append(st.psf.convolved_mapping_matrix_from(mapper.mapping_matrix, st.mask, xp=xp))
            mapping_blocks.append(mapper.mapping_matrix)
        B = blocks[0] if len(blocks) == 1 else xp.concatenate(blocks, axis=1)
        sizes = [mapper.params for mapper in mappers]
        total = n_linear + sum(sizes)
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
                    H = H.at[offset : offset + k, offset : offset + k].set(
                        mapper.regularization_matrix
                    )
            zeroed.append(offset + mapper.zeroed_pixels)
            offset += k
        use_zeroing = positive_only and bool(setting_from(self.settings, "use_edge_zeroed_pixels"))
        inversion = Inversion(
            B,
            data,
            st.noise_map,
            regularization_matrix=H,
            regularized=regularized,
            positive_only=positive_only,
            add_to_diagonal=add_to_diagonal,
            zeroed_indices=np.concatenate(zeroed) if use_zeroing else None,
            log_det_indices=None if regularized.all() else np.concatenate(mapper_index),
            xp=xp,
        )
        inversion.mapping_matrix = (
            mapping_blocks[0] if len(mapping_blocks) == 1 else xp.concatenate(mapping_blocks, axis=1)
        )
        inversion.source_plane_mesh_grid_list = [m.source_plane_mesh_grid for m in mappers]
        inversion.source_plane_data_grid_list = [m.source_plane_data_grid for m in mappers]
        return inversion

    @staticmethod
    def _mapping_and_blurring_from(st, columns, xp):
        """The binned mapping matrix ``[N_pix, P]`` and the blurring-pixel rows ``[N_blur, P]``
        (None without blurring pixels) of the linear columns ``[(N_points, params), ...]``.

        On JAX, for at least :data:`JAX_COLUMN_BINNING_MIN_POINTS` points, every column is binned
        on its own and only the small results are stacked: the large ``[N_points, P]`` array is
        then never written (its columns fuse into the binning), where binning it whole is a
        strided reduction over a materialised matrix (P2 linear jit 6.9 -> 5.7 ms). Small fits,
        bound by per-kernel overhead, bin the matrix whole (one kernel, not one per column).
        """
        n_points = columns[0].shape[0]
        if xp is np or n_points < JAX_COLUMN_BINNING_MIN_POINTS:
            matrix = columns[0] if len(columns) == 1 else xp.concatenate(columns, axis=1)
            mapping = st.over_sampler.binned_array_2d_from(matrix[: st.n_sub], xp=xp)
            return mapping, (matrix[st.n_sub:] if st.n_blurring else None)
        flat = [block[:, k] for block in columns for k in range(block.shape[1])]
        mapping = xp.stack(
            [st.over_sampler.binned_array_2d_from(c[: st.n_sub], xp=xp) for c in flat], axis=1
        )
        if not st.n_blurring:
            return mapping, None
        return mapping, xp.stack([c[st.n_sub:] for c in flat], axis=1)

    # ------------------------------------------------------------------ wrapping helpers
    @property
    def mask(self):
        return self._statics.mask

    def _array(self, values):
        return aa.Array2D(values=values, mask=self.mask)

    @property
    def _array_xp(self):
        return aa.backend.xp_of(self._model_data)

    # ------------------------------------------------------------------ data
    @property
    def data(self):
        """The data fitted (background sky of the dataset model subtracted)."""
        return self._array(self._data)

    @property
    def noise_map(self):
        return self._array(self._statics.noise_map)

    @property
    def signal_to_noise_map(self):
        xp = self._array_xp
        return self._array(xp.maximum(self._data / self._statics.noise_map, 0.0))

    @property
    def grids(self):
        return getattr(self.dataset, "grids", None)

    # ------------------------------------------------------------------ model
    @property
    def blurred_image(self):
        """PSF-blurred image of the standard light profiles (linear profiles excluded)."""
        return self._array(self._blurred_image)

    @property
    def profile_subtracted_image(self):
        return self._array(self._data - self._blurred_image)

    @property
    def model_data(self):
        return self._array(self._model_data)

    @property
    def model_image(self):
        return self.model_data

    # ------------------------------------------------------------------ residuals
    @property
    def residual_map(self):
        return self._array(self._data - self._model_data)

    @property
    def normalized_residual_map(self):
        return self._array((self._data - self._model_data) * self._statics.inverse_noise)

    @property
    def chi_squared_map(self):
        chi = (self._data - self._model_data) * self._statics.inverse_noise
        return self._array(chi * chi)

    # ------------------------------------------------------------------ figures of merit
    @property
    def chi_squared(self):
        return self._chi_squared

    @property
    def reduced_chi_squared(self):
        return self._chi_squared / self._statics.n_pix

    @property
    def noise_normalization(self):
        return self._noise_normalization

    @property
    def log_likelihood(self):
        """``-½ (χ² + Σ ln 2πσ²)``."""
        return self._log_likelihood

    @property
    def log_likelihood_with_regularization(self):
        if self.inversion is None:
            return self._log_likelihood
        return -0.5 * (
            self._chi_squared + self.inversion.regularization_term + self._noise_normalization
        )

    @property
    def log_evidence(self):
        """Bayesian log evidence of the linear solve (``None`` without linear objects); equal
        to the log likelihood when nothing is regularised."""
        return self._log_evidence

    @property
    def figure_of_merit(self):
        """Log evidence if there is an inversion, else the log likelihood."""
        return self._figure_of_merit

    # ------------------------------------------------------------------ linear objects
    @property
    def perform_inversion(self) -> bool:
        return self.inversion is not None

    def _linear_objects_with_points(self, xp=np) -> list:
        """``[(LinearObject, plane points), ...]`` in mapping-matrix column order."""
        st = self._statics
        planes = self._light_planes_from(self._points_from(st, xp), xp)
        return [
            (linear_object, plane_points)
            for galaxies, plane_points in planes
            for linear_object in to_inversion.linear_objects_from(galaxies)
        ]

    @property
    def linear_objects(self) -> List[to_inversion.LinearObject]:
        """The linear objects of the model (mapping-matrix column-block order)."""
        linear = [
            linear_object
            for galaxies in self._light_galaxies_list
            for linear_object in to_inversion.linear_objects_from(galaxies)
        ]
        return linear + [
            to_mapper.MapperSlot(
                galaxy,
                pixelization,
                to_mapper.params_from(galaxy, pixelization, self.adapt_images),
            )
            for galaxy, pixelization in self._pixelized_galaxies
        ]

    @property
    @abstractmethod
    def _light_galaxies_list(self) -> list:
        """The galaxies of each light plane (same order as :meth:`_light_planes_from`)."""

    @property
    def linear_light_profile_intensity_dict(self) -> dict:
        """Linear light profile → solved intensity (floats on NumPy, arrays on JAX)."""
        if self.inversion is None:
            return {}
        reconstruction = self.inversion.reconstruction
        out = {}
        index = 0
        for linear_object in self.linear_objects:
            for k, profile in enumerate(linear_object.profile_list):
                value = reconstruction[index + k]
                out[profile] = float(value) if isinstance(reconstruction, np.ndarray) else value
            index += linear_object.params
        return out

    def _galaxies_linear_light_profiles_to_light_profiles(self) -> list:
        intensities = self.linear_light_profile_intensity_dict
        return [
            to_inversion.galaxy_with_linear_profiles_replaced(galaxy, intensities)
            for galaxy in self._galaxies
        ]

    # ------------------------------------------------------------------ per-galaxy images
    def _galaxy_points_dict(self, xp=np) -> dict:
        st = self._statics
        out = {}
        for galaxies, plane_points in self._light_planes_from(self._points_from(st, xp), xp):
            for galaxy in galaxies:
                out[galaxy] = plane_points
        return out

    @property
    def galaxy_model_image_dict(self) -> dict:
        """Galaxy → its PSF-blurred model image (standard light + its solved linear light).

        Galaxies without light map to zeros. Evaluated on request (not on the likelihood path).
        """
        xp = self._array_xp
        st = self._statics
        points_dict = self._galaxy_points_dict(xp)
        linear_columns = {}
        if self.inversion is not None:
            B = self.inversion.operated_mapping_matrix
            s = self.inversion.reconstruction
            index = 0
            for linear_object in self.linear_objects:
                k = linear_object.params
                contribution = B[:, index : index + k] @ s[index : index + k]
                galaxy = linear_object.galaxy
                linear_columns[galaxy] = linear_columns.get(galaxy, 0.0) + contribution
                index += k
        out = {}
        for galaxy in self._galaxies:
            image = xp.zeros(st.n_pix)
            plane_points = points_dict.get(galaxy)
            if plane_points is not None:
                unbinned = to_inversion.standard_image_raw_from(
                    [galaxy], plane_points, xp=xp, operated_only=False
                )
                if unbinned is not None:
                    image = image + self._blurred_from(st, unbinned, xp)
                op = to_inversion.standard_image_raw_from(
                    [galaxy], plane_points[: st.n_sub], xp=xp, operated_only=True
                )
                if op is not None:
                    image = image + st.over_sampler.binned_array_2d_from(op, xp=xp)
            if galaxy in linear_columns:
                image = image + linear_columns[galaxy]
            out[galaxy] = self._array(image)
        return out

    @property
    def galaxy_image_dict(self) -> dict:
        """Alias of :attr:`galaxy_model_image_dict`."""
        return self.galaxy_model_image_dict

    @property
    def subtracted_images_of_galaxies_dict(self) -> dict:
        """Galaxy → data minus the model images of every other galaxy."""
        model = self.galaxy_model_image_dict
        out = {}
        for galaxy in model:
            others = sum((aa.raw_array(img) for g, img in model.items() if g is not galaxy), 0.0)
            out[galaxy] = self._array(self._data - others)
        return out


class FitImaging(AbstractFitImaging):
    """Fit of imaging data with galaxies (no ray tracing).

    Parameters
    ----------
    dataset
        A masked ``Imaging`` dataset (data, noise map, PSF, grids).
    galaxies
        The galaxies (a list or ``Galaxies``); all are evaluated on the image-plane grids.
    dataset_model
        Optional ``DatasetModel`` (``background_sky_level`` subtracted from the data,
        ``grid_offset`` subtracted from the grids).
    settings
        :class:`~autogalaxy.imaging.settings.SettingsInversion` (positive-only solve by default).
    xp
        ``numpy`` (default) or ``jax.numpy``.
    """

    _model_obj_attribute = "galaxies"

    def __init__(
        self, dataset, galaxies, dataset_model=None, settings=None, xp=np, adapt_images=None
    ):
        from autogalaxy.galaxy.galaxies import Galaxies

        self.galaxies = galaxies if isinstance(galaxies, Galaxies) else Galaxies(list(galaxies))
        super().__init__(
            dataset=dataset,
            dataset_model=dataset_model,
            settings=settings,
            xp=xp,
            adapt_images=adapt_images,
        )

    def _light_planes_from(self, points, xp=np) -> list:
        return [(list(self.galaxies), points)]

    @property
    def _pixelized_galaxies(self) -> list:
        return [
            (galaxy, pixelization)
            for galaxy in self.galaxies
            for pixelization in to_mapper.pixelizations_of(galaxy)
        ]

    def _pixelized_galaxies_with_points(self, points, xp=np) -> list:
        return [(galaxy, pixelization, points) for galaxy, pixelization in self._pixelized_galaxies]

    @property
    def _galaxies(self) -> list:
        return list(self.galaxies)

    @property
    def _light_galaxies_list(self) -> list:
        return [list(self.galaxies)]

    def galaxies_linear_light_profiles_to_light_profiles(self):
        """``Galaxies`` with every linear light profile replaced by its standard counterpart
        carrying the solved intensity."""
        from autogalaxy.galaxy.galaxies import Galaxies

        return Galaxies(self._galaxies_linear_light_profiles_to_light_profiles())

    @property
    def model_obj_linear_light_profiles_to_light_profiles(self):
        return self.galaxies_linear_light_profiles_to_light_profiles()


__all__ = [
    "AbstractFitImaging",
    "FitImaging",
    "FitStatics",
    "SettingsInversion",
    "fit_statics_from",
]
