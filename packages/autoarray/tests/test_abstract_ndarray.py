"""AbstractNDArray: raw access, unwrapping, arithmetic, comparisons, indexing and copies (NumPy
path only; JAX is never imported here). Pytree flattening is tested in ``test_pytrees.py``."""

import copy

import numpy as np
import pytest

import autoarray as aa
from autoarray import abstract_ndarray
from autoarray.abstract_ndarray import AbstractNDArray, is_number


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
