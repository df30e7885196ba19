import numpy as np

import autoarray as aa
from autoarray.operators.convolution_method import METHODS, auto_method_from
from autoarray.operators.convolver_state import ConvolverState


def test_wide_psf_on_a_large_mask_uses_the_fft():
    """With a 21x21 PSF the cost model prefers the FFT on both backends (about 700 pixels)."""
    mask = aa.Mask2D.circular((60, 60), radius=1.5, pixel_scales=0.1)
    state = ConvolverState(np.ones((21, 21)), mask)
    assert state.pixels > 600
    assert auto_method_from(state, xp=np) == "fft"
    assert state.auto_method(np) == "fft"


def test_small_kernel_avoids_the_fft_and_choice_is_cached():
    mask = aa.Mask2D.circular((60, 60), radius=1.5, pixel_scales=0.1)
    state = ConvolverState(np.ones((3, 3)), mask)
    choice = state.auto_method(np)
    assert choice in METHODS and choice != "fft"
    state._auto["numpy"] = "dense"
    assert state.auto_method(np) == "dense"
