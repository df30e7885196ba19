"""Lens-level imaging fit: :class:`FitImaging` of a dataset with a :class:`Tracer`.

The implementation is shared with the galaxy-level fit
(:class:`autogalaxy.imaging.fit_imaging.AbstractFitImaging`): the lp sub-pixels and blurring
pixels are ray-traced once through the tracer, every plane's light is evaluated once on its
traced points, binned once and convolved once; linear light profiles are solved on the
profile-subtracted data.
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.galaxy import to_inversion, to_mapper
from autogalaxy.imaging.fit_imaging import AbstractFitImaging
from autolens import exc


class FitImaging(AbstractFitImaging):
    """Fit of imaging data with a tracer.

    Parameters
    ----------
    dataset
        A masked ``Imaging`` dataset.
    tracer
        The :class:`~autolens.lens.tracer.Tracer`.
    dataset_model
        Optional ``DatasetModel`` (sky level subtracted from the data, grid offset from the
        grids).
    settings
        :class:`~autogalaxy.imaging.settings.SettingsInversion`.
    xp
        ``numpy`` (default) or ``jax.numpy``.
    adapt_images
        :class:`~autogalaxy.galaxy.adapt_images.AdaptImages` for adaptive regularizations.
    """

    _model_obj_attribute = "tracer"

    def __init__(
        self, dataset, tracer, dataset_model=None, settings=None, xp=np, adapt_images=None
    ):
        self.tracer = tracer
        super().__init__(
            dataset=dataset,
            dataset_model=dataset_model,
            settings=settings,
            xp=xp,
            adapt_images=adapt_images,
        )

    def _pixelized_planes(self) -> list:
        """``[(plane index, galaxy, pixelization), ...]`` in ascending plane order."""
        tracer = self.tracer
        return [
            (j, tracer.galaxies[i], pixelization)
            for j, idx in enumerate(tracer.plane_galaxy_indexes)
            for i in idx
            for pixelization in to_mapper.pixelizations_of(tracer.galaxies[i])
        ]

    @property
    def _pixelized_galaxies(self) -> list:
        return [(galaxy, pixelization) for _, galaxy, pixelization in self._pixelized_planes()]

    def _pixelized_galaxies_with_points(self, points, xp=np) -> list:
        planes = self._pixelized_planes()
        if not planes:
            return []
        tracer = self.tracer
        index_lists = tracer.plane_galaxy_indexes
        for j, galaxy, _ in planes:
            has_mass_below = any(
                to_inversion.has_mass(tracer.galaxies[i]) for idx in index_lists[:j] for i in idx
            )
            if j > 0 and not has_mass_below:
                raise exc.FitException(
                    f"The pixelized galaxy at redshift {galaxy.redshift} has no mass in front of "
                    "it to trace its source plane through: add a mass profile to a lower-redshift "
                    "galaxy (or put the pixelization in the image plane)."
                )
        traced = tracer.traced_points_list_from(
            points, xp, plane_index_limit=max(j for j, _, _ in planes)
        )
        return [(galaxy, pixelization, traced[j]) for j, galaxy, pixelization in planes]

    def _light_planes_from(self, points, xp=np) -> list:
        return self.tracer.light_planes_from(points, xp)

    @property
    def _galaxies(self) -> list:
        return list(self.tracer.galaxies)

    @property
    def _light_galaxies_list(self) -> list:
        return self.tracer.galaxies_of_planes_with_images

    @property
    def tracer_linear_light_profiles_to_light_profiles(self):
        """A tracer whose linear light profiles are replaced by standard profiles carrying the
        solved intensities (same cosmology; a property, as in PyAutoLens)."""
        from autolens.lens.tracer import Tracer

        return Tracer(
            galaxies=self._galaxies_linear_light_profiles_to_light_profiles(),
            cosmology=self.tracer.cosmology,
        )

    @property
    def model_obj_linear_light_profiles_to_light_profiles(self):
        return self.tracer_linear_light_profiles_to_light_profiles

    @property
    def model_images_of_planes_list(self) -> list:
        """Model image of each plane (sum of its galaxies' model images)."""
        images = self.galaxy_model_image_dict
        out = []
        for plane in self.tracer.planes:
            total = None
            for galaxy in plane:
                total = images[galaxy] if total is None else total + images[galaxy]
            out.append(total)
        return out

    @property
    def subtracted_images_of_planes_list(self) -> list:
        """The data minus the model images of every other plane, one per plane (how each plane
        appears in the data on its own)."""
        images = self.model_images_of_planes_list
        out = []
        for index in range(len(images)):
            others = sum((aa.raw_array(image) for i, image in enumerate(images) if i != index), 0.0)
            out.append(self._array(self._data - others))
        return out

    @property
    def unmasked_blurred_image(self):
        psf = self.dataset.psf
        return self.tracer.unmasked_blurred_image_2d_from(grid=self._statics.lp_grid, psf=psf)
