import types

import numpy as np

import autoarray as aa
from autoarray.operators.convolution_method import (
    METHODS,
    auto_method_from,
    mapping_matrix_method_from,
)
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


# The JAX branch of a method choice is a decision on sizes only: any backend other than NumPy.
_NOT_NUMPY = types.SimpleNamespace(__name__="jax.numpy")


def test_many_column_mapping_matrix_on_jax_uses_the_dense_operator_on_a_small_mask():
    """P3's mask (716 pixels, 21x21 PSF): the dense mat-mat beats the batched FFT under JAX,
    while the single-image choice (and NumPy) stays with the FFT."""
    mask = aa.Mask2D.circular((180, 180), radius=3.0, pixel_scales=0.2)
    state = ConvolverState(np.ones((21, 21)), mask)
    assert state.pixels == 716
    assert mapping_matrix_method_from(state, xp=_NOT_NUMPY) == "dense"
    assert state.auto_method(_NOT_NUMPY) == "fft"
    assert mapping_matrix_method_from(state, xp=np) == state.auto_method(np)
    # with its 1,600 blurring pixels the operator is 3.3x larger: the FFT wins again
    assert mapping_matrix_method_from(state, xp=_NOT_NUMPY, blurring=True) == "fft"


def test_many_column_mapping_matrix_on_jax_keeps_the_fft_on_a_large_mask():
    """Past DENSE_MAX_ENTRIES (or where the mat-mat is predicted slower) the FFT stays."""
    mask = aa.Mask2D.circular((120, 120), radius=2.4, pixel_scales=0.05)
    state = ConvolverState(np.ones((21, 21)), mask)
    assert state.dense_entries > 4_000_000
    assert mapping_matrix_method_from(state, xp=_NOT_NUMPY) == "fft"
    # 1,528 pixels: the mat-mat (2.3e6 entries per column) is predicted slower than the FFT
    medium = ConvolverState(np.ones((21, 21)), aa.Mask2D.circular((80, 80), 1.1, 0.05))
    assert medium.pixels**2 <= 4_000_000
    assert mapping_matrix_method_from(medium, xp=_NOT_NUMPY) == "fft"
