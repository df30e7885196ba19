"""Shared pieces of the point-source fits: finding the named profile, magnifications and the
generic Gaussian likelihood ``log L = −½(χ² + Σ ln 2πσ²)``.

Every fit computes its results when built and stores them as attributes, so a fit returned by
``jax.jit`` carries them as leaves (the classes are registered as pytrees by ``AnalysisPoint``).
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autoarray.pytrees import Pytree
from autogalaxy.operate.lens_calc import LensCalc
from autolens import exc

#: Residual given to a datum when the model has no image at all (as the reference).
NO_IMAGE_RESIDUAL = 1e4


def extract_profile(tracer, name: str):
    """``(profile, plane_index, plane_redshift)`` of attribute ``name`` of the first galaxy
    (input order) that has it."""
    for galaxy in tracer.galaxies:
        if name in galaxy.__dict__ and galaxy.__dict__[name] is not None:
            redshifts = tracer.plane_redshifts
            index = tracer.plane_index_via_redshift_from(galaxy.redshift)
            index = tracer.total_planes - 1 if index is None else index
            return galaxy.__dict__[name], index, redshifts[index]
    names = sorted(
        {
            key
            for g in tracer.galaxies
            for key in g.__dict__
            if key not in ("id", "redshift", "label")
        }
    )
    raise exc.PointExtractionException(
        f"No galaxy of the tracer has a point source named '{name}' (the dataset's name); "
        f"the galaxies' components are {names}."
    )


def lens_calc_from(tracer, plane_index: int) -> LensCalc:
    """Magnifications / Jacobians: multi-plane to the profile's plane when there are more than
    two planes, the tracer's deflections otherwise (as the reference)."""
    if tracer.total_planes > 2:
        return LensCalc.from_tracer(tracer, use_multi_plane=True, plane_i=0, plane_j=plane_index)
    return LensCalc.from_tracer(tracer, use_multi_plane=False)


def raw(values, xp):
    return xp.asarray(aa.raw_array(values), dtype=xp.float64)


#: Finite-difference step (arc-seconds) of the NumPy Hessian of the point fits. ``LensCalc``'s
#: default 0.01″ (two-step Richardson) is off by 1e-3 relative next to a singular isothermal
#: centre (|μ| ~ 100), where the reference's adaptive steps shrink; at 1e-5″ the Richardson
#: truncation error is negligible and rounding stays ~1e-10, so this agrees with the
#: reference's adaptive Hessian and with JAX's exact one to ~1e-8.
HESSIAN_STEP = 1e-5


def hessian_from(calc: LensCalc, points, xp):
    """``(h_yy, h_xy, h_yx, h_xx)``: exact on JAX, small-step Richardson on NumPy."""
    if xp is np:
        return calc.hessian_from(grid=points, buffer=HESSIAN_STEP, xp=xp)
    return calc.hessian_from(grid=points, xp=xp)


def jacobian_from(calc: LensCalc, points, xp):
    """Lens-mapping Jacobian ``A [N, 2, 2]`` in (y, x) order: ``A = I − ∂α/∂θ``."""
    h_yy, h_xy, h_yx, h_xx = hessian_from(calc, points, xp)
    row_y = xp.stack([1.0 - h_yy, -h_yx], axis=-1)
    row_x = xp.stack([-h_xy, 1.0 - h_xx], axis=-1)
    return xp.stack([row_y, row_x], axis=-2)


def signed_magnifications_from(calc: LensCalc, points, xp):
    h_yy, h_xy, h_yx, h_xx = hessian_from(calc, points, xp)
    return 1.0 / ((1.0 - h_xx) * (1.0 - h_yy) - h_xy * h_yx)


class AbstractFitPoint(Pytree):
    """A fit of one named point source's data.

    Subclasses set ``self.residual_map`` (raw) or override ``_chi_squared_from`` and call
    :meth:`_finish`.
    """

    __pytree_static__ = ("name", "solver", "_xp", "profile_plane_index")

    def __init__(self, name: str, data, noise_map, tracer, solver=None, profile=None, xp=np):
        self.name = name
        self._xp = xp
        self.tracer = tracer
        self.solver = solver
        self.data = raw(data, xp)
        self.noise_map = raw(noise_map, xp).reshape(-1)
        if self.data.shape[0] != self.noise_map.shape[0]:
            raise exc.FitException(
                f"Point fit '{name}': {self.data.shape[0]} data values but "
                f"{self.noise_map.shape[0]} noise values; give one noise value per datum."
            )
        found, self.profile_plane_index, _ = extract_profile(tracer, name)
        self.profile = found if profile is None else profile

    @property
    def plane_redshift(self):
        return self.tracer.plane_redshifts[self.profile_plane_index]

    @property
    def lens_calc(self) -> LensCalc:
        return lens_calc_from(self.tracer, self.profile_plane_index)

    def _finish(self, chi_squared, noise_normalization, extra=0.0):
        self.chi_squared = chi_squared
        self.noise_normalization = noise_normalization
        self.log_likelihood = -0.5 * (chi_squared + noise_normalization) + extra

    def _generic(self, residual_map):
        xp = self._xp
        self.residual_map = residual_map
        self.normalized_residual_map = residual_map / self.noise_map
        self.chi_squared_map = self.normalized_residual_map**2
        self._finish(xp.sum(self.chi_squared_map), xp.sum(xp.log(2.0 * np.pi * self.noise_map**2)))

    @property
    def figure_of_merit(self):
        return self.log_likelihood

    def _require_centre(self, solved: bool) -> None:
        has_centre = hasattr(self.profile, "centre")
        if solved and has_centre:
            raise exc.PointProfileMismatchException(
                f"{type(self).__name__} solves for the source centre, so point source "
                f"'{self.name}' must be a ps.PointSolved (got {type(self.profile).__name__} "
                "with a centre); use the fit without 'Solved' for ps.Point."
            )
        if not solved and not has_centre:
            raise exc.PointProfileMismatchException(
                f"{type(self).__name__} needs a point source with a centre; '{self.name}' is a "
                f"{type(self.profile).__name__}. Use the '*Solved' fit for ps.PointSolved."
            )
