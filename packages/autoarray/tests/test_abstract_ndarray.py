"""AbstractNDArray: raw access, unwrapping, arithmetic, comparisons, indexing, copies and the
pure-Python parts of pytree flattening (NumPy path only; JAX is never imported here)."""

import copy

import numpy as np
import pytest

import autoarray as aa
from autoarray import abstract_ndarray
from autoarray.abstract_ndarray import (
    AbstractNDArray,
    _flatten_instance,
    _is_static_value,
    _StaticAux,
    _unflatten_instance,
    is_number,
)


@pytest.fixture
def mask():
    return aa.Mask2D(
        [[True, False, True], [False, False, False], [True, False, True]], pixel_scales=1.0
    )


@pytest.fixture
def array_2d(mask):
    return aa.Array2D(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), mask)


# ---------------------------------------------------------------------------------- construction
def test_array_property_returns_raw_numpy():
    arr = aa.ArrayIrregular([1.0, 2.0])
    assert type(arr.array) is np.ndarray
    assert arr.array is arr._array
    np.testing.assert_array_equal(arr.array, [1.0, 2.0])


def test_list_input_becomes_ndarray():
    arr = AbstractNDArray([[1, 2], [3, 4]])
    assert isinstance(arr.array, np.ndarray)
    assert arr.shape == (2, 2)


def test_nested_structures_are_unwrapped():
    inner = aa.ArrayIrregular([1.0, 2.0, 3.0])
    middle = AbstractNDArray(inner)
    outer = aa.ArrayIrregular(middle)
    assert type(outer.array) is np.ndarray
    assert not isinstance(outer.array, AbstractNDArray)
    np.testing.assert_array_equal(outer.array, [1.0, 2.0, 3.0])


def test_raw_array_unwraps_structures_and_passes_other_values_through(array_2d, mask):
    assert aa.raw_array is abstract_ndarray.raw_array
    assert aa.raw_array(array_2d) is array_2d.array
    assert aa.raw_array(mask) is mask.array
    grid = aa.Grid2DIrregular([(1.0, 2.0)])
    assert aa.raw_array(grid) is grid.array
    raw = np.array([1.0, 2.0])
    assert aa.raw_array(raw) is raw
    values = [1.0, 2.0]
    assert aa.raw_array(values) is values
    assert aa.raw_array(3.0) == 3.0
    assert aa.raw_array(None) is None


def test_list_of_structures_is_unwrapped():
    arr = aa.ArrayIrregular([aa.ArrayIrregular([1.0])[0], 2.0])
    np.testing.assert_array_equal(arr.array, [1.0, 2.0])
    grid = aa.Grid2DIrregular([aa.Grid2DIrregular([1.0, 2.0]).array[0], (3.0, 4.0)])
    np.testing.assert_array_equal(grid.array, [[1.0, 2.0], [3.0, 4.0]])


def test_numpy_construction_does_not_use_jax():
    arr = aa.ArrayIrregular([1.0])
    assert arr.use_jax is False
    assert arr._xp is np


def test_delegated_properties():
    arr = AbstractNDArray(np.arange(6.0).reshape(2, 3))
    assert arr.shape == (2, 3)
    assert arr.size == 6
    assert arr.ndim == 2
    assert arr.dtype == np.float64
    assert len(arr) == 2
    assert arr.sum() == 15.0
    assert arr.max() == 5.0
    assert arr.min() == 0.0
    assert not arr.all()
    assert arr.any()
    assert arr.tolist() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
    rows = list(arr)
    np.testing.assert_array_equal(rows[1], [3.0, 4.0, 5.0])
    assert float(AbstractNDArray(np.array(2.5))) == 2.5


def test_numpy_conversion_via_dunder_array():
    arr = aa.ArrayIrregular([1.0, 2.0])
    out = np.asarray(arr)
    assert type(out) is np.ndarray
    np.testing.assert_array_equal(out, [1.0, 2.0])
    assert np.asarray(arr, dtype=np.float32).dtype == np.float32


def test_repr_names_class():
    assert "ArrayIrregular" in repr(aa.ArrayIrregular([1.0]))
    assert str(aa.ArrayIrregular([1.0])) == repr(aa.ArrayIrregular([1.0]))


# ---------------------------------------------------------------------------------- arithmetic
@pytest.mark.parametrize(
    "op, expected",
    [
        (lambda a: a + 1.0, [2.0, 3.0, 4.0, 5.0, 6.0]),
        (lambda a: 1.0 + a, [2.0, 3.0, 4.0, 5.0, 6.0]),
        (lambda a: a - 1.0, [0.0, 1.0, 2.0, 3.0, 4.0]),
        (lambda a: 10.0 - a, [9.0, 8.0, 7.0, 6.0, 5.0]),
        (lambda a: a * 2.0, [2.0, 4.0, 6.0, 8.0, 10.0]),
        (lambda a: 2.0 * a, [2.0, 4.0, 6.0, 8.0, 10.0]),
        (lambda a: a / 2.0, [0.5, 1.0, 1.5, 2.0, 2.5]),
        (lambda a: 60.0 / a, [60.0, 30.0, 20.0, 15.0, 12.0]),
        (lambda a: a**2, [1.0, 4.0, 9.0, 16.0, 25.0]),
        (lambda a: 2.0**a, [2.0, 4.0, 8.0, 16.0, 32.0]),
        (lambda a: -a, [-1.0, -2.0, -3.0, -4.0, -5.0]),
        (lambda a: abs(-a), [1.0, 2.0, 3.0, 4.0, 5.0]),
        (lambda a: (a * a).sqrt(), [1.0, 2.0, 3.0, 4.0, 5.0]),
        (lambda a: a.astype(np.float32), [1.0, 2.0, 3.0, 4.0, 5.0]),
        (lambda a: a.real, [1.0, 2.0, 3.0, 4.0, 5.0]),
        (lambda a: a.imag, [0.0, 0.0, 0.0, 0.0, 0.0]),
    ],
)
def test_arithmetic_keeps_class_and_mask(array_2d, mask, op, expected):
    result = op(array_2d)
    assert type(result) is aa.Array2D
    assert result.mask is mask
    assert type(result.array) is np.ndarray
    np.testing.assert_allclose(result.array, expected)


def test_arithmetic_between_structures_unwraps_other(array_2d, mask):
    result = array_2d + array_2d
    assert type(result) is aa.Array2D
    assert result.mask is mask
    assert type(result.array) is np.ndarray
    np.testing.assert_allclose(result.array, [2.0, 4.0, 6.0, 8.0, 10.0])
    np.testing.assert_allclose((array_2d * np.arange(5.0)).array, [0.0, 2.0, 6.0, 12.0, 20.0])


def test_arithmetic_does_not_modify_operands(array_2d):
    before = array_2d.array.copy()
    _ = array_2d * 3.0 + 1.0
    np.testing.assert_array_equal(array_2d.array, before)


def test_numpy_array_on_left_returns_structure(array_2d):
    # __array_priority__ makes NumPy defer to the structure's reflected operator.
    result = np.ones(5) + array_2d
    assert type(result) is aa.Array2D
    np.testing.assert_allclose(result.array, [2.0, 3.0, 4.0, 5.0, 6.0])


def test_grid_arithmetic_keeps_grid_class_and_mask():
    grid = aa.Grid2D.uniform((2, 2), 1.0, over_sample_size=1)
    shifted = grid - np.array([0.5, -0.5])
    assert type(shifted) is aa.Grid2D
    assert shifted.mask is grid.mask
    np.testing.assert_allclose(shifted.array, grid.array - [0.5, -0.5])


def test_reshape_keeps_class():
    arr = AbstractNDArray(np.arange(4.0))
    out = arr.reshape(2, 2)
    assert type(out) is AbstractNDArray
    assert out.shape == (2, 2)


def test_invert_wrapped_and_dunder_invert_raw():
    arr = AbstractNDArray(np.array([True, False]))
    wrapped = arr.invert()
    assert type(wrapped) is AbstractNDArray
    np.testing.assert_array_equal(wrapped.array, [False, True])
    raw = ~arr
    assert type(raw) is np.ndarray
    np.testing.assert_array_equal(raw, [False, True])


# ---------------------------------------------------------------------------------- comparisons
@pytest.mark.parametrize(
    "op, expected",
    [
        (lambda a: a < 3.0, [True, True, False, False, False]),
        (lambda a: a <= 3.0, [True, True, True, False, False]),
        (lambda a: a > 3.0, [False, False, False, True, True]),
        (lambda a: a >= 3.0, [False, False, True, True, True]),
        (lambda a: a == 3.0, [False, False, True, False, False]),
        (lambda a: a != 3.0, [True, True, False, True, True]),
    ],
)
def test_comparisons_return_raw_boolean_arrays(array_2d, op, expected):
    result = op(array_2d)
    assert type(result) is np.ndarray
    assert result.dtype == bool
    np.testing.assert_array_equal(result, expected)


def test_comparison_with_structure_unwraps(array_2d):
    result = array_2d == array_2d.copy()
    assert type(result) is np.ndarray
    assert result.all()


def test_structures_are_hashable_by_identity(array_2d):
    assert hash(array_2d) == hash(array_2d)
    assert len({array_2d, array_2d}) == 1


# ---------------------------------------------------------------------------------- indexing
def test_integer_indexing_returns_raw(array_2d):
    value = array_2d[2]
    assert not isinstance(value, AbstractNDArray)
    assert value == 3.0


def test_fancy_and_boolean_indexing_return_raw(array_2d):
    picked = array_2d[np.array([0, 4])]
    assert type(picked) is np.ndarray
    np.testing.assert_array_equal(picked, [1.0, 5.0])
    boolean = array_2d[array_2d > 3.0]
    assert type(boolean) is np.ndarray
    np.testing.assert_array_equal(boolean, [4.0, 5.0])


def test_tuple_column_indexing_of_grid_returns_raw():
    grid = aa.Grid2DIrregular([(1.0, 2.0), (3.0, 4.0)])
    y = grid[:, 0]
    assert type(y) is np.ndarray
    np.testing.assert_array_equal(y, [1.0, 3.0])
    np.testing.assert_array_equal(grid.array[:, 1], [2.0, 4.0])


def test_slice_indexing_is_wrapped_in_same_class(array_2d, mask):
    sliced = array_2d[1:3]
    assert type(sliced) is aa.Array2D
    assert sliced.mask is mask
    np.testing.assert_array_equal(sliced.array, [2.0, 3.0])


def test_setitem_is_in_place_on_numpy(array_2d):
    array_2d[0] = 10.0
    assert array_2d.array[0] == 10.0
    array_2d[array_2d.array > 4.0] = aa.ArrayIrregular([0.0])[0]
    np.testing.assert_array_equal(array_2d.array, [0.0, 2.0, 3.0, 4.0, 0.0])


# ---------------------------------------------------------------------------------- copies
@pytest.mark.parametrize("copier", [lambda a: a.copy(), copy.copy, copy.deepcopy])
def test_copy_has_independent_values_and_same_metadata(array_2d, mask, copier):
    duplicate = copier(array_2d)
    assert type(duplicate) is aa.Array2D
    assert duplicate is not array_2d
    assert duplicate.mask is mask
    assert duplicate.array is not array_2d.array
    duplicate.array[0] = 100.0
    assert array_2d.array[0] == 1.0


def test_with_new_array_shares_metadata(array_2d, mask):
    new = array_2d.with_new_array(np.zeros(5))
    assert type(new) is aa.Array2D
    assert new.mask is mask
    np.testing.assert_array_equal(new.array, np.zeros(5))
    np.testing.assert_array_equal(array_2d.array, [1.0, 2.0, 3.0, 4.0, 5.0])


# ---------------------------------------------------------------------------------- helpers
def test_is_number():
    assert is_number(1.0)
    assert is_number(3)
    assert is_number(np.float64(2.0))
    assert not is_number(True)
    assert not is_number(np.array([1.0]))
    assert not is_number("1.0")


def test_every_exception_is_a_value_error():
    for name in (
        "ArrayException",
        "MaskException",
        "GridException",
        "GeometryException",
        "KernelException",
        "DatasetException",
        "FitsException",
        "FitException",
        "InversionException",
        "OverSamplingException",
    ):
        cls = getattr(aa.exc, name)
        assert issubclass(cls, aa.exc.AutoArrayException)
        assert issubclass(cls, ValueError)
    assert issubclass(aa.exc.InversionException, aa.exc.FitException)


# ---------------------------------------------------------------------------------- pytree helpers
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
    children, (child_names, static) = _flatten_instance(toy, no_flatten=("dataset",))
    assert child_names == ("scale", "values")  # sorted names of the traced attributes
    assert children[0] == 2.5
    assert children[1] is toy.values
    assert static.names == ("count", "dataset", "flag", "name", "nothing", "shape")
    assert static.values[1] is toy.dataset


def test_unflatten_restores_attributes_without_calling_init():
    toy = _Toy()
    children, aux = _flatten_instance(toy, no_flatten=("dataset",))
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
    no_flatten = type(array_2d).__no_flatten__
    children, (child_names, static) = _flatten_instance(array_2d, no_flatten)
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


def test_subclasses_are_recorded_for_later_registration():
    for cls in (aa.Mask2D, aa.Array2D, aa.ArrayIrregular, aa.Grid2D, aa.Grid2DIrregular,
                aa.VectorYX2D, aa.VectorYX2DIrregular):
        assert cls in abstract_ndarray._structure_classes


def test_mask_flattens_to_static_data_only(mask):
    _ = mask.derive_mask.edge
    _ = mask.derive_indexes.native_for_slim
    _ = mask.pixel_centres
    children, (child_names, static) = _flatten_instance(mask, type(mask).__no_flatten__)
    assert children == [] and child_names == ()
    assert "_array" in static.names and "derive_indexes" in static.names


def test_grid_flatten_keeps_mask_and_sizes_static():
    grid = aa.Grid2D.uniform((2, 2), 1.0, over_sample_size=2)
    _ = grid.over_sampled
    children, (child_names, static) = _flatten_instance(grid, type(grid).__no_flatten__)
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
    children, (child_names, static) = _flatten_instance(obj, (), frozenset({"scale", "centre"}))
    assert child_names == ("centre", "scale")
    assert children == [(0.1, 0.2), 1.5]
    assert static.names == ("ell_comps", "slope")
    assert static.values == ((0.0, 0.0), 2.0)
    # Without the constructor's names every float is a child, as before.
    _, (child_names, _) = _flatten_instance(obj, ())
    assert child_names == ("centre", "ell_comps", "scale", "slope")


def test_a_constant_that_is_not_a_python_float_stays_a_child():
    obj = _Constants()
    obj.slope = np.array(2.0)  # e.g. a traced or array value set by hand
    _, (child_names, _) = _flatten_instance(obj, (), frozenset({"scale", "centre"}))
    assert "slope" in child_names


def test_flatten_plans_are_reused_per_layout_and_follow_value_types():
    plans: dict = {}
    first = _Toy()
    children, (child_names, _) = _flatten_instance(first, ("dataset",), None, plans)
    assert len(plans) == 1 and child_names == ("scale", "values")
    second = _Toy()
    second.scale = 4.0
    children, (child_names, static) = _flatten_instance(second, ("dataset",), None, plans)
    assert len(plans) == 1 and children[0] == 4.0 and static.values[1] is second.dataset
    # Same names, another type (an int is static): a new plan, not the cached split.
    third = _Toy()
    third.scale = 3
    _, (child_names, static) = _flatten_instance(third, ("dataset",), None, plans)
    assert len(plans) == 2 and child_names == ("values",) and "scale" in static.names
    # Tuples are split by the types of their items as well.
    third.scale = (1, 2)
    _, (child_names, _) = _flatten_instance(third, ("dataset",), None, plans)
    assert child_names == ("values",)
    third.scale = (1.0, 2.0)
    _, (child_names, _) = _flatten_instance(third, ("dataset",), None, plans)
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
    _, (_, static) = _flatten_instance(toy, ("dataset",), None, {})
    assert not static.plain
    obj = _Constants()
    _, (_, static) = _flatten_instance(obj, (), frozenset({"scale", "centre"}), {})
    assert static.plain
