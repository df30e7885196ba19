"""Standard light profiles (``ag.lp``)."""

from autogalaxy.profiles.light.abstract import LightProfile
from autogalaxy.profiles.light.standard.chameleon import Chameleon, ChameleonSph
from autogalaxy.profiles.light.standard.elson_free_fall import ElsonFreeFall, ElsonFreeFallSph
from autogalaxy.profiles.light.standard.gaussian import Gaussian, GaussianSph
from autogalaxy.profiles.light.standard.moffat import Moffat, MoffatSph
from autogalaxy.profiles.light.standard.sersic import (
    DevVaucouleurs,
    DevVaucouleursSph,
    Exponential,
    ExponentialSph,
    Sersic,
    SersicSph,
)
from autogalaxy.profiles.light.standard.sersic_core import (
    ExponentialCore,
    ExponentialCoreSph,
    SersicCore,
    SersicCoreSph,
)

__all__ = [
    "LightProfile",
    "Gaussian",
    "GaussianSph",
    "Moffat",
    "MoffatSph",
    "Sersic",
    "SersicSph",
    "Exponential",
    "ExponentialSph",
    "DevVaucouleurs",
    "DevVaucouleursSph",
    "SersicCore",
    "SersicCoreSph",
    "ExponentialCore",
    "ExponentialCoreSph",
    "Chameleon",
    "ChameleonSph",
    "ElsonFreeFall",
    "ElsonFreeFallSph",
]
