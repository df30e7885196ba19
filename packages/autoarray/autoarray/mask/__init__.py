from autoarray.mask.mask_2d import Mask2D

__all__ = ["Mask2D"]
