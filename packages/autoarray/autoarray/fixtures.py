"""Small ready-made structures for tests (``aa.fixtures.make_*``), with PyAutoArray's names and
values: a 7x7 image of ones with a noise of two, a 3x3 cross-shaped PSF, and a 7x7 mask whose
central 3x3 pixels are unmasked (pixel scale 1 arc-second).

Each ``make_*`` builds a fresh object, so tests may modify what they get.
"""

from __future__ import annotations

import numpy as np

from autoarray.dataset.imaging import Imaging
from autoarray.mask.mask_2d import Mask2D
from autoarray.operators.convolver import Convolver
from autoarray.structures.arrays.uniform_2d import Array2D
from autoarray.structures.grids.irregular_2d import Grid2DIrregular
from autoarray.structures.grids.uniform_2d import Grid2D

SHAPE_7X7 = (7, 7)
PIXEL_SCALES = (1.0, 1.0)


def make_mask_2d_7x7() -> Mask2D:
    """7x7 mask, central 3x3 unmasked."""
    mask = np.ones(SHAPE_7X7, dtype=bool)
    mask[2:5, 2:5] = False
    return Mask2D(mask, pixel_scales=PIXEL_SCALES)


def make_mask_2d_7x7_1_pix() -> Mask2D:
    """7x7 mask, only the central pixel unmasked."""
    mask = np.ones(SHAPE_7X7, dtype=bool)
    mask[3, 3] = False
    return Mask2D(mask, pixel_scales=PIXEL_SCALES)


def make_blurring_mask_2d_7x7() -> Mask2D:
    """Pixels that a 3x3 PSF blurs into the central 3x3 of :func:`make_mask_2d_7x7`."""
    mask = np.ones(SHAPE_7X7, dtype=bool)
    mask[1:6, 1:6] = False
    mask[2:5, 2:5] = True
    return Mask2D(mask, pixel_scales=PIXEL_SCALES)


def _all_false_7x7() -> Mask2D:
    return Mask2D.all_false(shape_native=SHAPE_7X7, pixel_scales=PIXEL_SCALES)


def make_array_2d_7x7() -> Array2D:
    """7x7 array of ones, nothing masked."""
    return Array2D(np.ones(SHAPE_7X7), _all_false_7x7())


def make_image_7x7() -> Array2D:
    """7x7 image of ones, nothing masked."""
    return Array2D(np.ones(SHAPE_7X7), _all_false_7x7())


def make_noise_map_7x7() -> Array2D:
    """7x7 noise map of twos, nothing masked."""
    return Array2D(np.full(SHAPE_7X7, 2.0), _all_false_7x7())


def make_psf_3x3() -> Convolver:
    """3x3 cross-shaped PSF (0.5 on the arms, 1 at the centre; normalised by ``Imaging``)."""
    kernel = np.array([[0.0, 0.5, 0.0], [0.5, 1.0, 0.5], [0.0, 0.5, 0.0]])
    return Convolver(Array2D.no_mask(kernel, pixel_scales=PIXEL_SCALES))


def make_psf_3x3_no_blur() -> Convolver:
    """3x3 PSF with all its weight in the central pixel (convolution leaves images unchanged)."""
    kernel = np.zeros((3, 3))
    kernel[1, 1] = 1.0
    return Convolver(Array2D.no_mask(kernel, pixel_scales=PIXEL_SCALES))


def make_grid_2d_7x7() -> Grid2D:
    """Pixel centres of :func:`make_mask_2d_7x7`, no over-sampling."""
    return Grid2D.from_mask(make_mask_2d_7x7(), over_sample_size=1)


def make_grid_2d_sub_2_7x7() -> Grid2D:
    """Pixel centres of :func:`make_mask_2d_7x7`, 2x2 over-sampling."""
    return Grid2D.from_mask(make_mask_2d_7x7(), over_sample_size=2)


def make_blurring_grid_2d_7x7() -> Grid2D:
    """Pixel centres of :func:`make_blurring_mask_2d_7x7`."""
    return Grid2D.from_mask(make_blurring_mask_2d_7x7(), over_sample_size=1)


def make_grid_2d_irregular_7x7() -> Grid2DIrregular:
    """Two (y, x) points."""
    return Grid2DIrregular([(0.1, 0.1), (0.2, 0.2)])


def make_grid_2d_irregular_7x7_list() -> list:
    """Two irregular grids of (y, x) points."""
    return [
        Grid2DIrregular([(0.1, 0.1), (0.2, 0.2)]),
        Grid2DIrregular([(0.3, 0.3)]),
    ]


def make_imaging_7x7() -> Imaging:
    """Unmasked 7x7 imaging: image of ones, noise of twos, the cross PSF, no over-sampling."""
    return Imaging(
        data=make_image_7x7(),
        noise_map=make_noise_map_7x7(),
        psf=make_psf_3x3(),
        over_sample_size_lp=1,
    )


def make_imaging_7x7_sub_2() -> Imaging:
    """:func:`make_imaging_7x7` with 2x2 over-sampling of light profiles."""
    return make_imaging_7x7().apply_over_sampling(over_sample_size_lp=2)


def make_imaging_7x7_no_blur() -> Imaging:
    """:func:`make_imaging_7x7` with a PSF that does not blur."""
    return Imaging(
        data=make_image_7x7(),
        noise_map=make_noise_map_7x7(),
        psf=make_psf_3x3_no_blur(),
        over_sample_size_lp=1,
    )


def make_masked_imaging_7x7() -> Imaging:
    """:func:`make_imaging_7x7` with :func:`make_mask_2d_7x7` applied (9 unmasked pixels)."""
    return make_imaging_7x7().apply_mask(make_mask_2d_7x7())


def make_masked_imaging_7x7_sub_2() -> Imaging:
    return make_imaging_7x7_sub_2().apply_mask(make_mask_2d_7x7())


def make_masked_imaging_7x7_no_blur() -> Imaging:
    return make_imaging_7x7_no_blur().apply_mask(make_mask_2d_7x7())


def make_model_image_7x7() -> Array2D:
    """A model image of fives on the central 3x3."""
    return Array2D(np.full(SHAPE_7X7, 5.0), make_mask_2d_7x7())
