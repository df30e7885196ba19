"""``PointSolver``: every image-plane position of a source-plane point.

1. *Bracket* (as the reference release does): the image plane is tiled by triangles, their
   vertices ray-traced to the source's plane, and the triangles whose traced image contains the
   source are kept; the kept triangles and their edge neighbours are split into four, and the
   search repeats, ``n_steps = ceil(log2(scale / pixel_scale_precision))`` times.
2. *Polish* (beyond the reference, whose answer is the kept triangles' centroids): Newton steps
   on the lens equation from every centroid (:mod:`autolens.point.polish`), so each returned
   image satisfies ``|β(θ) − β_s|`` to ~1e-12″ (``residual_tolerance`` 1e-8″ is the acceptance).
3. *Filter*: candidates that do not converge (e.g. the spurious triangle at a singular
   isothermal centre), leave the solver's area, or duplicate an earlier root are dropped; then
   images with ``|μ| ≤ magnification_threshold`` (strict, as the reference).

The NumPy path returns only the images found. The JAX path (``xp=jax.numpy``, see
:mod:`autolens.point.solver_jax`) has static shapes: at most ``max_images`` rows, padded with a
mask, so it runs under ``jax.jit``, ``jax.vmap`` and ``jax.grad`` (implicit differentiation).
"""

from __future__ import annotations

import math
import warnings

import numpy as np

import autoarray as aa
from autolens import exc
from autolens.point import polish, triangles


def plane_index_from(tracer, plane_redshift) -> int:
    """Index of the plane at ``plane_redshift`` (``None``: the last plane)."""
    if plane_redshift is None:
        return tracer.total_planes - 1
    index = tracer.plane_index_via_redshift_from(plane_redshift)
    if index is None:
        raise exc.PointSolverException(
            f"No plane of the tracer is at redshift {plane_redshift}; its planes are at "
            f"{tracer.plane_redshifts}."
        )
    return index


def _source_from(source_plane_coordinate, xp=np):
    values = xp.asarray(aa.raw_array(source_plane_coordinate), dtype=xp.float64).reshape(-1)
    if values.shape[0] != 2:
        raise exc.PointSolverException(
            f"source_plane_coordinate must be one (y, x) pair, got {values.shape[0]} values."
        )
    if xp is np and not np.all(np.isfinite(values)):
        raise exc.PointSolverException(
            f"source_plane_coordinate must be finite, got {values.tolist()}."
        )
    return values


class PointSolver:
    """Finds the images of a point source (see the module note).

    Parameters
    ----------
    y_min, y_max, x_min, x_max
        Image-plane area searched (arc-seconds).
    scale
        Side of the initial triangles (arc-seconds).
    pixel_scale_precision
        Side the triangles are refined to before the Newton polish (sets how close two images
        can be and still be bracketed separately).
    magnification_threshold
        Images with ``|μ| ≤`` this are dropped.
    neighbor_degree
        Edge-neighbour rings added around kept triangles before each refinement.
    residual_threshold
        Accepted for PyAutoLens compatibility (its centroid filter); the polished images are
        accepted by ``residual_tolerance`` instead.
    max_images
        Rows of the JAX output (static shape).
    residual_tolerance
        Largest ``|β(θ) − β_s|`` (arc-seconds) of an accepted image.
    """

    def __init__(
        self,
        y_min: float,
        y_max: float,
        x_min: float,
        x_max: float,
        scale: float,
        pixel_scale_precision: float,
        magnification_threshold: float = 0.1,
        neighbor_degree: int = 1,
        use_jax: bool = False,
        residual_threshold: float | None = 10.0,
        max_images: int = 20,
        residual_tolerance: float = 1e-8,
    ):
        if not (y_max > y_min and x_max > x_min):
            raise exc.PointSolverException(
                f"PointSolver limits must satisfy y_min < y_max and x_min < x_max, got "
                f"y=({y_min}, {y_max}), x=({x_min}, {x_max})."
            )
        if not scale > 0.0 or not pixel_scale_precision > 0.0:
            raise exc.PointSolverException(
                f"scale and pixel_scale_precision must be positive, got {scale} and "
                f"{pixel_scale_precision}."
            )
        n_steps = math.ceil(math.log2(scale / pixel_scale_precision))
        if n_steps <= 0:
            raise exc.PointSolverException(
                f"pixel_scale_precision ({pixel_scale_precision}) must be smaller than the "
                f"scale ({scale}) for at least one refinement step."
            )
        self.y_min, self.y_max = float(y_min), float(y_max)
        self.x_min, self.x_max = float(x_min), float(x_max)
        self.scale = float(scale)
        self.pixel_scale_precision = float(pixel_scale_precision)
        self.magnification_threshold = float(magnification_threshold)
        self.neighbor_degree = int(neighbor_degree)
        self.use_jax = bool(use_jax)
        self.residual_threshold = residual_threshold
        self.max_images = int(max_images)
        self.residual_tolerance = float(residual_tolerance)
        self.n_steps = n_steps
        # One cell of margin on each side, so images on the limits are still bracketed.
        self.origin = (self.y_min - self.scale, self.x_min - self.scale)
        self.n_y = int(math.ceil((self.y_max - self.y_min) / self.scale - 1e-9)) + 2
        self.n_x = int(math.ceil((self.x_max - self.x_min) / self.scale - 1e-9)) + 2

    @classmethod
    def for_grid(
        cls,
        grid,
        pixel_scale_precision: float,
        magnification_threshold: float = 0.1,
        neighbor_degree: int = 1,
        use_jax: bool = False,
        residual_threshold: float | None = 10.0,
        **kwargs,
    ) -> PointSolver:
        """Solver over a ``Grid2D``'s pixel centres, initial triangles of its pixel scale."""
        points = np.asarray(aa.raw_array(grid)).reshape(-1, 2)
        scale = float(grid.mask.pixel_scale) if hasattr(grid, "mask") else float(grid.pixel_scale)
        return cls(
            y_min=float(points[:, 0].min()),
            y_max=float(points[:, 0].max()),
            x_min=float(points[:, 1].min()),
            x_max=float(points[:, 1].max()),
            scale=scale,
            pixel_scale_precision=pixel_scale_precision,
            magnification_threshold=magnification_threshold,
            neighbor_degree=neighbor_degree,
            use_jax=use_jax,
            residual_threshold=residual_threshold,
            **kwargs,
        )

    @classmethod
    def for_limits_and_scale(
        cls,
        y_min: float = -1.0,
        y_max: float = 1.0,
        x_min: float = -1.0,
        x_max: float = 1.0,
        scale: float = 0.1,
        pixel_scale_precision: float = 0.001,
        **kwargs,
    ) -> PointSolver:
        return cls(
            y_min=y_min,
            y_max=y_max,
            x_min=x_min,
            x_max=x_max,
            scale=scale,
            pixel_scale_precision=pixel_scale_precision,
            **kwargs,
        )

    # ------------------------------------------------------------------ geometry
    def side_at(self, step: int) -> float:
        return self.scale / 2**step

    @property
    def steps(self) -> int:
        return self.n_steps

    def _inside_area(self, theta, xp=np):
        margin = self.scale
        y, x = theta[:, 0], theta[:, 1]
        return xp.logical_and(
            xp.logical_and(y >= self.y_min - margin, y <= self.y_max + margin),
            xp.logical_and(x >= self.x_min - margin, x <= self.x_max + margin),
        )

    # ------------------------------------------------------------------ NumPy bracketing
    def _initial_traced_vertices(self, tracer, plane_index):
        """``[n_y + 1, n_x + 1, 2]`` traced vertices of the initial lattice (one call)."""
        iy = self.origin[0] + self.scale * np.arange(self.n_y + 1)
        ix = self.origin[1] + self.scale * np.arange(self.n_x + 1)
        yy, xx = np.meshgrid(iy, ix, indexing="ij")
        points = np.stack([yy.reshape(-1), xx.reshape(-1)], axis=1)
        traced = polish.source_plane_points_from(tracer, points, plane_index)
        return traced.reshape(self.n_y + 1, self.n_x + 1, 2)

    def bracket_numpy(self, tracer, source, plane_index):
        """Kept triangles ``(i, j, o)`` of the last step (lattice of side ``side_at(n_steps-1)``)."""
        vertices = self._initial_traced_vertices(tracer, plane_index)
        i, j, o = triangles.initial_kept_from(vertices, source)

        def trace(points):
            return polish.source_plane_points_from(tracer, points, plane_index)

        for step in range(1, self.n_steps):
            for _ in range(self.neighbor_degree):
                i, j, o = triangles.unique_numpy(*triangles.neighbourhood_from(i, j, o))
            if i.size == 0:
                break
            (i, j, o), traced = triangles.children_with_traced_vertices_from(
                i, j, o, self.origin, self.side_at(step), trace
            )
            kept = triangles.contains_from(traced, source)
            i, j, o = i[kept], j[kept], o[kept]
        return i, j, o

    # ------------------------------------------------------------------ solve
    def solve_numpy_with_info(self, tracer, source_plane_coordinate, plane_redshift=None) -> dict:
        """Images (NumPy) with their residuals ``|β(θ) − β_s|`` and signed magnifications."""
        source = _source_from(source_plane_coordinate)
        plane_index = plane_index_from(tracer, plane_redshift)
        i, j, o = self.bracket_numpy(tracer, source, plane_index)
        empty = {
            "positions": np.zeros((0, 2)),
            "residuals": np.zeros(0),
            "magnifications": np.zeros(0),
        }
        if i.size == 0:
            return empty
        side = self.side_at(self.n_steps - 1)
        centroids = triangles.vertices_from(i, j, o, self.origin, side).mean(axis=1)
        theta, residual, det = polish.polish_numpy(
            tracer, centroids, source, plane_index, max_step=self.scale
        )
        accepted = np.logical_and(residual < self.residual_tolerance, self._inside_area(theta))
        accepted = np.logical_and(accepted, np.all(np.isfinite(theta), axis=1))
        keep = polish.distinct_roots_mask(theta, residual, det, accepted)
        with np.errstate(divide="ignore"):
            magnification = 1.0 / det
        keep = np.logical_and(keep, np.abs(magnification) > self.magnification_threshold)
        if not np.any(keep):
            return empty
        return {
            "positions": theta[keep],
            "residuals": residual[keep],
            "magnifications": magnification[keep],
        }

    def solve(
        self, tracer, source_plane_coordinate, xp=None, plane_redshift=None, remove_infinities=None
    ):
        """Image-plane positions of ``source_plane_coordinate`` → ``Grid2DIrregular``.

        NumPy: only the images found (``(0, 2)`` with a warning if none). JAX
        (``xp=jax.numpy`` or ``use_jax=True``): ``[max_images, 2]`` with ``inf`` in unused rows
        (``remove_infinities`` ignored there: shapes are static); use :meth:`solve_padded` for
        a mask instead of ``inf``.
        """
        xp = self._resolve_xp(xp)
        if xp is np:
            positions = self.solve_numpy_with_info(tracer, source_plane_coordinate, plane_redshift)[
                "positions"
            ]
            if positions.shape[0] == 0:
                warnings.warn("PointSolver found no image of the source.", stacklevel=2)
            return aa.Grid2DIrregular(values=positions.reshape(-1, 2))
        positions, mask = self.solve_padded(
            tracer, source_plane_coordinate, xp=xp, plane_redshift=plane_redshift
        )
        return aa.Grid2DIrregular(values=xp.where(mask[:, None], positions, xp.inf), xp=xp)

    def solve_padded(self, tracer, source_plane_coordinate, xp=None, plane_redshift=None):
        """``(positions [max_images, 2], mask [max_images])``: static shapes on both backends;
        unused rows are finite copies of a found image (or 0) with ``mask`` False."""
        xp = self._resolve_xp(xp)
        if xp is np:
            found = self.solve_numpy_with_info(tracer, source_plane_coordinate, plane_redshift)
            n = min(found["positions"].shape[0], self.max_images)
            positions = np.zeros((self.max_images, 2))
            positions[:n] = found["positions"][:n]
            mask = np.arange(self.max_images) < n
            return positions, mask
        from autolens.point.solver_jax import solve_padded_jax

        return solve_padded_jax(self, tracer, source_plane_coordinate, plane_redshift, xp)

    def _resolve_xp(self, xp):
        if xp is None:
            if self.use_jax:
                from autoarray.backend import jax_numpy

                return jax_numpy()
            return np
        return xp

    def __repr__(self) -> str:
        return (
            f"PointSolver(y=({self.y_min}, {self.y_max}), x=({self.x_min}, {self.x_max}), "
            f"scale={self.scale}, pixel_scale_precision={self.pixel_scale_precision}, "
            f"magnification_threshold={self.magnification_threshold})"
        )
