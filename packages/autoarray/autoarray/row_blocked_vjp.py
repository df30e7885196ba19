"""Reverse-mode differentiation of a per-row function, one block of rows at a time (JAX only).

A light-profile or ray-tracing pass maps ``N`` fixed points to ``N`` outputs, every output row
depending only on the same input row, through a long chain of elementwise operations. Plain
reverse-mode stores every intermediate of that chain (``[N]`` arrays, ~2 MB each for a
250k-point grid) and reads it back in the backward pass, so the gradient is bound by memory
traffic (measured 6-7x the cost of the value on the P2 benchmark). :func:`row_blocked_vjp`
gives the pass a custom VJP instead: the forward pass is the plain one (so values, ``vmap`` and
``jit`` cost exactly as before) and the backward pass re-evaluates and differentiates the
function one block of rows at a time inside ``lax.map``, where the intermediates of a block stay
in cache. The gradient equals plain autodiff up to rounding (summation order of the block sums).
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

#: Rows per block are a multiple of this (8 float64 rows: one 64-byte cache line).
_ROW_ALIGNMENT = 8


def row_blocked_vjp(
    function: Callable[[Any, np.ndarray], Any],
    diff_args: Any,
    rows: np.ndarray,
    block_rows: int,
) -> Any:
    """``function(diff_args, rows)`` with a backward pass evaluated in blocks of rows.

    Parameters
    ----------
    function
        ``function(diff_args, rows_block)`` returning a pytree of arrays (``None`` allowed)
        whose leading axis runs over the rows of ``rows_block``; row ``i`` of every output may
        depend only on row ``i`` of ``rows_block`` (and on ``diff_args``). It may close over
        constants but not over JAX tracers.
    diff_args
        Pytree of floating-point arrays or tracers that gradients flow to.
    rows
        Concrete NumPy array ``[N, ...]`` of the fixed per-row inputs (e.g. grid points).
    block_rows
        Most rows per block of the backward pass: the ``ceil(N / block_rows)`` blocks share the
        rows evenly (rounded up to a multiple of 8; the last block is padded with copies of row
        0, whose cotangents are zero).

    Returns
    -------
    The pytree ``function(diff_args, rows)``, differentiable with respect to ``diff_args``
    (reverse mode; forward-mode ``jvp`` of the result is not supported, as for any
    ``jax.custom_vjp``).
    """
    import jax
    import jax.numpy as jnp

    rows = np.asarray(rows)
    n_rows = rows.shape[0]
    blocks = -(-n_rows // block_rows)
    # The rows are spread evenly over the blocks (a multiple of 8 rows each, so every block
    # starts on a 64-byte boundary): padding the last block up to ``block_rows`` re-evaluated
    # and differentiated up to a block of dummy rows (P2: 10k of 252k rows).
    block_rows = -(-n_rows // (blocks * _ROW_ALIGNMENT)) * _ROW_ALIGNMENT
    padding = blocks * block_rows - n_rows
    padded_rows = np.concatenate([rows, np.repeat(rows[:1], padding, axis=0)], axis=0)
    blocked_rows = padded_rows.reshape((blocks, block_rows) + rows.shape[1:])

    def to_blocks(cotangent):
        if padding:
            zeros = jnp.zeros((padding,) + cotangent.shape[1:], dtype=cotangent.dtype)
            cotangent = jnp.concatenate([cotangent, zeros], axis=0)
        return cotangent.reshape((blocks, block_rows) + cotangent.shape[1:])

    @jax.custom_vjp
    def evaluate(args):
        return function(args, rows)

    def forward(args):
        return function(args, rows), args

    def backward(args, cotangents):
        def block_gradient(block):
            block_rows_in, block_cotangents = block
            _, pullback = jax.vjp(lambda a: function(a, block_rows_in), args)
            return pullback(block_cotangents)[0]

        per_block = jax.lax.map(
            block_gradient, (blocked_rows, jax.tree_util.tree_map(to_blocks, cotangents))
        )
        return (jax.tree_util.tree_map(lambda g: g.sum(axis=0), per_block),)

    evaluate.defvjp(forward, backward)
    return evaluate(diff_args)


__all__ = ["row_blocked_vjp"]
