"""Elementary functions with fast float64 JAX kernels (NumPy's own on the NumPy path)."""

from autoarray.numerics.elementary import arctan, arctan_ratio, log

__all__ = ["arctan", "arctan_ratio", "log"]
