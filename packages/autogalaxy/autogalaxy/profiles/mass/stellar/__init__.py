"""Stellar mass profiles (convergence = mass-to-light ratio x light profile)."""

from autogalaxy.profiles.mass.stellar.gaussian import Gaussian
from autogalaxy.profiles.mass.stellar.sersic import (
    AbstractSersic,
    DevVaucouleurs,
    DevVaucouleursSph,
    Exponential,
    ExponentialSph,
    Sersic,
    SersicSph,
)

__all__ = [
    "AbstractSersic",
    "DevVaucouleurs",
    "DevVaucouleursSph",
    "Exponential",
    "ExponentialSph",
    "Gaussian",
    "Sersic",
    "SersicSph",
]
