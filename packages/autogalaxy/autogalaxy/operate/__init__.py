from .image import OperateImage
from .lens_calc import LensCalc

__all__ = ["LensCalc", "OperateImage"]
