"""Multi-plane ray-tracing helpers used by :class:`autolens.lens.tracer.Tracer`.

With planes ``j = 0..P-1`` at redshifts ``z_j`` (ascending), final redshift ``z_s = z_{P-1}`` and
image-plane positions ``θ``::

    θ_0 = θ,    θ_j = θ - Σ_{i<j} β_ij α_i(θ_i),
    β_ij = D(z_i, z_j) D(0, z_s) / (D(0, z_j) D(z_i, z_s))       (β_{i,P-1} = 1)

where ``α_i`` is the summed deflection of the galaxies of plane ``i``. Deflection
normalisations therefore refer to the highest-redshift plane.
"""

from __future__ import annotations

import numbers
from typing import List, Sequence

import numpy as np

from autoarray.backend import is_traced
from autogalaxy.profiles.geometry_profiles import (
    stacked_yx_for_column_reads_from,
    stacked_yx_from,
)
from autolens import exc


def is_concrete_redshift(redshift) -> bool:
    """True for a Python / NumPy number (or a concrete 0-d array), False for JAX tracers."""
    if redshift is None:
        return True
    if isinstance(redshift, numbers.Real):
        return True
    if is_traced(redshift):
        return False
    try:
        float(redshift)
    except Exception:
        return False
    return True


def plane_redshifts_from(redshifts: Sequence[float]) -> List[float]:
    """Unique redshifts in ascending order (concrete values only)."""
    return sorted(set(float(z) for z in redshifts))


def plane_index_lists_from(redshifts: Sequence[float]) -> List[List[int]]:
    """For each plane (ascending redshift), the indexes of its galaxies in input order (a stable
    grouping by redshift)."""
    planes = plane_redshifts_from(redshifts)
    lists: List[List[int]] = [[] for _ in planes]
    for index, z in enumerate(redshifts):
        lists[planes.index(float(z))].append(index)
    return lists


def scaling_factor_matrix_from(plane_redshifts: Sequence[float], cosmology) -> np.ndarray:
    """``β[i, j]`` (``i < j``) as a NumPy ``[P, P]`` array of Python-float accuracy, computed
    once per tracer; ``β[i, P-1] = 1`` exactly; zero on and below the diagonal."""
    total = len(plane_redshifts)
    beta = np.zeros((total, total))
    if total < 2:
        return beta
    z_final = float(plane_redshifts[-1])
    for j in range(1, total):
        for i in range(j):
            if j == total - 1:
                beta[i, j] = 1.0
            else:
                beta[i, j] = float(
                    cosmology.scaling_factor_between_redshifts_from(
                        float(plane_redshifts[i]), float(plane_redshifts[j]), z_final
                    )
                )
    return beta


def scaling_factor_matrix_traced_from(redshifts: Sequence, cosmology, xp) -> list:
    """``β[i][j]`` for (possibly traced) redshifts in input order, as a nested list of scalars
    (``xp`` arrays). Pairs with ``z_i >= z_j`` get 0 (no lensing between them)."""
    total = len(redshifts)
    z_final = redshifts[-1]
    beta = [[0.0] * total for _ in range(total)]
    for j in range(1, total):
        for i in range(j):
            z_i, z_j = redshifts[i], redshifts[j]
            behind = z_i < z_j
            if j == total - 1:
                beta[i][j] = xp.where(behind, 1.0, 0.0)
                continue
            # Safe redshifts keep the distances finite where the factor is unused.
            safe_j = xp.where(behind, z_j, z_i + 1.0)
            safe_final = xp.where(z_i < z_final, z_final, z_i + 2.0)
            value = cosmology.scaling_factor_between_redshifts_from(z_i, safe_j, safe_final, xp=xp)
            beta[i][j] = xp.where(behind, value, 0.0)
    return beta


def traced_points_list_from(
    points,
    deflections_of_plane_from,
    beta,
    total_planes: int,
    xp=np,
    plane_index_limit: int | None = None,
    for_column_reads: bool = False,
) -> list:
    """Raw ``[N, 2]`` positions ``θ_j`` of every plane up to ``plane_index_limit``.

    Parameters
    ----------
    points
        Raw image-plane positions.
    deflections_of_plane_from
        ``f(plane_index, raw_points, xp)`` → the summed deflections of that plane as
        ``(alpha_y, alpha_x)`` columns (the tracing is done column by column), or ``None`` if the
        plane has no mass (it is then skipped).
    beta
        ``β[i][j]`` (array or nested list).
    for_column_reads
        The caller reads the traced points only column by column: on JAX, points traced by
        columns are stacked so that XLA removes the stack (no ``[N, 2]`` array is written).
    """
    last = total_planes - 1 if plane_index_limit is None else int(plane_index_limit)
    if last < 0 or last > total_planes - 1:
        raise exc.RayTracingException(
            f"plane_index_limit={plane_index_limit} is outside the tracer's {total_planes} planes."
        )
    stack = stacked_yx_for_column_reads_from if for_column_reads else stacked_yx_from
    traced = [points]
    deflections: list = []
    for j in range(1, last + 1):
        deflections.append(deflections_of_plane_from(j - 1, traced[j - 1], xp))
        terms = []
        for i in range(j):
            alpha = deflections[i]
            if alpha is None:
                continue
            factor = beta[i][j]
            if _is_plain(factor) and factor == 0.0:
                continue
            terms.append(alpha if _is_plain(factor) and factor == 1.0 else _scaled(factor, alpha))
        if not terms:
            traced.append(points)
            continue
        traced_y = points[:, 0] - terms[0][0]
        traced_x = points[:, 1] - terms[0][1]
        for alpha_y, alpha_x in terms[1:]:
            traced_y = traced_y - alpha_y
            traced_x = traced_x - alpha_x
        traced.append(stack(traced_y, traced_x, xp=xp))
    return traced


def _scaled(factor, alpha):
    """``factor * alpha`` for a ``(alpha_y, alpha_x)`` pair."""
    return factor * alpha[0], factor * alpha[1]


def _is_plain(factor) -> bool:
    return isinstance(factor, (float, np.floating))


def ordered_plane_redshifts_with_slicing_from(
    lens_redshifts: Sequence[float],
    planes_between_lenses: Sequence[int],
    source_plane_redshift: float,
) -> List[float]:
    """
    Plane redshifts of a sliced multi-plane system (PyAutoLens's rule): between consecutive
    main redshifts ``0, lens_redshifts..., source_plane_redshift`` the interval is split by
    ``planes_between_lenses[i]`` evenly spaced slices, and every slice and main lens redshift is
    a plane; the source-plane redshift itself is left out (the caller adds it).

    E.g. lens redshifts ``[1.0, 2.0]``, slices ``[1, 3]`` (and any source beyond) give
    ``[0.5, 1.0, 1.25, 1.5, 1.75, 2.0, ...]``.
    """
    if len(lens_redshifts) != len(planes_between_lenses) - 1:
        raise exc.TracerException(
            f"planes_between_lenses needs one entry per interval between 0, the "
            f"{len(lens_redshifts)} lens redshift(s) and the source ({len(lens_redshifts) + 1} "
            f"entries), got {len(planes_between_lenses)}."
        )
    if any(int(n) < 0 for n in planes_between_lenses):
        raise exc.TracerException(
            f"planes_between_lenses must be non-negative integers, got {list(planes_between_lenses)}."
        )
    edges = [0.0] + [float(z) for z in lens_redshifts] + [float(source_plane_redshift)]
    plane_redshifts: List[float] = []
    for lower, upper, slices in zip(edges[:-1], edges[1:], planes_between_lenses):
        plane_redshifts += [float(z) for z in np.linspace(lower, upper, int(slices) + 2)[1:]]
    return plane_redshifts[:-1]
