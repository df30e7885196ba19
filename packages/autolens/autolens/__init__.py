"""autolens: strong-lens ray tracing, imaging fits and likelihood analyses (NumPy or JAX).

Re-exports what users need from ``autogalaxy`` and ``autoarray`` so a PyAutoLens script ports by
changing imports only (``import autolens as al``; modelling classes too, so ``af = al`` works).
"""

import autoarray as aa  # noqa: F401  (sets the JAX environment defaults before any JAX import)
from autoarray import Array1D, Grid1D, Mask1D, Zoom2D  # noqa: F401
from autoarray import (
    Array2D,
    ArrayIrregular,
    Convolver,
    DatasetModel,
    Grid2D,
    Grid2DIrregular,
    Imaging,
    Mask2D,
    VectorYX2D,
    VectorYX2DIrregular,
    ShearYX2DIrregular,
    decorators,
    over_sample_size_via_radial_bins_from,
    over_sample_size_adaptive_from,
)

from autogalaxy import (
    LBFGS,
    NUTS,
    Collection,
    DynestyStatic,
    Emcee,
    Fitness,
    FlatLambdaCDM,
    Galaxies,
    Galaxy,
    GaussianPrior,
    LensCalc,
    LogUniformPrior,
    Model,
    ModelInstance,
    MultiStartGradientConvergence,
    MultiStartProdigy,
    Nautilus,
    Planck15,
    Result,
    Samples,
    SettingsInversion,
    Settings,
    AdaptImages,
    Pixelization,
    mesh,
    image_mesh,
    reg,
    TruncatedGaussianPrior,
    UniformPrior,
    convert,
    cosmo,
    cosmology,
    from_json,
    lp,
    lp_basis,
    lp_linear,
    mp,
    output_to_json,
)
from autolens import exc
from autolens.imaging.analysis import AnalysisImaging
from autolens.imaging.result import ResultImaging
from autolens.imaging.fit_imaging import FitImaging
from autolens.imaging.positions_lh import PositionsLH
from autolens.imaging.simulator import (
    SimulatorImaging,
    output_dataset_to_fits,
    tracer_from_json,
    tracer_to_json,
)
from autolens.lens.tracer import Tracer
from autogalaxy import (
    DirectoryPaths,
    Sample,
    SettingsSearch,
    enable_pytrees,
    register_model,
    ndarray_via_fits_from,
    output_to_fits,
)
from autolens import util
from autolens import model_util
from autolens.model_util import galaxy_name_image_dict_via_result_from
from autolens import fixtures
from autogalaxy import lmp
from autogalaxy import lp_snr
from autogalaxy import lmp_linear
from autogalaxy import Scribbler

from autogalaxy.plot.model_plotter import ModelPlotter  # noqa: E402
from autolens import aggregator as agg
from autolens.aggregator import Aggregator
from autolens.batch import ImagingFolder, fit_batch

__version__ = "0.1.0"

# Point sources (issue 20).
from autogalaxy.profiles import point_sources as ps  # noqa: E402
from autolens.point.analysis import AnalysisPoint, ResultPoint  # noqa: E402
from autolens.point.dataset import PointDataset  # noqa: E402
from autolens.point.fit.dataset import FitPointDataset  # noqa: E402
from autolens.point.fit.fluxes import FitFluxes, FitFluxesSolved  # noqa: E402
from autolens.point.fit.positions_image import (  # noqa: E402
    FitPositionsImagePair,
    FitPositionsImagePairAll,
    FitPositionsImagePairAllSolved,
    FitPositionsImagePairRepeat,
    FitPositionsImagePairRepeatSolved,
)
from autolens.point.fit.positions_source import (  # noqa: E402
    FitPositionsSource,
    FitPositionsSourceSolved,
)
from autolens.point.fit.time_delays import FitTimeDelays, FitTimeDelaysSolved  # noqa: E402
from autolens.point.simulator import SimulatorPoint  # noqa: E402
from autolens.point.solver import PointSolver  # noqa: E402
from autolens.point.shape_solver import ShapeSolver  # noqa: E402
from autolens.point.shapes import Circle, Polygon, Square, Triangle  # noqa: E402
from autogalaxy.profiles.light.abstract import LightProfile  # noqa: E402
