"""PSF convolution restricted to a mask: :class:`Convolver` and its per-mask :class:`ConvolverState`.

A model image is only known on the unmasked pixels of a mask (slim order) plus the *blurring*
pixels: masked pixels that lie within the kernel footprint of at least one unmasked pixel (their
light is scattered into the mask by the PSF). The convolution therefore works on a small canvas:

* canvas = bounding box of the unmasked pixels grown by ``k // 2`` on each side (it holds every
  blurring pixel, including blurring pixels outside the array when the mask is near an edge);
* the image values and blurring values are scattered into the canvas, a true ("same", kernel
  flipped, centred on the central kernel pixel) convolution is taken, and the result is gathered
  back at the unmasked pixels.

Because an unmasked pixel sits at least ``k // 2`` pixels from every canvas edge, a *circular*
convolution of the canvas (FFT of size ``>=`` canvas shape) is exact at the unmasked pixels, so
the FFT path needs no extra zero padding.

Three equivalent methods are provided on both the NumPy and the JAX path:

``"fft"``
    real FFTs of the canvas (NumPy: ``scipy.fft``; JAX: ``jnp.fft``) times a precomputed kernel
    FFT.
``"real_space"``
    direct summation. NumPy: a precomputed SciPy CSR operator ``W`` (``N_unmasked`` rows, one
    non-zero per kernel pixel) applied as a sparse mat-vec, so only the unmasked outputs are
    summed; JAX: ``jax.scipy.signal.convolve(method="direct")`` (``lax.conv``) on the canvas.
``"dense"``
    a precomputed dense operator ``W`` of shape ``[N_unmasked, N_unmasked + N_blurring]`` so that
    ``blurred = W @ concat(image, blurring_image)``: for small masks a mat-vec beats the FFT and
    batches into a single mat-mat under ``jax.vmap``.

Everything that depends only on the mask (index arrays, canvas shape, kernel FFT, dense
operator) is computed once with NumPy and cached on the :class:`Convolver` (keyed by mask
identity, with a content-hash fallback), so the likelihood hot path only scatters, transforms
and gathers.

Blurring-image slim order: row-major order of the blurring pixels, which is the slim order of
``Grid2D.from_mask(mask.derive_mask.blurring_from(kernel_shape, allow_padding=True))`` (padding
the blurring mask is a translation, which does not change row-major order).

Modules: :mod:`~autoarray.operators.psf_kernel` (kernel validation and the Gaussian kernel),
:mod:`~autoarray.operators.convolver_state` (per-mask canvas, operators and the blur),
:mod:`~autoarray.operators.convolution_method` (the automatic method choice) and this module
(:class:`Convolver`: the kernel plus its per-mask state cache).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Tuple

import numpy as np

from autoarray import exc, execution
from autoarray.abstract_ndarray import raw_array
from autoarray.operators.convolution_method import (  # noqa: F401
    DENSE_MAX_ENTRIES,
    METHODS,
    mapping_matrix_method_from,
)
from autoarray.operators.convolver_state import ConvolverState, _mask_bool_from
from autoarray.operators.psf_kernel import (  # noqa: F401
    _pixel_scales_tuple,
    gaussian_kernel_from,
    kernel_native_checked,
    normalized_kernel_from,
)
from autoarray.pytrees import Pytree


class Convolver(Pytree):
    """A PSF kernel plus cached per-mask convolution state.

    Parameters
    ----------
    kernel
        The kernel: an ``Array2D`` (its native values are used) or a 2-D array. Must have odd
        dimensions, finite values and not be all zero (:class:`autoarray.exc.KernelException`).
    normalize
        Divide the kernel by its sum.
    use_fft
        ``True`` forces the FFT, ``False`` forces real-space (direct) convolution, ``None``
        chooses per mask by size (FFT, direct or a precomputed dense operator).
    pixel_scales
        Pixel scales used when ``kernel`` is a raw array (default 1.0).
    """

    _MAX_CACHED_STATES = 8
    #: Everything is static: a PSF is a constant of the fit.
    __pytree_static__ = ("_kernel_native", "_kernel_array", "_states", "use_fft", "pixel_scales")

    def __init__(
        self, kernel, normalize: bool = False, use_fft: bool | None = None, pixel_scales=None
    ):
        if pixel_scales is None:
            pixel_scales = getattr(kernel, "pixel_scales", 1.0)
        self.pixel_scales = _pixel_scales_tuple(pixel_scales)
        native = kernel_native_checked(kernel)
        if normalize:
            native = normalized_kernel_from(native)
        self._kernel_native = native
        self.use_fft = use_fft
        self._kernel_array = None
        self._states: "OrderedDict" = OrderedDict()

    # ------------------------------------------------------------------ factories
    @classmethod
    def no_blur(cls, pixel_scales) -> "Convolver":
        """A 3x3 delta kernel (convolution leaves the image unchanged)."""
        kernel = np.zeros((3, 3))
        kernel[1, 1] = 1.0
        return cls(kernel, pixel_scales=pixel_scales)

    @classmethod
    def from_gaussian(
        cls,
        shape_native,
        pixel_scales,
        sigma,
        centre=(0.0, 0.0),
        axis_ratio=1.0,
        angle=0.0,
        normalize=False,
    ) -> "Convolver":
        kernel = gaussian_kernel_from(shape_native, pixel_scales, sigma, centre, axis_ratio, angle)
        return cls(kernel, normalize=normalize, pixel_scales=pixel_scales)

    @classmethod
    def from_fits(
        cls,
        file_path,
        hdu: int = 0,
        pixel_scales=1.0,
        normalize: bool = False,
        use_fft: bool | None = None,
    ) -> "Convolver":
        from autoarray.dataset.fits import ndarray_via_fits_from

        kernel = ndarray_via_fits_from(file_path, hdu=hdu)
        return cls(kernel, normalize=normalize, use_fft=use_fft, pixel_scales=pixel_scales)

    # ------------------------------------------------------------------ kernel access
    @property
    def kernel_native(self) -> np.ndarray:
        """The kernel as a raw 2-D NumPy array."""
        return self._kernel_native

    @property
    def kernel(self):
        """The kernel as an ``Array2D`` (all-False mask)."""
        if self._kernel_array is None:
            from autoarray.structures.arrays.uniform_2d import Array2D

            self._kernel_array = Array2D.no_mask(
                values=self._kernel_native.copy(), pixel_scales=self.pixel_scales
            )
        return self._kernel_array

    @property
    def shape_native(self) -> Tuple[int, int]:
        return self._kernel_native.shape

    @property
    def normalized(self) -> "Convolver":
        """A copy whose kernel sums to one."""
        return Convolver(
            normalized_kernel_from(self._kernel_native),
            use_fft=self.use_fft,
            pixel_scales=self.pixel_scales,
        )

    def __repr__(self) -> str:
        return f"Convolver(shape_native={self.shape_native}, use_fft={self.use_fft})"

    # ------------------------------------------------------------------ state cache
    def state_from(self, mask, blurring_mask=None) -> ConvolverState:
        """The cached :class:`ConvolverState` for ``mask`` (built once per mask)."""
        key = id(mask)
        entry = self._states.get(key)
        if entry is not None and entry[0] is mask:
            return entry[1]
        mask_bool = _mask_bool_from(mask)
        content_key = ("content", mask_bool.shape, hashlib.sha1(mask_bool.tobytes()).hexdigest())
        entry = self._states.get(content_key)
        if entry is None:
            state = ConvolverState(self._kernel_native, mask_bool, blurring_mask=blurring_mask)
            self._store(content_key, (None, state))
        else:
            state = entry[1]
        # Keep a reference to the mask so its id cannot be recycled while cached.
        self._store(key, (mask, state))
        return state

    def _store(self, key, entry):
        self._states[key] = entry
        self._states.move_to_end(key)
        while len(self._states) > 2 * self._MAX_CACHED_STATES:
            self._states.popitem(last=False)

    def method_for(self, state: ConvolverState, method: str | None = None, xp=np) -> str:
        if method is not None:
            if method not in METHODS:
                raise exc.KernelException(f"Unknown convolution method {method!r}; use {METHODS}.")
            return method
        if self.use_fft is True:
            return "fft"
        if self.use_fft is False:
            return "real_space"
        forced = execution.settings().convolution_method
        if forced in METHODS:
            return forced
        return state.auto_method(xp)

    # ------------------------------------------------------------------ convolution
    def convolved_image_from(
        self, image, blurring_image, xp=np, mask=None, method=None, materialised: bool = False
    ):
        """Convolve ``image`` (slim on its mask) with the PSF, including ``blurring_image``.

        Parameters
        ----------
        image
            ``Array2D`` on the mask (slim or native storage), or a raw slim array with ``mask``.
            Leading batch axes are allowed on raw input.
        blurring_image
            Values on the blurring pixels (``Array2D``/raw, slim order of the blurring grid),
            or None (no light outside the mask).
        mask
            The mask, needed only when ``image`` is a raw array.
        method
            Force ``"fft"``, ``"real_space"`` or ``"dense"``; default follows ``use_fft`` / auto.
        materialised
            JAX only: the values come out of over-sampled binning (a reduction), so they are in
            memory already; skips the zero slot that forces that
            (:meth:`ConvolverState.canvas_from`). Values are the same either way.

        Returns
        -------
        ``Array2D`` on ``image.mask`` (raw array when ``image`` was raw).
        """
        wrap_mask = None
        if mask is None:
            mask = getattr(image, "mask", None)
            if mask is None:
                raise exc.KernelException("convolved_image_from needs a mask for a raw image.")
            wrap_mask = mask
        state = self.state_from(mask)
        values = _slim_values(image, mask)
        blurring = None if blurring_image is None else raw_array(_slim_of(blurring_image))
        if blurring is not None and blurring.shape[-1] != state.blurring_pixels:
            raise exc.KernelException(
                f"The blurring image has {blurring.shape[-1]} values but the mask has "
                f"{state.blurring_pixels} blurring pixels for kernel shape {self.shape_native}."
            )
        blurred = state.convolve(
            values,
            blurring,
            method=self.method_for(state, method, xp),
            xp=xp,
            materialised=materialised,
        )
        if wrap_mask is None:
            return blurred
        from autoarray.structures.arrays.uniform_2d import Array2D

        return Array2D(values=blurred, mask=wrap_mask, xp=xp)

    def convolved_image_via_real_space_from(self, image, blurring_image, xp=np, mask=None):
        """:meth:`convolved_image_from` with direct (real-space) summation."""
        return self.convolved_image_from(
            image, blurring_image, xp=xp, mask=mask, method="real_space"
        )

    def convolved_image_via_real_space_np_from(self, image, blurring_image=None, mask=None, xp=np):
        """PyAutoArray's NumPy real-space reference: direct summation on the host (``xp`` unused)."""
        return self.convolved_image_via_real_space_from(image, blurring_image, xp=np, mask=mask)

    def convolved_mapping_matrix_via_real_space_np_from(
        self, mapping_matrix, mask, blurring_mapping_matrix=None, xp=np
    ):
        """PyAutoArray's NumPy real-space reference for a mapping matrix (``xp`` unused)."""
        return self.convolved_mapping_matrix_from(
            mapping_matrix,
            mask,
            blurring_mapping_matrix=blurring_mapping_matrix,
            xp=np,
            method="real_space",
        )

    def convolved_image_via_fft_from(self, image, blurring_image, xp=np, mask=None):
        """:meth:`convolved_image_from` with FFTs."""
        return self.convolved_image_from(image, blurring_image, xp=xp, mask=mask, method="fft")

    def convolved_mapping_matrix_from(
        self,
        mapping_matrix,
        mask,
        blurring_mapping_matrix=None,
        xp=np,
        method=None,
        single_precision: bool = False,
        materialised: bool = False,
    ):
        """Convolve every column of ``mapping_matrix`` ``[N_unmasked, P]`` (raw result).

        ``blurring_mapping_matrix`` ``[N_blurring, P]`` adds the light of each column on the
        blurring pixels. Columns are transformed together (batched FFT / one mat-mat).
        ``single_precision`` and ``materialised``: see :meth:`ConvolverState.convolve` (JAX
        only).
        """
        state = self.state_from(mask)
        matrix = raw_array(mapping_matrix)
        blurring = None if blurring_mapping_matrix is None else raw_array(blurring_mapping_matrix)
        automatic = (
            method is None
            and self.use_fft is None
            and execution.settings().convolution_method not in METHODS
        )
        many_columns = np.ndim(matrix) == 2 and np.shape(matrix)[1] >= _SPARSE_PRODUCT_COLUMNS
        if automatic and many_columns and xp is np:
            return _sparse_product(state, matrix, blurring)
        if automatic and many_columns:
            method = mapping_matrix_method_from(state, xp, blurring=blurring is not None)
        else:
            method = self.method_for(state, method, xp)
        single = bool(single_precision) and xp is not np
        if single:
            matrix = matrix.astype(np.float32)
            if blurring is not None:
                blurring = blurring.astype(np.float32)
        if method == "dense":
            dense = state.dense_operator.astype(np.float32) if single else state.dense_operator
            result = dense[:, : state.pixels] @ matrix
            if blurring is not None:
                result = result + dense[:, state.pixels :] @ blurring
            return result
        columns = matrix.T
        blurring_columns = None if blurring is None else blurring.T
        return state.convolve(
            columns,
            blurring_columns,
            method=method,
            xp=xp,
            single_precision=single,
            materialised=materialised,
        ).T


#: Columns from which the automatic mapping-matrix convolution takes its many-column path. NumPy
#: multiplies the sparse PSF operator by the sparse mapping matrix: measured on P3 (716 pixels,
#: 21x21 PSF, 400 columns with ~2% non-zeros) ~12 ms CPU against ~33 ms for the batched FFT the
#: single-image cost model picks; a mapping matrix (a few interpolation weights per row) is
#: always that sparse. JAX picks by :func:`mapping_matrix_method_from`.
_SPARSE_PRODUCT_COLUMNS = 32


def _sparse_product(state: ConvolverState, matrix, blurring):
    """``[operator] @ [matrix; blurring]`` with both sides sparse (NumPy/SciPy, dense result)."""
    from scipy import sparse

    if blurring is None:
        operator, values = state.sparse_operator_image_only, np.asarray(matrix)
    else:
        operator = state.sparse_operator
        values = np.concatenate([np.asarray(matrix), np.asarray(blurring)], axis=0)
    return np.asarray((operator @ sparse.csr_matrix(values)).toarray())


def _slim_of(values):
    if hasattr(values, "slim") and hasattr(values, "mask"):
        return values.slim
    return values


def _slim_values(image, mask):
    """Raw slim values of ``image`` on ``mask`` (native input is gathered)."""
    raw = raw_array(_slim_of(image))
    mask_shape = getattr(mask, "shape_native", None) or np.shape(raw_array(mask))
    if raw.ndim >= 2 and tuple(raw.shape[-2:]) == tuple(mask_shape):
        rows, cols = np.nonzero(~_mask_bool_from(mask))
        return raw[..., rows, cols]
    return raw
