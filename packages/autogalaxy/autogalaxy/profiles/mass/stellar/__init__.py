"""Stellar mass profiles (convergence = mass-to-light ratio x light profile)."""

from autogalaxy.profiles.mass.stellar.gaussian import Gaussian
from autogalaxy.profiles.mass.stellar.gaussian_gradient import GaussianGradient
from autogalaxy.profiles.mass.stellar.sersic import (
    AbstractSersic,
    DevVaucouleurs,
    DevVaucouleursSph,
    Exponential,
    ExponentialSph,
    Sersic,
    SersicSph,
)
from autogalaxy.profiles.mass.stellar.sersic_gradient import SersicGradient, SersicGradientSph
from autogalaxy.profiles.mass.stellar.sersic_core import SersicCore, SersicCoreSph
from autogalaxy.profiles.mass.stellar.chameleon import Chameleon, ChameleonSph

__all__ = [
    "AbstractSersic",
    "DevVaucouleurs",
    "DevVaucouleursSph",
    "Exponential",
    "ExponentialSph",
    "Gaussian",
    "GaussianGradient",
    "Sersic",
    "SersicSph",
    "SersicGradient",
    "SersicGradientSph",
    "SersicCore",
    "SersicCoreSph",
    "Chameleon",
    "ChameleonSph",
]
