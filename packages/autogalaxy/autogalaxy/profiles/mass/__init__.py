"""Mass profiles (``ag.mp``): total, dark-matter, stellar, sheets and point masses."""

from autogalaxy.profiles.mass.abstract import MassProfile
from autogalaxy.profiles.mass.dark import NFW, NFWSph, NFWTruncatedSph, gNFW, gNFWSph
from autogalaxy.profiles.mass.point import PointMass
from autogalaxy.profiles.mass.sheets import ExternalShear, MassSheet
from autogalaxy.profiles.mass.stellar import (
    DevVaucouleurs,
    DevVaucouleursSph,
    Exponential,
    ExponentialSph,
    Gaussian,
    Sersic,
    SersicSph,
    SersicGradient,
    SersicGradientSph,
    Chameleon,
    ChameleonSph,
)
from autogalaxy.profiles.mass.stellar import GaussianGradient
from autogalaxy.profiles.mass.total import (
    Isothermal,
    IsothermalCore,
    IsothermalCoreSph,
    IsothermalSph,
    PowerLaw,
    PowerLawCore,
    PowerLawCoreSph,
    PowerLawMultipole,
    PowerLawSph,
    dPIEMass,
    dPIEMassB0,
    dPIEMassB0Sph,
    dPIEMassSph,
)

__all__ = [
    "MassProfile",
    "NFW",
    "NFWSph",
    "NFWTruncatedSph",
    "gNFW",
    "gNFWSph",
    "PointMass",
    "ExternalShear",
    "MassSheet",
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
    "Chameleon",
    "ChameleonSph",
    "Isothermal",
    "IsothermalCore",
    "IsothermalCoreSph",
    "IsothermalSph",
    "PowerLaw",
    "PowerLawCore",
    "PowerLawCoreSph",
    "PowerLawMultipole",
    "PowerLawSph",
    "dPIEMass",
    "dPIEMassB0",
    "dPIEMassB0Sph",
    "dPIEMassSph",
]
