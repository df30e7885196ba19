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
(:mod:`autogalaxy.imaging.fit_statics`), never redone per likelihood call. How the per-point pass
runs (threads on NumPy, a row-blocked gradient on JAX) is execution policy
(:mod:`autogalaxy.imaging.fit_execution`, driven by :mod:`autoarray.execution`); the linear solve
is :mod:`autogalaxy.imaging.fit_linear`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

import numpy as np

import autoarray as aa
from autoarray.pytree_packing import PackedAttributes
from autogalaxy.galaxy import to_inversion, to_mapper
from autogalaxy.imaging.fit_execution import per_point_pass_jax, per_point_pass_numpy
from autogalaxy.imaging.fit_imaging_maps import FitImagingInspectionMaps
from autogalaxy.imaging.fit_linear import inversion_from
from autogalaxy.imaging.fit_statics import FitStatics, fit_statics_from
from autogalaxy.imaging.settings import SettingsInversion, setting_from
from autogalaxy.operate.image import blurred_image_raw_from


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


class AbstractFitImaging(FitImagingInspectionMaps, PackedAttributes, aa.Pytree, ABC):
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
        st.require_psf(what)

    def _blurred_from(self, st, unbinned, xp):
        if unbinned is not None:
            self._require_psf(st, "light profiles")
        return blurred_image_raw_from(
            unbinned, None, st.n_sub, st.over_sampler, st.psf, st.mask, xp
        )

    def _inversion_from(self, st, linear, data, xp, mappers=()):
        """The linear solve; ``linear`` is ``[(LinearObject, columns [N_points, params]), ...]``
        and ``mappers`` the pixelized galaxies' mappers (their parameters come last)."""
        return inversion_from(st, linear, data, self.settings, xp, mappers)

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
    def linear_objects(self) -> list:
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
        linear_columns: dict = {}
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
