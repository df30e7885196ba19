"""Regularization schemes (``al.reg``)."""

from autoarray.inversion.regularization.adapt import Adapt
from autoarray.inversion.regularization.constant import (
    AbstractRegularization,
    Constant,
    ConstantZeroth,
    Zeroth,
)

__all__ = ["AbstractRegularization", "Adapt", "Constant", "ConstantZeroth", "Zeroth"]
