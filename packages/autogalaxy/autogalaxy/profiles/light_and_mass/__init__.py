"""Light-and-mass profiles (``ag.lmp``): one profile that is both a light profile and the stellar
mass profile of the same light (``mass = mass_to_light_ratio * light``), as PyAutoGalaxy's
``lmp.Sersic`` etc.

Each class derives from the light class (``image_2d_from``) and the stellar mass class
(deflections, convergence, potential); its parameters are those of the mass class, whose
constructor validates them, and the light classes read the same attribute names, so the two
views never disagree.
"""

from __future__ import annotations

from autogalaxy.profiles.light import standard as _lp
from autogalaxy.profiles.mass import stellar as _mp


def _init_via_mass(mass_cls):
    def __init__(self, *args, **kwargs):
        # Build the mass profile on its own (its cooperative super() chain must not run through
        # the light classes of this MRO) and take its attributes: the parameters, validated.
        self.__dict__.update(vars(mass_cls(*args, **kwargs)))

    __init__.__signature__ = __import__("inspect").signature(mass_cls.__init__)
    __init__.__doc__ = f"Parameters as ``mp.{mass_cls.__name__}`` (light and mass share them)."
    return __init__


def _light_and_mass(name: str, light_name: str | None = None):
    # ``light_name``: the light class when it is not named as the mass class (the Gradient
    # variants' light is the plain profile, e.g. lp.Sersic for mp.SersicGradient).
    light_cls, mass_cls = getattr(_lp, light_name or name), getattr(_mp, name)
    namespace = {}
    if hasattr(mass_cls, "sersic_constant"):
        # Both the light and the mass classes define the ``sersic_constant`` property; the
        # mass class' is kept.
        namespace["sersic_constant"] = mass_cls.sersic_constant
    cls = type(
        name,
        (light_cls, mass_cls),
        {
            **namespace,
            "__init__": _init_via_mass(mass_cls),
            "__module__": __name__,
            "__qualname__": name,
            "__doc__": (
                f"Light profile ``lp.{light_name or name}`` whose stellar mass is ``mp.{name}``."
            ),
        },
    )
    return cls


Sersic = _light_and_mass("Sersic")
SersicSph = _light_and_mass("SersicSph")
Exponential = _light_and_mass("Exponential")
ExponentialSph = _light_and_mass("ExponentialSph")
DevVaucouleurs = _light_and_mass("DevVaucouleurs")
DevVaucouleursSph = _light_and_mass("DevVaucouleursSph")
Gaussian = _light_and_mass("Gaussian")
GaussianGradient = _light_and_mass("GaussianGradient", light_name="Gaussian")
SersicGradient = _light_and_mass("SersicGradient", light_name="Sersic")
SersicGradientSph = _light_and_mass("SersicGradientSph", light_name="SersicSph")
SersicCore = _light_and_mass("SersicCore")
SersicCoreSph = _light_and_mass("SersicCoreSph")


class ExponentialGradient(SersicGradient):  # type: ignore[valid-type, misc]
    """:class:`SersicGradient` with ``sersic_index = 1`` (PyAutoGalaxy's
    ``lmp.ExponentialGradient``)."""

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
    """:class:`SersicGradientSph` with ``sersic_index = 1``."""

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
