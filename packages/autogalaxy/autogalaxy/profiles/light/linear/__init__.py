"""Linear light profiles (``ag.lp_linear``): intensity fixed to 1 and solved by an inversion."""

from autogalaxy.profiles.light.linear.abstract import LightProfileLinear
from autogalaxy.profiles.light.linear.chameleon import Chameleon, ChameleonSph
from autogalaxy.profiles.light.linear.elson_free_fall import ElsonFreeFall, ElsonFreeFallSph
from autogalaxy.profiles.light.linear.gaussian import Gaussian, GaussianSph
from autogalaxy.profiles.light.linear.moffat import Moffat, MoffatSph
from autogalaxy.profiles.light.linear.sersic import (
    DevVaucouleurs,
    DevVaucouleursSph,
    Exponential,
    ExponentialSph,
    Sersic,
    SersicSph,
)
from autogalaxy.profiles.light.linear.sersic_core import (
    ExponentialCore,
    ExponentialCoreSph,
    SersicCore,
    SersicCoreSph,
)

__all__ = [
    "LightProfileLinear",
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
