"""``LightProfileSNR``: a light profile whose ``intensity`` is set from a target signal-to-noise.

PyAutoGalaxy's ``lp_snr`` profiles take a ``signal_to_noise_ratio`` instead of an ``intensity``;
a simulator sets the intensity so that the brightest pixel of the profile's image (on the grid
the simulator uses, PSF-blurred when a PSF is given) has that S/N for the simulator's exposure
time and sky level.
"""

from __future__ import annotations

import math

import numpy as np

import autoarray as aa
from autogalaxy import exc
from autogalaxy.profiles.geometry_profiles import check_parameter


def intensity_factor_for_signal_to_noise_from(
    signal_to_noise_ratio: float,
    brightest_value: float,
    exposure_time: float,
    background_sky_level: float = 0.0,
) -> float:
    """The factor ``f`` by which an image whose brightest pixel is ``brightest_value`` (e-/s)
    must be scaled for that pixel to have ``signal_to_noise_ratio``.

    With signal ``s = f b t`` counts and noise ``sqrt(s + sky t)`` (Poisson, sky included) the
    condition ``s / sqrt(s + sky t) = S`` is a quadratic in ``s`` whose positive root is
    ``s = (S^2 + sqrt(S^4 + 4 S^2 sky t)) / 2``. PyAutoGalaxy root-finds the same equation
    (Brent, absolute tolerance 2e-12 in ``f``); the closed form is its exact solution.
    """
    for name, value in (
        ("signal_to_noise_ratio", signal_to_noise_ratio),
        ("exposure_time", exposure_time),
        ("brightest_value", brightest_value),
    ):
        if not (math.isfinite(value) and value > 0.0):
            raise exc.ProfileException(
                f"Setting an intensity from a signal-to-noise needs {name} > 0 and finite, "
                f"got {value!r}"
                + (
                    " (the profile's image has no positive pixel on the grid)."
                    if name == "brightest_value"
                    else "."
                )
            )
    if not (math.isfinite(background_sky_level) and background_sky_level >= 0.0):
        raise exc.ProfileException(
            f"background_sky_level must be finite and >= 0, got {background_sky_level!r}."
        )
    target = float(signal_to_noise_ratio)
    sky_counts = background_sky_level * exposure_time
    target_squared = target * target
    signal_counts = 0.5 * (
        target_squared
        + math.sqrt(target_squared * target_squared + 4.0 * target_squared * sky_counts)
    )
    return signal_counts / (brightest_value * exposure_time)


class LightProfileSNR:
    """Mixin of the ``lp_snr`` profiles: put it after the light profile class in the bases.

    It holds no constructor of its own (the light class's cooperative ``__init__`` chain must
    not reach it); subclasses call :meth:`_set_signal_to_noise_ratio` after building the light
    profile with ``intensity=0``.
    """

    def _set_signal_to_noise_ratio(self, signal_to_noise_ratio: float) -> None:
        self.signal_to_noise_ratio = signal_to_noise_ratio
        check_parameter(self, "signal_to_noise_ratio", positive=True)

    def set_intensity_from(
        self,
        grid,
        exposure_time: float,
        background_sky_level: float = 0.0,
        psf: aa.Convolver | None = None,
    ) -> None:
        """Set ``intensity`` so the brightest pixel of the image on ``grid`` has the target S/N.

        The image at unit intensity is evaluated on ``grid`` (a ray-traced grid gives the
        lensed, magnified source), blurred by ``psf`` when given (no light from outside the
        grid's mask), and its maximum scaled by :func:`intensity_factor_for_signal_to_noise_from`
        for ``exposure_time`` and ``background_sky_level`` (e-/s). NumPy only: a simulation
        step, not a fitting one.
        """
        self.intensity = 1.0
        image = self.image_2d_from(grid=grid)
        if psf is not None:
            image = psf.convolved_image_from(image=image, blurring_image=None)
        brightest_value = float(np.max(aa.raw_array(image)))
        self.intensity = intensity_factor_for_signal_to_noise_from(
            signal_to_noise_ratio=float(self.signal_to_noise_ratio),
            brightest_value=brightest_value,
            exposure_time=float(exposure_time),
            background_sky_level=float(background_sky_level),
        )
