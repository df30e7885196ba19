"""A small lens (tracer, dataset, fit) and a PNG checker shared by the autolens plot tests."""

import numpy as np
import pytest

import autolens as al


def read_png(path) -> np.ndarray:
    """The RGBA pixels of a PNG, asserting it is a real, non-blank image."""
    import matplotlib.image

    assert path.is_file() and path.stat().st_size > 1000, path
    pixels = matplotlib.image.imread(path)
    assert pixels.ndim == 3 and pixels.shape[2] in (3, 4)
    assert float(pixels[..., :3].std()) > 0.01, f"{path} is blank"
    return pixels


@pytest.fixture(name="png_image")
def make_png_image():
    """:func:`read_png` as a fixture (a test module cannot import ``conftest`` by name: every
    test folder has one)."""
    return read_png


@pytest.fixture(name="png")
def make_png():
    def check(path, size_inches, dpi=100):
        pixels = read_png(path)
        assert pixels.shape[:2] == (round(size_inches[1] * dpi), round(size_inches[0] * dpi))
        return pixels

    return check


@pytest.fixture(name="grid", scope="module")
def make_grid():
    return al.Grid2D.uniform(shape_native=(20, 20), pixel_scales=0.15, over_sample_size=1)


@pytest.fixture(name="tracer", scope="module")
def make_tracer():
    lens = al.Galaxy(
        redshift=0.5,
        bulge=al.lp.Sersic(intensity=1.0, effective_radius=0.5, sersic_index=2.0),
        mass=al.mp.Isothermal(einstein_radius=0.8, ell_comps=(0.1, 0.0)),
        shear=al.mp.ExternalShear(gamma_1=0.03, gamma_2=0.02),
    )
    source = al.Galaxy(
        redshift=1.0,
        bulge=al.lp.SersicCore(centre=(0.05, 0.05), intensity=2.0, effective_radius=0.15),
    )
    return al.Tracer(galaxies=[lens, source])


@pytest.fixture(name="dataset", scope="module")
def make_dataset(tracer, grid):
    psf = al.Convolver.from_gaussian(shape_native=(3, 3), sigma=0.1, pixel_scales=0.15)
    simulator = al.SimulatorImaging(
        exposure_time=300.0,
        psf=psf,
        background_sky_level=0.1,
        add_poisson_noise_to_data=True,
        noise_seed=1,
    )
    dataset = simulator.via_tracer_from(tracer=tracer, grid=grid)
    mask = al.Mask2D.circular(shape_native=dataset.shape_native, pixel_scales=0.15, radius=1.3)
    return dataset.apply_mask(mask)


@pytest.fixture(name="fit", scope="module")
def make_fit(dataset, tracer):
    return al.FitImaging(dataset=dataset, tracer=tracer)
