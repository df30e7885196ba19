"""``lmp.SersicCore`` / ``lmp.SersicCoreSph`` / ``lmp_linear.SersicCore`` equal PyAutoGalaxy
2026.10.26.1 (images, convergence, deflections, potential): ``tests/files/sersic_core``."""

import json
from pathlib import Path

import numpy as np
import pytest

import autogalaxy as ag

EXPECTED = json.loads(
    (Path(__file__).parents[2] / "files" / "sersic_core" / "expected.json").read_text(
        encoding="utf-8"
    )
)
GRID = ag.Grid2DIrregular([tuple(p) for p in EXPECTED["points"]])
CASES = {k: v for k, v in EXPECTED["cases"].items() if v["module"] != "mp"}


def _profile(case):
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in case["kwargs"].items()}
    return getattr(getattr(ag, case["module"]), case["class"])(**kwargs)


@pytest.mark.parametrize("key", sorted(CASES))
def test_light_and_mass_equal_the_release(key):
    case = CASES[key]
    profile = _profile(case)
    np.testing.assert_allclose(profile.image_2d_from(GRID).array, case["image"], rtol=1e-9)
    np.testing.assert_allclose(
        profile.convergence_2d_from(GRID).array, case["convergence"], rtol=1e-9
    )
    np.testing.assert_allclose(
        profile.deflections_yx_2d_from(GRID).array, case["deflections"], rtol=1e-10, atol=1e-14
    )
    np.testing.assert_allclose(
        profile.potential_2d_from(GRID).array, case["potential"], rtol=1e-10, atol=1e-14
    )


def test_classes_are_light_and_mass_profiles():
    for module in (ag.lmp, ag.lmp_linear):
        for name in ("SersicCore", "SersicCoreSph"):
            cls = getattr(module, name)
            assert issubclass(cls, ag.mp.SersicCore)
            assert issubclass(cls, ag.lp.SersicCore)


def test_linear_profile_becomes_the_standard_one_once_solved():
    profile = ag.lmp_linear.SersicCore(ell_comps=(0.1, 0.0), intensity=0.5)
    assert profile.standard_class is ag.lmp.SersicCore


def test_linear_mass_ignores_intensity_as_the_release():
    one = ag.lmp_linear.SersicCore(ell_comps=(0.1, 0.0), intensity=0.5)
    two = ag.lmp_linear.SersicCore(ell_comps=(0.1, 0.0), intensity=3.0)
    np.testing.assert_array_equal(
        one.deflections_yx_2d_from(GRID).array, two.deflections_yx_2d_from(GRID).array
    )
