"""``import autolens`` must not import JAX, and all three packages must be this checkout's,
never the unrelated public releases of the same names."""

from pathlib import Path

import autoarray
import autogalaxy
import autolens
from autoarray.testing import imported_file_without_jax, run_python

PACKAGES_DIR = Path(__file__).resolve().parents[2]  # packages/
SOURCE_DIRS = [PACKAGES_DIR / name for name in ("autoarray", "autogalaxy", "autolens")]


def _run_python(code: str):
    return run_python(code, SOURCE_DIRS)


def test_all_packages_come_from_this_checkout():
    for module, name in (
        (autolens, "autolens"),
        (autogalaxy, "autogalaxy"),
        (autoarray, "autoarray"),
    ):
        module_file = Path(module.__file__).resolve()
        assert module_file == (PACKAGES_DIR / name / name / "__init__.py").resolve()


def test_import_does_not_import_jax():
    module_file = imported_file_without_jax("autolens", SOURCE_DIRS)
    assert module_file.is_relative_to(PACKAGES_DIR.resolve())


def test_numpy_path_tracer_and_fit_do_not_import_jax():
    code = """
import sys
import numpy as np
import autolens as al

mask = al.Mask2D.circular((15, 15), pixel_scales=0.1, radius=0.6)
tracer = al.Tracer(galaxies=[
    al.Galaxy(redshift=0.5, mass=al.mp.Isothermal(einstein_radius=0.4)),
    al.Galaxy(redshift=1.0, bulge=al.lp_linear.Sersic()),
])
grid = al.Grid2D.uniform((15, 15), pixel_scales=0.1, over_sample_size=2)
psf = al.Convolver.from_gaussian((3, 3), pixel_scales=0.1, sigma=0.1)
simulator = al.SimulatorImaging(exposure_time=100.0, psf=psf, noise_seed=1)
dataset = simulator.via_tracer_from(
    al.Tracer(galaxies=[al.Galaxy(redshift=0.5, mass=al.mp.Isothermal(einstein_radius=0.4)),
                        al.Galaxy(redshift=1.0, bulge=al.lp.Sersic())]), grid
).apply_mask(mask)
fit = al.FitImaging(dataset=dataset, tracer=tracer)
assert np.isfinite(fit.log_likelihood)
assert 'jax' not in sys.modules, 'jax imported on the NumPy path'
"""
    result = _run_python(code)
    assert result.returncode == 0, result.stderr
