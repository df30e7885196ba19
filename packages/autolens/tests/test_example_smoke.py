"""Smoke test of the pieces of ``examples/simulate_and_fit.py`` (NumPy, a few seconds).

The example's true lens is simulated on a small, coarse grid and written to FITS, loaded back
and masked by the example's own functions, and the example's model is evaluated: the
likelihood at the true parameters must beat the prior-median model by a wide margin, the true
model must fit to about the noise, and the solved (linear) intensities must be close to the
true ones. The search itself is not run here (``hatch run example`` does that).
"""

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from autogalaxy.modeling.fitness import Fitness
from autolens.imaging.analysis import AnalysisImaging

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "simulate_and_fit.py"


@pytest.fixture(scope="module")
def example():
    if not EXAMPLE.exists():
        pytest.skip(f"{EXAMPLE} is not in this checkout")
    spec = importlib.util.spec_from_file_location("simulate_and_fit_example", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # A small, coarse version of the example's dataset so the test takes seconds.
    module.SHAPE = (60, 60)
    module.PIXEL_SCALE = 0.1
    module.MASK_RADIUS = 2.6
    return module


@pytest.fixture(scope="module")
def dataset(example, tmp_path_factory):
    path = tmp_path_factory.mktemp("example") / "dataset"
    example.simulate(path)
    for name in ("data.fits", "noise_map.fits", "psf.fits", "tracer.json"):
        assert (path / name).exists(), name
    return example.load_and_mask(path)


def true_vector(example, model) -> np.ndarray:
    """The simulated tracer's parameters, ordered like ``model.paths``."""
    tracer = example.true_tracer()
    galaxies = {"lens": tracer.galaxies[0], "source": tracer.galaxies[1]}
    values = []
    for path in model.paths:
        _, galaxy, component, name = path
        profile = getattr(galaxies[galaxy], component)
        if name[-2:] in ("_0", "_1") and name[:-2] in ("centre", "ell_comps"):
            values.append(getattr(profile, name[:-2])[int(name[-1])])
        else:
            values.append(getattr(profile, name))
    return np.asarray(values, dtype=float)


def test_dataset_is_masked_and_over_sampled(example, dataset):
    assert dataset.shape_native == (60, 60)
    assert 0 < dataset.mask.pixels_in_mask < 60 * 60
    sizes = np.asarray(dataset.grid.over_sample_size.array)
    assert sizes.max() == 4 and sizes.min() == 1
    centre = example.brightest_pixel_from(dataset)
    assert np.hypot(*centre) < 0.1


def test_true_model_beats_prior_medians_and_fits_to_the_noise(example, dataset):
    model = example.lens_model(centre=example.brightest_pixel_from(dataset))
    assert model.prior_count == 17
    assert ("galaxies", "lens", "mass", "einstein_radius") in model.paths

    analysis = AnalysisImaging(dataset=dataset, use_jax=False)
    fitness = Fitness(model, analysis)
    truth = true_vector(example, model)
    log_l_truth = fitness(truth)
    log_l_median = fitness(np.asarray(model.physical_values_from_prior_medians))
    assert np.isfinite(log_l_truth)
    assert log_l_truth > log_l_median + 1000.0

    instance = model.instance_from_vector(truth)
    fit = analysis.fit_from(instance)
    assert fit.chi_squared / dataset.mask.pixels_in_mask < 1.5

    intensities = fit.linear_light_profile_intensity_dict
    tracer = example.true_tracer()
    lens_solved = intensities[instance.galaxies.lens.bulge]
    source_solved = intensities[instance.galaxies.source.bulge]
    assert lens_solved == pytest.approx(tracer.galaxies[0].bulge.intensity, rel=0.1)
    assert source_solved == pytest.approx(tracer.galaxies[1].bulge.intensity, rel=0.1)


def test_passed_priors_are_uniform_boxes_clipped_to_the_original_limits(example):
    model = example.lens_model(centre=(0.0, 0.0))
    original = {path: prior for path, prior in model.path_priors()}
    means = np.asarray(model.physical_values_from_prior_medians)
    half = np.full(means.size, 0.05)
    index = model.paths.index(("galaxies", "lens", "mass", "einstein_radius"))
    means[index] = 0.12  # 0.05 below it is under the original lower limit (0.1)
    passed = example.model_with_passed_priors(example.lens_model(centre=(0.0, 0.0)), means, half)
    assert passed.prior_count == 17  # the shared lens centre stays one pair of parameters
    for path, prior in passed.path_priors():
        assert type(prior).__name__ == "UniformPrior"
        assert prior.lower_limit >= original[path].lower_limit
        assert prior.upper_limit <= original[path].upper_limit
    einstein = passed.galaxies.lens.mass.einstein_radius
    assert einstein.lower_limit == pytest.approx(0.1)
    assert einstein.upper_limit == pytest.approx(0.17)
