"""Output-wrapping grid decorators (see docs/architecture.md)."""

from autoarray.operators.over_sampling.decorator import over_sample
from autoarray.structures.decorators.abstract import AbstractMaker
from autoarray.structures.decorators.to_array import to_array
from autoarray.structures.decorators.to_grid import to_grid
from autoarray.structures.decorators.to_vector_yx import to_vector_yx
from autoarray.structures.decorators.transform import in_profile_frame, transform

__all__ = [
    "AbstractMaker",
    "to_array",
    "to_grid",
    "to_vector_yx",
    "transform",
    "over_sample",
    "in_profile_frame",
]
