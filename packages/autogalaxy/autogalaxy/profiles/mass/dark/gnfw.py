"""Generalised NFW (gNFW) mass profiles: elliptical ``gNFW`` and spherical ``gNFWSph``.

``rho(r) = rho_s / ((r / r_s)^g (1 + r / r_s)^(3 - g))`` with inner slope ``g = inner_slope``
(``g = 1`` is the NFW), parameterised like PyAutoGalaxy by ``kappa_s = rho_s r_s / Sigma_crit``
and ``scale_radius`` ``r_s`` (arc-seconds). The convergence is stratified on ellipses
``xi^2 = x'^2 + y'^2 / q^2``. Radial functions (exact to ~1e-12 by fixed quadrature) are in
:mod:`gnfw_util`; the elliptical deflections and potential are Keeton's integrals over them.

PyAutoGalaxy's gNFW deflections are approximations (their relative difference from the exact
projected mass is up to ~1e-4); this profile gives the exact values, so the two agree to that
level (see the profile tests).
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import SphTwin, check_parameter, grid_raw_from
from autogalaxy.profiles.mass import keeton_util
from autogalaxy.profiles.mass.dark import gnfw_util
from autogalaxy.profiles.mass.keeton_profile import KeetonMassProfile

#: Keeton quadrature of the elliptical profile (nodes per panel, small-u power).
GNFW_QUADRATURE_NODES = 32
GNFW_QUADRATURE_POWER = 4.0
#: Points per NumPy slice: the convergence has its own node axis (``gnfw_util.N_NODES``).
GNFW_KEETON_CHUNK = 500
#: Nodes of the radial potential integral of the spherical profile.
GNFW_POTENTIAL_NODES = 64


class gNFW(KeetonMassProfile):  # noqa: N801  (PyAutoGalaxy's class name)
    _keeton_chunk = GNFW_KEETON_CHUNK

    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        kappa_s: float = 0.05,
        inner_slope: float = 1.0,
        scale_radius: float = 1.0,
    ):
        """Elliptical gNFW: lensing normalisation ``kappa_s`` (>= 0), ``inner_slope`` in
        ``[0, 3)`` and ``scale_radius`` (arc-seconds, > 0)."""
        super().__init__(centre=centre, ell_comps=ell_comps)
        self.kappa_s = kappa_s
        self.inner_slope = inner_slope
        self.scale_radius = scale_radius
        check_parameter(self, "kappa_s", non_negative=True)
        check_parameter(self, "inner_slope", non_negative=True)
        check_parameter(self, "scale_radius", positive=True)
        if isinstance(inner_slope, float) and not inner_slope < 3.0:
            from autogalaxy import exc

            raise exc.ProfileException(
                f"{type(self).__name__}: inner_slope must be < 3 (finite mass), got {inner_slope}."
            )

    def convergence_func(self, grid_radius, xp=np):
        """Convergence at elliptical radius ``grid_radius``."""
        return gnfw_util.convergence_from(
            xp.asarray(grid_radius) / self.scale_radius, self.kappa_s, self.inner_slope, xp=xp
        )

    def deflection_func(self, grid_radius, xp=np):
        """Deflection magnitude of the *circular* gNFW at radius ``grid_radius``."""
        return gnfw_util.deflection_magnitude_from(
            xp.asarray(grid_radius), self.kappa_s, self.inner_slope, self.scale_radius, xp=xp
        )

    def _kappa_of_xi2(self, xi2, xp):
        return self.convergence_func(keeton_util.safe_sqrt(xi2, xp), xp=xp)

    def _alpha_circ_of_xi(self, xi, xp):
        return self.deflection_func(xi, xp=xp)

    def _keeton_quadrature(self, xp=np):
        return GNFW_QUADRATURE_NODES, GNFW_QUADRATURE_POWER, self.scale_radius

    @aa.decorators.to_array
    @aa.decorators.transform
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        raw = grid_raw_from(grid)
        q = self.axis_ratio(xp=xp)
        return self._kappa_of_xi2(raw[:, 1] ** 2 + (raw[:, 0] / q) ** 2, xp)


class gNFWSph(SphTwin, gNFW):  # noqa: N801
    def __init__(
        self,
        centre=(0.0, 0.0),
        kappa_s: float = 0.05,
        inner_slope: float = 1.0,
        scale_radius: float = 1.0,
    ):
        """Spherical gNFW (radial deflections from the projected mass)."""
        super().__init__(
            centre=centre,
            ell_comps=(0.0, 0.0),
            kappa_s=kappa_s,
            inner_slope=inner_slope,
            scale_radius=scale_radius,
        )

    @aa.decorators.to_array
    @aa.decorators.transform
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        raw = grid_raw_from(grid)
        return self.convergence_func(keeton_util.radii_from(raw, xp), xp=xp)

    @aa.decorators.to_vector_yx
    @aa.decorators.transform
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        raw = grid_raw_from(grid)
        radii = xp.maximum(keeton_util.radii_from(raw, xp), gnfw_util.X_MIN * self.scale_radius)
        return keeton_util.radial_vectors_from(raw, self.deflection_func(radii, xp=xp) / radii, xp)

    @aa.decorators.to_array
    @aa.decorators.transform
    def potential_2d_from(self, grid, xp=np, **kwargs):
        raw = grid_raw_from(grid)
        return keeton_util.radial_potential_from(
            keeton_util.radii_from(raw, xp), self.deflection_func, GNFW_POTENTIAL_NODES, xp=xp
        )
