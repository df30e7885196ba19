"""autoarray: masks, arrays, grids, vectors, PSF convolution, imaging datasets and fits.

NumPy is the default backend; pass ``xp=jax.numpy`` to run on JAX. JAX is never imported here.
"""

from autoarray.execution import configure_jax_environment

# The only import-time side effect: JAX defaults that correctness needs (float64, the XLA flag
# avoiding the Eigen FFT deadlock). Performance tuning lives in autoarray.execution settings.
configure_jax_environment()

from autoarray import exc  # noqa: E402
from autoarray.abstract_ndarray import (  # noqa: E402
    AbstractNDArray,
    raw_array,
    register_instance_pytree,
)
from autoarray.mask.mask_2d import Mask2D  # noqa: E402
from autoarray.mask.mask_1d import Mask1D  # noqa: E402
from autoarray.mask.zoom_2d import Zoom2D  # noqa: E402
from autoarray.structures.arrays.uniform_1d import Array1D  # noqa: E402
from autoarray.structures.grids.uniform_1d import Grid1D  # noqa: E402
from autoarray.operators.over_sampling.over_sampler import (  # noqa: E402
    OverSampler,
    over_sample_size_via_radial_bins_from,
)
from autoarray.operators.over_sampling.adaptive import over_sample_size_adaptive_from  # noqa: E402
from autoarray.structures import decorators  # noqa: E402
from autoarray.structures.arrays.irregular import ArrayIrregular  # noqa: E402
from autoarray.structures.arrays.uniform_2d import Array2D  # noqa: E402
from autoarray.structures.grids.irregular_2d import Grid2DIrregular  # noqa: E402
from autoarray.structures.grids.uniform_2d import Grid2D  # noqa: E402
from autoarray.structures.vectors.irregular import VectorYX2DIrregular  # noqa: E402
from autoarray.structures.vectors.shear import ShearYX2DIrregular  # noqa: E402
from autoarray.structures.vectors.uniform import VectorYX2D  # noqa: E402
from autoarray.operators.convolver import Convolver  # noqa: E402
from autoarray.dataset import DatasetModel, Imaging, SimulatorImaging  # noqa: E402
from autoarray.dataset.fits import output_to_fits  # noqa: E402
from autoarray.dataset.fits import ndarray_via_fits_from  # noqa: E402
from autoarray import util  # noqa: E402
from autoarray import fixtures  # noqa: E402
from autoarray.io_util import atomic_write_bytes, atomic_write_text  # noqa: E402
from autoarray.row_blocked_vjp import row_blocked_vjp  # noqa: E402
from autoarray import pytree_packing  # noqa: E402
from autoarray import pytrees  # noqa: E402
from autoarray.pytrees import Pytree  # noqa: E402
from autoarray.pytree_packing import PackedAttributes  # noqa: E402
from autoarray.fit.fit_imaging import FitImaging  # noqa: E402
from autoarray import inversion  # noqa: E402
from autoarray import numerics  # noqa: E402
from autoarray import execution  # noqa: E402

over_sample = decorators.over_sample


def __getattr__(name):
    """``aa.grid_dec`` is the deprecated name of ``aa.decorators`` (kept for old scripts)."""
    if name == "grid_dec":
        import warnings

        warnings.warn(
            "autoarray.grid_dec is deprecated; use autoarray.decorators instead.",
            DeprecationWarning,
            stacklevel=2,
        )
        return decorators
    raise AttributeError(f"module 'autoarray' has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "exc",
    "AbstractNDArray",
    "raw_array",
    "register_instance_pytree",
    "pytree_packing",
    "PackedAttributes",
    "Mask2D",
    "Mask1D",
    "Zoom2D",
    "Array1D",
    "Grid1D",
    "Array2D",
    "ArrayIrregular",
    "Grid2D",
    "Grid2DIrregular",
    "VectorYX2D",
    "VectorYX2DIrregular",
    "ShearYX2DIrregular",
    "OverSampler",
    "over_sample_size_via_radial_bins_from",
    "over_sample_size_adaptive_from",
    "decorators",
    "over_sample",
    "Convolver",
    "DatasetModel",
    "Imaging",
    "SimulatorImaging",
    "FitImaging",
    "inversion",
    "numerics",
    "execution",
    "atomic_write_bytes",
    "atomic_write_text",
    "row_blocked_vjp",
    "output_to_fits",
    "ndarray_via_fits_from",
    "util",
    "fixtures",
]
