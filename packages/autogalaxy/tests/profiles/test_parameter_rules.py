"""``parameter_rules.valid_from`` on NumPy arrays standing in for traced parameters."""

import numpy as np
import pytest

from autogalaxy.profiles import parameter_rules


class _Disk:
    def __init__(self, centre, ell_comps, radius, index, amplitude):
        self.centre = centre
        self.ell_comps = ell_comps
        self.radius = radius
        self.index = index
        self.amplitude = amplitude
        parameter_rules.record(self, "centre", "finite")
        parameter_rules.record(self, "ell_comps", "unit_disk")
        parameter_rules.record(self, "radius", "positive")
        parameter_rules.record(self, "index", "range", 0.2, 8.0, True)
        parameter_rules.record(self, "amplitude", "non_negative")


class _Holder:
    def __init__(self, **parts):
        self.__dict__.update(parts)


def _disk(**changes):
    values = dict(
        centre=(np.asarray(0.1), np.asarray(-0.2)),
        ell_comps=(np.asarray(0.3), np.asarray(0.4)),
        radius=np.asarray(1.0),
        index=np.asarray(4.0),
        amplitude=np.asarray(0.0),
    )
    values.update(changes)
    return _Disk(**values)


def _valid(instance) -> bool:
    return bool(parameter_rules.valid_from(instance, xp=np))


def test_valid_instance_nested_in_lists_dicts_and_objects():
    instance = _Holder(galaxies=[_Holder(profiles={"a": _disk(), "b": _disk()})])
    assert _valid(instance)


@pytest.mark.parametrize(
    "change",
    [
        dict(centre=(np.asarray(np.nan), np.asarray(0.0))),
        dict(ell_comps=(np.asarray(0.8), np.asarray(0.6))),
        dict(ell_comps=(np.asarray(np.inf), np.asarray(0.0))),
        dict(radius=np.asarray(0.0)),
        dict(radius=np.asarray(np.inf)),
        dict(index=np.asarray(0.1)),
        dict(index=np.asarray(8.5)),
        dict(amplitude=np.asarray(-1e-12)),
    ],
)
def test_each_broken_rule_makes_the_instance_invalid_wherever_it_sits(change):
    assert not _valid(_Holder(galaxies=[_Holder(profiles={"a": _disk(), "b": _disk(**change)})]))
    assert not _valid(_disk(**change))


def test_inclusive_range_bounds_and_plain_floats():
    assert _valid(_disk(index=np.asarray(0.2)))
    assert _valid(_disk(index=8.0, radius=2.0))
    assert _valid(_Holder(nothing=1.0, name="x"))
