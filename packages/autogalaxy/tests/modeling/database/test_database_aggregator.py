"""Aggregator: loading from folders and databases, values, queries and CSV export."""

import csv

import pytest
from database_toy import write_fit

from autogalaxy import exc, mp
from autogalaxy.modeling.database import Aggregator, ResultsDatabase
from autogalaxy.profiles.mass.total.isothermal import Isothermal, IsothermalSph
from autogalaxy.profiles.mass.total.power_law import PowerLaw

RADII = {"lens_a": 0.6, "lens_b": 1.2, "lens_c": 1.6}


@pytest.fixture
def output(tmp_path):
    for lens, radius in RADII.items():
        write_fit(tmp_path / "out" / lens / "search", radius)
    write_fit(tmp_path / "out" / "lens_a" / "other_search", 2.0, name="other_search")
    (tmp_path / "out" / "unfinished" / "search").mkdir(parents=True)  # never loaded
    return tmp_path / "out"


def _radii(agg):
    return {
        r.lens_name: round(i.galaxies.lens.mass.einstein_radius, 6)
        for r, i in zip(agg, agg.values("instance"))
    }


def test_from_directory_loads_every_completed_search(output):
    agg = Aggregator.from_directory(output)
    assert len(agg) == 4
    assert sorted(agg.values("name")) == ["lens_a", "lens_a", "lens_b", "lens_c"]
    assert sorted(agg.values("search_name")) == ["other_search", "search", "search", "search"]
    samples = agg.values("samples")
    assert all(s.total_samples == 3 for s in samples)
    assert agg.add_directory(output) is agg and len(agg) == 4  # nothing loaded twice


def test_queries_on_inferred_values_search_names_and_classes(output):
    agg = Aggregator.from_directory(output)
    mass = agg.model.galaxies.lens.mass
    query = agg.query((mass.einstein_radius > 1.0) & (agg.search.name == "search"))
    assert _radii(query) == {"lens_b": 1.2, "lens_c": 1.6}
    assert len(agg.query(agg.search.name == "other_search")) == 1
    assert len(agg.query(agg.search.unique_tag == "lens_a")) == 2
    assert len(agg.query((mass.einstein_radius < 1.0) | (mass.einstein_radius > 1.5))) == 3
    assert len(agg.query(~(agg.search.name == "search"))) == 1
    assert len(agg.query(mass == IsothermalSph)) == 4
    assert len(agg.query(mass == Isothermal)) == 4  # IsothermalSph is an Isothermal
    assert len(agg.query(mass == PowerLaw)) == 4  # ... and a PowerLaw
    assert len(agg.query(mass == mp.PointMass)) == 0
    assert len(agg.query(agg.model.galaxies.lens.no_such.value > 0.0)) == 0
    with pytest.raises(exc.AggregatorException, match="predicate"):
        agg.query(True)


def test_database_scrape_gives_the_same_fits(output, tmp_path):
    agg = Aggregator.from_directory(output)
    assert agg.scrape_to_database(tmp_path / "r.sqlite") == 4
    assert agg.scrape_to_database(tmp_path / "r.sqlite") == 0
    from_db = Aggregator.from_database(tmp_path / "r.sqlite")
    assert len(from_db) == 4
    assert sorted(from_db.values("max_log_likelihood")) == sorted(agg.values("max_log_likelihood"))
    query = from_db.query(from_db.model.galaxies.lens.mass.einstein_radius > 1.0)
    assert sorted(query.values("name")) == ["lens_a", "lens_b", "lens_c"]  # lens_a: other_search
    assert len(ResultsDatabase(tmp_path / "r.sqlite")) == 4


def test_csv_export_has_one_row_per_fit(output, tmp_path):
    agg = Aggregator.from_directory(output).query(Aggregator().search.name == "search")
    path = agg.to_csv(tmp_path / "lenses.csv")
    rows = list(csv.DictReader(open(path)))
    assert [r["lens_name"] for r in rows] == ["lens_a", "lens_b", "lens_c"]
    column = "galaxies.lens.mass.einstein_radius"
    assert [float(r[column]) for r in rows] == pytest.approx([0.6, 1.2, 1.6])
    assert {f"{column}.median", f"{column}.lower_1_sigma", "log_evidence"} <= set(rows[0])


def test_missing_inputs_give_clear_errors(tmp_path, output):
    with pytest.raises(exc.AggregatorException, match="No output folder"):
        Aggregator.from_directory(tmp_path / "nothing")
    with pytest.raises(exc.AggregatorException, match="No results database"):
        Aggregator.from_database(tmp_path / "nothing.sqlite")
    agg = Aggregator.from_directory(output)
    with pytest.raises(exc.AggregatorException, match="Unknown value"):
        agg.values("bogus")
    with pytest.raises(exc.AggregatorException, match="no stored dataset"):
        agg.values("dataset")
