"""Largest / smallest values read at their index, for derivatives that survive compilation.

``xp.max`` and ``xp.min`` give the same values, but under JAX their derivative rule masks
``values == max(values)``, and in a compiled reverse-mode program that mask is rebuilt from a
recomputed ``values``. In a full pixelized fit this made the jitted ``jax.grad`` of the evidence
-11774 where ``jax.jvp``, eager ``jax.vjp`` and finite differences gave -481 (the border
relocator's semi-axes, with no tie among the values). Reading the value at ``argmax`` /
``argmin`` makes the derivative a gather at the index chosen in the forward pass (its
transpose a scatter to that index), which no recomputation can change.

At a tie the whole derivative goes to the first index (a one-sided derivative), where ``max``
would split it between the tied entries. NaN propagates as with ``max`` / ``min`` (``argmax``
and ``argmin`` return the index of the first NaN).
"""

from __future__ import annotations

import numpy as np


def _at(values, index, axis, keepdims: bool, xp):
    if axis is None:
        value = values.reshape(-1)[index]
        return value.reshape((1,) * values.ndim) if keepdims else value
    picked = xp.take_along_axis(values, xp.expand_dims(index, axis), axis=axis)
    return picked if keepdims else xp.squeeze(picked, axis=axis)


def largest(values, axis: int | None = None, keepdims: bool = False, xp=np):
    """``xp.max(values, axis, keepdims=keepdims)``, with the derivative of a gather."""
    return _at(values, xp.argmax(values, axis=axis), axis, keepdims, xp)


def smallest(values, axis: int | None = None, keepdims: bool = False, xp=np):
    """``xp.min(values, axis, keepdims=keepdims)``, with the derivative of a gather."""
    return _at(values, xp.argmin(values, axis=axis), axis, keepdims, xp)
