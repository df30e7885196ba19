"""autoarray.pytrees: declarations, the split into children and static aux data, and the rule
of a class being a function of the class alone (NumPy path only; JAX is never imported here;
the registration itself is checked by ``workspace_test/pytree_registration_order.py``)."""

import numpy as np
import pytest

import autoarray as aa
from autoarray import pytrees
from autoarray.pytrees import (
    _flatten_instance,
    _is_static_value,
    _StaticAux,
    _unflatten_instance,
    constructor_arguments,
    leaf_names_of,
    static_names_of,
)


@pytest.fixture
def mask():
    return aa.Mask2D(
        [[True, False, True], [False, False, False], [True, False, True]], pixel_scales=1.0
    )


@pytest.fixture
def array_2d(mask):
    return aa.Array2D(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), mask)


# ---------------------------------------------------------------------------------- flattening
class _Toy:
    def __init__(self):
        self.values = np.array([1.0, 2.0])
        self.scale = 2.5
        self.count = 3
        self.flag = True
        self.name = "toy"
        self.nothing = None
        self.shape = (3, 4)
        self.dataset = object()


def test_static_value_classification():
    assert _is_static_value(3)
    assert _is_static_value(True)
    assert _is_static_value("a")
    assert _is_static_value(None)
    assert _is_static_value(np.int64(2))
    assert _is_static_value((1, 2, "a"))
    # Floats and arrays may be traced parameters: they are children.
    assert not _is_static_value(2.5)
    assert not _is_static_value(np.array([1.0]))
    assert not _is_static_value((1.0, 2.0))
    assert not _is_static_value(object())


def test_flatten_splits_children_and_static_aux():
    toy = _Toy()
    children, (child_names, static) = _flatten_instance(toy, static=frozenset({"dataset"}))
    assert child_names == ("scale", "values")  # sorted names of the traced attributes
    assert children[0] == 2.5
    assert children[1] is toy.values
    assert static.names == ("count", "dataset", "flag", "name", "nothing", "shape")
    assert static.values[1] is toy.dataset


def test_unflatten_restores_attributes_without_calling_init():
    toy = _Toy()
    children, aux = _flatten_instance(toy, static=frozenset({"dataset"}))
    new_values = np.array([5.0, 6.0])
    rebuilt = _unflatten_instance(_Toy, aux, [7.5, new_values])
    assert type(rebuilt) is _Toy
    assert rebuilt.scale == 7.5
    assert rebuilt.values is new_values
    assert rebuilt.dataset is toy.dataset
    assert (rebuilt.count, rebuilt.flag, rebuilt.name, rebuilt.nothing, rebuilt.shape) == (
        3,
        True,
        "toy",
        None,
        (3, 4),
    )


def test_flatten_of_array_2d_keeps_mask_static(array_2d, mask):
    children, (child_names, static) = _flatten_instance(array_2d, static_names_of(aa.Array2D))
    assert child_names == ("_array",)
    assert children[0] is array_2d.array
    assert "mask" in static.names
    rebuilt = _unflatten_instance(aa.Array2D, (child_names, static), [np.zeros(5)])
    assert type(rebuilt) is aa.Array2D
    assert rebuilt.mask is mask
    np.testing.assert_array_equal(rebuilt.native.array, np.zeros((3, 3)))


def test_static_aux_compares_plain_values_by_value_and_objects_by_identity():
    dataset = object()
    a = _StaticAux(("n", "d", "s"), (3, dataset, (1, 2)))
    b = _StaticAux(("n", "d", "s"), (3, dataset, (1, 2)))
    assert a == b
    assert hash(a) == hash(b)
    assert a != _StaticAux(("n", "d", "s"), (4, dataset, (1, 2)))
    assert a != _StaticAux(("n", "d", "s"), (3, object(), (1, 2)))
    assert a != _StaticAux(("m", "d", "s"), (3, dataset, (1, 2)))
    assert a != "not an aux"
    # Equal-valued but distinct arrays are different static data (identity, never hashed).
    x = _StaticAux(("a",), (np.zeros(3),))
    y = _StaticAux(("a",), (np.zeros(3),))
    assert x != y
    assert x == x


def test_declared_classes_are_recorded_for_registration_on_first_jax_use():
    for cls in (
        aa.Mask2D,
        aa.Array2D,
        aa.ArrayIrregular,
        aa.Grid2D,
        aa.Grid2DIrregular,
        aa.VectorYX2D,
        aa.VectorYX2DIrregular,
        aa.Imaging,
        aa.DatasetModel,
        aa.FitImaging,
        aa.Convolver,
    ):
        assert cls in pytrees._declared


def test_mask_flattens_to_static_data_only(mask):
    _ = mask.derive_mask.edge
    _ = mask.derive_indexes.native_for_slim
    _ = mask.pixel_centres
    children, (child_names, static) = _flatten_instance(mask, static_names_of(aa.Mask2D))
    assert children == [] and child_names == ()
    assert "_array" in static.names and "derive_indexes" in static.names


def test_grid_flatten_keeps_mask_and_sizes_static():
    grid = aa.Grid2D.uniform((2, 2), 1.0, over_sample_size=2)
    _ = grid.over_sampled
    children, (child_names, static) = _flatten_instance(grid, static_names_of(aa.Grid2D))
    assert child_names == ("_array", "_over_sampled")
    assert {"mask", "over_sample_size", "_over_sampler", "is_transformed"} <= set(static.names)


class _Constants:
    """Takes ``scale`` and ``centre``; ``slope`` and ``ell_comps`` are constants of the class."""

    def __init__(self, scale=1.0, centre=(0.0, 0.0)):
        self.scale = scale
        self.centre = centre
        self.slope = 2.0
        self.ell_comps = (0.0, 0.0)


def test_float_constants_of_the_class_are_static_when_arguments_are_given():
    obj = _Constants(scale=1.5, centre=(0.1, 0.2))
    children, (child_names, static) = _flatten_instance(
        obj, frozenset(), frozenset({"scale", "centre"})
    )
    assert child_names == ("centre", "scale")
    assert children == [(0.1, 0.2), 1.5]
    assert static.names == ("ell_comps", "slope")
    assert static.values == ((0.0, 0.0), 2.0)
    # Without the constructor's names every float is a child, as before.
    _, (child_names, _) = _flatten_instance(obj, frozenset())
    assert child_names == ("centre", "ell_comps", "scale", "slope")


def test_a_constant_that_is_not_a_python_float_stays_a_child():
    obj = _Constants()
    obj.slope = np.array(2.0)  # e.g. a traced or array value set by hand
    _, (child_names, _) = _flatten_instance(obj, frozenset(), frozenset({"scale", "centre"}))
    assert "slope" in child_names


def test_flatten_plans_are_reused_per_layout_and_follow_value_types():
    plans: dict = {}
    first = _Toy()
    children, (child_names, _) = _flatten_instance(first, frozenset({"dataset"}), None, plans)
    assert len(plans) == 1 and child_names == ("scale", "values")
    second = _Toy()
    second.scale = 4.0
    children, (child_names, static) = _flatten_instance(second, frozenset({"dataset"}), None, plans)
    assert len(plans) == 1 and children[0] == 4.0 and static.values[1] is second.dataset
    # Same names, another type (an int is static): a new plan, not the cached split.
    third = _Toy()
    third.scale = 3
    _, (child_names, static) = _flatten_instance(third, frozenset({"dataset"}), None, plans)
    assert len(plans) == 2 and child_names == ("values",) and "scale" in static.names
    # Tuples are split by the types of their items as well.
    third.scale = (1, 2)
    _, (child_names, _) = _flatten_instance(third, frozenset({"dataset"}), None, plans)
    assert child_names == ("values",)
    third.scale = (1.0, 2.0)
    _, (child_names, _) = _flatten_instance(third, frozenset({"dataset"}), None, plans)
    assert child_names == ("scale", "values")


def test_static_aux_hash_is_cached_and_stable():
    aux = _StaticAux(("n",), (3,))
    assert hash(aux) == hash(aux) == hash(_StaticAux(("n",), (3,)))


def test_plain_static_aux_compares_as_one_tuple_and_never_equals_an_identity_aux():
    plain = _StaticAux(("n", "s"), (3, (1, "a")), plain=True)
    assert plain == _StaticAux(("n", "s"), (3, (1, "a")), plain=True)
    assert hash(plain) == hash(_StaticAux(("n", "s"), (3, (1, "a")), plain=True))
    assert plain != _StaticAux(("n", "s"), (4, (1, "a")), plain=True)
    assert plain != _StaticAux(("n", "s"), (3, (1, "a")))


def test_flatten_marks_aux_plain_only_when_every_static_value_is_plain():
    toy = _Toy()  # holds a dataset object: compared by identity
    _, (_, static) = _flatten_instance(toy, frozenset({"dataset"}), None, {})
    assert not static.plain
    obj = _Constants()
    _, (_, static) = _flatten_instance(obj, frozenset(), frozenset({"scale", "centre"}), {})
    assert static.plain


# ---------------------------------------------------------------------------------- declarations
class _Base(pytrees.Pytree):
    __pytree_static__ = ("dataset",)
    __pytree_leaves__ = "__init__"

    def __init__(self, a=1.0, dataset=None):
        self.a = a
        self.dataset = dataset
        self.constant = 2.0


class _Child(_Base):
    __pytree_static__ = ("settings",)

    def __init__(self, a=1.0, b=2.0, dataset=None, settings=None):
        super().__init__(a, dataset)
        self.b = b
        self.settings = settings


def test_static_names_are_inherited_and_added_to():
    assert static_names_of(_Base) == {"dataset"}
    assert static_names_of(_Child) == {"dataset", "settings"}
    assert static_names_of(aa.Array2D) == {"mask", "header", "store_native"}


def test_leaf_names_follow_each_class_constructor():
    assert leaf_names_of(_Base) == {"a", "dataset"}
    assert leaf_names_of(_Child) == {"a", "b", "dataset", "settings"}
    assert leaf_names_of(aa.Array2D) is None


def test_a_declared_class_splits_by_its_own_rule():
    child = _Child(a=1.5, b=2.5, dataset=object(), settings=object())
    children, (child_names, static) = _flatten_instance(
        child, static_names_of(_Child), leaf_names_of(_Child)
    )
    assert child_names == ("a", "b")
    assert children == [1.5, 2.5]
    assert static.names == ("constant", "dataset", "settings")


def test_declared_subclasses_are_recorded():
    assert _Base in pytrees._declared and _Child in pytrees._declared


def test_constructor_arguments_is_none_for_keyword_catch_alls():
    class Loose:
        def __init__(self, a, **kwargs):
            self.a = a

    assert constructor_arguments(Loose) is None
