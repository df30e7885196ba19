"""
Critical curves, caustics and Einstein radii traced along the zero contour of a Hessian
eigenvalue (the ``*_via_zero_contour_from`` family of PyAutoGalaxy's ``LensCalc``).

Instead of evaluating the eigenvalue on a dense uniform grid and contouring it (the
``tangential_critical_curve_list_from`` family), the curve is followed point by point from seeds
(:mod:`autogalaxy.operate.zero_contour`), evaluating the field only along the curve itself.

The field is the one eigenvalue formula of ``LensCalc`` (``_eigen_values_raw_from``, i.e. the
NumPy Richardson finite-difference Hessian, here with the step ``HESSIAN_BUFFER``: the default
0.01" step is too coarse within ~0.2" of an isothermal centre, where radial critical curves
lie, and PyAutoGalaxy's own NumPy Hessian refines its step there); its gradient, which the tracer needs for the
predictor and Newton corrector, is a central difference of that field with step
``GRADIENT_STEP``.  These are NumPy (host) functions: the control flow (how many steps, when a
curve closes, how many curves) depends on the values, so they return Python lists of
``Grid2DIrregular`` as PyAutoGalaxy's do, and are not meant for ``jax.jit``.
"""

from __future__ import annotations

from typing import Any, Tuple

import numpy as np

import autoarray as aa
from autogalaxy import exc
from autogalaxy.operate import zero_contour

#: Central-difference step (arc-seconds) of the eigenvalue gradient.
GRADIENT_STEP = 1.0e-4

#: Finite-difference step (arc-seconds) of the Hessian along a traced curve.
HESSIAN_BUFFER = 1.0e-3

#: Default coarse seed grid: shape and half-width (arc-seconds), as PyAutoGalaxy's.
SEED_GRID_SHAPE = (25, 25)
SEED_GRID_EXTENT = 3.0

_KINDS = {"tangential": 0, "radial": 1}

#: The arguments every ``*_via_zero_contour_from`` method takes (PyAutoGalaxy's signature, kept
#: explicit on each public method) and hands on unchanged.
_OPTIONS = (
    "init_guess",
    "delta",
    "N",
    "pixel_scales",
    "tol",
    "max_newton",
    "seed_grid_shape",
    "seed_grid_extent",
)


def _options(arguments: dict) -> dict:
    """The zero-contour options among a method's ``locals()``, to pass on by name."""
    return {name: arguments[name] for name in _OPTIONS}


def _seed_grid_axes_from(grid_shape: Tuple[int, int], grid_extent: float) -> list:
    """Node coordinates (y axis, x axis) of the coarse seed grid: ``grid_shape`` pixel centres
    spanning ``±grid_extent`` arc-seconds about the origin, as ``Grid2D.uniform`` places them."""
    if len(grid_shape) != 2 or min(grid_shape) < 2:
        raise exc.LensCalcException(f"seed_grid_shape must be two integers >= 2, got {grid_shape}.")
    if not (np.isfinite(grid_extent) and grid_extent > 0.0):
        raise exc.LensCalcException(
            f"seed_grid_extent must be a positive number of arc-seconds, got {grid_extent}."
        )
    return [(np.arange(n) - 0.5 * (n - 1)) * (2.0 * grid_extent / n) for n in map(int, grid_shape)]


class ZeroContourCalc:
    """Mixin of :class:`~autogalaxy.operate.lens_calc.LensCalc` (it supplies
    ``_eigen_values_raw_from``, ``_caustics_from`` and ``area_within_curve_list_from``)."""

    # Declared for the type checker: LensCalc defines these.
    _eigen_values_raw_from: Any
    _caustics_from: Any
    area_within_curve_list_from: Any

    def _eigen_value_and_grad_function(self, kind: str):
        """``points [M, 2] -> (eigenvalue [M], gradient [M, 2])`` of the ``kind`` eigenvalue,
        all five stencil points evaluated in one Hessian call."""
        index = _KINDS[kind]
        step = GRADIENT_STEP
        offsets = np.array([[0.0, 0.0], [step, 0.0], [-step, 0.0], [0.0, step], [0.0, -step]])

        def value_and_grad(points: np.ndarray) -> tuple:
            count = len(points)
            shifted = (points[None, :, :] + offsets[:, None, :]).reshape(-1, 2)
            values = self._eigen_values_raw_from(shifted, xp=np, buffer=HESSIAN_BUFFER)[index]
            values = np.asarray(values, dtype=float)
            values = values.reshape(5, count)
            grad_y = (values[1] - values[2]) / (2.0 * step)
            grad_x = (values[3] - values[4]) / (2.0 * step)
            return values[0], np.stack([grad_y, grad_x], axis=-1)

        return value_and_grad

    def _zero_contour_seeds_from(
        self, kind: str, grid_shape: Tuple[int, int], grid_extent: float
    ) -> np.ndarray:
        """Sign changes of the ``kind`` eigenvalue between neighbouring nodes of the coarse
        seed grid (``_seed_grid_axes_from``)."""
        axes = _seed_grid_axes_from(grid_shape, grid_extent)
        yy, xx = np.meshgrid(axes[0], axes[1], indexing="ij")
        points = np.stack([yy.ravel(), xx.ravel()], axis=-1)
        values = self._eigen_values_raw_from(points, xp=np, buffer=HESSIAN_BUFFER)[_KINDS[kind]]
        values = np.asarray(values, dtype=float)
        return zero_contour.sign_change_seeds_from(values.reshape(yy.shape), axes[0], axes[1])

    def _critical_curve_list_via_zero_contour(
        self,
        kind: str,
        init_guess,
        delta: float,
        N: int,
        pixel_scales,
        tol: float,
        max_newton: int,
        seed_grid_shape: Tuple[int, int],
        seed_grid_extent: float,
    ) -> list:
        if not (np.isfinite(delta) and delta != 0.0):
            raise exc.LensCalcException(f"delta must be a non-zero step length, got {delta}.")
        if int(N) < 1 or int(max_newton) < 1:
            raise exc.LensCalcException(
                f"N and max_newton must be positive integers, got N={N}, max_newton={max_newton}."
            )
        if not (np.isfinite(tol) and tol > 0.0):
            raise exc.LensCalcException(f"tol must be a positive number, got {tol}.")
        if np.any(np.asarray(pixel_scales, dtype=float) <= 0.0):
            raise exc.LensCalcException(f"pixel_scales must be positive, got {pixel_scales}.")
        if init_guess is None:
            seeds = self._zero_contour_seeds_from(kind, seed_grid_shape, seed_grid_extent)
        else:
            seeds = np.atleast_2d(np.asarray(aa.raw_array(init_guess), dtype=float))
            if seeds.ndim != 2 or seeds.shape[1] != 2:
                raise exc.LensCalcException(
                    f"init_guess must be (y, x) seeds of shape (n, 2), got shape {seeds.shape}."
                )
        curves = zero_contour.zero_contour_list_from(
            self._eigen_value_and_grad_function(kind),
            seeds,
            delta=float(delta),
            n_steps=int(N),
            tol=float(tol),
            max_newton=int(max_newton),
        )
        return [aa.Grid2DIrregular(values=curve) for curve in curves]

    def tangential_critical_curve_list_via_zero_contour_from(
        self,
        init_guess=None,
        delta: float = 0.05,
        N: int = 500,
        pixel_scales: Tuple[float, float] = (0.05, 0.05),
        tol: float = 1e-6,
        max_newton: int = 5,
        seed_grid_shape: Tuple[int, int] = SEED_GRID_SHAPE,
        seed_grid_extent: float = SEED_GRID_EXTENT,
    ) -> list:
        """
        Tangential critical curves (zero contours of ``1 − κ − |γ|``), traced from seeds.

        Parameters
        ----------
        init_guess
            ``(n, 2)`` rough (y, x) positions near the curves; ``None`` seeds from the sign
            changes of the eigenvalue on a coarse ``seed_grid_shape`` grid of half-width
            ``seed_grid_extent`` arc-seconds (every curve crossing that grid is found).
        delta
            Arc-second step between consecutive curve points.
        N
            Most steps in each direction from a seed.
        pixel_scales
            Accepted for PyAutoGalaxy's signature (there it sizes the one-pixel mask of its
            JAX deflection function); the curve here does not depend on it.
        tol
            Newton tolerance on the eigenvalue.
        max_newton
            Most Newton corrections per step (five times as many for a seed).

        Returns
        -------
        One closed ``Grid2DIrregular`` (first point repeated) per distinct curve.
        """
        return self._critical_curve_list_via_zero_contour("tangential", **_options(locals()))

    def radial_critical_curve_list_via_zero_contour_from(
        self,
        init_guess=None,
        delta: float = 0.05,
        N: int = 500,
        pixel_scales: Tuple[float, float] = (0.05, 0.05),
        tol: float = 1e-6,
        max_newton: int = 5,
        seed_grid_shape: Tuple[int, int] = SEED_GRID_SHAPE,
        seed_grid_extent: float = SEED_GRID_EXTENT,
    ) -> list:
        """Radial critical curves (zero contours of ``1 − κ + |γ|``); parameters as
        ``tangential_critical_curve_list_via_zero_contour_from``."""
        return self._critical_curve_list_via_zero_contour("radial", **_options(locals()))

    def tangential_caustic_list_via_zero_contour_from(
        self,
        init_guess=None,
        delta: float = 0.05,
        N: int = 500,
        pixel_scales: Tuple[float, float] = (0.05, 0.05),
        tol: float = 1e-6,
        max_newton: int = 5,
        seed_grid_shape: Tuple[int, int] = SEED_GRID_SHAPE,
        seed_grid_extent: float = SEED_GRID_EXTENT,
    ) -> list:
        """Tangential critical curves (``tangential_critical_curve_list_via_zero_contour_from``)
        mapped to the source plane, ``θ − α(θ)``."""
        return self._caustics_from(
            self.tangential_critical_curve_list_via_zero_contour_from(**_options(locals()))
        )

    def radial_caustic_list_via_zero_contour_from(
        self,
        init_guess=None,
        delta: float = 0.05,
        N: int = 500,
        pixel_scales: Tuple[float, float] = (0.05, 0.05),
        tol: float = 1e-6,
        max_newton: int = 5,
        seed_grid_shape: Tuple[int, int] = SEED_GRID_SHAPE,
        seed_grid_extent: float = SEED_GRID_EXTENT,
    ) -> list:
        """Radial critical curves (``radial_critical_curve_list_via_zero_contour_from``)
        mapped to the source plane, ``θ − α(θ)``."""
        return self._caustics_from(
            self.radial_critical_curve_list_via_zero_contour_from(**_options(locals()))
        )

    def einstein_radius_list_via_zero_contour_from(
        self,
        init_guess=None,
        delta: float = 0.05,
        N: int = 500,
        pixel_scales: Tuple[float, float] = (0.05, 0.05),
        tol: float = 1e-6,
        max_newton: int = 5,
        seed_grid_shape: Tuple[int, int] = SEED_GRID_SHAPE,
        seed_grid_extent: float = SEED_GRID_EXTENT,
    ) -> list:
        """Area-equivalent radius ``sqrt(A/π)`` of each traced tangential critical curve."""
        curves = self.tangential_critical_curve_list_via_zero_contour_from(**_options(locals()))
        return self._einstein_radii_from(curves)

    def einstein_radius_via_zero_contour_from(
        self,
        init_guess=None,
        delta: float = 0.05,
        N: int = 500,
        pixel_scales: Tuple[float, float] = (0.05, 0.05),
        tol: float = 1e-6,
        max_newton: int = 5,
        seed_grid_shape: Tuple[int, int] = SEED_GRID_SHAPE,
        seed_grid_extent: float = SEED_GRID_EXTENT,
    ) -> float:
        """Sum of ``einstein_radius_list_via_zero_contour_from`` (as ``einstein_radius_from``)."""
        return float(sum(self.einstein_radius_list_via_zero_contour_from(**_options(locals()))))

    def _seed_via_coarse_grid_argmin(
        self, kind: str, grid_shape: Tuple[int, int], grid_extent: float, xp
    ):
        """``(1, 2)``: the node of the coarse seed grid with the smallest finite ``|eigenvalue|``
        (a traceable stand-in for the sign-change seeds: one seed, so one curve)."""
        axes = _seed_grid_axes_from(grid_shape, grid_extent)
        yy, xx = np.meshgrid(axes[0], axes[1], indexing="ij")
        points = np.stack([yy.ravel(), xx.ravel()], axis=-1)
        values = self._eigen_values_raw_from(points, xp=xp)[_KINDS[kind]]
        score = xp.where(xp.isfinite(values), xp.abs(values), xp.inf)
        return xp.asarray(points)[xp.argmin(score)].reshape(1, 2)

    def einstein_radius_jit_from(
        self,
        init_guess=None,
        delta: float = 0.05,
        N: int = 500,
        pixel_scales: Tuple[float, float] = (0.05, 0.05),
        tol: float = 1e-6,
        max_newton: int = 5,
        seed_grid_shape: Tuple[int, int] = SEED_GRID_SHAPE,
        seed_grid_extent: float = SEED_GRID_EXTENT,
    ):
        """
        Einstein radius ``sqrt(A/π)`` of the tangential critical curve as a scalar
        ``jax.Array``, traceable by ``jax.jit`` (:mod:`autogalaxy.operate.zero_contour_jax`):
        the eigenvalue is the exact JAX Hessian, every seed is traced for ``N`` fixed steps each
        way and ``A`` is the largest area enclosed over the seeds (several seeds on one curve
        then count it once).  Without ``init_guess`` the seed is the coarse-grid node of
        smallest ``|eigenvalue|``, so a lens with several tangential curves needs explicit
        seeds.  Parameters as ``tangential_critical_curve_list_via_zero_contour_from``.
        """
        from autoarray.backend import jax_numpy

        jnp = jax_numpy()
        import jax

        from autogalaxy.operate.zero_contour_jax import enclosed_area_from

        if int(N) < 1 or int(max_newton) < 1 or not (delta != 0.0 and tol > 0.0):
            raise exc.LensCalcException(
                f"einstein_radius_jit_from needs N >= 1, max_newton >= 1, delta != 0 and "
                f"tol > 0, got N={N}, max_newton={max_newton}, delta={delta}, tol={tol}."
            )
        if init_guess is None:
            seeds = self._seed_via_coarse_grid_argmin(
                "tangential", seed_grid_shape, seed_grid_extent, xp=jnp
            )
        else:
            seeds = jnp.atleast_2d(jnp.asarray(aa.raw_array(init_guess), dtype=jnp.float64))
            if seeds.ndim != 2 or seeds.shape[1] != 2:
                raise exc.LensCalcException(
                    f"init_guess must be (y, x) seeds of shape (n, 2), got shape {seeds.shape}."
                )

        def eigen_value(point):
            return self._eigen_values_raw_from(point.reshape(1, 2), xp=jnp)[0][0]

        value_and_grad = jax.value_and_grad(eigen_value)
        areas = jax.lax.map(
            lambda seed: enclosed_area_from(
                value_and_grad, seed, float(delta), int(N), float(tol), int(max_newton)
            ),
            seeds,
        )
        return jnp.sqrt(jnp.max(areas) / jnp.pi)
