"""
``LensCalc``: lensing quantities derived from a deflection-angle function.

Notation: ``h_ab = ∂α_a / ∂b`` (``a, b`` in ``y, x``).  On the NumPy path the Hessian is
computed with central finite differences and Richardson extrapolation; on the JAX path it is
exact (``jax.jacfwd`` of a single-point deflection function, vectorised with ``jax.vmap``).

Every Hessian-derived method returns an autoarray wrapper on NumPy and a raw ``jax.Array`` on
JAX (``if xp is np: wrap; else: return raw``), so it can be the outermost call of a ``jax.jit``.
Critical curves, caustics and Einstein radii are NumPy-only (contouring on a uniform grid here;
tracing along the curve in ``lens_calc_zero_contour.py``).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

import autoarray as aa
from autogalaxy import exc
from autogalaxy.operate.lens_calc_zero_contour import ZeroContourCalc

#: Finite-difference step (arc-seconds) of the NumPy Hessian; the second step is half of it.
HESSIAN_BUFFER = 0.01

#: Largest side (pixels) of the uniform grid on which critical curves are contoured.
MAX_EVALUATION_GRID_SIZE = 1000


def _raw_points(grid, xp=np):
    """``[N, 2]`` raw (y, x) coordinates of any grid-like input."""
    values = aa.raw_array(grid)
    if xp is np:
        return np.asarray(values, dtype=float).reshape(-1, 2)
    return xp.asarray(values).reshape(-1, 2)


class LensCalc(ZeroContourCalc):
    """
    Lensing calculations (Hessian, convergence, shear, magnification, eigenvalues, critical
    curves, caustics, Einstein radius, Fermat potential) for any deflection-angle function.

    Parameters
    ----------
    deflections_yx_2d_from
        Callable ``f(grid, xp=np)`` returning the deflection angles (y, x) on ``grid`` as a
        ``VectorYX2D(Irregular)`` or raw ``[N, 2]`` array.
    potential_2d_from
        Optional callable ``f(grid, xp=np)`` returning the lensing potential (needed by the
        Fermat potential only).
    """

    def __init__(
        self,
        deflections_yx_2d_from: Callable,
        potential_2d_from: Callable | None = None,
    ):
        self.deflections_yx_2d_from = deflections_yx_2d_from
        self.potential_2d_from = potential_2d_from

    # ------------------------------------------------------------------ constructors

    @classmethod
    def from_mass_obj(cls, mass_obj) -> LensCalc:
        """From any object with ``deflections_yx_2d_from`` (profile, Galaxy, Galaxies, ...)."""
        return cls(
            deflections_yx_2d_from=mass_obj.deflections_yx_2d_from,
            potential_2d_from=getattr(mass_obj, "potential_2d_from", None),
        )

    @classmethod
    def from_tracer(
        cls, tracer, use_multi_plane: bool = True, plane_i: int = 0, plane_j: int = -1
    ) -> LensCalc:
        """
        From a ``Tracer``.  With ``use_multi_plane`` the deflection is the multi-plane
        ``θ_plane_i − θ_plane_j`` (``tracer.deflections_between_planes_from``); otherwise the
        tracer's own ``deflections_yx_2d_from``.
        """
        if use_multi_plane:

            def deflections_yx_2d_from(grid, xp=np, **kwargs):
                return tracer.deflections_between_planes_from(
                    grid=grid, xp=xp, plane_i=plane_i, plane_j=plane_j
                )

        else:
            deflections_yx_2d_from = tracer.deflections_yx_2d_from

        return cls(
            deflections_yx_2d_from=deflections_yx_2d_from,
            potential_2d_from=getattr(tracer, "potential_2d_from", None),
        )

    # ------------------------------------------------------------------ raw helpers

    def _deflections_raw_from(self, points, xp=np):
        """Raw ``[N, 2]`` deflections at raw ``[N, 2]`` points."""
        grid = aa.Grid2DIrregular(values=points, xp=xp)
        return xp.asarray(aa.raw_array(self.deflections_yx_2d_from(grid=grid, xp=xp))).reshape(
            -1, 2
        )

    def _potential_raw_from(self, points, xp=np):
        if self.potential_2d_from is None:
            raise exc.LensCalcException(
                "LensCalc needs a potential_2d_from function for the Fermat potential."
            )
        grid = aa.Grid2DIrregular(values=points, xp=xp)
        return xp.asarray(aa.raw_array(self.potential_2d_from(grid=grid, xp=xp))).reshape(-1)

    def _hessian_numpy_from(self, points, buffer):
        """Central differences at steps ``buffer`` and ``buffer/2`` (one deflection call),
        combined by Richardson extrapolation ``(4 H_{h/2} − H_h) / 3``."""
        n = points.shape[0]
        shifted = []
        for step in (buffer, 0.5 * buffer):
            for dy, dx in ((step, 0.0), (-step, 0.0), (0.0, step), (0.0, -step)):
                shifted.append(points + np.array([dy, dx]))
        deflections = self._deflections_raw_from(np.concatenate(shifted, axis=0), xp=np)
        deflections = deflections.reshape(8, n, 2)

        def at(index, step):
            up_y, down_y, up_x, down_x = deflections[index : index + 4]
            d_dy = (up_y - down_y) / (2.0 * step)
            d_dx = (up_x - down_x) / (2.0 * step)
            # (h_yy, h_xy, h_yx, h_xx) with h_ab = ∂α_a/∂b.
            return d_dy[:, 0], d_dy[:, 1], d_dx[:, 0], d_dx[:, 1]

        coarse = at(0, buffer)
        fine = at(4, 0.5 * buffer)
        return tuple((4.0 * f - c) / 3.0 for f, c in zip(fine, coarse))

    def _hessian_jax_from(self, points, xp):
        import jax

        def deflection_at_point(point):
            return self._deflections_raw_from(point.reshape(1, 2), xp=xp)[0]

        # jac[n, a, b] = ∂α_a / ∂θ_b with a, b ordered (y, x).
        jac = jax.vmap(jax.jacfwd(deflection_at_point))(points)
        return jac[:, 0, 0], jac[:, 1, 0], jac[:, 0, 1], jac[:, 1, 1]

    # ------------------------------------------------------------------ Hessian family

    def hessian_from(self, grid, buffer: float = HESSIAN_BUFFER, xp=np):
        """
        ``(h_yy, h_xy, h_yx, h_xx)`` of the deflection field on ``grid`` (raw arrays), where
        ``h_xy = ∂α_x/∂y`` and ``h_yx = ∂α_y/∂x``.
        """
        points = _raw_points(grid, xp=xp)
        if xp is np:
            return self._hessian_numpy_from(points, buffer=buffer)
        return self._hessian_jax_from(points, xp=xp)

    def jacobian_from(self, grid, xp=np):
        """Lens-mapping Jacobian ``[[1−h_xx, −h_xy], [−h_yx, 1−h_yy]]`` (raw arrays)."""
        h_yy, h_xy, h_yx, h_xx = self.hessian_from(grid=grid, xp=xp)
        return [[1.0 - h_xx, -h_xy], [-h_yx, 1.0 - h_yy]]

    @staticmethod
    def _wrap_irregular(values, grid, xp):
        if xp is np:
            return aa.ArrayIrregular(values=values)
        return values

    @staticmethod
    def _wrap_like_grid(values, grid, xp):
        if xp is not np:
            return values
        if isinstance(grid, aa.Grid2D):
            return aa.Array2D(values=values, mask=grid.mask)
        return aa.ArrayIrregular(values=values)

    def convergence_2d_via_hessian_from(self, grid, xp=np):
        """``κ = ½ (h_yy + h_xx)``."""
        h_yy, _, _, h_xx = self.hessian_from(grid=grid, xp=xp)
        return self._wrap_irregular(0.5 * (h_yy + h_xx), grid, xp)

    def shear_yx_2d_via_hessian_from(self, grid, xp=np):
        """Shear ``(γ2, γ1)`` per point with ``γ1 = ½ (h_xx − h_yy)`` and ``γ2 = h_xy``."""
        h_yy, h_xy, _, h_xx = self.hessian_from(grid=grid, xp=xp)
        gamma_1 = 0.5 * (h_xx - h_yy)
        gamma_2 = h_xy
        shear = xp.stack([gamma_2, gamma_1], axis=-1)
        if xp is not np:
            return shear
        points = aa.Grid2DIrregular(values=_raw_points(grid))
        return aa.ShearYX2DIrregular(values=shear, grid=points)

    def _magnification_raw_from(self, grid, xp=np):
        h_yy, h_xy, h_yx, h_xx = self.hessian_from(grid=grid, xp=xp)
        determinant = (1.0 - h_xx) * (1.0 - h_yy) - h_xy * h_yx
        return 1.0 / determinant

    def magnification_2d_via_hessian_from(self, grid, xp=np):
        """``μ = 1 / [(1 − h_xx)(1 − h_yy) − h_xy h_yx]`` → ``ArrayIrregular``."""
        return self._wrap_irregular(self._magnification_raw_from(grid, xp=xp), grid, xp)

    def magnification_2d_from(self, grid, xp=np):
        """Magnification → ``Array2D`` on a ``Grid2D`` (``ArrayIrregular`` otherwise)."""
        return self._wrap_like_grid(self._magnification_raw_from(grid, xp=xp), grid, xp)

    def _eigen_values_raw_from(self, grid, xp=np, buffer: float = HESSIAN_BUFFER):
        h_yy, h_xy, _, h_xx = self.hessian_from(grid=grid, buffer=buffer, xp=xp)
        convergence = 0.5 * (h_yy + h_xx)
        shear = xp.sqrt((0.5 * (h_xx - h_yy)) ** 2 + h_xy**2)
        return 1.0 - convergence - shear, 1.0 - convergence + shear

    def tangential_eigen_value_from(self, grid, xp=np):
        """``1 − κ − |γ|`` (its zero set is the tangential critical curve)."""
        tangential, _ = self._eigen_values_raw_from(grid, xp=xp)
        return self._wrap_like_grid(tangential, grid, xp)

    def radial_eigen_value_from(self, grid, xp=np):
        """``1 − κ + |γ|`` (its zero set is the radial critical curve)."""
        _, radial = self._eigen_values_raw_from(grid, xp=xp)
        return self._wrap_like_grid(radial, grid, xp)

    # ------------------------------------------------------------------ Fermat potential

    def time_delay_geometry_term_from(self, grid, source_plane_centre=None, xp=np):
        """
        Geometric time-delay term ``½ |θ − β|²``.  ``β`` is ``source_plane_centre`` (y, x) when
        given, otherwise the ray-traced position ``θ − α(θ)`` of each point.
        """
        points = _raw_points(grid, xp=xp)
        if source_plane_centre is None:
            offset = self._deflections_raw_from(points, xp=xp)
        else:
            offset = points - xp.asarray(source_plane_centre, dtype=xp.float64).reshape(1, 2)
        term = 0.5 * (offset[:, 0] ** 2 + offset[:, 1] ** 2)
        return self._wrap_like_grid(term, grid, xp)

    def fermat_potential_from(self, grid, source_plane_centre=None, xp=np):
        """Fermat potential ``½ |θ − β|² − ψ(θ)`` (see ``time_delay_geometry_term_from``)."""
        points = _raw_points(grid, xp=xp)
        geometry = aa.raw_array(
            self.time_delay_geometry_term_from(
                grid=points, source_plane_centre=source_plane_centre, xp=xp
            )
        )
        fermat = geometry - self._potential_raw_from(points, xp=xp)
        return self._wrap_like_grid(fermat, grid, xp)

    # ------------------------------------------------------------------ critical curves

    @staticmethod
    def _evaluation_axes_from(grid, pixel_scale: float):
        """
        Pixel-centre axes (ascending y, ascending x) of a uniform grid covering ``grid``: the
        mask's extent for a ``Grid2D``, the points' bounding box otherwise, at ``pixel_scale``.
        """
        points = _raw_points(grid)
        if isinstance(grid, aa.Grid2D):
            half = 0.5 * np.asarray(grid.mask.pixel_scales, dtype=float)
        else:
            half = np.zeros(2)
        lower = points.min(axis=0) - half
        upper = points.max(axis=0) + half
        centre = 0.5 * (lower + upper)
        extent = np.maximum(upper - lower, pixel_scale)
        shape = np.minimum(np.ceil(extent / pixel_scale).astype(int), MAX_EVALUATION_GRID_SIZE)
        shape = np.maximum(shape, 3)
        step = extent / shape
        axes = [
            centre[i] + (np.arange(shape[i]) - 0.5 * (shape[i] - 1)) * step[i] for i in range(2)
        ]
        return axes[0], axes[1]

    def _zero_contours_from(self, eigen_index: int, grid, pixel_scale: float) -> list:
        import contourpy

        y_axis, x_axis = self._evaluation_axes_from(grid, pixel_scale)
        yy, xx = np.meshgrid(y_axis, x_axis, indexing="ij")
        points = np.stack([yy.ravel(), xx.ravel()], axis=-1)
        values = self._eigen_values_raw_from(points, xp=np)[eigen_index].reshape(yy.shape)
        finite = np.isfinite(values)
        if not finite.any():
            return []
        values = np.ma.masked_array(values, mask=~finite)
        if values.min() > 0.0 or values.max() < 0.0:
            return []
        generator = contourpy.contour_generator(
            x=x_axis, y=y_axis, z=values, line_type=contourpy.LineType.Separate
        )
        curves = []
        for line in generator.lines(0.0):
            if len(line) < 3:
                continue
            curves.append(aa.Grid2DIrregular(values=np.stack([line[:, 1], line[:, 0]], axis=-1)))
        return curves

    def tangential_critical_curve_list_from(self, grid, pixel_scale: float = 0.05):
        """Zero contours of the tangential eigenvalue (list of ``Grid2DIrregular``; ``[]`` if
        the eigenvalue does not change sign)."""
        return self._zero_contours_from(0, grid, pixel_scale)

    def radial_critical_curve_list_from(self, grid, pixel_scale: float = 0.05):
        """Zero contours of the radial eigenvalue (list of ``Grid2DIrregular``)."""
        return self._zero_contours_from(1, grid, pixel_scale)

    def _caustics_from(self, curves):
        caustics = []
        for curve in curves:
            points = _raw_points(curve)
            traced = points - self._deflections_raw_from(points, xp=np)
            caustics.append(aa.Grid2DIrregular(values=traced))
        return caustics

    def tangential_caustic_list_from(self, grid, pixel_scale: float = 0.05):
        """Tangential critical curves mapped to the source plane (``θ − α(θ)``)."""
        return self._caustics_from(
            self.tangential_critical_curve_list_from(grid, pixel_scale=pixel_scale)
        )

    def radial_caustic_list_from(self, grid, pixel_scale: float = 0.05):
        """Radial critical curves mapped to the source plane (``θ − α(θ)``)."""
        return self._caustics_from(
            self.radial_critical_curve_list_from(grid, pixel_scale=pixel_scale)
        )

    @staticmethod
    def area_within_curve_from(curve) -> float:
        """Area enclosed by a closed curve (shoelace formula)."""
        points = _raw_points(curve)
        y, x = points[:, 0], points[:, 1]
        return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))

    def area_within_curve_list_from(self, curve_list: list) -> list[float]:
        """Area enclosed by each closed curve of ``curve_list`` (shoelace formula)."""
        return [self.area_within_curve_from(curve) for curve in curve_list]

    def tangential_critical_curve_area_list_from(
        self, grid, pixel_scale: float = 0.05
    ) -> list[float]:
        """Area within each tangential critical curve (``tangential_critical_curve_list_from``)."""
        return self.area_within_curve_list_from(
            self.tangential_critical_curve_list_from(grid, pixel_scale=pixel_scale)
        )

    def radial_critical_curve_area_list_from(self, grid, pixel_scale: float = 0.05) -> list[float]:
        """Area within each radial critical curve (``radial_critical_curve_list_from``)."""
        return self.area_within_curve_list_from(
            self.radial_critical_curve_list_from(grid, pixel_scale=pixel_scale)
        )

    def einstein_radius_list_from(self, grid, pixel_scale: float = 0.05) -> list[float]:
        """Area-equivalent radius ``sqrt(A/π)`` of each tangential critical curve."""
        return self._einstein_radii_from(
            self.tangential_critical_curve_list_from(grid, pixel_scale=pixel_scale)
        )

    def _einstein_radii_from(self, curve_list: list) -> list[float]:
        """Area-equivalent radius ``sqrt(A/π)`` of each closed curve of ``curve_list``."""
        return [math.sqrt(area / math.pi) for area in self.area_within_curve_list_from(curve_list)]

    def einstein_radius_from(self, grid, pixel_scale: float = 0.05) -> float:
        """Sum of the area-equivalent radii of the tangential critical curves."""
        return float(sum(self.einstein_radius_list_from(grid, pixel_scale=pixel_scale)))

    def einstein_mass_angular_list_from(self, grid, pixel_scale: float = 0.05) -> list[float]:
        """``π θ_E²`` for each tangential critical curve."""
        return [
            math.pi * radius**2
            for radius in self.einstein_radius_list_from(grid, pixel_scale=pixel_scale)
        ]

    def einstein_mass_angular_from(self, grid, pixel_scale: float = 0.05) -> float:
        """``π θ_E²`` with ``θ_E`` from ``einstein_radius_from``."""
        return math.pi * self.einstein_radius_from(grid, pixel_scale=pixel_scale) ** 2
