"""Signal-to-noise Sersic family: ``Sersic``, ``Exponential``, ``DevVaucouleurs`` (and spherical)."""

from __future__ import annotations

from typing import Tuple

from autogalaxy.profiles.light import standard as lp
from autogalaxy.profiles.light.snr.abstract import LightProfileSNR


class Sersic(lp.Sersic, LightProfileSNR):
    def __init__(
        self,
        signal_to_noise_ratio: float = 10.0,
        centre: Tuple[float, float] = (0.0, 0.0),
        ell_comps: Tuple[float, float] = (0.0, 0.0),
        effective_radius: float = 0.6,
        sersic_index: float = 4.0,
    ):
        """``lp.Sersic`` whose intensity a simulator sets from ``signal_to_noise_ratio``."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            intensity=0.0,
            effective_radius=effective_radius,
            sersic_index=sersic_index,
        )
        self._set_signal_to_noise_ratio(signal_to_noise_ratio)


class SersicSph(lp.SersicSph, LightProfileSNR):
    def __init__(
        self,
        signal_to_noise_ratio: float = 10.0,
        centre: Tuple[float, float] = (0.0, 0.0),
        effective_radius: float = 0.6,
        sersic_index: float = 4.0,
    ):
        """``lp.SersicSph`` whose intensity a simulator sets from ``signal_to_noise_ratio``."""
        super().__init__(
            centre=centre,
            intensity=0.0,
            effective_radius=effective_radius,
            sersic_index=sersic_index,
        )
        self._set_signal_to_noise_ratio(signal_to_noise_ratio)


class Exponential(lp.Exponential, LightProfileSNR):
    def __init__(
        self,
        signal_to_noise_ratio: float = 10.0,
        centre: Tuple[float, float] = (0.0, 0.0),
        ell_comps: Tuple[float, float] = (0.0, 0.0),
        effective_radius: float = 0.6,
    ):
        """``lp.Exponential`` whose intensity a simulator sets from ``signal_to_noise_ratio``."""
        super().__init__(
            centre=centre, ell_comps=ell_comps, intensity=0.0, effective_radius=effective_radius
        )
        self._set_signal_to_noise_ratio(signal_to_noise_ratio)


class ExponentialSph(lp.ExponentialSph, LightProfileSNR):
    def __init__(
        self,
        signal_to_noise_ratio: float = 10.0,
        centre: Tuple[float, float] = (0.0, 0.0),
        effective_radius: float = 0.6,
    ):
        """``lp.ExponentialSph`` whose intensity a simulator sets from ``signal_to_noise_ratio``."""
        super().__init__(centre=centre, intensity=0.0, effective_radius=effective_radius)
        self._set_signal_to_noise_ratio(signal_to_noise_ratio)


class DevVaucouleurs(lp.DevVaucouleurs, LightProfileSNR):
    def __init__(
        self,
        signal_to_noise_ratio: float = 10.0,
        centre: Tuple[float, float] = (0.0, 0.0),
        ell_comps: Tuple[float, float] = (0.0, 0.0),
        effective_radius: float = 0.6,
    ):
        """``lp.DevVaucouleurs`` whose intensity a simulator sets from ``signal_to_noise_ratio``."""
        super().__init__(
            centre=centre, ell_comps=ell_comps, intensity=0.0, effective_radius=effective_radius
        )
        self._set_signal_to_noise_ratio(signal_to_noise_ratio)


class DevVaucouleursSph(lp.DevVaucouleursSph, LightProfileSNR):
    def __init__(
        self,
        signal_to_noise_ratio: float = 10.0,
        centre: Tuple[float, float] = (0.0, 0.0),
        effective_radius: float = 0.6,
    ):
        """``lp.DevVaucouleursSph`` whose intensity a simulator sets from
        ``signal_to_noise_ratio``."""
        super().__init__(centre=centre, intensity=0.0, effective_radius=effective_radius)
        self._set_signal_to_noise_ratio(signal_to_noise_ratio)
