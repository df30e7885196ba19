"""Signal-to-noise cored Sersic: ``SersicCore``."""

from __future__ import annotations

from typing import Tuple

from autogalaxy.profiles.light import standard as lp
from autogalaxy.profiles.light.snr.abstract import LightProfileSNR


class SersicCore(lp.SersicCore, LightProfileSNR):
    def __init__(
        self,
        signal_to_noise_ratio: float = 10.0,
        centre: Tuple[float, float] = (0.0, 0.0),
        ell_comps: Tuple[float, float] = (0.0, 0.0),
        effective_radius: float = 0.6,
        sersic_index: float = 4.0,
        radius_break: float = 0.01,
        gamma: float = 0.25,
        alpha: float = 3.0,
    ):
        """``lp.SersicCore`` whose intensity a simulator sets from ``signal_to_noise_ratio``
        (``radius_break`` defaults to 0.01 here, as in PyAutoGalaxy's ``lp_snr.SersicCore``)."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            effective_radius=effective_radius,
            sersic_index=sersic_index,
            radius_break=radius_break,
            intensity=0.0,
            gamma=gamma,
            alpha=alpha,
        )
        self._set_signal_to_noise_ratio(signal_to_noise_ratio)
