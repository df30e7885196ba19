"""Linear light-and-mass profiles (``ag.lmp_linear``), as PyAutoGalaxy's ``lmp_linear``.

Each profile is a *linear* light profile (its image enters a fit at unit intensity and the
amplitude of the light is solved by the inversion, like ``lp_linear``) and the stellar mass
profile ``mp.<name>`` of its ``intensity`` parameter: ``mass = mass_to_light_ratio * intensity *
shape``. The light's solved amplitude and the mass's ``intensity`` are separate numbers during a
fit, as in PyAutoGalaxy (its SLaM pipelines fix ``intensity`` to the amplitude an earlier light
fit solved). After a fit the profile becomes ``lmp.<name>`` with the solved intensity for both
light and mass (:meth:`lp_instance_from`). Exception, as in the release: ``SersicCore`` /
``SersicCoreSph`` normalise their mass by unit intensity (see ``_unit_intensity_prime``).
"""

from __future__ import annotations

import copy
import inspect

import numpy as np

from autogalaxy.profiles import light_and_mass as _lmp
from autogalaxy.profiles.light import linear as _lp_linear
from autogalaxy.profiles.mass import stellar as _mp


def _init_via_mass(mass_cls):
    def __init__(self, *args, **kwargs):
        # As in ``lmp``: the mass class validates and sets every parameter (``intensity`` is the
        # mass's); the linear light's unit intensity is applied when its image is evaluated.
        self.__dict__.update(vars(mass_cls(*args, **kwargs)))

    __init__.__signature__ = inspect.signature(mass_cls.__init__)
    __init__.__doc__ = (
        f"Parameters as ``mp.{mass_cls.__name__}``; ``intensity`` normalises the mass only "
        "(the light's amplitude is solved by the inversion)."
    )
    return __init__


def _linear_light_and_mass(name: str, light_name: str | None = None):
    light_cls, mass_cls = getattr(_lp_linear, light_name or name), getattr(_mp, name)
    standard_cls = getattr(_lmp, name)

    def _image_2d_via_radii_squared_from(self, radii_squared, xp=np, overwrite: bool = False):
        # The light formula reads ``self.intensity``, which here is the mass normalisation: the
        # linear light is evaluated on a copy at unit intensity.
        unit = copy.copy(self)
        unit.intensity = 1.0
        return light_cls._image_2d_via_radii_squared_from(
            unit, radii_squared, xp=xp, overwrite=overwrite
        )

    namespace = {}
    if hasattr(mass_cls, "sersic_constant"):
        namespace["sersic_constant"] = mass_cls.sersic_constant
    return type(
        name,
        (light_cls, mass_cls),
        {
            **namespace,
            "__init__": _init_via_mass(mass_cls),
            "_image_2d_via_radii_squared_from": _image_2d_via_radii_squared_from,
            # lp_instance_from builds this class (light and mass share the solved intensity).
            "standard_class": property(lambda self: standard_cls),
            "__module__": __name__,
            "__qualname__": name,
            "__doc__": (
                f"Linear light profile ``lp_linear.{light_name or name}`` whose stellar mass is "
                f"``mp.{name}`` of ``intensity``; becomes ``lmp.{name}`` once solved."
            ),
        },
    )


Sersic = _linear_light_and_mass("Sersic")
SersicSph = _linear_light_and_mass("SersicSph")
Exponential = _linear_light_and_mass("Exponential")
ExponentialSph = _linear_light_and_mass("ExponentialSph")
DevVaucouleurs = _linear_light_and_mass("DevVaucouleurs")
DevVaucouleursSph = _linear_light_and_mass("DevVaucouleursSph")
Gaussian = _linear_light_and_mass("Gaussian")
GaussianGradient = _linear_light_and_mass("GaussianGradient", light_name="Gaussian")
SersicGradient = _linear_light_and_mass("SersicGradient", light_name="Sersic")
SersicGradientSph = _linear_light_and_mass("SersicGradientSph", light_name="SersicSph")
SersicCore = _linear_light_and_mass("SersicCore")
SersicCoreSph = _linear_light_and_mass("SersicCoreSph")


def _unit_intensity_prime(self, xp=np):
    """PyAutoGalaxy 2026.10.26.1's linear cored Sersic normalises its *mass* by the linear
    light's unit intensity (its ``intensity_prime`` resolves to the light's, which reads the
    linear ``_intensity = 1``): ``intensity`` changes neither light nor mass there. Kept, so
    models fitted with the release mean the same here."""
    return self._intensity_prime_from(1.0, xp=xp)


SersicCore.intensity_prime = _unit_intensity_prime
SersicCoreSph.intensity_prime = _unit_intensity_prime


class ExponentialGradient(SersicGradient):  # type: ignore[valid-type, misc]
    """Linear :class:`SersicGradient` with ``sersic_index = 1``; becomes
    ``lmp.ExponentialGradient`` once solved."""

    standard_class = property(lambda self: _lmp.ExponentialGradient)

    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        intensity: float = 0.1,
        effective_radius: float = 0.6,
        mass_to_light_ratio: float = 1.0,
        mass_to_light_gradient: float = 0.0,
    ):
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            intensity=intensity,
            effective_radius=effective_radius,
            sersic_index=1.0,
            mass_to_light_ratio=mass_to_light_ratio,
            mass_to_light_gradient=mass_to_light_gradient,
        )


class ExponentialGradientSph(SersicGradientSph):  # type: ignore[valid-type, misc]
    """Linear :class:`SersicGradientSph` with ``sersic_index = 1``; becomes
    ``lmp.ExponentialGradientSph`` once solved."""

    standard_class = property(lambda self: _lmp.ExponentialGradientSph)

    def __init__(
        self,
        centre=(0.0, 0.0),
        intensity: float = 0.1,
        effective_radius: float = 0.6,
        mass_to_light_ratio: float = 1.0,
        mass_to_light_gradient: float = 0.0,
    ):
        super().__init__(
            centre=centre,
            intensity=intensity,
            effective_radius=effective_radius,
            sersic_index=1.0,
            mass_to_light_ratio=mass_to_light_ratio,
            mass_to_light_gradient=mass_to_light_gradient,
        )


__all__ = [
    "Sersic",
    "SersicSph",
    "Exponential",
    "ExponentialSph",
    "DevVaucouleurs",
    "DevVaucouleursSph",
    "Gaussian",
    "GaussianGradient",
    "SersicGradient",
    "SersicGradientSph",
    "ExponentialGradient",
    "ExponentialGradientSph",
    "SersicCore",
    "SersicCoreSph",
]
