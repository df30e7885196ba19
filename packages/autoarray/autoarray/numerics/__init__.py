"""Elementary functions with fast float64 JAX kernels (NumPy's own on the NumPy path), and
extrema whose JAX derivative is a gather at the forward pass's index."""

from autoarray.numerics.elementary import arctan, arctan_ratio, log
from autoarray.numerics.extrema import largest, smallest

__all__ = ["arctan", "arctan_ratio", "largest", "log", "smallest"]
