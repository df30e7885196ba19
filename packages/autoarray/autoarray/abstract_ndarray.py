"""``AbstractNDArray``: the wrapper every autoarray structure is built on, and JAX pytree support.

A structure holds its raw values (a ``numpy.ndarray`` or a ``jax.Array``) in ``_array``, exposed as
``.array``, next to metadata such as a mask or a grid. Arithmetic returns a new instance of the
same class that keeps the metadata; comparisons and indexing return raw values.

Pytrees: a subclass is registered with ``jax.tree_util`` the first time an instance is built
with a JAX ``xp`` (:func:`_register_as_pytree`); higher-level classes (fits, tracers, galaxies,
profiles) are registered with :func:`register_instance_pytree`. Registration is idempotent and
never imports JAX unless JAX is being used.
"""

from __future__ import annotations

import numbers
from typing import Iterable

import numpy as np

from autoarray.backend import is_jax_array
from autoarray.pytree_packing import (
    PENDING,
    PackedAttributes,
    _is_tracer,
    pack_leaves,
    unpack_leaf,
)

_pytree_registered_classes: set = set()

_STATIC_TYPES = (bool, int, str, type(None), np.bool_, np.integer)
_PLAIN_TYPES = _STATIC_TYPES + (float,)


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
        #: Every value is a plain value (bool / int / str / None / float, NumPy bool / integer,
        #: or a tuple of those): hashed and compared as one tuple, in C.
        self.plain = plain
        self._hash = None

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


_STATIC_EXACT_TYPES = frozenset({bool, int, str, type(None)})


def _is_static_value(value) -> bool:
    """Values that never hold traced data travel as static aux data."""
    kind = type(value)
    if kind in _STATIC_EXACT_TYPES:
        return True
    if kind is float or kind is np.ndarray:
        return False
    if isinstance(value, _STATIC_TYPES):
        return True
    if isinstance(value, tuple) and all(isinstance(v, _STATIC_TYPES) for v in value):
        return True
    return False


def _is_float_constant(value) -> bool:
    kind = type(value)
    if kind is float:
        return True
    return kind is tuple and all(type(v) is float for v in value)


def _is_static_attribute(name, value, no_flatten: frozenset, arguments) -> bool:
    return (
        name in no_flatten
        or _is_static_value(value)
        or arguments is not None and name not in arguments and _is_float_constant(value)
    )


#: Largest number of attribute layouts remembered per registered class.
_MAX_PLANS = 4096


def _flatten_plan(names: tuple, values: tuple, no_flatten: frozenset, arguments) -> tuple:
    """Which attributes of one layout are children and which static, in sorted-name order, and
    whether every static value is a plain value."""
    order = sorted(range(len(names)), key=names.__getitem__)
    static = [i for i in order if _is_static_attribute(names[i], values[i], no_flatten, arguments)]
    static_set = set(static)
    children = [i for i in order if i not in static_set]
    return (
        tuple(children),
        tuple(static),
        tuple(names[i] for i in children),
        tuple(names[i] for i in static),
        all(_is_plain_value(values[i]) for i in static),
    )


def _flatten_instance(obj, no_flatten: frozenset, arguments=None, plans: dict | None = None):
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
        plan = _flatten_plan(names, values, no_flatten, arguments)
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
    # Straight into the instance dict: bypasses any custom __setattr__, as object.__setattr__
    # would, in one call per object instead of one per attribute.
    state = obj.__dict__
    state.update(zip(child_names, children))
    state.update(zip(static.names, static.values))
    return obj


def _flatten_packed(obj, no_flatten: frozenset, pack: frozenset, arguments=None):
    """:func:`_flatten_instance` with the attributes in ``pack`` as one stacked leaf each, or with
    every child together as one stacked leaf when ``pack`` holds ``"*"``
    (:mod:`autoarray.pytree_packing`). Attributes still packed from an earlier unflatten are
    handed back as they are."""
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
        if _is_static_attribute(name, value, no_flatten, arguments):
            static_names.append(name)
            static_values.append(value)
        elif every:
            together.append((name, value))
        elif name in pack:
            leaves, treedef, packed = pack_leaves(value)
            groups.append(((name,), treedef, packed, False))
            children.extend(leaves)
        else:
            groups.append(((name,), None, False, False))
            children.append(value)
    if together:
        leaves, treedef, packed = pack_leaves(tuple(value for _, value in together))
        groups.append((tuple(name for name, _ in together), treedef, packed, True))
        children.extend(leaves)
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
            value = jax.tree_util.tree_unflatten(treedef, leaves[position:position + count])
            position += count
        if not joint:
            state[names[0]] = value
        else:
            state.update(zip(names, value))
    if pending:
        state[PENDING] = pending
    state.update(zip(static.names, static.values))
    return obj


def register_instance_pytree(
    cls: type, no_flatten: Iterable[str] = (), arguments: Iterable[str] | None = None
) -> type:
    """Register ``cls`` as a JAX pytree that flattens its ``__dict__``.

    Attributes named in ``no_flatten`` (and plain Python scalars / strings / ``None``) travel as
    static aux data; every other attribute is a child, traced under ``jit``/``vmap``. With
    ``arguments`` (the names the constructor takes), a Python float, or tuple of floats, held
    under any other name is a constant of the class (an isothermal's ``slope = 2``, a spherical
    profile's ``ell_comps = (0, 0)``) and is static too, so XLA folds it. Attributes
    named in the class's ``__pytree_pack__`` travel as one stacked leaf of their scalars
    (:mod:`autoarray.pytree_packing`). Calling it again for the same class does nothing.
    Imports JAX.
    """
    if cls in _pytree_registered_classes:
        return cls
    import jax

    no_flatten = frozenset(no_flatten) | frozenset(getattr(cls, "__no_flatten__", ()))
    pack = frozenset(getattr(cls, "__pytree_pack__", ()))
    arguments = None if arguments is None else frozenset(arguments)
    if pack:
        flatten = lambda obj: _flatten_packed(obj, no_flatten, pack, arguments)  # noqa: E731
        unflatten = lambda aux, children: _unflatten_packed(cls, aux, children)  # noqa: E731
    else:
        plans: dict = {}
        flatten = lambda obj: _flatten_instance(obj, no_flatten, arguments, plans)  # noqa: E731
        unflatten = lambda aux, children: _unflatten_instance(cls, aux, children)  # noqa: E731
    try:
        jax.tree_util.register_pytree_node(cls, flatten, unflatten)
    except ValueError:
        # Registered elsewhere already (e.g. by another process-level helper): accept it.
        pass
    _pytree_registered_classes.add(cls)
    return cls


_structure_classes: list = []


def _register_as_pytree(cls: type) -> type:
    """Register an ``AbstractNDArray`` subclass (raw values and array-valued metadata as
    children; masks and other names in ``__no_flatten__`` static).

    The first registration also registers every other structure class defined so far, so a
    structure built with NumPy can be passed into ``jax.jit`` once JAX is in use.
    """
    register_instance_pytree(cls)
    register_structure_pytrees()
    return cls


def register_structure_pytrees() -> None:
    """Register every ``AbstractNDArray`` subclass defined so far (idempotent; imports JAX)."""
    for structure_cls in list(_structure_classes):
        register_instance_pytree(structure_cls)


def raw_array(values):
    """The raw ``numpy.ndarray`` / ``jax.Array`` of an autoarray structure; anything else passes through.

    Use this wherever code accepts either a structure (``Array2D``, ``Grid2D``, ``Mask2D``, ...) or
    a raw array / list / scalar and needs the raw values. Nested structures are unwrapped fully.
    """
    while isinstance(values, AbstractNDArray):
        values = values._array
    return values


class AbstractNDArray:
    """Base class of every autoarray structure: raw values in ``_array`` plus metadata.

    Parameters
    ----------
    array
        Raw values (list, ``numpy.ndarray`` or ``jax.Array``); nested structures are unwrapped.
    xp
        Backend module (``numpy`` default, ``jax.numpy`` for JAX). Building an instance with JAX
        registers the class as a pytree.
    """

    __no_flatten__: tuple = ()
    __array_priority__ = 1000

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _structure_classes.append(cls)
        if _pytree_registered_classes:
            register_instance_pytree(cls)

    def __init__(self, array, xp=np):
        array = raw_array(array)
        if xp is np and not is_jax_array(array):
            array = np.asarray(array)
        elif xp is not np:
            _register_as_pytree(type(self))
            array = xp.asarray(array)
        self._array = array

    # ------------------------------------------------------------------ raw access
    @property
    def array(self):
        """The raw values (``numpy.ndarray`` or ``jax.Array``)."""
        return self._array

    @property
    def use_jax(self) -> bool:
        return is_jax_array(self._array)

    @property
    def _xp(self):
        if self.use_jax:
            import jax.numpy as jnp

            return jnp
        return np

    def __array__(self, dtype=None, copy=None):
        values = np.asarray(self._array)
        return values.astype(dtype) if dtype is not None else values

    @property
    def shape(self):
        return self._array.shape

    @property
    def size(self) -> int:
        return self._array.size

    @property
    def dtype(self):
        return self._array.dtype

    @property
    def ndim(self) -> int:
        return self._array.ndim

    def __len__(self) -> int:
        return len(self._array)

    def __iter__(self):
        return iter(self._array)

    def sum(self, *args, **kwargs):
        return self._array.sum(*args, **kwargs)

    def max(self, *args, **kwargs):
        return self._array.max(*args, **kwargs)

    def min(self, *args, **kwargs):
        return self._array.min(*args, **kwargs)

    def all(self, *args, **kwargs):
        return self._array.all(*args, **kwargs)

    def any(self, *args, **kwargs):
        return self._array.any(*args, **kwargs)

    def __float__(self) -> float:
        return float(self._array)

    def tolist(self):
        return np.asarray(self._array).tolist()

    # ------------------------------------------------------------------ copies
    def with_new_array(self, array):
        """A shallow copy of this structure (metadata shared) holding ``array``."""
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        new._array = array
        return new

    def copy(self):
        return self.with_new_array(self._array.copy())

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        return self.copy()

    # ------------------------------------------------------------------ arithmetic
    def _binary(self, other, op):
        return self.with_new_array(op(self._array, raw_array(other)))

    def __add__(self, other):
        return self._binary(other, lambda a, b: a + b)

    def __radd__(self, other):
        return self._binary(other, lambda a, b: b + a)

    def __sub__(self, other):
        return self._binary(other, lambda a, b: a - b)

    def __rsub__(self, other):
        return self._binary(other, lambda a, b: b - a)

    def __mul__(self, other):
        return self._binary(other, lambda a, b: a * b)

    def __rmul__(self, other):
        return self._binary(other, lambda a, b: b * a)

    def __truediv__(self, other):
        return self._binary(other, lambda a, b: a / b)

    def __rtruediv__(self, other):
        return self._binary(other, lambda a, b: b / a)

    def __pow__(self, other):
        return self._binary(other, lambda a, b: a**b)

    def __rpow__(self, other):
        return self._binary(other, lambda a, b: b**a)

    def __neg__(self):
        return self.with_new_array(-self._array)

    def __abs__(self):
        return self.with_new_array(abs(self._array))

    def sqrt(self):
        return self.with_new_array(self._array**0.5)

    def reshape(self, *shape):
        return self.with_new_array(self._array.reshape(*shape))

    def astype(self, dtype):
        return self.with_new_array(self._array.astype(dtype))

    @property
    def real(self):
        return self.with_new_array(self._array.real)

    @property
    def imag(self):
        return self.with_new_array(self._array.imag)

    def invert(self):
        """Logical not, wrapped in the same class."""
        return self.with_new_array(~self._array)

    def __invert__(self):
        return ~self._array

    # ------------------------------------------------------------------ comparisons (raw)
    def __lt__(self, other):
        return self._array < raw_array(other)

    def __le__(self, other):
        return self._array <= raw_array(other)

    def __gt__(self, other):
        return self._array > raw_array(other)

    def __ge__(self, other):
        return self._array >= raw_array(other)

    def __eq__(self, other):
        return self._array == raw_array(other)

    def __ne__(self, other):
        return self._array != raw_array(other)

    __hash__ = object.__hash__

    # ------------------------------------------------------------------ indexing
    def __getitem__(self, item):
        result = self._array[item]
        if isinstance(item, slice):
            return self.with_new_array(result)
        return result

    def __setitem__(self, key, value):
        value = raw_array(value)
        if isinstance(self._array, np.ndarray):
            self._array[key] = value
        else:
            import jax.numpy as jnp

            self._array = jnp.where(key, value, self._array)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({np.asarray(self._array)!r})"

    def __str__(self) -> str:
        return self.__repr__()


def is_number(value) -> bool:
    """True for a concrete real number (Python or NumPy scalar), False for tracers/arrays."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)
