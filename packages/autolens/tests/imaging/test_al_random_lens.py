"""``al.model_util.random_galaxies_for_simulation_from``: the same draws as PyAutoLens
2026.10.26.1 for the same seed (recorded by ``tests/files/random_lens/generate_with_pyautolens.py``)
and the galaxies simulate."""

import json
from pathlib import Path

import numpy as np
import pytest

import autolens as al

EXPECTED = json.loads(
    (Path(__file__).parents[1] / "files" / "random_lens" / "expected.json").read_text()
)


def test_summary_is_pyautolens():
    assert al.model_util.SIMULATOR_RANDOM_LENS_SUMMARY == EXPECTED["summary"]


@pytest.mark.parametrize("case", EXPECTED["cases"], ids=lambda c: f"seed{c['seed']}")
def test_same_seed_same_galaxies_as_pyautolens(case):
    lens, source = al.model_util.random_galaxies_for_simulation_from(
        include_lens_light=case["include_lens_light"],
        use_point_source=case["use_point_source"],
        rng=np.random.default_rng(case["seed"]),
    )
    for galaxy, expected in ((lens, case["lens"]), (source, case["source"])):
        assert galaxy.redshift == expected["redshift"]
        names = {k for k in expected if k != "redshift"}
        assert {k for k, v in vars(galaxy).items() if hasattr(v, "__dict__")} == names
        for name in names:
            component = getattr(galaxy, name)
            assert type(component).__name__ == expected[name]["class"]
            for parameter, value in expected[name].items():
                if (
                    parameter == "class"
                    or expected[name]["class"] == "ExternalShear"
                    and (
                        parameter in ("centre", "ell_comps")  # PyAutoGalaxy's unused placeholders
                    )
                ):
                    continue
                np.testing.assert_allclose(
                    getattr(component, parameter), value, rtol=0, atol=0, err_msg=parameter
                )
    if case["include_lens_light"]:
        assert isinstance(lens.bulge, al.lp_snr.Sersic)
    else:
        assert getattr(lens, "bulge", None) is None
    if case["use_point_source"]:
        assert isinstance(source.point_0, al.ps.PointFlux)


def test_unseeded_draws_differ_and_stay_in_range():
    draws = [al.model_util.random_galaxies_for_simulation_from() for _ in range(20)]
    radii = [lens.mass.einstein_radius for lens, _ in draws]
    assert len(set(radii)) == 20
    assert all(0.2 <= r <= 1.8 for r in radii)
    for lens, source in draws:
        assert 20.0 <= lens.bulge.signal_to_noise_ratio <= 60.0
        assert 10.0 <= source.bulge.signal_to_noise_ratio <= 30.0
        assert all(-1.0 <= e <= 1.0 for e in lens.mass.ell_comps)


def test_bad_rng_is_refused():
    with pytest.raises(al.exc.GalaxyException, match="numpy.random.Generator"):
        al.model_util.random_galaxies_for_simulation_from(rng=42)


def test_drawn_lens_simulates_at_its_target_signal_to_noise():
    # The start-here loop: draw, build a tracer, simulate (intensities set from the S/N).
    lens, source = al.model_util.random_galaxies_for_simulation_from(rng=np.random.default_rng(7))
    grid = al.Grid2D.uniform(shape_native=(30, 30), pixel_scales=0.1)
    simulator = al.SimulatorImaging(
        exposure_time=300.0,
        psf=al.Convolver.from_gaussian(shape_native=(5, 5), sigma=0.1, pixel_scales=0.1),
        background_sky_level=0.1,
        add_poisson_noise_to_data=True,
        noise_seed=1,
    )
    dataset = simulator.via_tracer_from(tracer=al.Tracer(galaxies=[lens, source]), grid=grid)
    assert lens.bulge.intensity > 0.0 and source.bulge.intensity > 0.0
    assert dataset.shape_native == (30, 30)
    assert np.all(np.isfinite(dataset.data.array))
