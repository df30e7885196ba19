import modeling_toy as toy
import numpy as np
import pytest

from autogalaxy import exc
from autogalaxy.modeling import Collection, Fitness, Model, UniformPrior


def test_fitness_is_log_likelihood():
    model, analysis = toy.toy_model(), toy.ToyAnalysis()
    fitness = Fitness(model, analysis, fom_is_log_likelihood=True, resample_figure_of_merit=-1e99)
    vector = [1.5, -0.5]
    expected = analysis.log_likelihood_function(model.instance_from_vector(vector))
    assert fitness(vector) == pytest.approx(float(expected))
    assert fitness.call(vector) == fitness(vector)
    # better parameters give a larger figure of merit
    assert fitness([1.5, -0.5]) > fitness([1.0, 0.0])


def test_fitness_adds_log_priors_when_not_log_likelihood():
    model, analysis = toy.toy_model(), toy.ToyAnalysis()
    f_l = Fitness(model, analysis, fom_is_log_likelihood=True)
    f_p = Fitness(model, analysis, fom_is_log_likelihood=False)
    vector = [1.2, 0.3]
    log_prior = np.log(1 / 3.0) + np.log(1 / 4.0)
    assert f_p(vector) == pytest.approx(f_l(vector) + log_prior)
    # outside the prior support -> resample value
    assert f_p([5.0, 0.0]) == -1e99


def test_chi_squared_convention():
    model, analysis = toy.toy_model(), toy.ToyAnalysis()
    f = Fitness(model, analysis, convert_to_chi_squared=True)
    assert f([1.5, -0.5]) == pytest.approx(-2 * Fitness(model, analysis)([1.5, -0.5]))


def test_non_finite_and_exceptions_resample():
    model = toy.toy_model()
    f = Fitness(model, toy.ToyAnalysis(nan_if_a_above=2.0), resample_figure_of_merit=-1e99)
    assert f([2.5, 0.0]) == -1e99
    assert f([1.0, 0.0]) > -1e99
    f = Fitness(model, toy.RaisingAnalysis(), resample_figure_of_merit=-123.0)
    assert f([1.0, 0.0]) == -123.0


def test_call_many_and_numeric_grad():
    model, analysis = toy.toy_model(), toy.ToyAnalysis()
    f = Fitness(model, analysis)
    batch = np.array([[1.0, 0.0], [1.5, -0.5], [2.0, 0.5]])
    np.testing.assert_allclose(f.call_many(batch), [f(row) for row in batch])
    value, grad = f.value_and_grad([1.4, -0.4])
    assert value == pytest.approx(f([1.4, -0.4]))
    # analytic gradient of -0.5 chi^2 w.r.t. b
    x, y, s = analysis.x, analysis.y, analysis.sigma
    resid = (y - (1.4 * np.exp(-(x**2)) - 0.4)) / s**2
    assert grad[1] == pytest.approx(np.sum(resid), rel=1e-5)
    assert grad[0] == pytest.approx(np.sum(resid * np.exp(-(x**2))), rel=1e-5)
    np.testing.assert_allclose(f.grad([1.4, -0.4]), grad)


def test_jax_transforms_exist_for_numpy_analyses_or_name_the_missing_package(monkeypatch):
    """PyAutoLens builds JAX analyses by default, so scripts call ``_vmap`` / ``_jit`` /
    ``_grad`` on any analysis: they are built (not run here: unit tests stay on NumPy; the
    workspace_test API parity script runs them) whatever ``use_jax`` the analysis has, and only
    a missing JAX raises."""
    import builtins
    import importlib.util

    f = Fitness(toy.toy_model(), toy.ToyAnalysis())
    if importlib.util.find_spec("jax") is not None:
        assert callable(f._vmap)
    real_import = builtins.__import__

    def no_jax(name, *args, **kwargs):
        if name == "jax" or name.startswith("jax."):
            raise ImportError("no jax")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_jax)
    f = Fitness(toy.toy_model(), toy.ToyAnalysis())
    with pytest.raises(exc.SearchException, match="JAX installed"):
        _ = f._grad


def test_numpy_call_resamples_profiles_that_refuse_their_parameters():
    from autogalaxy import exc as ag_exc

    class Refusing:
        def __init__(self, a=1.0):
            if a > 0.5:
                raise ag_exc.ProfileException("a must not exceed 0.5")
            self.a = a

    class Analysis:
        use_jax = False
        _xp = np

        def log_likelihood_function(self, instance):
            return -instance.refusing.a

    model = Collection(refusing=Model(Refusing, a=UniformPrior(0.0, 1.0)))
    fitness = Fitness(model, Analysis(), resample_figure_of_merit=-1e99)
    assert fitness([0.25]) == -0.25
    assert fitness([0.75]) == -1e99
    with pytest.raises(ag_exc.ModelException):
        fitness([0.25, 0.5])


def _small_imaging():
    import autoarray as aa

    mask = aa.Mask2D.circular((9, 9), radius=0.35, pixel_scales=0.1)
    data = aa.Array2D(np.ones(mask.pixels_in_mask), mask)
    noise = aa.Array2D(np.full(mask.pixels_in_mask, 0.1), mask)
    return aa.Imaging(data=data, noise_map=noise, psf=aa.Convolver.no_blur(0.1))


def test_points_per_call_counts_the_pixelization_grid_of_a_pixelized_model():
    """The batch cost model sizes a likelihood by its traced points: a pixelized source adds
    the pixelization grid's sub-pixels, whether the pixelization is free or fixed."""
    from autoarray.inversion.mesh import RectangularUniform
    from autoarray.inversion.pixelization import Pixelization
    from autoarray.inversion.regularization import Constant
    from autogalaxy.galaxy.galaxy import Galaxy
    from autogalaxy.imaging.analysis import AnalysisImaging
    from autogalaxy.modeling.fitness import _points_per_call
    from autogalaxy.profiles.light.standard.sersic import Sersic

    dataset = _small_imaging()
    analysis = AnalysisImaging(dataset=dataset)
    profile_points = _points_per_call(analysis)
    pixelization_points = int(dataset.grids.pixelization.over_sampled.shape[0])
    assert pixelization_points == 16 * dataset.mask.pixels_in_mask  # default sub size 4

    light = Collection(galaxy=Model(Galaxy, redshift=0.5, bulge=Sersic))
    assert _points_per_call(analysis, light) == profile_points

    free = Model(Pixelization, mesh=RectangularUniform(shape=(4, 4)), regularization=Constant)
    fixed = Pixelization(mesh=RectangularUniform(shape=(4, 4)), regularization=Constant())
    for pixelization in (free, fixed):
        model = Collection(galaxy=Model(Galaxy, redshift=1.0, pixelization=pixelization))
        assert _points_per_call(analysis, model) == profile_points + pixelization_points


def test_batch_size_is_kept_and_checked():
    # PyAutoFit's keyword; public scripts size their _vmap batches from fitness.batch_size
    model, analysis = toy.toy_model(), toy.ToyAnalysis()
    assert Fitness(model, analysis).batch_size is None
    fitness = Fitness(model, analysis, batch_size=3)
    assert fitness.batch_size == 3
    rows = np.array([[1.5, -0.5]] * fitness.batch_size)
    np.testing.assert_allclose(fitness.call_many(rows), [fitness([1.5, -0.5])] * 3)
    for bad in (0, 2.5):
        with pytest.raises(exc.ModelException, match="batch_size"):
            Fitness(model, analysis, batch_size=bad)
