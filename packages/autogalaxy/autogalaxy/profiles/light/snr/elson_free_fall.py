"""Signal-to-noise Elson-Free-Fall: ``ElsonFreeFall``, ``ElsonFreeFallSph``."""

from __future__ import annotations

from typing import Tuple

from autogalaxy.profiles.light import standard as lp
from autogalaxy.profiles.light.snr.abstract import LightProfileSNR


class ElsonFreeFall(lp.ElsonFreeFall, LightProfileSNR):
    def __init__(
        self,
        signal_to_noise_ratio: float = 10.0,
        centre: Tuple[float, float] = (0.0, 0.0),
        ell_comps: Tuple[float, float] = (0.0, 0.0),
        effective_radius: float = 0.6,
        eta: float = 1.5,
    ):
        """``lp.ElsonFreeFall`` whose intensity a simulator sets from ``signal_to_noise_ratio``."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            intensity=0.0,
            effective_radius=effective_radius,
            eta=eta,
        )
        self._set_signal_to_noise_ratio(signal_to_noise_ratio)


class ElsonFreeFallSph(lp.ElsonFreeFallSph, LightProfileSNR):
    def __init__(
        self,
        signal_to_noise_ratio: float = 10.0,
        centre: Tuple[float, float] = (0.0, 0.0),
        effective_radius: float = 0.6,
        eta: float = 1.5,
    ):
        """``lp.ElsonFreeFallSph`` whose intensity a simulator sets from
        ``signal_to_noise_ratio``."""
        super().__init__(centre=centre, intensity=0.0, effective_radius=effective_radius, eta=eta)
        self._set_signal_to_noise_ratio(signal_to_noise_ratio)
