import numpy as np
import pytest
from scipy import signal

import autoarray as aa
from autoarray import exc
from autoarray.operators.convolver import Convolver


def _brute_force(mask, blurring_mask, kernel, full):
    """``convolve2d`` of the whole (padded) native image, light everywhere, read back at the
    unmasked pixels: pixels beyond the blurring region cannot reach them, so this is exact."""
    ny, nx = mask.shape_native
    by, bx = blurring_mask.shape_native
    py, px = (by - ny) // 2, (bx - nx) // 2
    blurred = signal.convolve2d(full, kernel, mode="same")
    return blurred[py : py + ny, px : px + nx][~mask.array]


def _images(mask, kernel_shape, rng):
    blurring_mask = mask.derive_mask.blurring_from(kernel_shape, allow_padding=True)
    by, bx = blurring_mask.shape_native
    ny, nx = mask.shape_native
    py, px = (by - ny) // 2, (bx - nx) // 2
    full = rng.normal(size=(by, bx))
    native = full[py : py + ny, px : px + nx]
    image = aa.Array2D(native[~mask.array], mask=mask)
    blurring_grid = aa.Grid2D.from_mask(blurring_mask, over_sample_size=1)
    blurring_image = aa.Array2D(full[~blurring_mask.array], mask=blurring_mask)
    assert blurring_grid.shape[0] == blurring_image.shape[0]
    return image, blurring_image, blurring_mask, full


@pytest.mark.parametrize(
    "shape, centre, radius, kernel_shape",
    [
        ((30, 30), (0.0, 0.0), 0.8, (5, 5)),
        ((30, 40), (0.3, -0.5), 0.6, (3, 7)),
        ((25, 25), (1.0, 1.0), 0.6, (21, 21)),  # near the edge: padded blurring mask
        ((20, 20), (0.0, 0.0), 0.9, (21, 21)),  # kernel wider than the array
    ],
)
@pytest.mark.parametrize("method", ["fft", "real_space", "dense"])
def test_convolution_matches_brute_force(shape, centre, radius, kernel_shape, method):
    rng = np.random.default_rng(3)
    mask = aa.Mask2D.circular(shape, radius=radius, pixel_scales=0.1, centre=centre)
    kernel = rng.normal(size=kernel_shape)
    image, blurring_image, blurring_mask, full = _images(mask, kernel_shape, rng)
    expected = _brute_force(mask, blurring_mask, kernel, full)

    convolver = Convolver(aa.Array2D.no_mask(kernel, pixel_scales=0.1))
    result = convolver.convolved_image_from(image, blurring_image, method=method)
    assert isinstance(result, aa.Array2D)
    assert result.mask is mask
    np.testing.assert_allclose(result.array, expected, rtol=0, atol=1e-12)
    # without the blurring image the answer differs (the blurring region matters)
    no_blurring = convolver.convolved_image_from(image, None, method=method)
    assert np.abs(no_blurring.array - expected).max() > 1e-3


def test_fft_equals_real_space_and_caching():
    rng = np.random.default_rng(0)
    mask = aa.Mask2D.circular((60, 60), radius=1.5, pixel_scales=0.1)
    convolver = Convolver.from_gaussian((21, 21), pixel_scales=0.1, sigma=0.2, normalize=True)
    image, blurring_image, _, _ = _images(mask, (21, 21), rng)
    fft = Convolver.convolved_image_via_fft_from(convolver, image, blurring_image)
    real = convolver.convolved_image_via_real_space_from(image, blurring_image)
    np.testing.assert_allclose(fft.array, real.array, rtol=0, atol=1e-12)
    state = convolver.state_from(mask)
    assert convolver.state_from(mask) is state
    # an equal but distinct mask reuses the state through the content key
    assert convolver.state_from(aa.Mask2D(mask.array.copy(), pixel_scales=0.1)) is state
    forced = Convolver(convolver.kernel, use_fft=False)
    assert forced.method_for(forced.state_from(mask)) == "real_space"
    assert Convolver(convolver.kernel, use_fft=True).method_for(state) == "fft"


def test_no_blurring_image_and_batch():
    rng = np.random.default_rng(1)
    mask = aa.Mask2D.circular((30, 30), radius=0.8, pixel_scales=0.1)
    convolver = Convolver(rng.normal(size=(5, 5)), pixel_scales=0.1)
    images = rng.normal(size=(4, mask.pixels_in_mask))
    batch = convolver.convolved_image_from(images, None, mask=mask, method="fft")
    for method in ("real_space", "dense"):
        other = convolver.convolved_image_from(images, None, mask=mask, method=method)
        np.testing.assert_allclose(batch, other, atol=1e-12)
    single = convolver.convolved_image_from(aa.Array2D(images[2], mask), None)
    np.testing.assert_allclose(single.array, batch[2], atol=1e-12)


def test_materialised_values_convolve_the_same_on_numpy():
    # ``materialised`` only changes how JAX builds the canvas (workspace_test/autoarray_jax.py
    # checks that path); on NumPy every method gives the same blur with it.
    rng = np.random.default_rng(3)
    mask = aa.Mask2D.circular((30, 30), radius=0.8, pixel_scales=0.1)
    convolver = Convolver.from_gaussian((7, 7), pixel_scales=0.1, sigma=0.15)
    state = convolver.state_from(mask)
    image = rng.normal(size=mask.pixels_in_mask)
    blurring = rng.normal(size=state.blurring_pixels)
    for method in ("fft", "real_space", "dense"):
        plain = convolver.convolved_image_from(image, blurring, mask=mask, method=method)
        read = convolver.convolved_image_from(
            image, blurring, mask=mask, method=method, materialised=True
        )
        np.testing.assert_array_equal(read, plain)
        M = np.stack([image, 2.0 * image], axis=1)
        Mb = np.stack([blurring, -blurring], axis=1)
        np.testing.assert_array_equal(
            convolver.convolved_mapping_matrix_from(M, mask, Mb, method=method, materialised=True),
            convolver.convolved_mapping_matrix_from(M, mask, Mb, method=method),
        )


def test_mapping_matrix_many_sparse_columns_automatic_equals_fft():
    # From _SPARSE_PRODUCT_COLUMNS columns the automatic NumPy path is a sparse-by-sparse
    # product; it must equal the FFT path column by column, with and without blurring.
    from autoarray.operators.convolver import _SPARSE_PRODUCT_COLUMNS

    rng = np.random.default_rng(5)
    mask = aa.Mask2D.circular((30, 30), radius=0.9, pixel_scales=0.1)
    convolver = Convolver.from_gaussian((7, 7), pixel_scales=0.1, sigma=0.15)
    state = convolver.state_from(mask)
    columns = _SPARSE_PRODUCT_COLUMNS + 8
    M = rng.random((mask.pixels_in_mask, columns)) * (
        rng.random((mask.pixels_in_mask, columns)) < 0.1
    )
    Mb = rng.random((state.blurring_pixels, columns)) * (
        rng.random((state.blurring_pixels, columns)) < 0.1
    )
    for blurring in (Mb, None):
        auto = convolver.convolved_mapping_matrix_from(M, mask, blurring)
        fft = convolver.convolved_mapping_matrix_from(M, mask, blurring, method="fft")
        assert isinstance(auto, np.ndarray) and auto.shape == (mask.pixels_in_mask, columns)
        np.testing.assert_allclose(auto, fft, atol=1e-12)


def test_mapping_matrix_columns():
    rng = np.random.default_rng(2)
    mask = aa.Mask2D.circular((30, 30), radius=0.9, pixel_scales=0.1)
    convolver = Convolver.from_gaussian((7, 7), pixel_scales=0.1, sigma=0.15)
    state = convolver.state_from(mask)
    M = rng.normal(size=(mask.pixels_in_mask, 3))
    Mb = rng.normal(size=(state.blurring_pixels, 3))
    for method in ("fft", "real_space", "dense"):
        out = convolver.convolved_mapping_matrix_from(M, mask, Mb, method=method)
        for j in range(3):
            col = convolver.convolved_image_from(M[:, j], Mb[:, j], mask=mask, method="fft")
            np.testing.assert_allclose(out[:, j], col, atol=1e-12)
        no_blur = convolver.convolved_mapping_matrix_from(M, mask, method=method)
        np.testing.assert_allclose(
            no_blur[:, 0], convolver.convolved_image_from(M[:, 0], None, mask=mask), atol=1e-12
        )


def test_gaussian_kernel_and_normalisation():
    convolver = Convolver.from_gaussian((11, 11), pixel_scales=0.1, sigma=0.2)
    kernel = convolver.kernel.native.array
    assert kernel.shape == (11, 11)
    assert kernel[5, 5] == pytest.approx(1.0 / (0.2 * np.sqrt(2 * np.pi)))
    assert np.argmax(kernel) == 60
    np.testing.assert_allclose(kernel, kernel.T)
    normalized = Convolver.from_gaussian((11, 11), pixel_scales=0.1, sigma=0.2, normalize=True)
    assert normalized.kernel.array.sum() == pytest.approx(1.0, abs=1e-14)
    assert convolver.normalized.kernel.array.sum() == pytest.approx(1.0, abs=1e-14)
    assert convolver.kernel.array.sum() != pytest.approx(1.0)
    assert convolver.shape_native == (11, 11)
    elliptical = Convolver.from_gaussian((11, 11), 0.1, 0.2, axis_ratio=0.5, angle=0.0)
    k = elliptical.kernel.native.array
    # major axis along x for angle 0: the profile falls off faster along y
    assert k[5, 8] > k[8, 5]


def test_no_blur_is_identity():
    rng = np.random.default_rng(4)
    mask = aa.Mask2D.circular((20, 20), radius=0.5, pixel_scales=0.1)
    image = aa.Array2D(rng.normal(size=mask.pixels_in_mask), mask)
    convolver = Convolver.no_blur(pixel_scales=0.1)
    assert convolver.shape_native == (3, 3)
    np.testing.assert_allclose(
        convolver.convolved_image_from(image, None).array, image.array, atol=1e-14
    )


@pytest.mark.parametrize(
    "kernel",
    [
        np.ones((4, 5)),
        np.ones((3, 2)),
        np.zeros((3, 3)),
        np.array([[1.0, np.nan, 1.0]]),
        np.array([[1.0, np.inf, 1.0]]),
        np.ones(3),
    ],
)
def test_invalid_kernels_raise(kernel):
    with pytest.raises(exc.KernelException):
        Convolver(kernel)


def test_kernel_from_fits(tmp_path):
    kernel = aa.Array2D.no_mask(np.arange(9.0).reshape(3, 3) + 1.0, pixel_scales=0.2)
    path = tmp_path / "psf.fits"
    kernel.output_to_fits(path)
    convolver = Convolver.from_fits(path, hdu=0, pixel_scales=0.2, normalize=True)
    np.testing.assert_allclose(convolver.kernel.native.array, kernel.native.array / 45.0)
    assert convolver.kernel.pixel_scales == (0.2, 0.2)
    with pytest.raises(exc.FitsException, match="missing.fits"):
        Convolver.from_fits(tmp_path / "missing.fits", pixel_scales=0.2)


def test_real_space_np_names_equal_brute_force_and_fft():
    # PyAutoArray's `_np_from` reference names (public convolution.py compares them with FFT)
    rng = np.random.default_rng(7)
    mask = aa.Mask2D.circular((30, 30), radius=0.8, pixel_scales=0.1)
    kernel = rng.normal(size=(5, 5))
    image, blurring_image, blurring_mask, full = _images(mask, (5, 5), rng)
    convolver = Convolver(aa.Array2D.no_mask(kernel, pixel_scales=0.1))
    result = convolver.convolved_image_via_real_space_np_from(
        image=image, blurring_image=blurring_image
    )
    assert isinstance(result, aa.Array2D)
    expected = _brute_force(mask, blurring_mask, kernel, full)
    np.testing.assert_allclose(result.array, expected, rtol=0, atol=1e-12)

    M = rng.normal(size=(mask.pixels_in_mask, 2))
    matrix = convolver.convolved_mapping_matrix_via_real_space_np_from(mapping_matrix=M, mask=mask)
    fft = convolver.convolved_mapping_matrix_from(M, mask, method="fft")
    np.testing.assert_allclose(matrix, fft, atol=1e-12)
    assert np.abs(matrix - M).max() > 1e-3
