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
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Tuple

import numpy as np
from scipy import fft as sp_fft
from scipy import ndimage
from scipy import signal as sp_signal

from autoarray import exc, execution
from autoarray.abstract_ndarray import raw_array
from autoarray.pytrees import Pytree

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


# ---------------------------------------------------------------------------------------------
# kernel helpers
# ---------------------------------------------------------------------------------------------


def kernel_native_checked(values) -> np.ndarray:
    """Validate a PSF kernel and return it as a 2-D float64 NumPy array.

    Raises :class:`autoarray.exc.KernelException` if the kernel is not 2-D, has an even
    dimension, contains NaN/inf or is all zero.
    """
    kernel = np.array(_native_values(values), dtype=float)
    if kernel.ndim != 2:
        raise exc.KernelException(f"A PSF kernel must be 2-D, got shape {kernel.shape}.")
    if kernel.shape[0] % 2 == 0 or kernel.shape[1] % 2 == 0:
        raise exc.KernelException(
            f"A PSF kernel must have odd dimensions (so it has a central pixel), "
            f"got shape {kernel.shape}."
        )
    if not np.all(np.isfinite(kernel)):
        raise exc.KernelException("A PSF kernel contains NaN or infinite values.")
    if not np.any(kernel != 0.0):
        raise exc.KernelException("A PSF kernel is all zero.")
    return kernel


def _native_values(values):
    """Native 2-D values of an Array2D-like object (or the raw input)."""
    if hasattr(values, "native") and hasattr(values, "mask"):
        values = values.native
    return np.asarray(raw_array(values))


def normalized_kernel_from(kernel: np.ndarray) -> np.ndarray:
    total = float(np.sum(kernel))
    if total == 0.0 or not np.isfinite(total):
        raise exc.KernelException(f"A PSF kernel cannot be normalised: its sum is {total}.")
    return kernel / total


def gaussian_kernel_from(
    shape_native: Tuple[int, int],
    pixel_scales,
    sigma: float,
    centre=(0.0, 0.0),
    axis_ratio: float = 1.0,
    angle: float = 0.0,
) -> np.ndarray:
    """Elliptical Gaussian ``1/(σ√(2π)) exp(-½ (r/σ)²)`` evaluated at the pixel centres.

    ``r = sqrt(x'^2 + (y'/q)^2)`` in the frame shifted to ``centre`` and rotated by ``angle``
    (degrees counter-clockwise from +x). Pixel centres follow the (y up, x right, row 0 at the top)
    convention with the array centred on (0, 0).
    """
    if sigma <= 0.0:
        raise exc.KernelException(f"A Gaussian PSF needs sigma > 0, got {sigma}.")
    if not 0.0 < axis_ratio <= 1.0 + 1e-12:
        raise exc.KernelException(f"A Gaussian PSF needs 0 < axis_ratio <= 1, got {axis_ratio}.")
    ny, nx = int(shape_native[0]), int(shape_native[1])
    py, px = _pixel_scales_tuple(pixel_scales)
    y = -(np.arange(ny) - (ny - 1) / 2.0) * py
    x = (np.arange(nx) - (nx - 1) / 2.0) * px
    yy, xx = np.meshgrid(y, x, indexing="ij")
    yy = yy - centre[0]
    xx = xx - centre[1]
    phi = np.radians(angle)
    cos_phi, sin_phi = np.cos(phi), np.sin(phi)
    x_rot = xx * cos_phi + yy * sin_phi
    y_rot = -xx * sin_phi + yy * cos_phi
    r = np.sqrt(x_rot**2 + (y_rot / axis_ratio) ** 2)
    return np.exp(-0.5 * (r / sigma) ** 2) / (sigma * np.sqrt(2.0 * np.pi))


def _pixel_scales_tuple(pixel_scales) -> Tuple[float, float]:
    if np.isscalar(pixel_scales):
        return float(pixel_scales), float(pixel_scales)
    return float(pixel_scales[0]), float(pixel_scales[1])


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
# mask-dependent state
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
    def canvas_from(self, image, blurring_image, xp=np):
        """Canvas (``canvas_shape``; leading batch axes allowed on ``image``) holding the values."""
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
            # 40% of a vmap batch, 0.2 of 0.35 ms for one likelihood).
            parts = [image] if blurring_image is None else [image, blurring_image]
            values = xp.concatenate(parts, axis=-1)
            zero_slot = 0.0 * xp.sum(values, axis=-1, keepdims=True)
            values = xp.concatenate([values, zero_slot], axis=-1)
            index = self.canvas_source_image_only if blurring_image is None else self.canvas_source
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
        self, image, blurring_image=None, method="fft", xp=np, single_precision: bool = False
    ):
        """Blur slim ``image`` (``[..., N]``) with ``blurring_image`` (``[..., N_blur]`` or None).

        Leading axes are batch axes (all methods batch natively, so the functions also vmap).
        ``single_precision`` (JAX only; ``Settings.use_mixed_precision``): values and kernel in
        float32 / complex64 end to end; NumPy always computes in float64.
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
        canvas = self.canvas_from(image, blurring_image, xp=xp)
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
        """Cheapest method for this mask and kernel by a cost model (see module constants).

        The constants were measured on the 2-core development machine (XLA CPU, float64). With
        a 21x21 PSF the FFT wins for both the 716-pixel and the 15,400-pixel masks on both
        backends; 3x3 kernels favour real space; the dense operator only wins for tiny masks.
        The choice is cached per backend. ``execution.settings().convolution_method`` overrides
        it (:mod:`autoarray.execution`).
        """
        backend = "numpy" if xp is np else "jax"
        if backend in self._auto:
            return self._auto[backend]
        fy, fx = self.fft_shape
        cy, cx = self.canvas_shape
        ky, kx = self.kernel_shape
        c = _COSTS[backend]
        costs = {
            "fft": c["fft_fixed"] + c["fft_per_point"] * fy * fx,
            "real_space": c["real_space_fixed"]
            + (
                c["sparse_per_entry"] * self.sparse_entries
                if xp is np
                else c["direct_per_mac"] * cy * cx * ky * kx
            ),
        }
        if self.dense_entries <= DENSE_MAX_ENTRIES:
            costs["dense"] = c["dense_fixed"] + c["dense_per_entry"] * self.dense_entries
        self._auto[backend] = min(costs, key=costs.get)
        return self._auto[backend]


# ---------------------------------------------------------------------------------------------
# Convolver
# ---------------------------------------------------------------------------------------------


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
    def convolved_image_from(self, image, blurring_image, xp=np, mask=None, method=None):
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
        blurred = state.convolve(values, blurring, method=self.method_for(state, method, xp), xp=xp)
        if wrap_mask is None:
            return blurred
        from autoarray.structures.arrays.uniform_2d import Array2D

        return Array2D(values=blurred, mask=wrap_mask, xp=xp)

    def convolved_image_via_real_space_from(self, image, blurring_image, xp=np, mask=None):
        """:meth:`convolved_image_from` with direct (real-space) summation."""
        return self.convolved_image_from(
            image, blurring_image, xp=xp, mask=mask, method="real_space"
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
    ):
        """Convolve every column of ``mapping_matrix`` ``[N_unmasked, P]`` (raw result).

        ``blurring_mapping_matrix`` ``[N_blurring, P]`` adds the light of each column on the
        blurring pixels. Columns are transformed together (batched FFT / one mat-mat).
        ``single_precision``: see :meth:`ConvolverState.convolve` (JAX only).
        """
        state = self.state_from(mask)
        matrix = raw_array(mapping_matrix)
        blurring = None if blurring_mapping_matrix is None else raw_array(blurring_mapping_matrix)
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
            columns, blurring_columns, method=method, xp=xp, single_precision=single
        ).T


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
