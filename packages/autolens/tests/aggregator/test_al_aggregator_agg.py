"""al.agg.TracerAgg / FitImagingAgg / ImagingAgg on fits run in-process by the batch task (no
Dask): they rebuild the maximum-likelihood tracer and fit of every lens."""

import batch_lenses
import numpy as np
import pytest

import autolens as al
from autogalaxy.modeling.batch.lens_task import DONE, SKIPPED, LensTask, run_lens


@pytest.fixture(scope="module")
def agg(tmp_path_factory):
    out = tmp_path_factory.mktemp("agg")
    db = str(out / "results.sqlite")
    for name, radius in (("lens_a", 0.7), ("lens_b", 1.3)):
        task = LensTask(
            name=name,
            source=batch_lenses.simulate(radius, seed=3),
            model=batch_lenses.model(),
            search=batch_lenses.search(out),
            analysis_cls=al.AnalysisImaging,
            output_path=str(out),
            batch="b",
            database=db,
        )
        assert run_lens(task)["status"] == DONE
        assert run_lens(task)["status"] == SKIPPED  # a finished lens is never refitted
    return al.Aggregator.from_database(db)


def test_tracer_agg_rebuilds_the_maximum_likelihood_tracers(agg):
    tracers = [t[0] for t in al.agg.TracerAgg(aggregator=agg).max_log_likelihood_gen_from()]
    assert [t.galaxies[0].mass.einstein_radius for t in tracers] == pytest.approx(
        [0.7, 1.3], abs=0.05
    )
    assert all(isinstance(t, al.Tracer) for t in tracers)
    drawn = list(al.agg.TracerAgg(aggregator=agg).randomly_drawn_via_pdf_gen_from(total_samples=3))
    assert [len(d) for d in drawn] == [3, 3]
    median = list(al.agg.TracerAgg(aggregator=agg).median_pdf_gen_from())
    assert len(median) == 2


def test_fit_imaging_agg_reproduces_the_stored_likelihood(agg):
    fits = [f[0] for f in al.agg.FitImagingAgg(aggregator=agg).max_log_likelihood_gen_from()]
    stored = agg.values("max_log_likelihood")
    assert np.allclose([f.figure_of_merit for f in fits], stored, rtol=1e-9)
    datasets = [d[0] for d in al.agg.ImagingAgg(aggregator=agg).dataset_gen_from()]
    assert all(d.shape_native == batch_lenses.SHAPE for d in datasets)


def test_one_row_per_lens_and_csv_export(agg, tmp_path):
    assert len(agg) == 2 and sorted(agg.values("name")) == ["lens_a", "lens_b"]
    text = agg.to_csv(tmp_path / "t.csv").read_text().splitlines()
    assert len(text) == 3 and text[0].startswith("lens_name,search_name,batch")
