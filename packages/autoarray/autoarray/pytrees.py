"""JAX pytrees: how every object of the three packages crosses ``jax.jit``, declared on its class.

``jax.jit``, ``jax.vmap`` and ``jax.grad`` accept and return only pytrees. An object becomes one
by flattening its ``__dict__``: each attribute is either a **child** (traced) or **static** aux
data. What goes where is declared on the class, where the class is defined, in the manner of
equinox's ``field(static=True)``; declarations are inherited (a subclass adds names):

``__pytree_static__``
    Attribute names that are always static: per-analysis constants (a dataset, settings, a
    cosmology), identities (a galaxy's ``id``), values used in Python control flow (a galaxy's
    ``redshift``, which groups planes).
``__pytree_leaves__``
    ``None`` (default): every attribute not static is a child. ``"__init__"``: the names the
    class's constructor takes are its parameters; a Python float, or tuple of floats, held under
    any other name is a constant the class sets itself (an isothermal's ``slope = 2``, a
    spherical profile's ``ell_comps = (0, 0)``) and is static, so XLA folds it. A tuple of names
    means the same with those names.
``__pytree_pack__``
    Attributes whose scalar leaves travel as one stacked leaf (:mod:`autoarray.pytree_packing`).

Beyond the declarations a value is static by its type alone: Python ``bool`` / ``int`` / ``str``
/ ``None``, NumPy bool / integer scalars, and tuples of those. Everything else (arrays, floats,
float tuples, nested objects) is a child. A ``list`` subclass (``Galaxies``) has its items as
children.

Registration with ``jax.tree_util`` never decides anything: the rule of a class is a function of
the class alone, so the order in which classes are registered cannot change a pytree.

* Classes deriving from :class:`Pytree` (structures, profiles, galaxies, tracers, fits, datasets,
  model instances) are recorded when defined and registered together the first time JAX is used
  (:func:`autoarray.backend.jax_numpy`, or a structure built with a JAX ``xp``); a subclass
  defined after that registers on definition.
* Any other class (a user's own component) is registered the first time
  :func:`register_reachable_classes` sees one of its objects (the imaging analyses call it on
  every instance), or by :func:`register_pytree_class`.

JAX is imported only by the registering functions, never on the NumPy path.
"""

from __future__ import annotations

import inspect
from typing import Iterable

import numpy as np

from autoarray import exc
from autoarray.pytree_packing import PENDING, PackedAttributes, _is_tracer, pack_leaves, unpack_leaf

_STATIC_TYPES = (bool, int, str, type(None), np.bool_, np.integer)
_PLAIN_TYPES = _STATIC_TYPES + (float,)
_STATIC_EXACT_TYPES = frozenset({bool, int, str, type(None)})

#: Largest number of attribute layouts remembered per registered class.
_MAX_PLANS = 4096

#: Every :class:`Pytree` subclass defined so far, in definition order.
_declared: list = []
#: ``{cls: (static names, leaf names or None)}`` of every class registered with JAX.
_registered: dict = {}
_state = {"active": False}


# ---------------------------------------------------------------------------------- declarations
class Pytree:
    """Mixin: the class and its subclasses are JAX pytrees with the declared static fields.

    Deriving from it costs nothing on the NumPy path; the class is registered with JAX together
    with every other declared class the first time JAX is used.
    """

    __pytree_static__: tuple = ()
    __pytree_leaves__: tuple | str | None = None
    __pytree_pack__: tuple = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _declared.append(cls)
        if _state["active"]:
            register_pytree_class(cls)


def constructor_arguments(cls) -> tuple | None:
    """Names ``cls.__init__`` takes (``None`` if it takes ``**kwargs``)."""
    try:
        parameters = inspect.signature(cls.__init__).parameters
    except (TypeError, ValueError):
        return None
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return None
    return tuple(name for name in parameters if name != "self")


def static_names_of(cls) -> frozenset:
    """Every name declared in ``__pytree_static__`` by ``cls`` or one of its bases."""
    names: set = set()
    for klass in cls.__mro__:
        names.update(vars(klass).get("__pytree_static__", ()))
    return frozenset(names)


def leaf_names_of(cls) -> frozenset | None:
    """The parameter names of ``cls`` (``__pytree_leaves__``), or ``None`` when every attribute
    that is not static is a child."""
    leaves = getattr(cls, "__pytree_leaves__", None)
    if leaves == "__init__":
        leaves = constructor_arguments(cls)
    return None if leaves is None else frozenset(leaves)


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


def _instance_functions(cls, static: frozenset, leaves):
    pack = frozenset(getattr(cls, "__pytree_pack__", ()))
    if pack:
        return (
            lambda obj: _flatten_packed(obj, static, pack, leaves),
            lambda aux, children: _unflatten_packed(cls, aux, children),
        )
    plans: dict = {}
    return (
        lambda obj: _flatten_instance(obj, static, leaves, plans),
        lambda aux, children: _unflatten_instance(cls, aux, children),
    )


# ---------------------------------------------------------------------------------- registration
def register_pytree_class(cls: type, no_flatten: Iterable[str] = ()) -> type:
    """Register ``cls`` with ``jax.tree_util`` under the rule its declarations give (imports JAX).

    ``no_flatten`` adds static names for a class one cannot edit (the PyAutoArray spelling of
    ``__pytree_static__``). They must be given before the class is first registered: naming a
    new static name for a class already registered raises :class:`~autoarray.exc.PytreeException`,
    because the pytree would then depend on the order of the calls. Calling it again with
    nothing new does nothing.
    """
    extra = frozenset(no_flatten)
    known = _registered.get(cls)
    if known is not None:
        if extra - known[0]:
            raise exc.PytreeException(
                f"{cls.__name__} is already a registered pytree with static names "
                f"{sorted(known[0])}; cannot add {sorted(extra - known[0])} afterwards. Declare "
                f"them on the class: __pytree_static__ = {tuple(sorted(extra | known[0]))}."
            )
        return cls
    import jax

    static = static_names_of(cls) | extra
    leaves = leaf_names_of(cls)
    if issubclass(cls, list):
        flatten, unflatten = _list_functions(cls)
    else:
        flatten, unflatten = _instance_functions(cls, static, leaves)
    try:
        jax.tree_util.register_pytree_node(cls, flatten, unflatten)
    except ValueError:
        # Already a pytree of another library (an equinox module, a flax dataclass): its own
        # rules apply, whatever the order of the calls.
        pass
    _registered[cls] = (static, leaves)
    return cls


def register_instance_pytree(cls: type, no_flatten: Iterable[str] = ()) -> type:
    """PyAutoArray's name of :func:`register_pytree_class`."""
    return register_pytree_class(cls, no_flatten)


def register_declared_pytrees() -> None:
    """Register every :class:`Pytree` subclass defined so far; later ones register on definition
    (idempotent; imports JAX)."""
    if _state["active"]:
        return
    for cls in list(_declared):
        register_pytree_class(cls)
    _state["active"] = True


def is_registered(cls: type) -> bool:
    return cls in _registered


_SKIP_MODULES = frozenset({"builtins", "numpy", "jax", "jaxlib", "scipy", "astropy"})
_ATOMS = (str, bytes, int, float, complex, type, np.ndarray, np.generic)


def register_reachable_classes(value, _seen: set | None = None) -> None:
    """Register the class of every object reachable from ``value`` (a model instance, a tracer,
    a user's component) that is not a builtin, NumPy, JAX or SciPy type. Idempotent; cheap once
    every class is registered."""
    register_declared_pytrees()
    seen = set() if _seen is None else _seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, (list, tuple)):
        cls = type(value)
        if isinstance(value, list) and cls is not list and cls not in _registered:
            register_pytree_class(cls)
        for item in value:
            register_reachable_classes(item, seen)
        return
    if isinstance(value, dict):
        for item in value.values():
            register_reachable_classes(item, seen)
        return
    if value is None or isinstance(value, _ATOMS) or not hasattr(value, "__dict__"):
        return
    cls = type(value)
    if (cls.__module__ or "").split(".")[0] in _SKIP_MODULES:
        return
    if cls not in _registered:
        register_pytree_class(cls)
    static = _registered[cls][0]
    for name, item in vars(value).items():
        # Static attributes are never flattened: their classes need no registration.
        if name not in static:
            register_reachable_classes(item, seen)


__all__ = [
    "Pytree",
    "constructor_arguments",
    "is_registered",
    "leaf_names_of",
    "register_declared_pytrees",
    "register_instance_pytree",
    "register_pytree_class",
    "register_reachable_classes",
    "static_names_of",
]
