"""``SimulatorImaging``: blur an image with a PSF, add sky and Poisson noise, return ``Imaging``."""

from __future__ import annotations

import numpy as np

from autoarray import exc
from autoarray.dataset.imaging import Imaging
from autoarray.mask.mask_2d import Mask2D
from autoarray.operators.convolver import Convolver
from autoarray.structures.arrays.uniform_2d import Array2D


class SimulatorImaging:
    """Simulate CCD imaging in electrons per second.

    Parameters
    ----------
    exposure_time
        Exposure time in seconds (> 0).
    background_sky_level
        Sky level (electrons per second) added before the noise is drawn.
    psf
        :class:`Convolver`; ``None`` means no blurring (a 3x3 delta).
    add_poisson_noise_to_data
        Replace the data by a Poisson realisation ``Poisson(image t) / t``.
    include_poisson_noise_in_noise_map
        Noise map ``sqrt(|data t|) / t`` (sky included) instead of the constant
        ``noise_if_add_noise_false``.
    noise_if_add_noise_false
        Constant noise value used when Poisson noise is not in the noise map.
    noise_seed
        Seed of NumPy's legacy ``RandomState`` (PyAutoArray's noise stream); ``-1`` draws a random seed.
    subtract_background_sky
        Subtract the sky from the data after the noise is drawn (the noise map keeps it).
    normalize_psf
        Normalise the PSF to unit sum.
    """

    def __init__(
        self,
        exposure_time: float,
        background_sky_level: float = 0.0,
        psf: Convolver | None = None,
        add_poisson_noise_to_data: bool = True,
        include_poisson_noise_in_noise_map: bool = True,
        noise_if_add_noise_false: float = 0.1,
        noise_seed: int = -1,
        subtract_background_sky: bool = True,
        normalize_psf: bool = True,
    ):
        if not (np.isfinite(exposure_time) and exposure_time > 0.0):
            raise exc.DatasetException(f"exposure_time must be > 0, got {exposure_time}.")
        if not np.isfinite(background_sky_level) or background_sky_level < 0.0:
            raise exc.DatasetException(
                f"background_sky_level must be finite and >= 0, got {background_sky_level}."
            )
        self._default_psf = psf is None
        if psf is None:
            psf = Convolver.no_blur(pixel_scales=1.0)
        elif not isinstance(psf, Convolver):
            psf = Convolver(psf)
        if normalize_psf:
            psf = psf.normalized
        self.exposure_time = float(exposure_time)
        self.background_sky_level = float(background_sky_level)
        self.psf = psf
        self.add_poisson_noise_to_data = add_poisson_noise_to_data
        self.include_poisson_noise_in_noise_map = include_poisson_noise_in_noise_map
        self.noise_if_add_noise_false = noise_if_add_noise_false
        self.noise_seed = noise_seed
        self.subtract_background_sky = subtract_background_sky
        self.normalize_psf = normalize_psf

    def rng(self) -> np.random.RandomState:
        """The noise generator: NumPy's legacy ``RandomState(noise_seed)`` stream, the one
        PyAutoArray draws its Poisson noise from, so a seeded simulation reproduces the
        release's datasets bit for bit (a private instance: the global state is untouched)."""
        seed = None if self.noise_seed is None or self.noise_seed == -1 else self.noise_seed
        return np.random.RandomState(seed)

    def via_image_from(self, image: Array2D, over_sample_size=None) -> Imaging:
        """Simulate a dataset from ``image`` (already padded by the caller for the PSF).

        Steps: PSF convolution ("same", zero outside the image), add the sky, draw the Poisson
        realisation, build the noise map, subtract the sky. Returns ``Imaging`` on an all-False
        mask of the image's shape (``over_sample_size`` becomes ``over_sample_size_lp``).
        """
        native = np.asarray(
            image.native.array if isinstance(image, Array2D) else image, dtype=float
        )
        if native.ndim != 2:
            raise exc.DatasetException(f"The image must be 2-D, got shape {native.shape}.")
        if not np.all(np.isfinite(native)):
            raise exc.DatasetException("The image to simulate contains NaN/inf values.")
        pixel_scales = image.pixel_scales if isinstance(image, Array2D) else self.psf.pixel_scales
        origin = image.mask.origin if isinstance(image, Array2D) else (0.0, 0.0)
        mask = Mask2D.all_false(native.shape, pixel_scales, origin)
        psf = Convolver.no_blur(pixel_scales) if self._default_psf else self.psf

        blurred = psf.convolved_image_from(native.ravel(), None, mask=mask)
        with_sky = blurred + self.background_sky_level
        t = self.exposure_time

        if self.add_poisson_noise_to_data:
            expected = with_sky * t
            if np.any(expected < 0.0):
                raise exc.DatasetException(
                    "Cannot draw Poisson noise: the PSF-blurred image plus sky has negative "
                    f"values (minimum {float(expected.min()) / t:.3g} e-/s)."
                )
            data = self.rng().poisson(expected).astype(float) / t
        else:
            data = with_sky

        if self.include_poisson_noise_in_noise_map:
            noise_map = np.sqrt(np.abs(data * t)) / t
        else:
            noise_map = np.full(data.shape, float(self.noise_if_add_noise_false))
        if np.any(np.isnan(noise_map)):
            raise exc.DatasetException("The simulated noise map contains NaN values.")

        if self.subtract_background_sky:
            data = data - self.background_sky_level

        kwargs = {} if over_sample_size is None else {"over_sample_size_lp": over_sample_size}
        return Imaging(
            data=Array2D(data, mask),
            noise_map=Array2D(noise_map, mask),
            psf=psf,
            use_normalized_psf=False,
            check_noise_map=False,
            **kwargs,
        )
