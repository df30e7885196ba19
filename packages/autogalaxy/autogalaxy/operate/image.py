"""
``OperateImage``: PSF-related image operations shared by galaxies, galaxy lists and tracers, and
the one "blur the model image" pipeline (:func:`standard_light_raw_from`,
:func:`blurred_image_raw_from`) that they and the imaging fits use.

A class using the mix-in supplies ``image_2d_from(grid, xp=np, operated_only=None)`` and
``light_planes_from(points, xp)`` (``[(galaxies, their points), ...]``: a galaxy or a list
holds its points as they are, a tracer ray-traces them); "operated" light profiles (already
PSF-convolved) are excluded from the convolution and added back unconvolved.
"""

from __future__ import annotations

import numpy as np

import autoarray as aa


def standard_light_raw_from(light_planes, n_sub: int, xp=np) -> tuple:
    """``(unbinned, operated)``: the summed standard light of every point of every plane of
    ``light_planes`` (``[(galaxies, points), ...]``: the sub-pixels, then any blurring pixels) and
    the summed operated light of the first ``n_sub`` points; each ``None`` when there is none."""
    from autogalaxy.galaxy import to_inversion

    unbinned = None
    operated = None
    for galaxies, points in light_planes:
        image = to_inversion.standard_image_raw_from(galaxies, points, xp=xp, operated_only=False)
        if image is not None:
            unbinned = image if unbinned is None else unbinned + image
        image = to_inversion.standard_image_raw_from(
            galaxies, points[:n_sub], xp=xp, operated_only=True
        )
        if image is not None:
            operated = image if operated is None else operated + image
    return unbinned, operated


def blurred_image_raw_from(unbinned, operated, n_sub: int, over_sampler, psf, mask, xp=np):
    """The one "blur the model image" step, raw slim ``[N_pix]`` on ``mask``.

    The standard light of the sub-pixels (``unbinned[:n_sub]``) is binned and convolved with
    ``psf``, with the light of the blurring pixels (``unbinned[n_sub:]``, if any) blurring in;
    the binned operated light (``operated[:n_sub]``) is added unconvolved. ``None`` stands for
    no light of that kind.
    """
    if unbinned is None:
        blurred = xp.zeros(mask.pixels_in_mask)
    else:
        binned = over_sampler.binned_array_2d_from(unbinned[:n_sub], xp=xp)
        blurring = unbinned[n_sub:] if unbinned.shape[0] > n_sub else None
        blurred = aa.raw_array(
            psf.convolved_image_from(
                binned,
                blurring,
                xp=xp,
                mask=mask,
                materialised=over_sampler.bins_by_reduction,
            )
        )
    if operated is not None:
        blurred = blurred + over_sampler.binned_array_2d_from(operated[:n_sub], xp=xp)
    return blurred


class OperateImage:
    def has_operated_light_profiles(self) -> bool:
        """True if any component is an already-PSF-convolved ("operated") light profile."""
        from autogalaxy.galaxy.profile_types import profile_class

        operated_cls = profile_class("LightProfileOperated")
        if isinstance(self, operated_cls):
            return True
        has = getattr(self, "has", None)
        if callable(has):
            try:
                return bool(has(cls=operated_cls))
            except TypeError:
                return False
        return False

    def blurred_image_2d_from(self, grid, blurring_grid, psf, xp=np):
        """
        Image on ``grid`` convolved with ``psf``, with the light of ``blurring_grid`` (pixels
        just outside the mask whose light the PSF blurs in, at their centres).  The grid's
        sub-pixels and the blurring pixels go through :meth:`light_planes_from` together (a
        tracer traces them once), each plane's light is evaluated once, binned once and
        convolved once; operated profiles are added unconvolved.
        """
        sub = xp.asarray(aa.raw_array(grid.over_sampled))
        n_sub = sub.shape[0]
        points = sub
        if blurring_grid is not None:
            points = xp.concatenate([sub, xp.asarray(aa.raw_array(blurring_grid))], axis=0)
        unbinned, operated = standard_light_raw_from(self.light_planes_from(points, xp), n_sub, xp)
        blurred = blurred_image_raw_from(
            unbinned, operated, n_sub, grid.over_sampler, psf, grid.mask, xp=xp
        )
        return aa.Array2D(values=blurred, mask=grid.mask)

    def padded_image_2d_from(self, grid, psf_shape_2d, xp=np):
        """Image on ``grid`` padded so that a PSF of shape ``psf_shape_2d`` fits at its edge."""
        padded_grid = grid.padded_grid_from(kernel_shape_native=psf_shape_2d)
        return self.image_2d_from(grid=padded_grid, xp=xp)

    def unmasked_blurred_image_2d_from(self, grid, psf):
        """
        Image evaluated on the PSF-padded, unmasked version of ``grid``, convolved with ``psf``
        and trimmed back to ``grid``'s native shape (an unmasked ``Array2D``).  NumPy only.
        """
        from scipy.signal import convolve

        kernel = getattr(psf, "kernel_native", None)
        if kernel is None:
            kernel = aa.raw_array(getattr(psf, "native", psf))
        kernel = np.asarray(kernel, dtype=float)
        if kernel.ndim == 1:
            kernel = kernel.reshape(psf.shape_native)
        kernel_shape = kernel.shape

        padded_grid = grid.padded_grid_from(kernel_shape_native=kernel_shape)
        padded_image = self.image_2d_from(grid=padded_grid)
        native = np.asarray(aa.raw_array(padded_image.native), dtype=float)

        blurred = convolve(native, kernel, mode="same")
        pad_y = (native.shape[0] - grid.mask.shape_native[0]) // 2
        pad_x = (native.shape[1] - grid.mask.shape_native[1]) // 2
        trimmed = blurred[
            pad_y : pad_y + grid.mask.shape_native[0], pad_x : pad_x + grid.mask.shape_native[1]
        ]
        return aa.Array2D.no_mask(values=trimmed, pixel_scales=grid.mask.pixel_scales)

    def blurred_image_2d_list_from(self, grid, blurring_grid, psf, xp=np):
        """Per-component (galaxy / plane) blurred images, for classes with
        ``image_2d_list_from``."""
        image_list = self.image_2d_list_from(grid=grid, xp=xp, operated_only=False)
        blurring_list = self.image_2d_list_from(grid=blurring_grid, xp=xp, operated_only=False)
        return [
            psf.convolved_image_from(image=image, blurring_image=blurring, xp=xp)
            for image, blurring in zip(image_list, blurring_list)
        ]
