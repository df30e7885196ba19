"""Signal-to-noise light profiles (``ag.lp_snr``): PyAutoGalaxy's ``lp_snr`` classes.

Each takes ``signal_to_noise_ratio`` in place of ``intensity``; ``SimulatorImaging`` sets the
intensity (:meth:`LightProfileSNR.set_intensity_from`) before simulating.
"""

from autogalaxy.profiles.light.snr.abstract import (
    LightProfileSNR,
    intensity_factor_for_signal_to_noise_from,
)
from autogalaxy.profiles.light.snr.chameleon import Chameleon, ChameleonSph
from autogalaxy.profiles.light.snr.elson_free_fall import ElsonFreeFall, ElsonFreeFallSph
from autogalaxy.profiles.light.snr.gaussian import Gaussian, GaussianSph
from autogalaxy.profiles.light.snr.sersic import (
    DevVaucouleurs,
    DevVaucouleursSph,
    Exponential,
    ExponentialSph,
    Sersic,
    SersicSph,
)
from autogalaxy.profiles.light.snr.sersic_core import SersicCore

__all__ = [
    "LightProfileSNR",
    "intensity_factor_for_signal_to_noise_from",
    "Gaussian",
    "GaussianSph",
    "Sersic",
    "SersicSph",
    "Exponential",
    "ExponentialSph",
    "DevVaucouleurs",
    "DevVaucouleursSph",
    "SersicCore",
    "Chameleon",
    "ChameleonSph",
    "ElsonFreeFall",
    "ElsonFreeFallSph",
]
