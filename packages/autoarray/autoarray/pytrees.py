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
``__pytree_structure__``
    Name of a method giving a hashable key of the classes an object holds (a tracer's component
    types): the first flatten of each new key registers the classes reachable from the object,
    so it may hold a user's own classes without anyone registering them beforehand.

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
  every instance; a class declaring ``__pytree_structure__`` calls it when flattened), or by
  :func:`register_pytree_class`.

JAX is imported only by the registering functions, never on the NumPy path. How an object is
split by these rules (static aux data, flatten plans, packed attributes) is
:mod:`autoarray.pytree_flatten`.
"""

from __future__ import annotations

import inspect
import sys
from typing import Iterable

import numpy as np

from autoarray import exc
from autoarray.pytree_flatten import (  # noqa: F401  (_flatten_instance ...: the rules' tests)
    _MAX_PLANS,
    _flatten_instance,
    _flatten_packed,
    _is_static_value,
    _list_functions,
    _StaticAux,
    _unflatten_instance,
    _unflatten_packed,
)

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


def _registering_reachable(flatten, method: str):
    """``flatten`` preceded, for each new structure key ``obj.<method>()``, by the registration
    of every class reachable from ``obj`` (before JAX flattens its children)."""
    structures: set = set()

    def registering(obj):
        key = getattr(obj, method)()
        if key not in structures:
            register_reachable_classes(obj)
            if len(structures) < _MAX_PLANS:
                structures.add(key)
        return flatten(obj)

    return registering


def _instance_functions(cls, static: frozenset, leaves):
    structure = getattr(cls, "__pytree_structure__", None)
    if structure is not None:
        flatten, unflatten = _instance_functions_of(cls, static, leaves)
        return _registering_reachable(flatten, structure), unflatten
    return _instance_functions_of(cls, static, leaves)


def _instance_functions_of(cls, static: frozenset, leaves):
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


def register_declared_pytrees_if_jax_imported() -> None:
    """:func:`register_declared_pytrees` once JAX has been imported by anyone (a flag check
    after that): objects built on NumPy can then go straight into ``jax.jit``."""
    if not _state["active"] and "jax" in sys.modules:
        register_declared_pytrees()


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
    "register_declared_pytrees_if_jax_imported",
    "register_instance_pytree",
    "register_pytree_class",
    "register_reachable_classes",
    "static_names_of",
]
