"""Which convolution method a :class:`~autoarray.operators.convolver_state.ConvolverState` uses.

The three methods (``"fft"``, ``"real_space"``, ``"dense"``) give the same result; the automatic
choice picks the cheapest by a cost model of the canvas, FFT and operator sizes.
"""

from __future__ import annotations

import numpy as np

#: The methods a :class:`Convolver` can use.
METHODS = ("fft", "real_space", "dense")

#: Largest dense operator (number of float64 entries) the automatic choice will build.
DENSE_MAX_ENTRIES = 4_000_000

#: Cost model (seconds) used by the automatic choice, measured on the 2-core development machine
#: (see :meth:`ConvolverState.auto_method`). NumPy real space = SciPy sparse operator mat-vec;
#: JAX real space = ``lax.conv`` on the canvas.
_COSTS = {
    "numpy": {
        "fft_fixed": 6.5e-5,
        "fft_per_point": 1.2e-8,
        "real_space_fixed": 1.0e-5,
        "sparse_per_entry": 1.0e-9,
        "dense_fixed": 2.0e-5,
        "dense_per_entry": 1.0e-9,
    },
    "jax": {
        "fft_fixed": 6.0e-5,
        "fft_per_point": 1.0e-8,
        "real_space_fixed": 5.0e-5,
        "direct_per_mac": 1.0e-9,
        "dense_fixed": 5.0e-5,
        "dense_per_entry": 2.5e-10,
    },
}

#: Per-column costs (seconds) of convolving a many-column mapping matrix under JAX, measured on
#: P3 (716 pixels, 50x50 FFT canvas, 400 columns, batches of 8 under ``vmap``; 2-core AMD EPYC
#: Zen 4, XLA CPU, float64): the dense operator's mat-mat costs ~4.5e-11 per operator entry
#: (9.3-9.8 ms per matrix, vmapped or not) where a mat-vec costs 2.5e-10; the batched FFT
#: ~2.2e-8 per canvas point under ``vmap`` (21.5 ms, its ``[B, P, fy, fx]`` cubes leave the
#: cache) against 1.1e-8 (11.0 ms) for one likelihood. The mapping matrix of a pixelization
#: is convolved inside every vmapped likelihood, so the vmapped costs decide.
_MAPPING_MATRIX_COSTS_JAX = {"dense_matmul_per_entry": 4.5e-11, "fft_batched_per_point": 2.2e-8}


def auto_method_from(state, xp=np) -> str:
    """Cheapest method for ``state``'s mask and kernel by the cost model :data:`_COSTS`.

    The constants were measured on the 2-core development machine (XLA CPU, float64). With
    a 21x21 PSF the FFT wins for both the 716-pixel and the 15,400-pixel masks on both
    backends; 3x3 kernels favour real space; the dense operator only wins for tiny masks.
    """
    backend = "numpy" if xp is np else "jax"
    fy, fx = state.fft_shape
    cy, cx = state.canvas_shape
    ky, kx = state.kernel_shape
    c = _COSTS[backend]
    costs = {
        "fft": c["fft_fixed"] + c["fft_per_point"] * fy * fx,
        "real_space": c["real_space_fixed"]
        + (
            c["sparse_per_entry"] * state.sparse_entries
            if xp is np
            else c["direct_per_mac"] * cy * cx * ky * kx
        ),
    }
    if state.dense_entries <= DENSE_MAX_ENTRIES:
        costs["dense"] = c["dense_fixed"] + c["dense_per_entry"] * state.dense_entries
    return min(costs, key=costs.get)


def mapping_matrix_method_from(state, xp=np, blurring: bool = False) -> str:
    """Method for a many-column mapping matrix: on JAX the dense operator's mat-mat when it is
    predicted no slower than the batched FFT (P3: ``Fitness._vmap`` 43 -> 35 ms CPU per
    likelihood, the single likelihood unchanged), else :func:`auto_method_from`'s choice
    (NumPy has its own many-column path, the sparse product in
    :func:`autoarray.operators.convolver._sparse_product`). ``blurring``: the matrix has
    blurring-pixel rows, so the operator's blurring columns are multiplied too (a
    pixelization's matrix has none)."""
    entries = state.dense_entries if blurring else state.pixels * state.pixels
    if xp is not np and entries <= DENSE_MAX_ENTRIES:
        fy, fx = state.fft_shape
        c = _MAPPING_MATRIX_COSTS_JAX
        if c["dense_matmul_per_entry"] * entries <= c["fft_batched_per_point"] * fy * fx:
            return "dense"
    return state.auto_method(xp)
