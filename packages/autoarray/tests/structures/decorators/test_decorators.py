"""Output-wrapping grid decorators: to_array / to_grid / to_vector_yx output types, transform
(with and without rotate_back) and the canonical stacking with over_sample."""

import numpy as np
import pytest

import autoarray as aa


class ToyProfile:
    """A minimal profile: shift by ``centre`` then rotate by ``-angle`` (degrees)."""

    def __init__(self, centre=(0.0, 0.0), angle=0.0):
        self.centre = centre
        self.angle = angle
        self.seen = []

    @aa.decorators.to_grid
    def transformed_to_reference_frame_grid_from(self, grid, xp=np):
        self.seen.append(("transform", type(grid)))
        phi = np.radians(self.angle)
        dy = grid.array[:, 0] - self.centre[0]
        dx = grid.array[:, 1] - self.centre[1]
        y = -dx * xp.sin(phi) + dy * xp.cos(phi)
        x = dx * xp.cos(phi) + dy * xp.sin(phi)
        return xp.stack([y, x], axis=1)

    def rotated_grid_from_reference_frame_from(self, grid, xp=np):
        """Rotate raw [N, 2] (y, x) vectors by ``+angle`` (no shift)."""
        phi = np.radians(self.angle)
        y, x = grid[:, 0], grid[:, 1]
        return xp.stack(
            [x * xp.sin(phi) + y * xp.cos(phi), x * xp.cos(phi) - y * xp.sin(phi)], axis=1
        )

    # --- plain wrappers (no transform)
    @aa.decorators.to_array
    def sum_from(self, grid, xp=np, offset=0.0):
        self.seen.append(("sum", type(grid), xp))
        return (
            grid.array[:, 0] + grid.array[:, 1] + offset
            if hasattr(grid, "array")
            else (grid[:, 0] + grid[:, 1] + offset)
        )

    @aa.decorators.to_grid
    def doubled_from(self, grid, xp=np):
        values = grid.array if hasattr(grid, "array") else grid
        return 2.0 * values

    @aa.decorators.to_vector_yx
    def swapped_from(self, grid, xp=np):
        values = grid.array if hasattr(grid, "array") else grid
        return values[:, ::-1]

    @aa.decorators.to_array
    def pair_from(self, grid, xp=np):
        values = grid.array if hasattr(grid, "array") else grid
        return [values[:, 0], aa.ArrayIrregular(values[:, 1])]

    # --- transformed methods
    @aa.decorators.to_array
    @aa.decorators.transform
    def frame_y_from(self, grid, xp=np):
        self.seen.append(("frame_y", type(grid), grid.is_transformed))
        return grid.array[:, 0]

    @aa.decorators.to_grid
    @aa.decorators.transform
    def frame_grid_from(self, grid, xp=np):
        return grid.array

    @aa.decorators.to_vector_yx
    @aa.decorators.transform(rotate_back=True)
    def unit_x_in_frame_from(self, grid, xp=np):
        """The unit vector along the profile's x' axis, rotated back to the observer frame."""
        n = grid.array.shape[0]
        return xp.stack([xp.zeros(n), xp.ones(n)], axis=1)

    @aa.decorators.to_array
    @aa.decorators.transform
    def nested_from(self, grid, xp=np):
        # Calling another transformed method with an already transformed grid must not
        # transform it a second time.
        return self.frame_y_from(grid, xp).array

    # --- canonical light-profile stacking
    @aa.decorators.over_sample
    @aa.decorators.to_array
    @aa.decorators.transform
    def image_2d_from(self, grid, xp=np):
        y, x = grid.array[:, 0], grid.array[:, 1]
        return y**2 * x + 3.0 * x**2 + y


@pytest.fixture
def mask():
    return aa.Mask2D(
        [[True, False, True], [False, False, False], [True, False, True]], pixel_scales=1.0
    )


@pytest.fixture
def grid_2d(mask):
    return aa.Grid2D.from_mask(mask, over_sample_size=2)


@pytest.fixture
def grid_irr():
    return aa.Grid2DIrregular([(1.0, 2.0), (-1.0, 0.5), (0.0, 0.0)])


# ---------------------------------------------------------------------------------- output types
@pytest.mark.parametrize(
    "method, uniform_type, irregular_type",
    [
        ("sum_from", aa.Array2D, aa.ArrayIrregular),
        ("doubled_from", aa.Grid2D, aa.Grid2DIrregular),
        ("swapped_from", aa.VectorYX2D, aa.VectorYX2DIrregular),
        ("frame_y_from", aa.Array2D, aa.ArrayIrregular),
        ("frame_grid_from", aa.Grid2D, aa.Grid2DIrregular),
        ("unit_x_in_frame_from", aa.VectorYX2D, aa.VectorYX2DIrregular),
    ],
)
def test_output_type_table(grid_2d, grid_irr, method, uniform_type, irregular_type):
    profile = ToyProfile(centre=(0.1, -0.2), angle=30.0)
    uniform = getattr(profile, method)(grid_2d)
    assert type(uniform) is uniform_type
    assert type(uniform.array) is np.ndarray
    assert uniform.mask is grid_2d.mask
    irregular = getattr(profile, method)(grid_irr)
    assert type(irregular) is irregular_type
    assert type(irregular.array) is np.ndarray
    raw = getattr(profile, method)(np.asarray(grid_irr.array))
    assert type(raw) is np.ndarray


def test_wrapped_values(grid_2d, grid_irr):
    profile = ToyProfile()
    np.testing.assert_allclose(profile.sum_from(grid_2d).array, grid_2d.array.sum(axis=1))
    np.testing.assert_allclose(
        profile.sum_from(grid_irr, offset=1.0).array, grid_irr.array.sum(axis=1) + 1.0
    )
    raw = profile.sum_from(np.asarray(grid_irr.array))
    assert type(raw) is np.ndarray
    np.testing.assert_allclose(raw, grid_irr.array.sum(axis=1))
    np.testing.assert_allclose(profile.doubled_from(grid_2d).array, 2.0 * grid_2d.array)
    np.testing.assert_allclose(profile.swapped_from(grid_irr).array, grid_irr.array[:, ::-1])


def test_to_grid_keeps_over_sampling_state(grid_2d):
    out = ToyProfile().doubled_from(grid_2d)
    np.testing.assert_array_equal(out.over_sample_size.array, grid_2d.over_sample_size.array)
    sampler = grid_2d.over_sampler
    out = ToyProfile().doubled_from(grid_2d)
    assert out.over_sampler is sampler


def test_to_vector_yx_keeps_grid(grid_2d, grid_irr):
    profile = ToyProfile()
    assert profile.swapped_from(grid_2d).grid is grid_2d
    assert profile.swapped_from(grid_irr).grid is grid_irr


def test_xp_is_passed_as_third_positional_argument(grid_irr):
    profile = ToyProfile()
    profile.sum_from(grid_irr, np, offset=2.0)
    assert profile.seen[-1] == ("sum", aa.Grid2DIrregular, np)
    out = profile.sum_from(grid_irr, np, 2.0)
    np.testing.assert_allclose(out.array, grid_irr.array.sum(axis=1) + 2.0)


def test_list_results_are_wrapped_element_wise(grid_2d, grid_irr):
    profile = ToyProfile()
    uniform = profile.pair_from(grid_2d)
    assert isinstance(uniform, list) and len(uniform) == 2
    assert all(type(v) is aa.Array2D for v in uniform)
    irregular = profile.pair_from(grid_irr)
    assert all(type(v) is aa.ArrayIrregular for v in irregular)
    np.testing.assert_array_equal(irregular[1].array, grid_irr.array[:, 1])
    raw = profile.pair_from(grid_irr.array)
    assert all(type(v) is np.ndarray for v in raw)


def test_decorators_preserve_function_metadata():
    assert ToyProfile.image_2d_from.__name__ == "image_2d_from"
    assert "unit vector" in ToyProfile.unit_x_in_frame_from.__doc__


# ---------------------------------------------------------------------------------- transform
def test_transform_shifts_and_rotates(grid_irr):
    profile = ToyProfile(centre=(1.0, 0.0), angle=90.0)
    out = profile.frame_grid_from(aa.Grid2DIrregular([(1.0, 1.0), (2.0, 0.0)]))
    # Shift: (0, 1), (1, 0); rotate by -90 degrees: (y', x') = (-x, y).
    np.testing.assert_allclose(out.array, [[-1.0, 0.0], [0.0, 1.0]], atol=1e-12)


def test_transform_hands_body_a_flagged_structure_and_leaves_input_alone(grid_2d, grid_irr):
    profile = ToyProfile(centre=(0.5, 0.5))
    profile.frame_y_from(grid_2d)
    assert profile.seen[-1] == ("frame_y", aa.Grid2D, True)
    profile.frame_y_from(grid_irr)
    assert profile.seen[-1] == ("frame_y", aa.Grid2DIrregular, True)
    assert grid_2d.is_transformed is False
    assert grid_irr.is_transformed is False


def test_in_profile_frame_is_the_transform_flag(grid_2d, grid_irr):
    assert not aa.decorators.in_profile_frame(grid_irr)
    assert not aa.decorators.in_profile_frame(grid_2d)
    assert not aa.decorators.in_profile_frame(np.asarray(grid_irr.array))
    seen = []

    class Recorder(ToyProfile):
        @aa.decorators.transform
        def frame_from(self, grid, xp=np):
            seen.append(aa.decorators.in_profile_frame(grid))
            return grid.array[:, 0]

    Recorder(centre=(0.5, 0.5)).frame_from(grid_irr)
    assert seen == [True]


def test_transform_wraps_raw_input_as_irregular(grid_irr):
    profile = ToyProfile(centre=(0.5, 0.5))
    out = profile.frame_y_from(np.asarray(grid_irr.array))
    assert type(out) is np.ndarray
    assert profile.seen[-1] == ("frame_y", aa.Grid2DIrregular, True)
    np.testing.assert_allclose(out, grid_irr.array[:, 0] - 0.5)


def test_transform_is_not_applied_twice(grid_irr):
    profile = ToyProfile(centre=(1.0, 2.0), angle=20.0)
    nested = profile.nested_from(grid_irr)
    direct = profile.frame_y_from(grid_irr)
    np.testing.assert_allclose(nested.array, direct.array)
    profile.seen.clear()
    profile.nested_from(grid_irr)
    assert [s for s in profile.seen if s[0] == "transform"] == [("transform", aa.Grid2DIrregular)]


@pytest.mark.parametrize("angle", [0.0, 30.0, 90.0, 135.0])
def test_transform_rotate_back(grid_irr, angle):
    profile = ToyProfile(centre=(0.3, -0.7), angle=angle)
    out = profile.unit_x_in_frame_from(grid_irr)
    assert type(out) is aa.VectorYX2DIrregular
    phi = np.radians(angle)
    expected = np.tile([np.sin(phi), np.cos(phi)], (3, 1))
    np.testing.assert_allclose(out.array, expected, atol=1e-12)


def test_transform_rotate_back_on_uniform_grid(grid_2d):
    out = ToyProfile(angle=45.0).unit_x_in_frame_from(grid_2d)
    assert type(out) is aa.VectorYX2D
    np.testing.assert_allclose(out.array, np.full((5, 2), np.sqrt(0.5)))


# ---------------------------------------------------------------------------------- stacking
def _image(y, x):
    return y**2 * x + 3.0 * x**2 + y


def test_canonical_stack_over_samples_uniform_grids(grid_2d, mask):
    profile = ToyProfile(centre=(0.25, -0.5), angle=0.0)
    image = profile.image_2d_from(grid_2d)
    assert type(image) is aa.Array2D
    assert image.mask is mask
    expected = []
    for yc, xc in grid_2d.array:
        sub = [
            _image(yc + dy - 0.25, xc + dx + 0.5) for dy in (0.25, -0.25) for dx in (-0.25, 0.25)
        ]
        expected.append(np.mean(sub))
    np.testing.assert_allclose(image.array, expected)
    # Differs from evaluating at the pixel centres only (the function is non-linear).
    centres = _image(grid_2d.array[:, 0] - 0.25, grid_2d.array[:, 1] + 0.5)
    assert not np.allclose(image.array, centres)


def test_canonical_stack_irregular_and_raw_grids_are_not_over_sampled(grid_irr):
    profile = ToyProfile(centre=(0.25, -0.5))
    expected = _image(grid_irr.array[:, 0] - 0.25, grid_irr.array[:, 1] + 0.5)
    irregular = profile.image_2d_from(grid_irr)
    assert type(irregular) is aa.ArrayIrregular
    np.testing.assert_allclose(irregular.array, expected)
    raw = profile.image_2d_from(np.asarray(grid_irr.array))
    assert type(raw) is np.ndarray
    np.testing.assert_allclose(raw, expected)


def test_canonical_stack_with_unit_sub_size_equals_pixel_centres(mask):
    grid = aa.Grid2D.from_mask(mask, over_sample_size=1)
    image = ToyProfile(angle=10.0).image_2d_from(grid)
    direct = ToyProfile(angle=10.0).image_2d_from(aa.Grid2DIrregular(grid.array))
    np.testing.assert_allclose(image.array, direct.array)


def test_canonical_stack_uses_carried_over_sampled_grid(mask):
    grid = aa.Grid2D.from_mask(mask, over_sample_size=1)
    traced = aa.Grid2DIrregular(grid.array + 1.0)
    carried = aa.Grid2D(grid.array, mask, over_sample_size=1, over_sampled=traced)
    image = ToyProfile().image_2d_from(carried)
    np.testing.assert_allclose(image.array, _image(grid.array[:, 0] + 1.0, grid.array[:, 1] + 1.0))


class _IdentityFrameProfile:
    """A profile whose frame transform hands back the very grid it was given."""

    def transformed_to_reference_frame_grid_from(self, grid, xp=np):
        return grid

    @aa.decorators.to_array
    @aa.decorators.transform
    def flag_from(self, grid, xp=np):
        assert grid.is_transformed
        return grid.array[:, 0]


def test_transform_never_flags_the_callers_grid(grid_irr):
    out = _IdentityFrameProfile().flag_from(grid_irr)
    np.testing.assert_array_equal(out.array, grid_irr.array[:, 0])
    assert grid_irr.is_transformed is False
    # A second profile still transforms the same grid.
    shifted = ToyProfile(centre=(1.0, 0.0)).frame_y_from(grid_irr)
    np.testing.assert_allclose(shifted.array, grid_irr.array[:, 0] - 1.0)
