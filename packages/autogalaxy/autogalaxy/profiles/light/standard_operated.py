"""Operated light profiles (``ag.lp_operated``): light that is already PSF-convolved.

Use them for emission whose observed shape *is* the PSF (e.g. a point source modelled by a
Gaussian / Moffat of the PSF's width): fits never convolve them again.
"""

from autogalaxy.profiles.light.operated import LightProfileOperated
from autogalaxy.profiles.light.standard import gaussian, moffat, sersic


class Gaussian(LightProfileOperated, gaussian.Gaussian):
    """Operated :class:`~autogalaxy.profiles.light.standard.Gaussian`."""


class Moffat(LightProfileOperated, moffat.Moffat):
    """Operated :class:`~autogalaxy.profiles.light.standard.Moffat`."""


class Sersic(LightProfileOperated, sersic.Sersic):
    """Operated :class:`~autogalaxy.profiles.light.standard.Sersic`."""


__all__ = ["LightProfileOperated", "Gaussian", "Moffat", "Sersic"]
