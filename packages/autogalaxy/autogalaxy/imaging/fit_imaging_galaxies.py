"""The model side of an imaging fit: the hooks a fit implements to say which galaxies are
evaluated where, and what follows from them after the solve: the linear objects, their solved
intensities and the per-galaxy model images (:class:`FitImagingGalaxies`, a base of
:class:`~autogalaxy.imaging.fit_imaging.AbstractFitImaging`).
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Any

import numpy as np

import autoarray as aa
from autogalaxy.galaxy import to_inversion, to_mapper
from autogalaxy.imaging.fit_imaging_maps import FitImagingMaps
from autogalaxy.operate.image import blurred_image_raw_from


class FitImagingGalaxies(FitImagingMaps):
    """Galaxy hooks (implemented by the galaxy- and lens-level fits) and per-galaxy results."""

    adapt_images: Any

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

    @property
    @abstractmethod
    def _light_galaxies_list(self) -> list:
        """The galaxies of each light plane (same order as :meth:`_light_planes_from`)."""

    # ------------------------------------------------------------------ linear objects
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

    def _blurred_from(self, st, unbinned, xp):
        if unbinned is not None:
            st.require_psf("light profiles")
        return blurred_image_raw_from(
            unbinned, None, st.n_sub, st.over_sampler, st.psf, st.mask, xp
        )
