import numpy as np
import pytest

import autoarray as aa
from autoarray import exc
from autoarray.operators.convolver import ConvolverState


def test_blurring_mask_order_check():
    mask = aa.Mask2D.circular((25, 25), radius=0.6, pixel_scales=0.1, centre=(1.0, 1.0))
    blurring = mask.derive_mask.blurring_from((9, 9), allow_padding=True)
    kernel = np.ones((9, 9))
    state = ConvolverState(kernel, mask, blurring_mask=blurring)
    assert state.blurring_pixels == blurring.pixels_in_mask
    with pytest.raises(exc.KernelException):
        ConvolverState(kernel, mask, blurring_mask=mask.derive_mask.blurring_from((5, 5), True))


def test_operators_agree_with_the_blur():
    """The sparse and dense operators and the canvas FFT are the same linear map."""
    mask = aa.Mask2D.circular((20, 20), radius=0.6, pixel_scales=0.1)
    kernel = np.arange(25.0).reshape(5, 5) + 1.0
    state = ConvolverState(kernel, mask)
    rng = np.random.default_rng(3)
    values = rng.normal(size=state.pixels)
    blurring = rng.normal(size=state.blurring_pixels)
    fft = state.convolve(values, blurring, method="fft")
    np.testing.assert_allclose(state.convolve(values, blurring, method="dense"), fft, atol=1e-10)
    np.testing.assert_allclose(
        state.convolve(values, blurring, method="real_space"), fft, atol=1e-10
    )
    assert state.dense_operator.shape == (state.pixels, state.pixels + state.blurring_pixels)
