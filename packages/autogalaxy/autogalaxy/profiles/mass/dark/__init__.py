"""Dark-matter mass profiles."""

from autogalaxy.profiles.mass.dark.nfw import NFW, NFWSph
from autogalaxy.profiles.mass.dark.nfw_truncated import NFWTruncatedSph
from autogalaxy.profiles.mass.dark.gnfw import gNFW, gNFWSph
from autogalaxy.profiles.mass.dark.nfw_mcr import (
    NFWMCRDuffySph,
    NFWMCRLudlow,
    NFWMCRLudlowSph,
    NFWMCRScatterLudlow,
    NFWMCRScatterLudlowSph,
    gNFWMCRLudlow,
)
from autogalaxy.profiles.mass.dark.nfw_truncated_mcr import (
    NFWTruncatedMCRDuffySph,
    NFWTruncatedMCRLudlowSph,
    NFWTruncatedMCRScatterLudlowSph,
)
from autogalaxy.profiles.mass.dark.virial_mass_conc import (
    NFWVirialMassConcSph,
    gNFWVirialMassConcSph,
)

__all__ = [
    "NFW",
    "NFWSph",
    "NFWTruncatedSph",
    "gNFW",
    "gNFWSph",
    "NFWMCRDuffySph",
    "NFWMCRLudlow",
    "NFWMCRLudlowSph",
    "NFWMCRScatterLudlow",
    "NFWMCRScatterLudlowSph",
    "gNFWMCRLudlow",
    "NFWTruncatedMCRDuffySph",
    "NFWTruncatedMCRLudlowSph",
    "NFWTruncatedMCRScatterLudlowSph",
    "NFWVirialMassConcSph",
    "gNFWVirialMassConcSph",
]
