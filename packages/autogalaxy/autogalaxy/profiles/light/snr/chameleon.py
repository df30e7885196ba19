"""Signal-to-noise Chameleon: ``Chameleon``, ``ChameleonSph``."""

from __future__ import annotations

from typing import Tuple

from autogalaxy.profiles.light import standard as lp
from autogalaxy.profiles.light.snr.abstract import LightProfileSNR


class Chameleon(lp.Chameleon, LightProfileSNR):
    def __init__(
        self,
        signal_to_noise_ratio: float = 10.0,
        centre: Tuple[float, float] = (0.0, 0.0),
        ell_comps: Tuple[float, float] = (0.0, 0.0),
        core_radius_0: float = 0.01,
        core_radius_1: float = 0.05,
    ):
        """``lp.Chameleon`` whose intensity a simulator sets from ``signal_to_noise_ratio``."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            intensity=0.0,
            core_radius_0=core_radius_0,
            core_radius_1=core_radius_1,
        )
        self._set_signal_to_noise_ratio(signal_to_noise_ratio)


class ChameleonSph(lp.ChameleonSph, LightProfileSNR):
    def __init__(
        self,
        signal_to_noise_ratio: float = 10.0,
        centre: Tuple[float, float] = (0.0, 0.0),
        core_radius_0: float = 0.01,
        core_radius_1: float = 0.05,
    ):
        """``lp.ChameleonSph`` whose intensity a simulator sets from ``signal_to_noise_ratio``."""
        super().__init__(
            centre=centre,
            intensity=0.0,
            core_radius_0=core_radius_0,
            core_radius_1=core_radius_1,
        )
        self._set_signal_to_noise_ratio(signal_to_noise_ratio)
