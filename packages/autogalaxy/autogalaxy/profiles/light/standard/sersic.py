"""Sersic, Exponential (n = 1) and DevVaucouleurs (n = 4) light profiles."""

from __future__ import annotations

import numpy as np

from autogalaxy import exc
from autogalaxy.profiles import parameter_rules
from autogalaxy.profiles.geometry_profiles import SphTwin, check_parameter
from autogalaxy.profiles.kernels import amplitude_exp_rate_power_from, is_concrete
from autogalaxy.profiles.light.abstract import LightProfile


def sersic_constant_from(sersic_index):
    """Ciotti & Bertin (1999) asymptotic series for ``b_n`` (half the light inside ``R_e``).

    ``b_n = 2n - 1/3 + 4/(405n) + 46/(25515n^2) + 131/(1148175n^3) - 2194697/(30690717750n^4)``,
    in Horner form: pure arithmetic, so it works on Python floats, arrays and JAX tracers alike.
    """
    inv = 1.0 / sersic_index
    return (
        2.0 * sersic_index
        - 1.0 / 3.0
        + inv
        * (
            4.0 / 405.0
            + inv * (46.0 / 25515.0 + inv * (131.0 / 1148175.0 - inv * (2194697.0 / 30690717750.0)))
        )
    )


#: Smallest accepted Sersic index (see :class:`Sersic`).
SERSIC_INDEX_MIN = 0.2


class Sersic(LightProfile):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        intensity=0.1,
        effective_radius=0.6,
        sersic_index=4.0,
    ):
        """Sersic profile ``I exp(-b_n [(R / R_e)^(1/n) - 1])`` of the eccentric radius ``R``.

        ``effective_radius`` must be positive and ``sersic_index >= SERSIC_INDEX_MIN`` (0.2): the
        ``b_n`` expansion used is within 10% of the exact value there and turns negative (a
        profile rising with radius, NaN / inf pixels) below n = 0.15.
        """
        super().__init__(centre=centre, ell_comps=ell_comps, intensity=intensity)
        self.effective_radius = effective_radius
        self.sersic_index = sersic_index
        check_parameter(self, "effective_radius", positive=True)
        check_parameter(self, "sersic_index", positive=True)
        if not is_concrete(sersic_index):
            parameter_rules.record(self, "sersic_index", "range", SERSIC_INDEX_MIN, None, True)
        elif float(sersic_index) < SERSIC_INDEX_MIN:
            raise exc.ProfileException(
                f"{type(self).__name__}: sersic_index={sersic_index!r} must be >= "
                f"{SERSIC_INDEX_MIN} (the b_n expansion is invalid below it)."
            )

    @property
    def sersic_constant(self):
        """``b_n`` of :func:`sersic_constant_from` (plain arithmetic, tracer-safe)."""
        return sersic_constant_from(self.sersic_index)

    def _image_2d_via_radii_squared_from(self, radii_squared, xp=np, overwrite: bool = False):
        # I e^b exp(-b (R/Re)^(1/n)) = (I e^b) exp(-(b Re^(-1/n)) (R^2)^(1/(2n))): every parameter
        # combination is a scalar, so the array sees one power, one scale, one exp, one scale.
        inv_n = 1.0 / self.sersic_index
        b = sersic_constant_from(self.sersic_index)
        rate = b * self.effective_radius ** (-inv_n)
        return amplitude_exp_rate_power_from(
            radii_squared,
            self.intensity * xp.exp(b),
            -rate,
            0.5 * inv_n,
            xp=xp,
            overwrite=overwrite,
        )

    @property
    def half_light_radius(self):
        return self.effective_radius


class SersicSph(SphTwin, Sersic):
    def __init__(self, centre=(0.0, 0.0), intensity=0.1, effective_radius=0.6, sersic_index=4.0):
        """Spherical :class:`Sersic`."""
        super().__init__(
            centre=centre,
            ell_comps=(0.0, 0.0),
            intensity=intensity,
            effective_radius=effective_radius,
            sersic_index=sersic_index,
        )


class Exponential(Sersic):
    def __init__(
        self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), intensity=0.1, effective_radius=0.6
    ):
        """Exponential profile: a :class:`Sersic` with ``sersic_index = 1``."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            intensity=intensity,
            effective_radius=effective_radius,
            sersic_index=1.0,
        )


class ExponentialSph(SphTwin, Exponential):
    def __init__(self, centre=(0.0, 0.0), intensity=0.1, effective_radius=0.6):
        """Spherical :class:`Exponential`."""
        super().__init__(
            centre=centre,
            ell_comps=(0.0, 0.0),
            intensity=intensity,
            effective_radius=effective_radius,
        )


class DevVaucouleurs(Sersic):
    def __init__(
        self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), intensity=0.1, effective_radius=0.6
    ):
        """De Vaucouleurs profile: a :class:`Sersic` with ``sersic_index = 4``."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            intensity=intensity,
            effective_radius=effective_radius,
            sersic_index=4.0,
        )


class DevVaucouleursSph(SphTwin, DevVaucouleurs):
    def __init__(self, centre=(0.0, 0.0), intensity=0.1, effective_radius=0.6):
        """Spherical :class:`DevVaucouleurs`."""
        super().__init__(
            centre=centre,
            ell_comps=(0.0, 0.0),
            intensity=intensity,
            effective_radius=effective_radius,
        )
