"""Dark-matter mass profiles."""

from autogalaxy.profiles.mass.dark.nfw import NFW, NFWSph
from autogalaxy.profiles.mass.dark.nfw_truncated import NFWTruncatedSph
from autogalaxy.profiles.mass.dark.gnfw import gNFW, gNFWSph

__all__ = ["NFW", "NFWSph", "NFWTruncatedSph", "gNFW", "gNFWSph"]
