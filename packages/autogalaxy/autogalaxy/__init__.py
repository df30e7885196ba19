"""autogalaxy: light and mass profiles, galaxies, cosmology, lensing calculations and modelling.

Public names follow PyAutoGalaxy (``ag.lp.Sersic``, ``ag.mp.Isothermal``, ``ag.Galaxy``, ...) and
the modelling layer follows PyAutoFit (``ag.Model``, ``ag.Collection``, priors, ``ag.Fitness``,
searches), so scripts port with ``af = ag``. NumPy by default; pass ``xp=jax.numpy`` for JAX.
"""

import autoarray as aa  # noqa: F401  (sets the JAX environment defaults before any JAX import)
from autoarray import Array1D, Grid1D, Mask1D, Zoom2D  # noqa: F401
from autoarray import (
    Array2D,
    ArrayIrregular,
    Grid2D,
    Grid2DIrregular,
    Mask2D,
    VectorYX2D,
    VectorYX2DIrregular,
    ShearYX2DIrregular,
    Convolver,
    DatasetModel,
    Imaging,
    decorators,
    over_sample_size_via_radial_bins_from,
    over_sample_size_adaptive_from,
)

from autogalaxy import convert, exc
from autogalaxy import cosmology
from autogalaxy import cosmology as cosmo
from autogalaxy.cosmology import FlatLambdaCDM, Planck15
from autogalaxy.galaxy import Galaxies, Galaxy
from autogalaxy.operate import LensCalc, OperateImage
from autogalaxy.profiles.light import basis as lp_basis
from autogalaxy.profiles.light import linear as lp_linear
from autogalaxy.profiles.light import standard as lp
from autogalaxy.profiles import mass as mp
from autogalaxy.profiles import point_sources as ps
from autogalaxy.profiles.geometry_profiles import EllProfile, GeometryProfile, SphProfile
from autogalaxy.profiles.light.abstract import LightProfile  # extract_attribute(cls=...)
from autogalaxy.imaging.analysis import AnalysisImaging
from autogalaxy.imaging.result import ResultImaging
from autogalaxy.imaging.fit_imaging import FitImaging
from autogalaxy.imaging.model_json import model_obj_from_json as from_json
from autogalaxy.imaging.model_json import model_obj_to_json as output_to_json
from autogalaxy.imaging.settings import SettingsInversion
from autogalaxy.imaging.settings import Settings
from autogalaxy.galaxy.adapt_images import AdaptImages
from autoarray.inversion.pixelization import Pixelization
from autoarray.inversion import mesh
from autoarray.inversion import image_mesh
from autoarray.inversion import regularization as reg
from autogalaxy.imaging.simulator import SimulatorImaging
from autogalaxy.modeling import (
    LBFGS,
    NUTS,
    Collection,
    DynestyStatic,
    Emcee,
    Fitness,
    GaussianPrior,
    LogUniformPrior,
    Model,
    ModelInstance,
    MultiStartGradientConvergence,
    MultiStartProdigy,
    Nautilus,
    Result,
    Samples,
    TruncatedGaussianPrior,
    UniformPrior,
)
from autogalaxy.modeling import (
    DirectoryPaths,
    Sample,
    SettingsSearch,
    enable_pytrees,
    register_model,
)
from autoarray import ndarray_via_fits_from, output_to_fits
from autogalaxy import util
from autogalaxy import fixtures
from autogalaxy.profiles import light_and_mass as lmp
from autogalaxy.profiles.light import snr as lp_snr
from autogalaxy.profiles.light_and_mass import linear as lmp_linear
from autogalaxy.gui.scribbler import Scribbler

from autogalaxy.plot.model_plotter import ModelPlotter  # noqa: E402
from autogalaxy.modeling.batch import ImagingFolder, fit_batch
from autogalaxy.modeling.database import Aggregator

__version__ = "0.1.0"
