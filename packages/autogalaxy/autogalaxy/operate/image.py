"""
``OperateImage``: PSF-related image operations shared by light profiles, galaxies, galaxy lists
and tracers.  A class using the mix-in supplies
``image_2d_from(grid, xp=np, operated_only=None)``; "operated" light profiles (already
PSF-convolved) are excluded from the convolution and added back unconvolved.
"""

from __future__ import annotations

import numpy as np

import autoarray as aa


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
        Image on ``grid`` convolved with ``psf``, using the image on ``blurring_grid`` (pixels
        just outside the mask whose light the PSF blurs in).  Operated profiles are added
        unconvolved.
        """
        image = self.image_2d_from(grid=grid, xp=xp, operated_only=False)
        blurring_image = self.image_2d_from(grid=blurring_grid, xp=xp, operated_only=False)
        blurred = psf.convolved_image_from(image=image, blurring_image=blurring_image, xp=xp)
        if self.has_operated_light_profiles():
            operated = self.image_2d_from(grid=grid, xp=xp, operated_only=True)
            blurred = blurred + aa.raw_array(operated)
        return blurred

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
