"""Kernel (Gaussian-process) regularizations: ``GaussianKernel``, ``ExponentialKernel``,
``MaternKernel``.

The source pixels are given a prior covariance ``C`` that depends on the distances ``d_ij``
between their source-plane positions (the mesh grid: rectangular centres, Delaunay vertices),
and ``H = c · C⁻¹`` — the coefficient ``c`` is *not* squared, as in the reference:

* Gaussian: ``C = exp(−d²/(2 scale²)) + jitter I``; ``H`` symmetrised and given
  ``1e-8 |mean diag H|`` on its diagonal;
* Exponential: ``C = exp(−d/scale) + jitter I`` with ``d = sqrt(max(d², 0) + 1e-20)``;
* Matérn: ``C = 2^{1−ν}/Γ(ν) z^ν K_ν(z) + jitter I``, ``z = sqrt(2ν) r/scale`` with
  ``r = max(sqrt(max(d², 0) + 1e-20), 1e-8)``. JAX has no ``K_ν``, so under JAX ``ν`` must be
  0.5, 1.5 or 2.5 (closed forms); NumPy takes any ``ν > 0``.

``jitter_relative=True`` scales the jitter by each pixel's own variance (``C_ii (1 + jitter)``).
"""

from __future__ import annotations

from abc import abstractmethod

import numpy as np

from autoarray import exc
from autoarray.inversion.regularization.abstract import AbstractRegularization
from autoarray.inversion.regularization.constant import _coefficient

_CLOSED_FORM_NU = (0.5, 1.5, 2.5)


def squared_distances_from(points, xp=np):
    """``[S, S]`` squared distances of ``[S, 2]`` points (clipped at 0)."""
    norms = xp.sum(points * points, axis=1)
    return xp.maximum(norms[:, None] + norms[None, :] - 2.0 * (points @ points.T), 0.0)


def jittered(covariance, jitter, relative: bool, xp=np):
    if relative:
        return covariance + xp.diag(jitter * xp.diagonal(covariance))
    return covariance + jitter * xp.eye(covariance.shape[0])


def inverse_spd(matrix, xp=np):
    """``matrix⁻¹`` of a symmetric positive-definite matrix through its Cholesky factor."""
    if xp is np:
        from scipy.linalg import cho_factor, cho_solve

        try:
            return cho_solve(cho_factor(matrix, lower=True), np.eye(matrix.shape[0]))
        except np.linalg.LinAlgError as error:
            raise exc.InversionException(
                "Kernel regularization: the source covariance matrix is not positive definite."
            ) from error
    import jax.scipy.linalg as jsl

    return jsl.cho_solve(jsl.cho_factor(matrix, lower=True), xp.eye(matrix.shape[0]))


class AbstractKernel(AbstractRegularization):
    """Shared constructor of the kernel regularizations."""

    requires_mesh_grid = True

    def __init__(
        self,
        coefficient: float = 1.0,
        scale: float = 1.0,
        jitter: float | None = None,
        jitter_relative: bool = False,
    ):
        self.coefficient = _coefficient(coefficient, "coefficient")
        self.scale = _coefficient(scale, "scale")
        self.jitter = jitter
        self.jitter_relative = jitter_relative

    @property
    def jitter_value(self) -> float:
        return 1e-8 if self.jitter is None else self.jitter

    def _mesh_grid(self, mesh_grid):
        if mesh_grid is None:
            raise exc.RegularizationException(
                f"{type(self).__name__} needs the source-plane mesh grid of its mapper."
            )
        return mesh_grid

    @abstractmethod
    def covariance_from(self, mesh_grid, xp=np):
        """The prior covariance ``C`` ``[P, P]`` of the mesh pixels at ``mesh_grid``."""

    def regularization_matrix_from(self, mesh, pixel_signals=None, xp=np, mesh_grid=None):
        covariance = self.covariance_from(self._mesh_grid(mesh_grid), xp=xp)
        covariance = jittered(covariance, self.jitter_value, self.jitter_relative, xp=xp)
        return self.coefficient * inverse_spd(covariance, xp=xp)


class GaussianKernel(AbstractKernel):
    """``C = exp(−d²/(2 scale²))``; ``H`` symmetrised plus ``1e-8 |mean diag H| I``."""

    def covariance_from(self, mesh_grid, xp=np):
        return xp.exp(-squared_distances_from(mesh_grid, xp=xp) / (2.0 * self.scale**2))

    def regularization_matrix_from(self, mesh, pixel_signals=None, xp=np, mesh_grid=None):
        H = super().regularization_matrix_from(mesh, xp=xp, mesh_grid=mesh_grid)
        H = 0.5 * (H + H.T)
        return H + 1e-8 * xp.abs(xp.mean(xp.diagonal(H))) * xp.eye(H.shape[0])


class ExponentialKernel(AbstractKernel):
    """``C = exp(−d/scale)``."""

    def covariance_from(self, mesh_grid, xp=np):
        d = xp.sqrt(squared_distances_from(mesh_grid, xp=xp) + 1e-20)
        return xp.exp(-d / self.scale)


class MaternKernel(AbstractKernel):
    """Matérn covariance of smoothness ``nu``."""

    def __init__(
        self,
        coefficient: float = 1.0,
        scale: float = 1.0,
        nu: float = 0.5,
        jitter: float | None = None,
        jitter_relative: bool = False,
    ):
        super().__init__(coefficient, scale, jitter, jitter_relative)
        if not float(nu) > 0.0:
            raise exc.RegularizationException(f"MaternKernel nu must be > 0, got {nu}.")
        self.nu = float(nu)

    def covariance_from(self, mesh_grid, xp=np):
        r = xp.maximum(xp.sqrt(squared_distances_from(mesh_grid, xp=xp) + 1e-20), 1e-8)
        z = np.sqrt(2.0 * self.nu) * r / self.scale
        if self.nu in _CLOSED_FORM_NU:
            polynomial = {0.5: 1.0, 1.5: 1.0 + z, 2.5: 1.0 + z + z * z / 3.0}[self.nu]
            return polynomial * xp.exp(-z)
        if xp is not np:
            raise exc.RegularizationException(
                f"MaternKernel nu={self.nu} needs the Bessel function K_nu, which JAX lacks; "
                f"use nu in {_CLOSED_FORM_NU} under JAX."
            )
        from scipy.special import gamma, kv

        return (2.0 ** (1.0 - self.nu) / gamma(self.nu)) * z**self.nu * kv(self.nu, z)
