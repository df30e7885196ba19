"""Shared checks for the mass-profile tests: finite differences and an adaptive Keeton reference."""

import numpy as np
import pytest
from scipy.integrate import quad

import autoarray as aa

#: Break points of the adaptive Keeton quadrature (resolve the integrand's small-``u`` structure).
KEETON_BREAK_POINTS = (1e-8, 1e-6, 1e-4, 1e-2, 0.5)


def finite_differences_from(profile, points, step=1e-5):
    """Central differences at raw ``[N, 2]`` points: ``(grad psi, alpha, div alpha, kappa)``.

    ``grad psi`` and ``alpha`` are ``[N, 2]``, ``div alpha`` and ``kappa`` ``[N]``; for a consistent
    profile ``grad psi == alpha`` and ``div alpha == 2 kappa``.
    """
    raw = np.asarray(points, dtype=float)

    def psi(values):
        return profile.potential_2d_from(aa.Grid2DIrregular(values)).array

    def alpha(values):
        return profile.deflections_yx_2d_from(aa.Grid2DIrregular(values)).array

    dy = np.array([step, 0.0])
    dx = np.array([0.0, step])
    grad = np.stack(
        [
            (psi(raw + dy) - psi(raw - dy)) / (2 * step),
            (psi(raw + dx) - psi(raw - dx)) / (2 * step),
        ],
        axis=1,
    )
    div = (alpha(raw + dy)[:, 0] - alpha(raw - dy)[:, 0]) / (2 * step) + (
        alpha(raw + dx)[:, 1] - alpha(raw - dx)[:, 1]
    ) / (2 * step)
    kappa = profile.convergence_2d_from(aa.Grid2DIrregular(raw)).array
    return grad, alpha(raw), div, kappa


def keeton_reference_from(y, x, q, kappa, angle=0.0, limit=1000, points=KEETON_BREAK_POINTS):
    """Keeton (2001) deflections ``(alpha_y, alpha_x)`` at ``(y, x)`` by adaptive SciPy quadrature.

    ``kappa(xi)`` is the convergence on ellipses ``xi^2 = x'^2 + y'^2 / q^2`` of the profile frame,
    rotated by ``angle`` (radians) from the sky frame; the result is in the sky frame.
    """
    yp = y * np.cos(angle) - x * np.sin(angle)
    xp = x * np.cos(angle) + y * np.sin(angle)
    p = 1.0 - q * q

    def xi(u):
        return np.sqrt(u * (xp * xp + yp * yp / (1.0 - p * u)))

    kw = dict(limit=limit, epsabs=0.0, epsrel=1e-12, points=list(points))
    j0 = quad(lambda u: kappa(xi(u)) / np.sqrt(1.0 - p * u), 0.0, 1.0, **kw)[0]
    j1 = quad(lambda u: kappa(xi(u)) / (1.0 - p * u) ** 1.5, 0.0, 1.0, **kw)[0]
    ry, rx = q * yp * j1, q * xp * j0
    return rx * np.sin(angle) + ry * np.cos(angle), rx * np.cos(angle) - ry * np.sin(angle)


@pytest.fixture
def finite_differences():
    """:func:`finite_differences_from` (``grad psi``, ``alpha``, ``div alpha``, ``kappa`` at points)."""
    return finite_differences_from


@pytest.fixture
def keeton_reference():
    """:func:`keeton_reference_from` (adaptive-quadrature elliptical deflections)."""
    return keeton_reference_from
