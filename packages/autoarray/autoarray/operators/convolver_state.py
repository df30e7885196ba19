"""Per-mask convolution state: canvas geometry, cached operators and the blur itself.

See :mod:`autoarray.operators.convolver` for the canvas construction and why a circular FFT of
the canvas is exact at the unmasked pixels.
"""

from __future__ import annotations

import numpy as np
from scipy import fft as sp_fft
from scipy import ndimage
from scipy import signal as sp_signal

from autoarray import exc
from autoarray.abstract_ndarray import raw_array
from autoarray.operators.convolution_method import METHODS, auto_method_from


def _mask_bool_from(mask) -> np.ndarray:
    """The boolean NumPy array of a Mask2D (or raw bool array); True = masked."""
    raw = raw_array(mask)
    try:
        return np.asarray(raw, dtype=bool)
    except Exception as error:  # a traced mask cannot define static index arrays
        raise exc.KernelException(
            "The mask passed to the Convolver is a JAX tracer; masks must be static "
            "(concrete NumPy) so the convolution indices can be precomputed."
        ) from error


# ---------------------------------------------------------------------------------------------


class ConvolverState:
    """Static precomputation for convolving images on one mask with one kernel.

    Parameters
    ----------
    kernel
        Native kernel (odd shape, validated by the caller).
    mask
        Boolean mask (True = masked) of the image.
    blurring_mask
        Optional boolean blurring mask (False = blurring pixel) as returned by
        ``mask.derive_mask.blurring_from(kernel_shape, allow_padding=True)``; possibly padded
        symmetrically. When given it is checked against the blurring pixels derived here.

    Attributes
    ----------
    canvas_shape
        Shape of the canvas (bounding box of unmasked pixels grown by ``k // 2``).
    canvas_origin
        (row, col) of canvas pixel (0, 0) in the mask's pixel coordinates (may be negative).
    image_flat, blurring_flat
        Flat canvas indexes of the unmasked pixels (slim order) and blurring pixels (blurring
        slim order).
    fft_shape
        FFT size per dimension (``next_fast_len`` of the canvas shape).
    """

    def __init__(self, kernel: np.ndarray, mask, blurring_mask=None):
        mask = _mask_bool_from(mask)
        if mask.ndim != 2:
            raise exc.KernelException(f"Convolution needs a 2-D mask, got shape {mask.shape}.")
        self.kernel = np.asarray(kernel, dtype=float)
        ky, kx = self.kernel.shape
        hy, hx = ky // 2, kx // 2
        self.kernel_shape = (ky, kx)
        self.mask_shape = mask.shape

        rows, cols = np.nonzero(~mask)
        if rows.size == 0:
            raise exc.MaskException("Cannot convolve on a mask with no unmasked pixels.")
        self.pixels = int(rows.size)

        r0, r1, c0, c1 = rows.min(), rows.max(), cols.min(), cols.max()
        self.canvas_origin = (int(r0 - hy), int(c0 - hx))
        cy, cx = int(r1 - r0 + 1 + 2 * hy), int(c1 - c0 + 1 + 2 * hx)
        self.canvas_shape = (cy, cx)

        image_rows = rows - self.canvas_origin[0]
        image_cols = cols - self.canvas_origin[1]
        unmasked_canvas = np.zeros(self.canvas_shape, dtype=bool)
        unmasked_canvas[image_rows, image_cols] = True
        dilated = ndimage.binary_dilation(unmasked_canvas, structure=np.ones((ky, kx), dtype=bool))
        blurring_canvas = dilated & ~unmasked_canvas
        b_rows, b_cols = np.nonzero(blurring_canvas)
        self.blurring_pixels = int(b_rows.size)

        if blurring_mask is not None:
            self._check_blurring_mask(_mask_bool_from(blurring_mask), b_rows, b_cols)

        self.image_rows, self.image_cols = image_rows, image_cols
        self.blurring_rows, self.blurring_cols = b_rows, b_cols
        self.image_flat = (image_rows * cx + image_cols).astype(np.int64)
        self.blurring_flat = (b_rows * cx + b_cols).astype(np.int64)
        self.all_flat = np.concatenate([self.image_flat, self.blurring_flat])

        self.fft_shape = (
            int(sp_fft.next_fast_len(cy, real=True)),
            int(sp_fft.next_fast_len(cx, real=True)),
        )
        self._kernel_fft = None
        self._dense = None
        self._sparse = None
        self._sparse_image_only = None
        self._canvas_source = None
        self._auto: dict = {}
        self._canvas_source_image_only = None

    # ------------------------------------------------------------------ checks
    def _check_blurring_mask(self, blurring_mask, b_rows, b_cols):
        """The supplied blurring mask must hold exactly the blurring pixels derived here."""
        dy = blurring_mask.shape[0] - self.mask_shape[0]
        dx = blurring_mask.shape[1] - self.mask_shape[1]
        if dy < 0 or dx < 0 or dy % 2 or dx % 2:
            raise exc.KernelException(
                f"Blurring mask shape {blurring_mask.shape} is not a symmetric padding of the "
                f"mask shape {self.mask_shape}."
            )
        rows, cols = np.nonzero(~blurring_mask)
        rows = rows - dy // 2 - self.canvas_origin[0]
        cols = cols - dx // 2 - self.canvas_origin[1]
        if (
            rows.size != b_rows.size
            or not np.array_equal(rows, b_rows)
            or not np.array_equal(cols, b_cols)
        ):
            raise exc.KernelException(
                "The blurring mask does not match the blurring pixels of this mask and kernel "
                f"(kernel shape {self.kernel_shape}); was it derived with the same kernel shape?"
            )

    # ------------------------------------------------------------------ cached operators
    @property
    def kernel_fft(self) -> np.ndarray:
        """rfft2 of the kernel wrapped so its central pixel sits at canvas index (0, 0)."""
        if self._kernel_fft is None:
            ky, kx = self.kernel_shape
            wrapped = np.zeros(self.fft_shape)
            wrapped[:ky, :kx] = self.kernel
            wrapped = np.roll(wrapped, (-(ky // 2), -(kx // 2)), axis=(0, 1))
            self._kernel_fft = sp_fft.rfft2(wrapped)
        return self._kernel_fft

    @property
    def dense_entries(self) -> int:
        return self.pixels * (self.pixels + self.blurring_pixels)

    def _operator_triplets(self):
        """(row, column, value) of every non-zero of the convolution operator ``W``.

        ``out[r] = sum_a in[r - a + h] K[a]`` (true convolution); columns index
        ``concat(image slim, blurring slim)``.
        """
        ky, kx = self.kernel_shape
        hy, hx = ky // 2, kx // 2
        cy, cx = self.canvas_shape
        column = -np.ones(cy * cx, dtype=np.int64)
        column[self.all_flat] = np.arange(self.all_flat.size)
        a, b = np.nonzero(self.kernel)
        values = self.kernel[a, b]
        src = (self.image_rows[:, None] - a[None, :] + hy) * cx + (
            self.image_cols[:, None] - b[None, :] + hx
        )
        cols = column[src]
        rows = np.broadcast_to(np.arange(self.pixels)[:, None], cols.shape)
        vals = np.broadcast_to(values[None, :], cols.shape)
        keep = cols >= 0
        return rows[keep], cols[keep], vals[keep]

    @property
    def sparse_operator(self):
        """``W`` as a SciPy CSR matrix (real-space convolution on the NumPy path)."""
        if self._sparse is None:
            from scipy import sparse

            rows, cols, vals = self._operator_triplets()
            self._sparse = sparse.csr_matrix(
                (vals, (rows, cols)), shape=(self.pixels, self.all_flat.size)
            )
        return self._sparse

    @property
    def sparse_operator_image_only(self):
        """The columns of :attr:`sparse_operator` acting on the unmasked pixels (no blurring)."""
        if self._sparse_image_only is None:
            self._sparse_image_only = self.sparse_operator[:, : self.pixels].tocsr()
        return self._sparse_image_only

    @property
    def sparse_entries(self) -> int:
        return int(self.pixels * np.count_nonzero(self.kernel))

    @property
    def dense_operator(self) -> np.ndarray:
        """Dense ``W [N_unmasked, N_unmasked + N_blurring]`` with ``blurred = W @ concat(i, b)``."""
        if self._dense is None:
            self._dense = np.asarray(self.sparse_operator.toarray())
        return self._dense

    # ------------------------------------------------------------------ scatter / gather
    def canvas_from(self, image, blurring_image, xp=np, materialised: bool = False):
        """Canvas (``canvas_shape``; leading batch axes allowed on ``image``) holding the values.

        ``materialised`` (JAX): the values are already written to memory by their producer (the
        output of over-sampled binning, a reduction, whose per-point input also feeds the
        blurring values), so the gather reads them without the zero slot below.
        """
        cy, cx = self.canvas_shape
        batch = image.shape[:-1]
        if xp is np:
            canvas = np.zeros(batch + (cy * cx,), dtype=np.result_type(image, float))
            canvas[..., self.image_flat] = image
            if blurring_image is not None:
                canvas[..., self.blurring_flat] = blurring_image
        else:
            # A gather (from the values plus one zero slot) is much cheaper than a scatter in XLA.
            # The zero slot holds 0 * sum(values) (0, or NaN when a value is not finite, which
            # the FFT would spread to every pixel anyway). That second use of the values makes
            # XLA materialise them in vectorised loops; otherwise it fuses their whole producer
            # chain (the light profiles) into the gather, whose loop is not vectorised (P1:
            # 40% of a vmap batch, 0.2 of 0.35 ms for one likelihood). Values already in memory
            # skip it: the sums and copies are 3-7 XLA kernels, ~20 ms of compile each (P2).
            parts = [image] if blurring_image is None else [image, blurring_image]
            values = xp.concatenate(parts, axis=-1)
            index = self.canvas_source_image_only if blurring_image is None else self.canvas_source
            if materialised:
                # The slot index is one past the values: the fill reads it as 0.
                canvas = xp.take(values, index, axis=-1, mode="fill", fill_value=0.0)
            else:
                zero_slot = 0.0 * xp.sum(values, axis=-1, keepdims=True)
                values = xp.concatenate([values, zero_slot], axis=-1)
                canvas = xp.take(values, index, axis=-1)
        return canvas.reshape(batch + (cy, cx))

    @property
    def canvas_source(self) -> np.ndarray:
        """For each canvas pixel, its index in ``concat(image, blurring, [0])`` (JAX gather)."""
        if self._canvas_source is None:
            cy, cx = self.canvas_shape
            source = np.full(cy * cx, self.all_flat.size, dtype=np.int32)
            source[self.all_flat] = np.arange(self.all_flat.size, dtype=np.int32)
            self._canvas_source = source
        return self._canvas_source

    @property
    def canvas_source_image_only(self) -> np.ndarray:
        """As :attr:`canvas_source` for ``concat(image, [0])`` (no blurring image)."""
        if self._canvas_source_image_only is None:
            cy, cx = self.canvas_shape
            source = np.full(cy * cx, self.pixels, dtype=np.int32)
            source[self.image_flat] = np.arange(self.pixels, dtype=np.int32)
            self._canvas_source_image_only = source
        return self._canvas_source_image_only

    def gather(self, canvas, xp=np):
        batch = canvas.shape[:-2]
        flat = canvas.reshape(batch + (self.canvas_shape[0] * self.canvas_shape[1],))
        return flat[..., self.image_flat]

    # ------------------------------------------------------------------ convolutions
    def convolve(
        self,
        image,
        blurring_image=None,
        method="fft",
        xp=np,
        single_precision: bool = False,
        materialised: bool = False,
    ):
        """Blur slim ``image`` (``[..., N]``) with ``blurring_image`` (``[..., N_blur]`` or None).

        Leading axes are batch axes (all methods batch natively, so the functions also vmap).
        ``single_precision`` (JAX only; ``Settings.use_mixed_precision``): values and kernel in
        float32 / complex64 end to end; NumPy always computes in float64. ``materialised``:
        see :meth:`canvas_from` (JAX; values and NumPy unaffected).
        """
        single = bool(single_precision) and xp is not np
        if single:
            image = image.astype(np.float32)
            if blurring_image is not None:
                blurring_image = blurring_image.astype(np.float32)
        if method == "dense":
            dense = self.dense_operator.astype(np.float32) if single else self.dense_operator
            if blurring_image is None:
                return image @ dense[:, : self.pixels].T
            values = xp.concatenate([image, blurring_image], axis=-1)
            return values @ dense.T
        if method == "real_space" and xp is np:
            operator = self.sparse_operator
            if blurring_image is None:
                operator = self.sparse_operator_image_only
                values = np.asarray(image)
            else:
                values = np.concatenate([image, blurring_image], axis=-1)
            batch = values.shape[:-1]
            flat = values.reshape((-1, values.shape[-1]))
            return np.asarray(operator @ flat.T).T.reshape(batch + (self.pixels,))
        canvas = self.canvas_from(image, blurring_image, xp=xp, materialised=materialised)
        if method == "fft":
            blurred = self._fft_convolve(canvas, xp, single)
        elif method == "real_space":
            blurred = self._direct_convolve(canvas, xp, single)
        else:
            raise exc.KernelException(
                f"Unknown convolution method {method!r}; use one of {METHODS}."
            )
        return self.gather(blurred, xp)

    def _fft_convolve(self, canvas, xp, single: bool = False):
        fy, fx = self.fft_shape
        if xp is np:
            transform = sp_fft.rfft2(canvas, s=(fy, fx), axes=(-2, -1))
            blurred = sp_fft.irfft2(transform * self.kernel_fft, s=(fy, fx), axes=(-2, -1))
        else:
            transform = xp.fft.rfft2(canvas, s=(fy, fx), axes=(-2, -1))
            kernel_fft = self.kernel_fft.astype(np.complex64) if single else self.kernel_fft
            blurred = xp.fft.irfft2(transform * kernel_fft, s=(fy, fx), axes=(-2, -1))
        return blurred[..., : self.canvas_shape[0], : self.canvas_shape[1]]

    def _direct_convolve(self, canvas, xp, single: bool = False):
        """Direct 'same' convolution of the canvas (JAX ``lax.conv``; NumPy uses SciPy)."""
        if xp is np:
            kernel = self.kernel.reshape((1,) * (canvas.ndim - 2) + self.kernel_shape)
            return sp_signal.convolve(canvas, kernel, mode="same", method="direct")
        import jax

        kernel = self.kernel.astype(np.float32) if single else self.kernel

        def one(c):
            return jax.scipy.signal.convolve(c, kernel, mode="same", method="direct")

        if canvas.ndim == 2:
            return one(canvas)
        batch = canvas.shape[:-2]
        flat = canvas.reshape((-1,) + self.canvas_shape)
        return jax.vmap(one)(flat).reshape(batch + self.canvas_shape)

    def auto_method(self, xp=np) -> str:
        """Cheapest method for this mask and kernel (:func:`auto_method_from`), cached per backend.

        ``execution.settings().convolution_method`` overrides it (:mod:`autoarray.execution`).
        """
        backend = "numpy" if xp is np else "jax"
        if backend not in self._auto:
            self._auto[backend] = auto_method_from(self, xp)
        return self._auto[backend]
