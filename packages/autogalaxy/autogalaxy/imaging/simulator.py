"""Simulate imaging of galaxies: :class:`SimulatorImaging.via_galaxies_from`."""

from __future__ import annotations

from autoarray.dataset.simulator import SimulatorImaging as AbstractSimulatorImaging


class SimulatorImaging(AbstractSimulatorImaging):
    """autoarray's simulator plus model-object entry points.

    The image is evaluated (with the grid's over-sampling) on the grid padded by the PSF size,
    convolved, given noise, and trimmed back to the grid's shape, so light just outside the
    grid is blurred in correctly.
    """

    def via_model_obj_from(self, model_obj, grid):
        """Simulate from any object with ``image_2d_from(grid)`` (galaxies, tracer)."""
        padded_grid = grid.padded_grid_from(kernel_shape_native=self.psf.shape_native)
        image = model_obj.image_2d_from(grid=padded_grid)
        dataset = self.via_image_from(image=image, over_sample_size=padded_grid.over_sample_size)
        return dataset.trimmed_after_convolution_from(kernel_shape=self.psf.shape_native)

    def via_galaxies_from(self, galaxies, grid):
        """Simulate imaging of ``galaxies`` (no lensing) on ``grid``.

        ``lp_snr`` profiles first get the intensity that gives their target S/N on ``grid``,
        PSF-blurred (as PyAutoGalaxy).
        """
        from autogalaxy.galaxy.galaxies import Galaxies

        galaxies = Galaxies(list(galaxies))
        psf = None if self._default_psf else self.psf
        for galaxy in galaxies:
            galaxy.set_snr_of_snr_light_profiles(
                grid=grid,
                exposure_time=self.exposure_time,
                background_sky_level=self.background_sky_level,
                psf=psf,
            )
        return self.via_model_obj_from(galaxies, grid)
