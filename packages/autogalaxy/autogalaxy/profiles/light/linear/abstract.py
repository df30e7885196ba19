"""Base of linear light profiles, whose intensity is solved by a linear inversion."""

from __future__ import annotations

import inspect
import itertools

from autogalaxy.profiles.light.abstract import LightProfile

#: Source of the unique identity of every linear light profile instance.
_TOKENS = itertools.count()


class LightProfileLinear:
    """Mixin marking a light profile with intensity fixed to 1, its amplitude found by a solve.

    Put it first in the bases (``class Sersic(LightProfileLinear, lp.Sersic)``). Every instance
    gets a unique integer ``pytree_token`` used for hashing and equality, so instances (including
    ones built from JAX tracers) can key the dictionaries of solved intensities. Copies that keep
    ``__dict__`` (pytree unflattening, ``copy``) keep the token and stay equal to the original.
    """

    #: Static as a pytree (``autoarray.pytrees``): the token is identity, never traced.
    __pytree_static__ = ("pytree_token",)

    def __new__(cls, *args, **kwargs):
        instance = super().__new__(cls)
        instance.pytree_token = next(_TOKENS)
        return instance

    def __hash__(self):
        return hash((LightProfileLinear, self.pytree_token))

    def __eq__(self, other):
        return isinstance(other, LightProfileLinear) and other.pytree_token == self.pytree_token

    @property
    def standard_class(self) -> type:
        """The standard (non-linear) light profile class this linear profile stands for."""
        for cls in type(self).__mro__:
            if issubclass(cls, LightProfile) and not issubclass(cls, LightProfileLinear):
                return cls
        raise TypeError(f"{type(self).__name__} has no standard light profile base class.")

    def lp_instance_from(self, intensity):
        """The equivalent standard light profile with the solved ``intensity``.

        ``intensity`` is a number, or a dict mapping linear profiles to their solved intensity
        (this profile's entry is used).
        """
        if isinstance(intensity, dict):
            intensity = intensity[self]
        cls = self.standard_class
        names = [name for name in inspect.signature(cls.__init__).parameters if name != "self"]
        kwargs = {name: getattr(self, name) for name in names if name != "intensity"}
        return cls(intensity=intensity, **kwargs)
