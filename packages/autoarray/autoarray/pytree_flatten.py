"""How one object is flattened for JAX: its ``__dict__`` split into children and static aux data.

The rules (which attribute is static) are declared on the class (:mod:`autoarray.pytrees`);
this module applies them: :class:`_StaticAux` (hashable static data), the per-layout flatten
plans, packed attributes (:mod:`autoarray.pytree_packing`) and ``list`` subclasses. Nothing here
registers anything or imports JAX at module level.
"""

from __future__ import annotations

import numpy as np

from autoarray.pytree_packing import PENDING, PackedAttributes, _is_tracer, pack_leaves, unpack_leaf

_STATIC_TYPES = (bool, int, str, type(None), np.bool_, np.integer)
_PLAIN_TYPES = _STATIC_TYPES + (float,)
_STATIC_EXACT_TYPES = frozenset({bool, int, str, type(None)})

#: Largest number of attribute layouts remembered per registered class.
_MAX_PLANS = 4096


# ---------------------------------------------------------------------------------- static aux
def _is_plain_value(value) -> bool:
    """Compared by value in :class:`_StaticAux` (the rest by identity); decided by types only."""
    if isinstance(value, tuple):
        return all(isinstance(v, _PLAIN_TYPES) for v in value)
    return isinstance(value, _PLAIN_TYPES)


class _StaticAux:
    """Hashable holder of the static (non-traced) attributes of a flattened object.

    JAX compares tree definitions by hash and equality. Plain Python values compare by value;
    anything else (masks, datasets, cosmologies, settings) compares by identity, so the same
    dataset object gives a cache hit without hashing large arrays.
    """

    __slots__ = ("names", "values", "plain", "_hash")

    def __init__(self, names: tuple, values: tuple, plain: bool = False):
        self.names = names
        self.values = values
        #: Every value is a plain value: hashed and compared as one tuple, in C.
        self.plain = plain
        self._hash = None

    def __repr__(self) -> str:
        # Plain values by value, objects by type: the same in every process (no addresses).
        shown = (v if _is_plain_value(v) else type(v).__name__ for v in self.values)
        return "Static(" + ", ".join(f"{n}={v!r}" for n, v in zip(self.names, shown)) + ")"

    @staticmethod
    def _key(value):
        return ("v", value) if _is_plain_value(value) else ("id", id(value))

    def __hash__(self) -> int:
        if self._hash is None:
            if self.plain:
                self._hash = hash((self.names, self.values))
            else:
                self._hash = hash((self.names, tuple(self._key(v) for v in self.values)))
        return self._hash

    def __eq__(self, other) -> bool:
        if self is other:
            return True
        if not isinstance(other, _StaticAux) or self.names != other.names:
            return False
        if self.plain != other.plain:
            return False
        if self.plain:
            return self.values == other.values
        return all(
            a is b or self._key(a) == self._key(b) for a, b in zip(self.values, other.values)
        )


def _is_static_value(value) -> bool:
    """Values that never hold traced data travel as static aux data."""
    kind = type(value)
    if kind in _STATIC_EXACT_TYPES:
        return True
    if kind is float or kind is np.ndarray:
        return False
    if isinstance(value, _STATIC_TYPES):
        return True
    return isinstance(value, tuple) and all(isinstance(v, _STATIC_TYPES) for v in value)


def _is_float_constant(value) -> bool:
    kind = type(value)
    if kind is float:
        return True
    return kind is tuple and all(type(v) is float for v in value)


def _is_static_attribute(name, value, static: frozenset, leaves) -> bool:
    return (
        name in static
        or _is_static_value(value)
        or leaves is not None
        and name not in leaves
        and _is_float_constant(value)
    )


# ---------------------------------------------------------------------------------- flattening
def _flatten_plan(names: tuple, values: tuple, static: frozenset, leaves) -> tuple:
    """Which attributes of one layout are children and which static, in sorted-name order, and
    whether every static value is a plain value."""
    order = sorted(range(len(names)), key=names.__getitem__)
    statics = [i for i in order if _is_static_attribute(names[i], values[i], static, leaves)]
    static_set = set(statics)
    children = [i for i in order if i not in static_set]
    return (
        tuple(children),
        tuple(statics),
        tuple(names[i] for i in children),
        tuple(names[i] for i in statics),
        all(_is_plain_value(values[i]) for i in statics),
    )


def _flatten_instance(obj, static: frozenset, leaves=None, plans: dict | None = None):
    """Children (sorted by name) and aux data of ``obj``'s ``__dict__``.

    Whether an attribute is static depends only on its name and on the types of its value (and
    of a tuple's items), so the split is worked out once per attribute layout and kept in
    ``plans``: flattening a model's profiles on every ``jax.jit`` call is then a few lookups.
    """
    state = obj.__dict__
    names = tuple(state)
    values = tuple(state.values())
    types = tuple(map(type, values))
    if tuple in types:
        key = (names, types, tuple(tuple(map(type, v)) for v in values if type(v) is tuple))
    else:
        key = (names, types)
    plan = None if plans is None else plans.get(key)
    if plan is None:
        plan = _flatten_plan(names, values, static, leaves)
        if plans is not None:
            if len(plans) >= _MAX_PLANS:
                plans.clear()
            plans[key] = plan
    child_positions, static_positions, child_names, static_names, plain = plan
    children = [values[i] for i in child_positions]
    static_values = tuple([values[i] for i in static_positions])
    return children, (child_names, _StaticAux(static_names, static_values, plain))


def _unflatten_instance(cls, aux, children):
    child_names, static = aux
    obj = cls.__new__(cls)
    # Straight into the instance dict: bypasses any custom __setattr__, in one call per object.
    state = obj.__dict__
    state.update(zip(child_names, children))
    state.update(zip(static.names, static.values))
    return obj


def _flatten_packed(obj, static: frozenset, pack: frozenset, leaves=None):
    """:func:`_flatten_instance` with the attributes in ``pack`` as one stacked leaf each, or with
    every child together as one stacked leaf when ``pack`` holds ``"*"``. Attributes still packed
    from an earlier unflatten are handed back as they are."""
    state = obj.__dict__
    pending = state.get(PENDING) or {}
    groups, children, static_names, static_values = [], [], [], []
    together: list = []
    every = "*" in pack
    for name in sorted(set(state).union(pending) - {PENDING}):
        if name not in state:
            leaf, treedef = pending[name]
            groups.append(((name,), treedef, True, False))
            children.append(leaf)
            continue
        value = state[name]
        if _is_static_attribute(name, value, static, leaves):
            static_names.append(name)
            static_values.append(value)
        elif every:
            together.append((name, value))
        elif name in pack:
            packed_leaves, treedef, packed = pack_leaves(value)
            groups.append(((name,), treedef, packed, False))
            children.extend(packed_leaves)
        else:
            groups.append(((name,), None, False, False))
            children.append(value)
    if together:
        packed_leaves, treedef, packed = pack_leaves(tuple(value for _, value in together))
        groups.append((tuple(name for name, _ in together), treedef, packed, True))
        children.extend(packed_leaves)
    aux = (tuple(groups), _StaticAux(tuple(static_names), tuple(static_values)))
    return children, aux


def _unflatten_packed(cls, aux, leaves):
    """Inverse of :func:`_flatten_packed`: a packed group is sliced back inside a trace, kept
    packed until first read on a :class:`~autoarray.pytree_packing.PackedAttributes` object, and
    rebuilt at once otherwise."""
    groups, static = aux
    obj = cls.__new__(cls)
    state = obj.__dict__
    lazy = issubclass(cls, PackedAttributes)
    pending = {}
    position = 0
    for names, treedef, packed, joint in groups:
        if treedef is None:
            state[names[0]] = leaves[position]
            position += 1
            continue
        if packed:
            leaf = leaves[position]
            position += 1
            if lazy and not joint and not _is_tracer(leaf):
                pending[names[0]] = (leaf, treedef)
                continue
            value = unpack_leaf(leaf, treedef)
        else:
            import jax

            count = treedef.num_leaves
            value = jax.tree_util.tree_unflatten(treedef, leaves[position : position + count])
            position += count
        if not joint:
            state[names[0]] = value
        else:
            state.update(zip(names, value))
    if pending:
        state[PENDING] = pending
    state.update(zip(static.names, static.values))
    return obj


def _list_functions(cls):
    """Flatten / unflatten of a ``list`` subclass: its items are the children."""

    def flatten(obj):
        return list(obj), tuple(sorted(obj.__dict__.items()))

    def unflatten(aux, children):
        obj = cls.__new__(cls)
        list.__init__(obj, children)
        obj.__dict__.update(aux)
        return obj

    return flatten, unflatten
