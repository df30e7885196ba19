"""Signal-to-noise Gaussian: ``Gaussian``, ``GaussianSph``."""

from __future__ import annotations

from typing import Tuple

from autogalaxy.profiles.light import standard as lp
from autogalaxy.profiles.light.snr.abstract import LightProfileSNR


class Gaussian(lp.Gaussian, LightProfileSNR):
    def __init__(
        self,
        signal_to_noise_ratio: float = 10.0,
        centre: Tuple[float, float] = (0.0, 0.0),
        ell_comps: Tuple[float, float] = (0.0, 0.0),
        sigma: float = 1.0,
    ):
        """``lp.Gaussian`` whose intensity a simulator sets from ``signal_to_noise_ratio``."""
        super().__init__(centre=centre, ell_comps=ell_comps, intensity=0.0, sigma=sigma)
        self._set_signal_to_noise_ratio(signal_to_noise_ratio)


class GaussianSph(lp.GaussianSph, LightProfileSNR):
    def __init__(
        self,
        signal_to_noise_ratio: float = 10.0,
        centre: Tuple[float, float] = (0.0, 0.0),
        sigma: float = 1.0,
    ):
        """``lp.GaussianSph`` whose intensity a simulator sets from ``signal_to_noise_ratio``."""
        super().__init__(centre=centre, intensity=0.0, sigma=sigma)
        self._set_signal_to_noise_ratio(signal_to_noise_ratio)
