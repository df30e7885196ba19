"""JAX pytree registration of everything an imaging fit can hold or receive.

:func:`register_fit_pytrees` is called by the imaging analyses (``use_jax=True``) when they are
built and again on every ``fit_from`` (cheap after the first time), so
``jax.jit(analysis.fit_from)(instance)`` works without any registration call by the user:

* ``Galaxy`` (``redshift``, ``label`` and ``id`` static, so plane grouping stays concrete under
  ``jit``), ``Galaxies`` (a ``list`` subclass: its items are the children);
* every light / mass profile and ``Basis`` class defined in autogalaxy (``__dict__`` flattened;
  linear profiles keep their integer identity token as static aux data, so their hashing
  survives flatten / unflatten);
* the model ``ModelInstance``, autoarray ``DatasetModel`` and ``Inversion``;
* fit classes (``dataset``, ``settings``, ``_xp`` static) and tracers (``cosmology`` static) via
  their ``__no_flatten__``.

Registration is idempotent: a class registered before (by this module or by the modelling
helpers) is left as it is.
"""

from __future__ import annotations

import importlib

from autoarray.abstract_ndarray import register_instance_pytree as _register

_PROFILE_MODULES = (
    "autogalaxy.profiles.light.standard",
    "autogalaxy.profiles.light.linear",
    "autogalaxy.profiles.light.basis",
    "autogalaxy.profiles.light.operated",
    "autogalaxy.profiles.mass.abstract",
    "autogalaxy.profiles.mass.dark",
    "autogalaxy.profiles.mass.point",
    "autogalaxy.profiles.mass.sheets",
    "autogalaxy.profiles.mass.stellar",
    "autogalaxy.profiles.mass.total.isothermal",
    "autogalaxy.profiles.mass.total.power_law",
)

_state = {"core": False, "extra": set()}


def _register_galaxies_list(cls) -> None:
    """Register a ``list`` subclass whose items are the pytree children."""
    from autoarray.abstract_ndarray import _pytree_registered_classes

    if cls in _pytree_registered_classes:
        return
    import jax

    def flatten(obj):
        return list(obj), tuple(sorted(obj.__dict__.items()))

    def unflatten(aux, children):
        obj = cls.__new__(cls)
        list.__init__(obj, children)
        for name, value in aux:
            object.__setattr__(obj, name, value)
        return obj

    try:
        jax.tree_util.register_pytree_node(cls, flatten, unflatten)
    except ValueError:
        pass
    _pytree_registered_classes.add(cls)


def constructor_arguments(cls) -> tuple | None:
    """Names ``cls.__init__`` takes (``None`` if it takes ``**kwargs``): a float attribute under
    any other name is a constant of the class and stays static in its pytree."""
    import inspect

    try:
        parameters = inspect.signature(cls.__init__).parameters
    except (TypeError, ValueError):
        return None
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return None
    return tuple(name for name in parameters if name != "self")


def _all_subclasses(cls) -> list:
    out, stack = [], [cls]
    while stack:
        current = stack.pop()
        for sub in current.__subclasses__():
            if sub not in out:
                out.append(sub)
                stack.append(sub)
    return out


def register_core_pytrees() -> None:
    """Register the galaxy, profile, dataset-model, inversion and model-instance classes."""
    if _state["core"]:
        return
    for module in _PROFILE_MODULES:
        importlib.import_module(module)
    from autogalaxy.galaxy.galaxies import Galaxies
    from autogalaxy.galaxy.galaxy import Galaxy
    from autogalaxy.galaxy.profile_types import profile_class

    _register(Galaxy, ("redshift", "label", "id"))
    _register_galaxies_list(Galaxies)
    for name in ("LightProfile", "MassProfile", "Basis", "LightProfileLinear"):
        base = profile_class(name)
        for cls in [base] + _all_subclasses(base):
            _register(cls, arguments=constructor_arguments(cls))
    from autoarray.dataset.dataset_model import DatasetModel
    from autoarray.inversion.inversion import Inversion
    from autogalaxy.modeling.model import ModelInstance

    _register(DatasetModel)
    _register(Inversion)
    _register(ModelInstance, ("_order",))
    from autoarray.abstract_ndarray import register_structure_pytrees

    register_structure_pytrees()
    _state["core"] = True


def register_fit_pytrees(*classes) -> None:
    """Register the core classes plus ``classes`` (fits, tracers: ``__no_flatten__`` honoured)."""
    register_core_pytrees()
    for cls in classes:
        if cls not in _state["extra"]:
            _register(cls)
            _state["extra"].add(cls)


_SKIP_MODULES = ("builtins", "numpy", "jax", "jaxlib", "scipy", "astropy")


def register_instance_classes(value, _seen=None) -> None:
    """Register the class of every object reachable from ``value`` (a model instance, tracer,
    galaxies) that is not a builtin / array type (idempotent; cheap once registered)."""
    from autoarray.abstract_ndarray import AbstractNDArray, _pytree_registered_classes

    seen = set() if _seen is None else _seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, (list, tuple)):
        cls = type(value)
        if cls not in (list, tuple) and isinstance(value, list):
            _register_galaxies_list(cls)
        for item in value:
            register_instance_classes(item, seen)
        return
    if isinstance(value, dict):
        for item in value.values():
            register_instance_classes(item, seen)
        return
    if isinstance(value, (str, bytes, int, float, complex, type)) or value is None:
        return
    if isinstance(value, AbstractNDArray) or not hasattr(value, "__dict__"):
        return
    module = (type(value).__module__ or "").split(".")[0]
    if module in _SKIP_MODULES or callable(value) and not hasattr(value, "__dict__"):
        return
    if type(value) not in _pytree_registered_classes:
        _register(type(value))
    for item in vars(value).values():
        register_instance_classes(item, seen)
