"""``import autogalaxy`` must not import JAX, and the package (and the autoarray it uses) must be
this checkout's, never the unrelated public release of the same name."""

from pathlib import Path

import autoarray
import autogalaxy
from autoarray.testing import imported_file_without_jax, run_python

PACKAGES_DIR = Path(__file__).resolve().parents[2]  # packages/
SOURCE_DIRS = [PACKAGES_DIR / name for name in ("autoarray", "autogalaxy")]


def _run_python(code: str):
    return run_python(code, SOURCE_DIRS)


def test_autogalaxy_and_autoarray_come_from_this_checkout():
    for module, name in ((autogalaxy, "autogalaxy"), (autoarray, "autoarray")):
        module_file = Path(module.__file__).resolve()
        assert module_file == (PACKAGES_DIR / name / name / "__init__.py").resolve()


def test_import_does_not_import_jax():
    module_file = imported_file_without_jax("autogalaxy", SOURCE_DIRS)
    assert module_file.is_relative_to(PACKAGES_DIR.resolve())


def test_numpy_path_profiles_and_lens_calc_do_not_import_jax():
    code = """
import sys
import autogalaxy as ag

grid = ag.Grid2D.uniform((20, 20), pixel_scales=0.1, over_sample_size=2)
galaxy = ag.Galaxy(redshift=0.5, bulge=ag.lp.Sersic(), mass=ag.mp.PowerLaw(ell_comps=(0.1, 0.0)))
_ = galaxy.image_2d_from(grid=grid)
_ = galaxy.deflections_yx_2d_from(grid=grid)
_ = ag.LensCalc.from_mass_obj(galaxy).magnification_2d_from(grid=grid)
_ = ag.Planck15().kpc_per_arcsec_from(redshift=0.5)
_ = ag.Model(ag.mp.Isothermal).instance_from_prior_medians()
assert 'jax' not in sys.modules, 'jax imported on the NumPy path'
"""
    result = _run_python(code)
    assert result.returncode == 0, result.stderr
