"""Inspection maps of an imaging fit that PyAutoGalaxy scripts read for plots and checks.

None of them enters the likelihood; they are derived from the fit's data, noise and per-galaxy
model images, so they live apart from the fit arithmetic in :mod:`.fit_imaging`.
"""

from __future__ import annotations

import autoarray as aa


class FitImagingInspectionMaps:
    """Mixin of :class:`~autogalaxy.imaging.fit_imaging.AbstractFitImaging` (it supplies
    ``_data``, ``_model_data``, ``_statics``, ``_array`` and the per-galaxy dictionaries)."""

    @property
    def residual_flux_fraction_map(self) -> aa.Array2D:
        """``(data - model) / data``: the fraction of the signal the model misses (noise not
        used, so only meaningful at high signal to noise), 0 where the data are 0.

        This is PyAutoArray's documented formula (its ``fit_util`` function); PyAutoArray
        2026.10.26.1's ``FitDataset.residual_flux_fraction_map`` property returns the
        chi-squared map instead, which is not reproduced here.
        """
        xp = self._array_xp
        data = self._data
        included = data != 0
        safe = xp.where(included, data, 1.0)
        return self._array(xp.where(included, (data - self._model_data) / safe, 0.0))

    @property
    def model_images_of_galaxies_list(self) -> list:
        """The model image of each galaxy, in the order of ``galaxy_model_image_dict``."""
        return list(self.galaxy_model_image_dict.values())

    @property
    def subtracted_images_of_galaxies_list(self) -> list:
        """The data minus every other galaxy's model image, one per galaxy."""
        return list(self.subtracted_images_of_galaxies_dict.values())

    @property
    def subtracted_signal_to_noise_maps_of_galaxies_dict(self) -> dict:
        """Galaxy -> its subtracted image divided by the noise map."""
        inverse_noise = self._statics.inverse_noise
        return {
            galaxy: self._array(aa.raw_array(image) * inverse_noise)
            for galaxy, image in self.subtracted_images_of_galaxies_dict.items()
        }
