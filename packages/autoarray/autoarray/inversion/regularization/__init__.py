"""Regularization schemes (``al.reg``)."""

from autoarray.inversion.regularization.adapt import Adapt
from autoarray.inversion.regularization.split import AdaptSplit, ConstantSplit
from autoarray.inversion.regularization.kernel import (
    ExponentialKernel,
    GaussianKernel,
    MaternKernel,
)
from autoarray.inversion.regularization.abstract import AbstractRegularization
from autoarray.inversion.regularization.constant import (
    Constant,
    ConstantZeroth,
    Zeroth,
)

__all__ = [
    "AbstractRegularization",
    "Adapt",
    "AdaptSplit",
    "Constant",
    "ConstantSplit",
    "ConstantZeroth",
    "ExponentialKernel",
    "GaussianKernel",
    "MaternKernel",
    "Zeroth",
]
