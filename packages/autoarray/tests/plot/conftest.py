"""Small datasets and a PNG checker shared by the autoarray plot tests."""

import numpy as np
import pytest

import autoarray as aa


def read_png(path) -> np.ndarray:
    """The RGBA pixels of a PNG, asserting it is a real, non-blank image."""
    import matplotlib.image

    assert path.is_file() and path.stat().st_size > 1000, path
    pixels = matplotlib.image.imread(path)
    assert pixels.ndim == 3 and pixels.shape[2] in (3, 4)
    assert float(pixels[..., :3].std()) > 0.01, f"{path} is blank"
    return pixels


@pytest.fixture(name="png")
def make_png():
    def check(path, size_inches, dpi=100):
        pixels = read_png(path)
        assert pixels.shape[:2] == (round(size_inches[1] * dpi), round(size_inches[0] * dpi))
        return pixels

    return check


@pytest.fixture(name="dataset")
def make_dataset():
    mask = aa.Mask2D.circular((16, 16), pixel_scales=0.2, radius=1.2)
    y, x = np.mgrid[0:16, 0:16]
    data = aa.Array2D.no_mask(
        np.exp(-((y - 7.5) ** 2 + (x - 7.5) ** 2) / 8.0) + 0.01, pixel_scales=0.2
    )
    psf = aa.Convolver.from_gaussian((5, 5), pixel_scales=0.2, sigma=0.2)
    noise = aa.Array2D.full(0.05, (16, 16), pixel_scales=0.2)
    return aa.Imaging(data=data, noise_map=noise, psf=psf).apply_mask(mask)
