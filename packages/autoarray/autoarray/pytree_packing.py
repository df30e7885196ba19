"""Packing the scalar leaves of a sub-pytree into one array leaf (JAX dispatch cost).

``jax.jit`` pays a few microseconds for every leaf it moves in or out: a Python float becomes a
device array, every output becomes a new buffer, and a custom node's Python ``unflatten`` runs
again for each object. A model instance or a tracer holds one scalar per parameter (26 on the
benchmark's lens model), which made ``jax.jit(analysis.fit_from)(instance)`` cost more than
twice the jitted likelihood on a small problem.

A class lists attributes in ``__pytree_pack__`` (``"*"`` for all its children); the class is
registered by :mod:`autoarray.pytrees` as usual, but each
listed attribute whose leaves are all scalars travels as **one** 1-D leaf of those scalars,
with the attribute's own tree definition kept as static aux data:

* inside a trace the leaf is sliced back into scalar tracers (free after XLA fusion);
* outside a trace (a ``jax.jit`` result, a gradient) the attribute is rebuilt only when it is
  first read, if the class derives from :class:`PackedAttributes`; until then it costs nothing,
  and flattening the object again hands JAX back the same array, so JAX's C++ dispatch path is
  kept. Classes without the mixin rebuild eagerly, with Python floats.

An attribute whose leaves are not all scalars (arrays, batched leaves under ``vmap``) is
flattened as usual.
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: Instance-dict key holding ``{name: (leaf, treedef)}`` of attributes not yet rebuilt.
PENDING = "_pytree_pending"

_PYTHON_SCALARS = (float, np.floating)
_FLOAT_TYPES = frozenset({float, np.float64})


def _is_scalar_leaf(leaf) -> bool:
    if isinstance(leaf, _PYTHON_SCALARS):
        return True
    return getattr(leaf, "shape", None) == () and hasattr(leaf, "dtype")


def _is_tracer(value) -> bool:
    from jax.core import Tracer

    return isinstance(value, Tracer)


def pack_leaves(value) -> tuple[list, Any, bool]:
    """``(leaves, treedef, packed)`` of ``value``: one stacked leaf when every leaf is a scalar.

    Python / NumPy scalars are stacked on the host (``float64``); JAX scalars or tracers with
    ``jax.numpy.stack``. A tree whose leaves are all one and the same object (the sentinels JAX
    puts in a tree to map axes over it) packs to that object.
    """
    import jax

    leaves, treedef = jax.tree_util.tree_flatten(value)
    if len(leaves) < 2:
        return leaves, treedef, False
    if set(map(type, leaves)) <= _FLOAT_TYPES:  # the common case, in one C-level pass
        return [np.asarray(leaves, dtype=np.float64)], treedef, True
    if all(_is_scalar_leaf(leaf) for leaf in leaves):
        if all(isinstance(leaf, _PYTHON_SCALARS) for leaf in leaves):
            return [np.asarray(leaves, dtype=np.float64)], treedef, True
        import jax.numpy as jnp

        return [jnp.stack([jnp.asarray(leaf) for leaf in leaves])], treedef, True
    first = leaves[0]
    if all(leaf is first for leaf in leaves):
        return [first], treedef, True
    return leaves, treedef, False


def unpack_leaf(leaf, treedef):
    """The tree packed by :func:`pack_leaves` (inverse; the last axis of ``leaf`` runs over the
    scalars, leading axes are batch axes added by ``vmap``)."""
    import jax

    count = treedef.num_leaves
    shape = getattr(leaf, "shape", None)
    if shape is None or len(shape) == 0 or shape[-1] != count:
        leaves = [leaf] * count
    elif _is_tracer(leaf):
        leaves = [leaf[..., i] for i in range(count)]
    elif isinstance(leaf, (np.ndarray, jax.Array)):
        values = np.asarray(leaf)
        leaves = values.tolist() if values.ndim == 1 else [values[..., i] for i in range(count)]
    else:
        # Abstract stand-ins (shape structs, argument infos from ``.lower()``): one per scalar.
        leaves = [leaf] * count
    return jax.tree_util.tree_unflatten(treedef, leaves)


class PackedAttributes:
    """Mixin: attributes packed by ``__pytree_pack__`` are rebuilt when first read.

    An object coming out of ``jax.jit`` keeps each packed attribute as its single array until the
    attribute is accessed; the attribute is then unpacked (Python floats for a 1-D leaf) and
    stored on the object like any other.
    """

    __pytree_pack__: tuple = ()

    def __getattr__(self, name: str):
        state = self.__dict__
        pending = state.get(PENDING)
        if pending is not None and name in pending:
            leaf, treedef = pending.pop(name)
            if not pending:
                del state[PENDING]
            value = unpack_leaf(leaf, treedef)
            state[name] = value
            return value
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        for name, (leaf, treedef) in state.pop(PENDING, {}).items():
            state[name] = unpack_leaf(leaf, treedef)
        return state


__all__ = ["PENDING", "PackedAttributes", "pack_leaves", "unpack_leaf"]
