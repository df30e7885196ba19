from autoarray.operators.over_sampling.adaptive import over_sample_size_adaptive_from
from autoarray.operators.over_sampling.over_sampler import (
    OverSampler,
    over_sample_size_via_radial_bins_from,
)

__all__ = ["OverSampler", "over_sample_size_adaptive_from", "over_sample_size_via_radial_bins_from"]
