"""Regularizations with fixed coefficients: ``Constant``, ``Zeroth``, ``ConstantZeroth``.

``Constant(c)`` penalises the squared difference of every neighbouring pair:
``H = c² (Deg − A) + 1e-8 I`` (``A`` the mesh adjacency, ``Deg`` its row sums), i.e. ``c²`` per
neighbour on the diagonal (the reference's convention, not ``2c²``). ``Zeroth(c)`` penalises the
amplitudes themselves, ``H = c² I`` (no jitter). ``ConstantZeroth`` is their sum. The ``1e-8``
keeps the otherwise singular graph Laplacian positive definite so ``ln det H`` exists.
"""

from __future__ import annotations

import numpy as np

from autoarray import exc, execution
from autoarray.inversion.regularization.abstract import AbstractRegularization

#: Added to the diagonal of neighbour-based regularization matrices.
REGULARIZATION_JITTER = 1e-8


def _coefficient(value, name: str):
    try:
        number = float(value)
    except TypeError:
        return value  # a JAX tracer: checked on the NumPy path
    if not np.isfinite(number):
        raise exc.RegularizationException(f"{name} must be finite, got {value}.")
    return value


#: Laplacians of read-only (static, cached) adjacency matrices, keyed by identity: a
#: rectangular mesh's adjacency is one cached array per shape, and rebuilding ``Deg − A`` on
#: every NumPy fit cost ~1 ms of P3's ~18.
_LAPLACIANS = execution.IdentityCache(size=16)


def _static_laplacian(adjacency: np.ndarray) -> np.ndarray:
    laplacian = np.diag(adjacency.sum(axis=1)) - adjacency
    laplacian.setflags(write=False)
    return laplacian


def laplacian_from(adjacency, xp=np):
    """``Deg − A`` of an adjacency matrix (static NumPy, or a traced array under JAX)."""
    if isinstance(adjacency, np.ndarray):
        if adjacency.flags.writeable:  # may change under us: not cached
            return np.diag(adjacency.sum(axis=1)) - adjacency
        return _LAPLACIANS.get(adjacency, _static_laplacian)
    return xp.diag(xp.sum(adjacency, axis=1)) - adjacency


class Constant(AbstractRegularization):
    """``H_ii = c² n_i + 1e-8``, ``H_ij = −c²`` for each neighbour ``j`` of ``i``."""

    def __init__(self, coefficient: float = 1.0):
        self.coefficient = _coefficient(coefficient, "Constant coefficient")

    def regularization_matrix_from(self, mesh, pixel_signals=None, xp=np, mesh_grid=None):
        c2 = self.coefficient**2
        laplacian = laplacian_from(mesh.adjacency, xp=xp)
        if xp is np:
            matrix = c2 * laplacian  # a new array: the jitter is added to its diagonal in place
            matrix.flat[:: mesh.pixels + 1] += REGULARIZATION_JITTER
            return matrix
        jitter = REGULARIZATION_JITTER * np.eye(mesh.pixels)
        return c2 * xp.asarray(laplacian) + xp.asarray(jitter)


class Zeroth(AbstractRegularization):
    """``H = c² I`` (no jitter)."""

    def __init__(self, coefficient: float = 1.0):
        self.coefficient = _coefficient(coefficient, "Zeroth coefficient")

    def regularization_matrix_from(self, mesh, pixel_signals=None, xp=np, mesh_grid=None):
        return self.coefficient**2 * xp.eye(mesh.pixels)


class ConstantZeroth(AbstractRegularization):
    """``Constant(coefficient_neighbor)`` plus ``coefficient_zeroth² I``."""

    def __init__(self, coefficient_neighbor: float = 1.0, coefficient_zeroth: float = 1.0):
        self.coefficient_neighbor = _coefficient(coefficient_neighbor, "coefficient_neighbor")
        self.coefficient_zeroth = _coefficient(coefficient_zeroth, "coefficient_zeroth")

    def regularization_matrix_from(self, mesh, pixel_signals=None, xp=np, mesh_grid=None):
        constant = Constant(self.coefficient_neighbor).regularization_matrix_from(mesh, xp=xp)
        return constant + self.coefficient_zeroth**2 * xp.eye(mesh.pixels)
