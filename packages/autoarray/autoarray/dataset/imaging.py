"""``Imaging`` dataset (data, noise map, PSF, mask) and its cached grids."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Tuple

import numpy as np

from autoarray import exc
from autoarray.mask.mask_2d import Mask2D
from autoarray.operators.convolver import Convolver
from autoarray.pytrees import Pytree
from autoarray.structures.arrays.uniform_2d import Array2D
from autoarray.structures.grids.uniform_2d import Grid2D


class GridsDataset:
    """The grids of a dataset, built once (NumPy) on first access and cached.

    ``lp``: the light-profile grid (centres of the unmasked pixels, ``over_sample_size_lp``).
    ``blurring``: centres of the PSF blurring pixels (over-sample size 1; ``None`` without PSF).
    ``pixelization``: the grid traced for pixelizations (``over_sample_size_pixelization``).
    """

    def __init__(
        self,
        mask: Mask2D,
        over_sample_size_lp=4,
        psf: Convolver | None = None,
        over_sample_size_pixelization=4,
    ):
        self.mask = mask
        self.over_sample_size_lp = over_sample_size_lp
        self.over_sample_size_pixelization = over_sample_size_pixelization
        self.psf = psf

    @cached_property
    def pixelization(self) -> Grid2D:
        """The grid whose sub-pixels are traced to a pixelization's source plane."""
        return Grid2D.from_mask(self.mask, over_sample_size=self.over_sample_size_pixelization)

    @cached_property
    def border_slim(self) -> np.ndarray:
        """Slim indexes of the mask's border pixels (for border relocation)."""
        from autoarray.inversion.border_relocator import border_slim_indexes_from

        return border_slim_indexes_from(self.mask)

    @cached_property
    def lp(self) -> Grid2D:
        return Grid2D.from_mask(self.mask, over_sample_size=self.over_sample_size_lp)

    @cached_property
    def blurring_mask(self) -> Mask2D | None:
        if self.psf is None:
            return None
        return self.mask.derive_mask.blurring_from(self.psf.shape_native, allow_padding=True)

    @cached_property
    def blurring(self) -> Grid2D | None:
        if self.psf is None:
            return None
        # Build (and cross-check) the convolution state for this mask at the same time.
        self.psf.state_from(self.mask, self.blurring_mask)
        return Grid2D.from_mask(self.blurring_mask, over_sample_size=1)

    def __repr__(self) -> str:
        return f"GridsDataset(pixels={self.mask.pixels_in_mask}, psf={self.psf})"


def _as_array_on(values, mask: Mask2D, name: str) -> Array2D:
    """``values`` (Array2D / ndarray, slim or native) as an Array2D on ``mask``."""
    if isinstance(values, Array2D):
        if tuple(values.shape_native) != tuple(mask.shape_native):
            raise exc.DatasetException(
                f"The {name} has shape {values.shape_native} but the data has shape "
                f"{mask.shape_native}."
            )
        if values.mask is mask or np.array_equal(values.mask.array, mask.array):
            return values if values.mask is mask else Array2D(values.array, mask)
        return Array2D(np.asarray(values.native.array, dtype=float), mask)
    raw = np.asarray(values, dtype=float)
    if raw.shape == tuple(mask.shape_native) or raw.shape == (mask.pixels_in_mask,):
        return Array2D(raw, mask)
    raise exc.DatasetException(
        f"The {name} has shape {raw.shape}, which matches neither the data's native shape "
        f"{mask.shape_native} nor its {mask.pixels_in_mask} unmasked pixels."
    )


class Imaging(Pytree):
    """An imaging dataset: data and noise map (``Array2D`` on the same mask) plus a PSF.

    Parameters
    ----------
    data
        Image (electrons per second) as an ``Array2D``; its mask is the dataset mask.
    noise_map
        1-sigma noise per pixel (``Array2D`` or array of the data's shape).
    psf
        :class:`Convolver` (``None`` for no PSF).
    over_sample_size_lp
        Over-sampling size of the light-profile grid (int or per-pixel ``Array2D``).
    over_sample_size_pixelization
        Over-sampling size of the grid traced for pixelized sources (int or per-pixel
        ``Array2D``; default 4).
    use_normalized_psf
        Use a copy of the PSF normalised to unit sum.
    check_noise_map
        Validate that the noise map is positive and finite on the unmasked pixels.

    Raises
    ------
    autoarray.exc.DatasetException
        Shape mismatches, NaN/inf data or non-positive / non-finite noise on unmasked pixels.
    """

    #: Static parts if the class is registered as a pytree (data and noise map stay leaves).
    __pytree_static__ = ("psf", "grids", "over_sample_size_lp", "over_sample_size_pixelization")

    def __init__(
        self,
        data: Array2D,
        noise_map: Array2D,
        psf: Convolver | None = None,
        over_sample_size_lp=4,
        use_normalized_psf: bool = True,
        check_noise_map: bool = True,
        over_sample_size_pixelization=4,
    ):
        if not isinstance(data, Array2D):
            raise exc.DatasetException(
                f"Imaging data must be an Array2D, got {type(data).__name__}."
            )
        if noise_map is None:
            raise exc.DatasetException("Imaging needs a noise map.")
        mask = data.mask
        if mask.pixels_in_mask == 0:
            raise exc.DatasetException("The data's mask has no unmasked pixels.")
        noise_map = _as_array_on(noise_map, mask, "noise map")

        data_values = np.asarray(data.slim.array)
        if not np.all(np.isfinite(data_values)):
            bad = int(np.count_nonzero(~np.isfinite(data_values)))
            raise exc.DatasetException(
                f"The data contains {bad} NaN/inf values in unmasked pixels; mask them first."
            )
        if check_noise_map:
            noise_values = np.asarray(noise_map.slim.array)
            if not np.all(np.isfinite(noise_values)):
                raise exc.DatasetException(
                    "The noise map contains NaN/inf values in unmasked pixels."
                )
            if not np.all(noise_values > 0.0):
                raise exc.DatasetException(
                    f"The noise map has {int(np.count_nonzero(noise_values <= 0.0))} "
                    "non-positive values in unmasked pixels; every noise value must be > 0."
                )
            # chi-squared and the noise normalisation use noise**2: outside this range it
            # underflows to 0 or overflows to inf and the log likelihood is NaN.
            tiny, huge = 1e-150, 1e150
            if np.any(noise_values < tiny) or np.any(noise_values > huge):
                raise exc.DatasetException(
                    f"The noise map has values outside [{tiny:g}, {huge:g}] (min "
                    f"{float(np.min(noise_values)):g}, max {float(np.max(noise_values)):g}); their "
                    "squares under/overflow. Rescale the data and noise map (e.g. to e-/s)."
                )
        if psf is not None and not isinstance(psf, Convolver):
            psf = Convolver(psf)
        if psf is not None and use_normalized_psf:
            psf = psf.normalized

        self.data = data
        self.noise_map = noise_map
        self.psf = psf
        self.over_sample_size_lp = over_sample_size_lp
        self.over_sample_size_pixelization = over_sample_size_pixelization
        self.use_normalized_psf = use_normalized_psf
        self.check_noise_map = check_noise_map

    # ------------------------------------------------------------------ basic properties
    @property
    def mask(self) -> Mask2D:
        return self.data.mask

    @property
    def shape_native(self) -> Tuple[int, int]:
        return self.mask.shape_native

    @property
    def shape_slim(self) -> int:
        return self.mask.pixels_in_mask

    @property
    def pixel_scales(self):
        return self.mask.pixel_scales

    @cached_property
    def grids(self) -> GridsDataset:
        """Light-profile and blurring grids (computed once, NumPy)."""
        return GridsDataset(
            self.mask, self.over_sample_size_lp, self.psf, self.over_sample_size_pixelization
        )

    @property
    def grid(self) -> Grid2D:
        """Alias of ``grids.lp``."""
        return self.grids.lp

    @property
    def blurring_mask(self) -> Mask2D | None:
        return self.grids.blurring_mask

    @cached_property
    def signal_to_noise_map(self) -> Array2D:
        """``data / noise`` with negative values set to zero."""
        values = np.asarray(self.data.array) / np.asarray(self.noise_map.array)
        return Array2D(np.where(values < 0.0, 0.0, values), self.mask)

    @property
    def signal_to_noise_max(self) -> float:
        return float(np.max(self.signal_to_noise_map.array))

    # ------------------------------------------------------------------ new datasets
    def _new(
        self, data, noise_map, over_sample_size_lp, psf=None, over_sample_size_pixelization=None
    ):
        psf = self.psf if psf is None else psf
        if over_sample_size_pixelization is None:
            over_sample_size_pixelization = self.over_sample_size_pixelization
            if isinstance(over_sample_size_pixelization, Array2D):
                over_sample_size_pixelization = Array2D(
                    np.asarray(over_sample_size_pixelization.native.array), data.mask
                )
        return Imaging(
            data=data,
            noise_map=noise_map,
            psf=psf,
            over_sample_size_lp=over_sample_size_lp,
            over_sample_size_pixelization=over_sample_size_pixelization,
            use_normalized_psf=False,  # already normalised if requested
            check_noise_map=self.check_noise_map,
        )

    def apply_mask(self, mask: Mask2D) -> "Imaging":
        """A new dataset on ``mask`` (same shape; may only mask more pixels)."""
        if not isinstance(mask, Mask2D):
            raise exc.DatasetException(f"apply_mask needs a Mask2D, got {type(mask).__name__}.")
        if tuple(mask.shape_native) != tuple(self.shape_native):
            raise exc.DatasetException(
                f"The mask shape {mask.shape_native} does not match the dataset shape "
                f"{self.shape_native}."
            )
        if not np.allclose(mask.pixel_scales, self.pixel_scales, rtol=1e-9, atol=0.0):
            raise exc.DatasetException(
                f"The mask pixel scales {mask.pixel_scales} do not match the dataset's "
                f"{self.pixel_scales}; make the mask with the dataset's pixel_scales."
            )
        if mask.pixels_in_mask == 0:
            raise exc.DatasetException("The mask has no unmasked pixels.")
        newly_unmasked = ~mask.array & self.mask.array
        if np.any(newly_unmasked):
            raise exc.DatasetException(
                f"The mask unmasks {int(np.count_nonzero(newly_unmasked))} pixels that are masked "
                "in the dataset; apply masks only to unmasked (or less masked) data."
            )
        data = Array2D(np.asarray(self.data.native.array), mask, header=self.data.header)
        noise_map = Array2D(np.asarray(self.noise_map.native.array), mask)
        over_sample_size_lp = self.over_sample_size_lp
        if isinstance(over_sample_size_lp, Array2D):
            over_sample_size_lp = Array2D(np.asarray(over_sample_size_lp.native.array), mask)
        return self._new(data, noise_map, over_sample_size_lp)

    def apply_over_sampling(
        self, over_sample_size_lp=None, over_sample_size_pixelization=None
    ) -> "Imaging":
        """A new dataset with new over-sampling sizes (``None`` keeps the current one)."""
        if over_sample_size_lp is None:
            over_sample_size_lp = self.over_sample_size_lp
        return self._new(
            self.data,
            self.noise_map,
            over_sample_size_lp,
            over_sample_size_pixelization=over_sample_size_pixelization,
        )

    def apply_noise_scaling(
        self,
        mask: Mask2D,
        noise_value: float = 1e8,
        signal_to_noise_value: float | None = None,
        should_zero_data: bool = True,
    ) -> "Imaging":
        """A new dataset whose pixels *unmasked* in ``mask`` get a very large noise.

        Used to remove a region (e.g. a foreground star) from a fit without changing the
        dataset's own mask: load the region with ``Mask2D.from_fits(..., invert=True)`` so its
        pixels are the unmasked ones. Those pixels get ``noise_value``, or, with
        ``signal_to_noise_value``, the mean of their data divided by it (as the reference
        ecosystem does), and their data are set to zero unless ``should_zero_data`` is False.
        """
        if not isinstance(mask, Mask2D):
            raise exc.DatasetException(
                f"apply_noise_scaling needs a Mask2D, got {type(mask).__name__}."
            )
        if tuple(mask.shape_native) != tuple(self.shape_native):
            raise exc.DatasetException(
                f"The noise-scaling mask shape {mask.shape_native} does not match the dataset "
                f"shape {self.shape_native}."
            )
        scaled = ~np.asarray(mask.array, dtype=bool)
        data = np.array(self.data.native.array, dtype=float)
        noise = np.array(self.noise_map.native.array, dtype=float)
        if signal_to_noise_value is None:
            value = float(noise_value)
        elif not signal_to_noise_value > 0.0:
            raise exc.DatasetException(
                f"signal_to_noise_value must be > 0, got {signal_to_noise_value}."
            )
        elif scaled.any():
            value = float(np.mean(data[scaled])) / float(signal_to_noise_value)
        else:
            value = 1.0  # no pixel is scaled: the value is never used
        if not value > 0.0:
            raise exc.DatasetException(
                f"The scaled noise value must be > 0, got {value} (noise_value={noise_value}, "
                f"signal_to_noise_value={signal_to_noise_value})."
            )
        noise[scaled] = value
        if should_zero_data:
            data[scaled] = 0.0
        return self._new(
            Array2D(data, self.mask, header=self.data.header),
            Array2D(noise, self.mask),
            self.over_sample_size_lp,
        )

    def trimmed_after_convolution_from(self, kernel_shape) -> "Imaging":
        """Remove the ``(k - 1) / 2`` border added before a simulation's convolution."""
        data = self.data.trimmed_after_convolution_from(kernel_shape)
        noise_map = self.noise_map.trimmed_after_convolution_from(kernel_shape)
        mask = Mask2D.all_false(data.shape_native, self.pixel_scales, self.mask.origin)
        over_sample_size_lp = self.over_sample_size_lp
        if isinstance(over_sample_size_lp, Array2D):
            over_sample_size_lp = over_sample_size_lp.trimmed_after_convolution_from(kernel_shape)
            over_sample_size_lp = Array2D(np.asarray(over_sample_size_lp.native.array), mask)
        return self._new(
            Array2D(np.asarray(data.native.array), mask, header=self.data.header),
            Array2D(np.asarray(noise_map.native.array), mask),
            over_sample_size_lp,
        )

    # ------------------------------------------------------------------ FITS
    @classmethod
    def from_fits(
        cls,
        data_path,
        noise_map_path,
        pixel_scales,
        psf_path=None,
        data_hdu: int = 0,
        noise_map_hdu: int = 0,
        psf_hdu: int = 0,
        over_sample_size_lp=4,
        check_noise_map: bool = True,
        use_normalized_psf: bool = True,
        over_sample_size_pixelization=4,
    ) -> "Imaging":
        """Load data, noise map and (optionally) PSF from FITS files (unmasked)."""
        data = Array2D.from_fits(data_path, pixel_scales=pixel_scales, hdu=data_hdu)
        noise_map = Array2D.from_fits(noise_map_path, pixel_scales=pixel_scales, hdu=noise_map_hdu)
        if noise_map.shape_native != data.shape_native:
            raise exc.DatasetException(
                f"The noise map {noise_map_path} has shape {noise_map.shape_native} but the data "
                f"{data_path} has shape {data.shape_native}."
            )
        psf = None
        if psf_path is not None:
            psf = Convolver.from_fits(psf_path, hdu=psf_hdu, pixel_scales=pixel_scales)
        return cls(
            data=data,
            noise_map=noise_map,
            psf=psf,
            over_sample_size_lp=over_sample_size_lp,
            use_normalized_psf=use_normalized_psf,
            check_noise_map=check_noise_map,
            over_sample_size_pixelization=over_sample_size_pixelization,
        )

    def output_to_fits(self, data_path, noise_map_path, psf_path=None, overwrite: bool = False):
        """Write the native data, noise map and PSF kernel to FITS files (each atomically).

        All target paths are checked before anything is written, so an existing file (without
        ``overwrite``) leaves every output untouched.
        """
        from autoarray.dataset.fits import output_to_fits

        paths = [Path(data_path), Path(noise_map_path)]
        if psf_path is not None:
            if self.psf is None:
                raise exc.DatasetException("psf_path was given but the dataset has no PSF.")
            paths.append(Path(psf_path))
        if not overwrite:
            for path in paths:
                if path.exists():
                    raise exc.FitsException(f"{path} exists; pass overwrite=True to replace it.")
        header = self.mask.header_dict
        output_to_fits(np.asarray(self.data.native.array), data_path, True, header)
        output_to_fits(np.asarray(self.noise_map.native.array), noise_map_path, True, header)
        if psf_path is not None:
            output_to_fits(self.psf.kernel_native, psf_path, True, header)

    def __repr__(self) -> str:
        return (
            f"Imaging(shape_native={self.shape_native}, pixels={self.shape_slim}, psf={self.psf})"
        )
