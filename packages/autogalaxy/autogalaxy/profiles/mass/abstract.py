"""``MassProfile``: the base class of every mass profile.

A mass profile gives, at (y, x) grid positions in arc-seconds,

- ``deflections_yx_2d_from(grid, xp=np)`` -> ``VectorYX2D`` / ``VectorYX2DIrregular`` (reduced
  deflection angles, arc-seconds);
- ``convergence_2d_from(grid, xp=np)`` -> ``Array2D`` / ``ArrayIrregular``;
- ``potential_2d_from(grid, xp=np)`` -> ``Array2D`` / ``ArrayIrregular``;

plus the radial ``convergence_func(grid_radius, xp=np)`` used by the mass integrals.

Subclasses decorate their methods with ``@aa.decorators.to_vector_yx`` / ``@aa.decorators.to_array``
and (when they work in the profile frame) ``@aa.decorators.transform`` /
``@aa.decorators.transform(rotate_back=True)``. Every method takes ``xp`` and threads it into every
nested call. Parameter checks (:func:`check_parameter`, :func:`check_range`) run only when the
parameters are plain numbers, never on JAX tracers.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod

import numpy as np

import autoarray as aa
from autogalaxy import exc
from autogalaxy.profiles import parameter_rules
from autogalaxy.profiles.geometry_profiles import (
    EllProfile,
    check_parameter,
    grid_raw_from,
    is_concrete,
)

__all__ = ["MassProfile", "check_parameter", "check_range", "is_concrete", "grid_raw_from"]


def check_range(profile, name: str, lower=None, upper=None, inclusive: bool = False):
    """Raise :class:`~autogalaxy.exc.ProfileException` if the concrete parameter ``name`` lies
    outside ``(lower, upper)`` (``[lower, upper]`` with ``inclusive=True``).

    Skipped when the value is a JAX array / tracer (the ``xp=jax.numpy`` path).
    """
    value = getattr(profile, name)
    if not is_concrete(value):
        parameter_rules.record(profile, name, "range", lower, upper, inclusive)
        return
    check_parameter(profile, name)
    for element in np.ravel(np.asarray(value, dtype=float)):
        below = lower is not None and (element < lower if inclusive else element <= lower)
        above = upper is not None and (element > upper if inclusive else element >= upper)
        if below or above:
            lo = "[" if inclusive else "("
            hi = "]" if inclusive else ")"
            raise exc.ProfileException(
                f"{type(profile).__name__}: {name}={value!r} must lie in {lo}{lower}, {upper}{hi}."
            )


#: Bracket (arc-seconds) of the root of :attr:`MassProfile.average_convergence_of_1_radius`.
AVERAGE_CONVERGENCE_RADIUS_BRACKET = (1.0e-4, 1.0e3)


class MassProfile(EllProfile, ABC):
    #: Whether ``potential_2d_from`` is implemented.
    has_potential: bool = True
    #: Whether ``convergence_func`` (the radial convergence) is implemented.
    has_convergence_func: bool = True

    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0)):
        """Abstract mass profile with a ``centre`` (y, x) and elliptical components ``ell_comps``."""
        super().__init__(centre=centre, ell_comps=ell_comps)

    # -- the three lensing quantities ---------------------------------------------------------

    @abstractmethod
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        """Deflection angles ``(alpha_y, alpha_x)`` at ``grid`` (arc-seconds)."""

    def deflections_yx_columns_from(self, grid, xp=np):
        """Raw ``(alpha_y, alpha_x)`` arrays ``[N]`` of the deflections at ``grid`` (arc-seconds).

        What ray tracing uses: the tracer sums and subtracts deflections column by column, so on
        JAX a profile that computes its two components separately never builds an ``[N, 2]``
        array on the likelihood path. This default takes the columns of
        :meth:`deflections_yx_2d_from`; profiles with separate component formulas override it.
        """
        raw = aa.raw_array(self.deflections_yx_2d_from(grid=grid, xp=xp))
        return raw[:, 0], raw[:, 1]

    @abstractmethod
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        """Convergence ``kappa`` at ``grid``."""

    @abstractmethod
    def potential_2d_from(self, grid, xp=np, **kwargs):
        """Lensing potential ``psi`` at ``grid`` (defined up to a constant)."""

    @abstractmethod
    def convergence_func(self, grid_radius, xp=np):
        """Convergence as a function of the (elliptical) radius, in the profile's own convention."""

    # -- helpers shared by subclasses ---------------------------------------------------------

    def _centred_yx_from(self, grid, xp=np):
        """Raw ``(y, x)`` relative to the centre (no rotation).

        A grid already flagged ``is_transformed`` (profile frame) is returned as it is.
        """
        raw = grid_raw_from(grid)
        if aa.decorators.in_profile_frame(grid):
            return raw[:, 0], raw[:, 1]
        return raw[:, 0] - self.centre[0], raw[:, 1] - self.centre[1]

    def _frame_centre_from(self, grid):
        """The centre to use with a grid in either frame: ``(0, 0)`` in the profile frame."""
        return (0.0, 0.0) if aa.decorators.in_profile_frame(grid) else self.centre

    def _frame_ell_comps_from(self, grid, xp=np):
        """``ell_comps`` to use with :meth:`_centred_yx_from` coordinates.

        In the observer frame these are the profile's ``ell_comps``; for a grid already in the
        profile frame (major axis along x') they are ``(0, |e|)``.
        """
        if aa.decorators.in_profile_frame(grid):
            from autogalaxy import convert

            return (0.0, convert._safe_hypot(self.ell_comps[0], self.ell_comps[1], xp=xp))
        return self.ell_comps

    @aa.decorators.to_vector_yx
    def deflections_2d_via_potential_2d_from(self, grid, xp=np, step=1.0e-5, **kwargs):
        """Deflections as the central finite-difference gradient of ``potential_2d_from``."""
        raw = grid_raw_from(grid)
        dy = xp.asarray([step, 0.0])
        dx = xp.asarray([0.0, step])

        def psi(values):
            return grid_raw_from(self.potential_2d_from(aa.Grid2DIrregular(values, xp=xp), xp=xp))

        alpha_y = (psi(raw + dy) - psi(raw - dy)) / (2.0 * step)
        alpha_x = (psi(raw + dx) - psi(raw - dx)) / (2.0 * step)
        return xp.stack((alpha_y, alpha_x), axis=-1)

    # -- integrated quantities (NumPy only) ---------------------------------------------------

    def mass_integral(self, x):
        """Integrand ``2 pi x kappa(x)`` of :meth:`mass_angular_within_circle_from`."""
        return 2.0 * math.pi * x * float(np.asarray(self.convergence_func(np.asarray([x])))[0])

    def mass_angular_within_circle_from(self, radius: float) -> float:
        """Angular mass ``int_0^radius 2 pi r kappa(r) dr`` of the radial convergence function.

        This is the PyAutoGalaxy convention: ``convergence_func`` is integrated as if it were
        circularly symmetric (for spherical profiles it is the exact mass inside the circle).
        """
        from scipy.integrate import quad

        return quad(self.mass_integral, 0.0, radius, limit=200, epsabs=0.0, epsrel=1.0e-11)[0]

    @property
    def average_convergence_of_1_radius(self) -> float:
        """Radius within which the mean of ``convergence_func`` is 1 (NumPy, root finding).

        A property, as in PyAutoGalaxy, and like it rescaled by ``(1 + q) / 2`` for elliptical
        profiles (its ``ellipticity_rescale``: ``convergence_func`` is integrated as if circular,
        which overstates the radius by about ``2 / (1 + q)``); the root is bracketed in
        ``AVERAGE_CONVERGENCE_RADIUS_BRACKET`` arc-seconds.
        """
        from scipy.optimize import brentq

        def func(radius):
            return self.mass_angular_within_circle_from(radius) - math.pi * radius**2

        root = brentq(func, *AVERAGE_CONVERGENCE_RADIUS_BRACKET, xtol=1.0e-12)
        return 0.5 * (1.0 + float(self.axis_ratio())) * root
