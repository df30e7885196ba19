"""The instance of a :class:`~autogalaxy.modeling.model.Collection`: :class:`ModelInstance`."""

from __future__ import annotations

from typing import Any, Iterator

from autoarray.pytrees import Pytree


class ModelInstance(Pytree):
    """Instance of a :class:`Collection`: attribute access plus iteration in insertion order.

    ``list(instance.galaxies)`` gives the galaxies; ``instance[0]`` / ``instance["lens"]`` index it.
    As a JAX pytree, an instance whose parameters are all scalars is one leaf: a float64 array
    of them (:mod:`autoarray.pytree_packing`), so passing it to ``jax.jit`` is one transfer.
    """

    __pytree_static__ = ("_order",)
    __pytree_pack__ = ("*",)

    def __init__(self, items: dict | None = None) -> None:
        self._order = tuple(items or {})
        for key, value in (items or {}).items():
            setattr(self, key, value)

    def _keys(self) -> list[str]:
        order = [k for k in getattr(self, "_order", ()) if k in self.__dict__]
        extra = [k for k in self.__dict__ if not k.startswith("_") and k not in order]
        return order + extra

    def keys(self) -> list[str]:
        return self._keys()

    def values(self) -> list:
        return [self.__dict__[k] for k in self._keys()]

    def items(self) -> list[tuple[str, Any]]:
        return [(k, self.__dict__[k]) for k in self._keys()]

    @property
    def dict(self) -> dict:
        return dict(self.items())

    def __iter__(self) -> Iterator:
        return iter([self.__dict__[k] for k in self._keys()])

    def __len__(self) -> int:
        return len(self._keys())

    def __getitem__(self, item):
        if isinstance(item, str):
            return getattr(self, item)
        return [self.__dict__[k] for k in self._keys()][item]

    def __setattr__(self, key, value):
        object.__setattr__(self, key, value)
        if not key.startswith("_") and key not in getattr(self, "_order", ()):
            object.__setattr__(self, "_order", tuple(getattr(self, "_order", ())) + (key,))

    def __repr__(self) -> str:
        return f"ModelInstance({', '.join(self._keys())})"
