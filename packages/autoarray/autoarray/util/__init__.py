"""``aa.util``: the utility modules scripts call as ``aa.util.<area>.<function>``.

Each attribute is the module that owns the functions (no copies), under the name PyAutoArray
scripts use: ``aa.util.array_2d.native_from_slim``, ``aa.util.over_sample.
over_sample_size_via_radial_bins_from``, ``aa.util.dataset.should_simulate``, ...
"""

from autoarray.fit import fit_util as fit
from autoarray.geometry import geometry_util as geometry
from autoarray.inversion import inversion_util as inversion
from autoarray.operators.over_sampling import over_sampler as over_sample
from autoarray.structures.arrays import array_2d_util as array_2d
from autoarray.util import dataset

__all__ = ["array_2d", "dataset", "fit", "geometry", "inversion", "over_sample"]
