import json

import numpy as np
import pytest

import autolens as al


def _dataset():
    return al.PointDataset(
        "point_0",
        positions=[(1.12, 0.01), (-0.88, -0.02)],
        positions_noise_map=0.05,
        fluxes=[21.0, 19.0],
        fluxes_noise_map=[1.0, 2.0],
        time_delays=[0.0, 25.0],
        time_delays_noise_map=[1.0, 1.0],
    )


def test_float_noise_is_replicated():
    dataset = _dataset()
    np.testing.assert_allclose(dataset.positions_noise_map.array, [0.05, 0.05])
    assert dataset.extent_from(buffer=0.1) == pytest.approx([-0.98, 1.22, -0.12, 0.11])


def test_json_round_trip(tmp_path):
    path = tmp_path / "dataset.json"
    al.output_to_json(_dataset(), path)
    described = json.loads(path.read_text())
    assert described["class_path"] == "autolens.point.dataset.PointDataset"
    positions = described["arguments"]["positions"]
    assert positions["class_path"] == "autoarray.structures.grids.irregular_2d.Grid2DIrregular"
    assert positions["arguments"]["values"]["array"] == [[1.12, 0.01], [-0.88, -0.02]]
    loaded = al.from_json(path)
    assert isinstance(loaded, al.PointDataset) and loaded.name == "point_0"
    np.testing.assert_allclose(loaded.positions.array, _dataset().positions.array)
    np.testing.assert_allclose(loaded.time_delays_noise_map.array, [1.0, 1.0])
    assert loaded.redshift is None


def test_mismatched_lengths_raise():
    with pytest.raises(al.exc.PointDatasetException, match="3 entries but there are 2"):
        al.PointDataset(
            "p", positions=[(1.0, 0.0), (0.0, 1.0)], positions_noise_map=[0.1, 0.1, 0.1]
        )
    with pytest.raises(al.exc.PointDatasetException, match="fluxes has 1"):
        al.PointDataset(
            "p",
            positions=[(1.0, 0.0), (0.0, 1.0)],
            positions_noise_map=0.1,
            fluxes=[1.0],
            fluxes_noise_map=[0.1],
        )


def test_nan_and_bad_noise_raise():
    with pytest.raises(al.exc.PointDatasetException, match="NaN"):
        al.PointDataset("p", positions=[(np.nan, 0.0)], positions_noise_map=0.1)
    with pytest.raises(al.exc.PointDatasetException, match="positive"):
        al.PointDataset("p", positions=[(1.0, 0.0)], positions_noise_map=0.0)
    with pytest.raises(al.exc.PointDatasetException, match="together"):
        al.PointDataset("p", positions=[(1.0, 0.0)], positions_noise_map=0.1, fluxes=[1.0])


def test_simulator_makes_a_consistent_dataset(solver_100, p1_tracer):
    tracer = p1_tracer(al.ps.PointFlux((0.1, 0.0), 2.0))
    simulator = al.SimulatorPoint(
        solver_100, positions_noise_sigma=0.01, fluxes_noise_sigma=0.5, time_delays_noise_sigma=1.0
    )
    dataset = simulator.via_tracer_from(tracer, name="point_0")
    order = np.argsort(dataset.positions.array[:, 0])
    np.testing.assert_allclose(
        dataset.positions.array[order], [[-0.9, 0.0], [1.1, 0.0]], atol=1e-10
    )
    np.testing.assert_allclose(dataset.fluxes.array[order], [18.0, 22.0], rtol=1e-6)
    np.testing.assert_allclose(
        dataset.time_delays.array[order], [-51.0217454038, -76.5326181057], rtol=1e-9
    )
