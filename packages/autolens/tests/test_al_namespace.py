"""The public ``al.*`` / ``ag.*`` / ``aa.*`` namespaces carry the PyAutoLens names users port with."""

import pytest

import autoarray as aa
import autogalaxy as ag
import autolens as al

AL_NAMES = [
    # autoarray
    "Array2D",
    "ArrayIrregular",
    "Grid2D",
    "Grid2DIrregular",
    "Mask2D",
    "VectorYX2D",
    "VectorYX2DIrregular",
    "Convolver",
    "Imaging",
    "DatasetModel",
    "decorators",
    "over_sample_size_via_radial_bins_from",
    # autogalaxy
    "Galaxy",
    "Galaxies",
    "LensCalc",
    "cosmology",
    "cosmo",
    "Planck15",
    "FlatLambdaCDM",
    "convert",
    "lp",
    "lp_linear",
    "lp_basis",
    "mp",
    "SettingsInversion",
    "from_json",
    "output_to_json",
    # modelling (af = al)
    "Model",
    "Collection",
    "ModelInstance",
    "UniformPrior",
    "LogUniformPrior",
    "GaussianPrior",
    "TruncatedGaussianPrior",
    "Fitness",
    "Nautilus",
    "DynestyStatic",
    "Emcee",
    "LBFGS",
    "NUTS",
    "Result",
    "Samples",
    # autolens
    "Tracer",
    "FitImaging",
    "AnalysisImaging",
    "SimulatorImaging",
    "exc",
    "tracer_to_json",
    "tracer_from_json",
    "output_dataset_to_fits",
]

AG_NAMES = [
    "Galaxy",
    "Galaxies",
    "LensCalc",
    "cosmology",
    "Planck15",
    "FlatLambdaCDM",
    "convert",
    "lp",
    "lp_linear",
    "lp_basis",
    "mp",
    "FitImaging",
    "AnalysisImaging",
    "SimulatorImaging",
    "SettingsInversion",
    "Model",
    "Collection",
    "Fitness",
    "Nautilus",
    "exc",
]

AA_NAMES = [
    "Mask2D",
    "Array2D",
    "ArrayIrregular",
    "Grid2D",
    "Grid2DIrregular",
    "VectorYX2D",
    "VectorYX2DIrregular",
    "Convolver",
    "Imaging",
    "SimulatorImaging",
    "FitImaging",
    "decorators",
    "over_sample",
    "OverSampler",
    "over_sample_size_via_radial_bins_from",
    "register_instance_pytree",
    "AbstractNDArray",
    "exc",
    "inversion",
]

LIGHT = [
    "Gaussian",
    "Sersic",
    "Exponential",
    "DevVaucouleurs",
    "SersicCore",
    "ExponentialCore",
    "Moffat",
]
MASS = [
    "PointMass",
    "Isothermal",
    "IsothermalSph",
    "IsothermalCore",
    "IsothermalCoreSph",
    "PowerLaw",
    "PowerLawSph",
    "PowerLawCore",
    "PowerLawCoreSph",
    "PowerLawMultipole",
    "NFW",
    "NFWSph",
    "NFWTruncatedSph",
    "ExternalShear",
    "MassSheet",
    "Gaussian",
    "Sersic",
    "SersicSph",
    "Exponential",
    "ExponentialSph",
    "DevVaucouleurs",
    "DevVaucouleursSph",
]


@pytest.mark.parametrize("name", AL_NAMES)
def test_autolens_namespace(name):
    assert hasattr(al, name), f"al.{name} missing"


@pytest.mark.parametrize("name", AG_NAMES)
def test_autogalaxy_namespace(name):
    assert hasattr(ag, name), f"ag.{name} missing"


@pytest.mark.parametrize("name", AA_NAMES)
def test_autoarray_namespace(name):
    assert hasattr(aa, name), f"aa.{name} missing"


@pytest.mark.parametrize("name", LIGHT)
def test_light_profiles_with_sph_and_linear_forms(name):
    for module in (al.lp, al.lp_linear):
        assert hasattr(module, name) and hasattr(module, name + "Sph"), f"{module.__name__}.{name}"
    assert hasattr(al.lp_basis, "Basis")


@pytest.mark.parametrize("name", MASS)
def test_mass_profiles(name):
    assert hasattr(al.mp, name), f"al.mp.{name} missing"


@pytest.mark.parametrize("name", ["Gaussian", "Sersic", "Exponential", "DevVaucouleurs"])
def test_stellar_profiles_have_mass_to_light_ratio(name):
    profile = getattr(al.mp, name)(mass_to_light_ratio=2.5)
    assert profile.mass_to_light_ratio == 2.5


def test_grid_dec_is_a_deprecated_alias_of_decorators():
    with pytest.warns(DeprecationWarning, match="autoarray.decorators"):
        grid_dec = aa.grid_dec
    assert grid_dec is aa.decorators
    for name in ("to_array", "to_grid", "to_vector_yx", "transform", "over_sample"):
        assert getattr(grid_dec, name) is getattr(aa.decorators, name)
    with pytest.warns(DeprecationWarning):
        from autoarray import grid_dec as imported
    assert imported is aa.decorators
    with pytest.raises(AttributeError):
        _ = aa.not_a_public_name


def test_same_objects_across_layers():
    assert al.Galaxy is ag.Galaxy and al.Grid2D is aa.Grid2D and al.Model is ag.Model
    assert issubclass(al.SimulatorImaging, ag.SimulatorImaging)
    assert issubclass(ag.SimulatorImaging, aa.SimulatorImaging)
