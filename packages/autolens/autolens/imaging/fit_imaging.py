"""Lens-level imaging fit: :class:`FitImaging` of a dataset with a :class:`Tracer`.

The implementation is shared with the galaxy-level fit
(:class:`autogalaxy.imaging.fit_imaging.AbstractFitImaging`): the lp sub-pixels and blurring
pixels are ray-traced once through the tracer, every plane's light is evaluated once on its
traced points, binned once and convolved once; linear light profiles are solved on the
profile-subtracted data.
"""

from __future__ import annotations

import numpy as np

from autogalaxy.imaging.fit_imaging import AbstractFitImaging


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
    """

    _model_obj_attribute = "tracer"

    def __init__(self, dataset, tracer, dataset_model=None, settings=None, xp=np):
        self.tracer = tracer
        super().__init__(dataset=dataset, dataset_model=dataset_model, settings=settings, xp=xp)

    def _light_planes_from(self, points, xp=np) -> list:
        return self.tracer.light_planes_from(points, xp)

    @property
    def _galaxies(self) -> list:
        return list(self.tracer.galaxies)

    @property
    def _light_galaxies_list(self) -> list:
        return self.tracer.galaxies_of_planes_with_images

    def tracer_linear_light_profiles_to_light_profiles(self):
        """A tracer whose linear light profiles are replaced by standard profiles carrying the
        solved intensities (same cosmology)."""
        from autolens.lens.tracer import Tracer

        return Tracer(
            galaxies=self._galaxies_linear_light_profiles_to_light_profiles(),
            cosmology=self.tracer.cosmology,
        )

    @property
    def model_obj_linear_light_profiles_to_light_profiles(self):
        return self.tracer_linear_light_profiles_to_light_profiles()

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
    def unmasked_blurred_image(self):
        psf = self.dataset.psf
        return self.tracer.unmasked_blurred_image_2d_from(grid=self._statics.lp_grid, psf=psf)
