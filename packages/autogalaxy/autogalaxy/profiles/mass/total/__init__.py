"""Total mass profiles: the power-law family (elliptical, spherical, cored, multipole)."""

from autogalaxy.profiles.mass.total.isothermal import Isothermal, IsothermalSph
from autogalaxy.profiles.mass.total.power_law import PowerLaw, PowerLawSph
from autogalaxy.profiles.mass.total.power_law_core import (
    IsothermalCore,
    IsothermalCoreSph,
    PowerLawCore,
    PowerLawCoreSph,
)
from autogalaxy.profiles.mass.total.power_law_multipole import PowerLawMultipole
from autogalaxy.profiles.mass.total.dpie import dPIEMass, dPIEMassB0, dPIEMassB0Sph, dPIEMassSph

__all__ = [
    "Isothermal",
    "IsothermalSph",
    "IsothermalCore",
    "IsothermalCoreSph",
    "PowerLaw",
    "PowerLawSph",
    "PowerLawCore",
    "PowerLawCoreSph",
    "PowerLawMultipole",
    "dPIEMass",
    "dPIEMassB0",
    "dPIEMassB0Sph",
    "dPIEMassSph",
]
