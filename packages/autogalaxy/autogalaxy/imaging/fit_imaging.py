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
The fit is three modules: this one (the likelihood pass and the galaxy-level :class:`FitImaging`),
:mod:`autogalaxy.imaging.fit_imaging_maps` (inputs, maps and figures of merit read from the stored
results) and :mod:`autogalaxy.imaging.fit_imaging_galaxies` (the galaxy hooks a fit implements,
linear objects, solved intensities and per-galaxy images).

Every quantity the likelihood needs is computed in one pass in :meth:`AbstractFitImaging._compute`
and stored as a plain attribute, so a fit returned from ``jax.jit`` carries its arrays as pytree
leaves and reading ``fit.log_likelihood`` afterwards costs nothing. Work that depends only on the
dataset (grids, sub-pixel coordinates, blurring pixels, noise sums) is cached per dataset object
(:mod:`autogalaxy.imaging.fit_statics`), never redone per likelihood call. How the per-point pass
runs (threads on NumPy, a row-blocked gradient on JAX) is execution policy
(:mod:`autogalaxy.imaging.fit_execution`, driven by :mod:`autoarray.execution`); the linear solve
is :mod:`autogalaxy.imaging.fit_linear`.
"""

from __future__ import annotations

from abc import ABC

import numpy as np

import autoarray as aa
from autoarray.pytree_packing import PackedAttributes
from autogalaxy.galaxy import to_inversion, to_mapper
from autogalaxy.imaging.fit_execution import per_point_pass_jax, per_point_pass_numpy
from autogalaxy.imaging.fit_imaging_galaxies import FitImagingGalaxies
from autogalaxy.imaging.fit_imaging_inspection import FitImagingInspectionMaps
from autogalaxy.imaging.fit_imaging_maps import _is_zero
from autogalaxy.imaging.fit_linear import inversion_from
from autogalaxy.imaging.fit_statics import FitStatics, fit_statics_from
from autogalaxy.imaging.settings import SettingsInversion, setting_from
from autogalaxy.operate.image import blurred_image_raw_from

# ----------------------------------------------------------------------------------------------
# fit
# ----------------------------------------------------------------------------------------------


class AbstractFitImaging(
    FitImagingInspectionMaps, PackedAttributes, aa.Pytree, FitImagingGalaxies, ABC
):
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
        mixed = bool(setting_from(self.settings, "use_mixed_precision"))
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
                    use_mixed_precision=mixed,
                )
            )
        return mappers

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

    def _compute(self, xp):
        st = self._statics
        n_sub = st.n_sub
        data = self._data_from(st, xp)
        points = self._points_from(st, xp)
        # How the pass runs (threads, row-blocked gradient) is execution policy, kept apart.
        if xp is np:
            unbinned, operated, linear = per_point_pass_numpy(self._per_point_pass, points)
        else:
            unbinned, operated, linear = per_point_pass_jax(self, points, xp)
        if operated is not None:
            # Operated light is not PSF-blurred: only its values on the sub-pixels are used.
            operated = operated[:n_sub]

        if unbinned is not None:
            st.require_psf("light profiles")
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

    def _inversion_from(self, st, linear, data, xp, mappers=()):
        """The linear solve; ``linear`` is ``[(LinearObject, columns [N_points, params]), ...]``
        and ``mappers`` the pixelized galaxies' mappers (their parameters come last)."""
        return inversion_from(st, linear, data, self.settings, xp, mappers)


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

    @property
    def galaxies_linear_light_profiles_to_light_profiles(self):
        """``Galaxies`` with every linear light profile replaced by its standard counterpart
        carrying the solved intensity (a property, as in PyAutoGalaxy)."""
        from autogalaxy.galaxy.galaxies import Galaxies

        return Galaxies(self._galaxies_linear_light_profiles_to_light_profiles())

    @property
    def model_obj_linear_light_profiles_to_light_profiles(self):
        return self.galaxies_linear_light_profiles_to_light_profiles


__all__ = [
    "AbstractFitImaging",
    "FitImaging",
    "FitStatics",
    "SettingsInversion",
    "fit_statics_from",
]
