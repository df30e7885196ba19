"""Marker for light profiles that represent already PSF-convolved light."""


class LightProfileOperated:
    """Mixin marking a light profile whose image is already PSF-convolved (never convolved again).

    ``image_2d_from(grid, operated_only=True)`` evaluates only such profiles and
    ``operated_only=False`` only the others (see :func:`check_operated_only`).
    """
