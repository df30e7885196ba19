"""Tracer helpers against PyAutoLens 2026.10.26.1 (``tests/files/tracer_helpers/expected.json``,
written by ``generate_with_pyautolens.py`` beside it in the reference venv, which also defines
the systems compared here)."""

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

import autolens as al
from autolens import exc
from autolens.lens import tracer_util

FILES = Path(__file__).parents[1] / "files" / "tracer_helpers"
EXPECTED = json.loads((FILES / "expected.json").read_text())


def _generator():
    spec = importlib.util.spec_from_file_location(
        "tracer_helpers_cases", FILES / "generate_with_pyautolens.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _generator()


def _to_json(value):
    return GEN.to_json(value)


def test_sliced_tracer_from_matches_release():
    lens, line_of_sight, source = GEN.sliced_inputs(al)
    tracer = al.Tracer.sliced_tracer_from(
        lens_galaxies=lens,
        line_of_sight_galaxies=line_of_sight,
        source_galaxies=source,
        planes_between_lenses=[2, 3],
    )
    expected = EXPECTED["sliced"]
    assert isinstance(tracer, al.Tracer)
    assert tracer.plane_redshifts == pytest.approx(expected["plane_redshifts"], abs=1e-15)
    assert [g.redshift for g in tracer.galaxies] == pytest.approx(
        expected["galaxy_redshifts"], abs=1e-15
    )
    # The input galaxies themselves carry the snapped redshifts (PyAutoLens sets them in place).
    assert line_of_sight[0].redshift == pytest.approx(1.0 / 6.0)
    traced = tracer.traced_grid_2d_list_from(grid=al.Grid2DIrregular(values=GEN.POINTS))
    assert traced[-1].array == pytest.approx(np.array(expected["traced_last_plane"]), abs=1e-9)


def test_ordered_plane_redshifts_with_slicing_from():
    redshifts = tracer_util.ordered_plane_redshifts_with_slicing_from(
        lens_redshifts=[1.0, 2.0], planes_between_lenses=[1, 3, 0], source_plane_redshift=3.0
    )
    assert redshifts == pytest.approx([0.5, 1.0, 1.25, 1.5, 1.75, 2.0])
    with pytest.raises(exc.TracerException):
        tracer_util.ordered_plane_redshifts_with_slicing_from([1.0], [1, 2, 3], 2.0)
    with pytest.raises(exc.TracerException):
        tracer_util.ordered_plane_redshifts_with_slicing_from([1.0], [1, -2], 2.0)


@pytest.mark.parametrize("plane_index", [-1, 1])
@pytest.mark.parametrize("include", [True, False])
def test_image_2d_via_input_plane_image_from_matches_release(plane_index, include):
    tracer = GEN.image_tracer(al)
    grid, plane_image = GEN.image_inputs(al)
    image = tracer.image_2d_via_input_plane_image_from(
        grid=grid, plane_image=plane_image, plane_index=plane_index, include_other_planes=include
    )
    expected = EXPECTED["image_via_input_plane_image"][f"{plane_index}/{include}"]
    assert type(image).__name__ == expected["type"]
    assert image.shape_native == (10, 10)
    assert image.array == pytest.approx(np.array(expected["values"]), rel=1e-7, abs=1e-10)


def test_image_2d_via_input_plane_image_from_bad_input():
    tracer = GEN.image_tracer(al)
    grid, plane_image = GEN.image_inputs(al)
    with pytest.raises(exc.TracerException):
        tracer.image_2d_via_input_plane_image_from(
            grid=grid, plane_image=plane_image, plane_index=3
        )
    with pytest.raises(exc.TracerException):
        tracer.image_2d_via_input_plane_image_from(
            grid=al.Grid2DIrregular(values=[(0.0, 0.0)]), plane_image=plane_image
        )


@pytest.mark.parametrize("label", [label for label, _, _ in GEN.extract_queries(al)])
def test_extract_attributes_match_release(label):
    tracer = GEN.extract_tracer(al)
    _, method, kwargs = next(q for q in GEN.extract_queries(al) if q[0] == label)
    assert _to_json(getattr(tracer, method)(**kwargs)) == EXPECTED["extract"][label]


@pytest.mark.parametrize("name", ["point_0", "mass", "disk", "absent"])
def test_extract_profile_and_plane_index_match_release(name):
    tracer = GEN.extract_tracer(al)
    profile = tracer.extract_profile(profile_name=name)
    assert (None if profile is None else type(profile).__name__) == EXPECTED["extract"][
        f"profile/{name}"
    ]
    assert (
        tracer.extract_plane_index_of_profile(profile_name=name)
        == EXPECTED["extract"][f"plane_index/{name}"]
    )
