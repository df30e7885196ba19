"""How an imaging fit runs its per-point pass, apart from what the pass computes.

A fit's per-point pass (ray tracing, standard light, linear-profile columns) returns
``(unbinned, operated, linear)`` where every output row depends only on the same input row.
That lets it be run

* on NumPy in row blocks on a thread pool (:func:`per_point_pass_numpy`), and
* on JAX with its gradient taken block by block (:func:`per_point_pass_jax`, through
  :func:`autoarray.row_blocked_vjp`),

as decided by the :mod:`autoarray.execution` settings. Both give the single pass's values.
"""

from __future__ import annotations

import copy
from typing import Callable

import numpy as np

import autoarray as aa
from autoarray import execution
from autogalaxy.profiles.geometry_profiles import is_concrete


def per_point_pass_numpy(per_point_pass: Callable, points: np.ndarray):
    """``per_point_pass(points, np)``, over one row block per thread when the points are many.

    The rows are independent, so the result equals one pass (row for row the same arithmetic).
    """
    results = execution.map_row_blocks(lambda block: per_point_pass(block, np), points)
    if results is None:
        return per_point_pass(points, np)

    def joined(index):
        first = results[0][index]
        return None if first is None else np.concatenate([r[index] for r in results], axis=0)

    linear = [
        (linear_object, np.concatenate([r[2][k][1] for r in results], axis=0))
        for k, (linear_object, _) in enumerate(results[0][2])
    ]
    return joined(0), joined(1), linear


def _is_inexact_leaf(leaf) -> bool:
    dtype = getattr(leaf, "dtype", None)
    if dtype is None:
        return isinstance(leaf, float)
    return np.issubdtype(np.dtype(dtype), np.inexact)


def per_point_pass_jax(fit, points, xp):
    """JAX: ``fit._per_point_pass(points, xp)``, whose gradient is taken block by block when large.

    The floating-point leaves of the fit's model object (``fit._model_obj_attribute``) are the
    differentiable inputs of :func:`autoarray.row_blocked_vjp`; the pass falls back to plain
    autodiff when the points are traced (a ``grid_offset`` parameter), when the fit is small
    (:func:`autoarray.execution.jax_vjp_block_rows_from`), or when the model holds a
    non-floating traced leaf.
    """
    block = execution.jax_vjp_block_rows_from(points.shape[0])
    if block is None or not isinstance(points, np.ndarray):
        return fit._per_point_pass(points, xp)
    import jax

    attribute = fit._model_obj_attribute
    leaves, treedef = jax.tree_util.tree_flatten(getattr(fit, attribute))
    diff_index = [i for i, leaf in enumerate(leaves) if _is_inexact_leaf(leaf)]
    diff_set = set(diff_index)
    if not all(is_concrete(leaf) for i, leaf in enumerate(leaves) if i not in diff_set):
        return fit._per_point_pass(points, xp)

    def evaluate(diff_leaves, rows):
        full = list(leaves)
        for i, leaf in zip(diff_index, diff_leaves):
            full[i] = leaf
        traced_fit = copy.copy(fit)
        setattr(traced_fit, attribute, jax.tree_util.tree_unflatten(treedef, full))
        unbinned, operated, linear = traced_fit._per_point_pass(rows, xp)
        return unbinned, operated, [columns for _, columns in linear]

    unbinned, operated, columns = aa.row_blocked_vjp(
        evaluate, [leaves[i] for i in diff_index], points, block
    )
    # The linear objects are taken from the fit's own model (the pass saw traced copies).
    linear_objects = fit.linear_objects
    if len(linear_objects) != len(columns):
        return fit._per_point_pass(points, xp)
    return unbinned, operated, list(zip(linear_objects, columns))


__all__ = ["per_point_pass_jax", "per_point_pass_numpy"]
