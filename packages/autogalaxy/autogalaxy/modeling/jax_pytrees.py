"""JAX pytree registration of model instances.

:func:`register_model` registers every class a model can instantiate (``Galaxy``, profiles, ...,
and :class:`ModelInstance`) through ``autoarray.abstract_ndarray.register_instance_pytree``, which
flattens an object's sorted ``__dict__`` (names in ``no_flatten`` become static aux data) and is
idempotent (first registration of a class wins). After it, instances from ``model.instance_from_vector`` can be passed into and
returned from ``jax.jit`` functions. JAX itself is only imported by the autoarray helper.
"""

from __future__ import annotations

import numbers

import numpy as np

from autoarray.abstract_ndarray import register_instance_pytree as _register
from autogalaxy.modeling.model import AbstractModel, Model, ModelInstance, TuplePrior
from autogalaxy.modeling.priors import Prior


def _is_leaf_value(value) -> bool:
    """True for values that are valid pytree leaves / containers of leaves (numbers, arrays, None)."""
    if value is None or isinstance(value, (numbers.Number, np.ndarray, np.generic)):
        return True
    if isinstance(value, (tuple, list)):
        return all(_is_leaf_value(v) for v in value)
    module = type(value).__module__ or ""
    return module.startswith("jax") or module.startswith("jaxlib")


def _register_object_classes(value, seen: set) -> None:
    """Register the classes of fixed objects (e.g. a fixed profile instance) reachable from value."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, (list, tuple)):
        for v in value:
            _register_object_classes(v, seen)
        return
    if isinstance(value, dict):
        for v in value.values():
            _register_object_classes(v, seen)
        return
    if _is_leaf_value(value) or isinstance(value, (str, bytes, type)) or callable(value):
        return
    if not hasattr(value, "__dict__"):
        return
    module = type(value).__module__ or ""
    if module.split(".")[0] in ("builtins", "numpy", "jax", "jaxlib", "scipy", "astropy"):
        return
    static = tuple(k for k, v in vars(value).items() if isinstance(v, (str, bytes)))
    _register(type(value), static)
    for v in vars(value).values():
        _register_object_classes(v, seen)


def _register_core_classes() -> None:
    """Let autogalaxy's own registration (Galaxy with a static redshift, profiles, ...) go first,
    so the choices made there win over the generic ones below (registration is first-wins)."""
    from autogalaxy.imaging.jax_registration import register_core_pytrees

    register_core_pytrees()


def register_model(model: AbstractModel) -> None:
    """Register every instance class reachable from ``model`` as a JAX pytree (idempotent).

    Free parameters are pytree leaves. Fixed attribute values (e.g. a galaxy's redshift, a fixed
    Sersic index, strings) are declared static (``no_flatten``) unless the same attribute is free
    in another model of the same class, so quantities used for Python control flow (plane
    grouping by redshift) stay concrete under ``jax.jit``. autogalaxy's core classes are
    registered first with their own rules.
    """
    _register_core_classes()
    _register(ModelInstance, ("_order",))
    seen: set = set()
    fixed: dict[type, set] = {}
    free: dict[type, set] = {}
    for sub in model.models():
        if not isinstance(sub, Model):
            continue
        fixed.setdefault(sub.cls, set())
        free.setdefault(sub.cls, set())
        for name, node in sub._children():
            if isinstance(node, Prior):
                free[sub.cls].add(name)
            elif isinstance(node, TuplePrior):
                if any(isinstance(c, Prior) for c in node.components):
                    free[sub.cls].add(name)
                else:
                    fixed[sub.cls].add(name)
            elif isinstance(node, AbstractModel):
                continue
            elif _is_leaf_value(node) or isinstance(node, (str, bytes)):
                fixed[sub.cls].add(name)
            elif hasattr(node, "__dict__"):
                _register_object_classes(node, seen)
            else:
                fixed[sub.cls].add(name)
    for cls in fixed:
        _register(cls, tuple(sorted(fixed[cls] - free[cls])))
