"""The record of a fit's batch strategies, and how ``BatchedCall`` uses it (no JAX: the
compiled runners are replaced by plain functions)."""

import json

import numpy as np
import pytest

from autoarray import execution
from autogalaxy import exc
from autogalaxy.modeling import batched_call
from autogalaxy.modeling.batch_record import RECORD_FILE, StrategyRecord
from autogalaxy.modeling.batch_strategy import BatchChoice, Candidate
from autogalaxy.modeling.batched_call import BatchedCall


def _choice(batch, strategy, width, reason="measured"):
    return BatchChoice(batch, "float64", Candidate(strategy, width), {}, {}, reason)


def test_record_round_trips_and_keeps_the_first_choice(tmp_path):
    record = StrategyRecord(tmp_path)
    assert record.get(50, "float64") is None
    record.add(_choice(50, "sequential", 1))
    record.add(_choice(50, "vmap", 50))  # a shape keeps its first choice
    record.add(_choice(500, "chunked", 25))
    again = StrategyRecord(tmp_path)
    assert again.get(50, "float64") == Candidate("sequential", 1)
    assert again.get(500, "float64") == Candidate("chunked", 25)
    assert again.get(50, "float32") is None
    assert not list(tmp_path.glob(".*tmp*"))  # written through a renamed temporary file


@pytest.mark.parametrize(
    "text, match",
    [
        ("{not json", "not a usable"),
        ('{"format": 2, "choices": {}}', "format 1"),
        ('{"format": 1, "choices": []}', "not an object"),
        ('{"format": 1, "choices": {"5xf": {"batch": 5, "width": 5, "strategy": "x"}}}', "x"),
        ('{"format": 1, "choices": {"5xf": {"batch": 5, "width": 4, "strategy": "vmap"}}}', "fit"),
        ('{"format": 1, "choices": {"5xf": {"batch": 5, "width": "1"}}}', "integer"),
    ],
)
def test_broken_record_is_refused_with_the_file_named(tmp_path, text, match):
    (tmp_path / RECORD_FILE).write_text(text)
    with pytest.raises(exc.SearchException, match=match) as info:
        StrategyRecord(tmp_path)
    assert RECORD_FILE in str(info.value)


class _Single:
    """The single likelihood's stand-in: ``row_bytes`` is its XLA memory estimate (None: XLA
    gives none, so the batch width is not memory-bounded)."""

    def __init__(self, row_bytes=None):
        self.row_bytes = row_bytes

    def compiled_for(self, row):
        row_bytes = self.row_bytes

        class Stats:
            argument_size_in_bytes = output_size_in_bytes = alias_size_in_bytes = 0
            temp_size_in_bytes = row_bytes

        class Compiled:
            def memory_analysis(self):
                if row_bytes is None:
                    raise RuntimeError("no estimate on this backend")
                return Stats()

        return Compiled()


class _Fake(BatchedCall):
    """A BatchedCall whose runners are plain functions (labels of what was compiled)."""

    def __init__(
        self, points, record=None, refuse=(), on_cpu=True, row_bytes=None, inversion=False
    ):
        super().__init__(
            call=None,
            points=points,
            single=_Single(row_bytes),
            record=record,
            inversion=inversion,
        )
        self.compiled = []
        self.refuse = refuse
        self.cpu = on_cpu

    def _on_cpu(self):
        return self.cpu

    def _runner(self, candidate, example):
        if candidate.label in self.refuse:
            raise exc.SearchException("too large")
        self.compiled.append(candidate.label)
        return lambda rows: candidate.label


class _ArrayFake(_Fake):
    """Runners that return each row's first value (plus 0.5 when vectorised), and log what ran
    on how many rows."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ran = []

    def _runner(self, candidate, example):
        self.compiled.append(candidate.label)

        # the candidates' values differ (as they do by rounding), to show whose are kept
        offset = 0.0 if candidate.strategy == "sequential" else 0.5

        def run(rows):
            self.ran.append((candidate.label, len(rows)))
            return np.asarray(rows)[:, 0] + offset

        return run


class _Rows:
    def __init__(self, batch):
        self.shape = (batch, 3)
        self.dtype = "float64"

    def __getitem__(self, rows):
        return self


@pytest.fixture
def untimed(monkeypatch):
    """Timing is not what these tests check: fail loudly if a path tries to time."""

    def refuse(*args, **kwargs):
        raise AssertionError("timed")

    monkeypatch.setattr(batched_call.batch_strategy, "time_candidates", refuse)


def test_small_problem_compiles_only_the_vectorised_program(tmp_path, untimed):
    call = _Fake(points=2_400, record=StrategyRecord(tmp_path))
    choice, run, _ = call._choose(_Rows(50), (50, "float64"))
    assert call.compiled == ["vmap(50)"] and run(None) == "vmap(50)"
    assert "cost model" in choice.reason
    stored = json.loads((tmp_path / RECORD_FILE).read_text())
    assert stored["choices"]["50xfloat64"]["strategy"] == "vmap"


def test_resumed_fit_reuses_the_recorded_strategy(tmp_path, untimed):
    StrategyRecord(tmp_path).add(_choice(50, "sequential", 1))
    call = _Fake(points=2_400, record=StrategyRecord(tmp_path))
    choice, run, _ = call._choose(_Rows(50), (50, "float64"))
    assert call.compiled == ["sequential"] and run(None) == "sequential"
    assert "recorded in" in choice.reason


def test_forced_setting_beats_the_record(tmp_path, untimed):
    StrategyRecord(tmp_path).add(_choice(50, "sequential", 1))
    call = _Fake(points=2_400, record=StrategyRecord(tmp_path))
    with execution.using(batch_strategy="vmap"):
        choice, _, _ = call._choose(_Rows(50), (50, "float64"))
    assert choice.candidate == Candidate("vmap", 50) and call.compiled == ["vmap(50)"]
    assert StrategyRecord(tmp_path).get(50, "float64") == Candidate("sequential", 1)


def test_refused_preset_falls_back_to_the_other_candidate(tmp_path, untimed):
    call = _Fake(points=2_400, record=StrategyRecord(tmp_path), refuse=("vmap(50)",))
    choice, run, _ = call._choose(_Rows(50), (50, "float64"))
    assert choice.candidate == Candidate("sequential", 1) and run(None) == "sequential"
    assert "vmap(50)" in choice.refused
    assert StrategyRecord(tmp_path).get(50, "float64") == Candidate("sequential", 1)


def test_large_problem_on_a_cpu_runs_row_by_row_untimed(tmp_path, monkeypatch):
    def no_timing(runs, likelihoods, repeats):
        raise AssertionError("a large problem on a CPU is not timed")

    monkeypatch.setattr(batched_call.batch_strategy, "time_candidates", no_timing)
    call = _Fake(points=250_000, record=StrategyRecord(tmp_path))
    with execution.using(batch_sequential_min_points=10_000):  # opt-in
        choice, run, _ = call._choose(_Rows(50), (50, "float64"))
    assert choice.candidate == Candidate("sequential", 1) and run(None) == "sequential"
    assert call.compiled == ["sequential"]  # one program on the first call
    assert "batch_sequential_min_points" in choice.reason and not choice.seconds_per_likelihood
    assert StrategyRecord(tmp_path).get(50, "float64") == Candidate("sequential", 1)


def test_pixelized_problem_on_a_cpu_runs_row_by_row_untimed(tmp_path, untimed):
    call = _Fake(points=14_488, record=StrategyRecord(tmp_path), inversion=True)
    choice, run, _ = call._choose(_Rows(20), (20, "float64"))
    assert choice.candidate == Candidate("sequential", 1) and run(None) == "sequential"
    assert call.compiled == ["sequential"]  # one program on the first call
    assert "pixelized inversion" in choice.reason and not choice.seconds_per_likelihood
    assert StrategyRecord(tmp_path).get(20, "float64") == Candidate("sequential", 1)


def test_pixelized_problem_off_the_cpu_is_timed(monkeypatch):
    timed = {}

    def fake_timing(runs, likelihoods, repeats):
        timed.update(likelihoods)
        return {"chunked(4)": 1e-3, "sequential": 2e-3}

    monkeypatch.setattr(batched_call.batch_strategy, "time_candidates", fake_timing)
    call = _Fake(points=14_488, inversion=True, on_cpu=False)
    choice, _, _ = call._choose(_Rows(20), (20, "float64"))
    # 14,488 points: chunks of vmap_chunk_points // points = 4 rows, timed on one chunk
    assert timed == {"chunked(4)": 4, "sequential": 4}
    assert choice.candidate == Candidate("chunked", 4) and "measured fastest" in choice.reason


@pytest.mark.parametrize("on_cpu, sequential_min", [(False, 10_000), (True, None)])
def test_large_problem_times_both_candidates_on_the_batch_rows(
    tmp_path, monkeypatch, on_cpu, sequential_min
):
    """Off the CPU, or with the row-by-row rule switched off, a large problem is timed: a batch
    long enough is timed on its own blocks of rows; the winner's blocks are part of the answer,
    the other candidate's are evaluated again by the winner, as are the rows left."""
    seen = []
    real = batched_call.batch_strategy.time_on_blocks

    def sequential_faster(runs, blocks, rows, repeats):
        clock = [0.0]
        timed = {}
        for label, run in runs.items():

            def timed_run(block, label=label, run=run):
                seen.append((label, len(block)))
                clock[0] += {"chunked(4)": 2e-3, "sequential": 1e-3}[label] * len(block)
                return run(block)

            timed[label] = timed_run
        return real(timed, blocks, rows, repeats, clock=lambda: clock[0])

    monkeypatch.setattr(batched_call.batch_strategy, "time_on_blocks", sequential_faster)
    call = _ArrayFake(points=250_000, record=StrategyRecord(tmp_path), on_cpu=on_cpu)
    host = np.arange(150.0).reshape(50, 3)
    with execution.using(batch_sequential_min_points=sequential_min):
        choice, run, values = call._choose(host, (50, "float64"))
    # 250,000 points: chunks of vmap_min_chunk; 2 candidates x (1 warm-up + 3 timed) blocks of
    # 4 rows, then the winner on chunked(4)'s 4 blocks and on the 18 rows left: every value is
    # the winner's, as a resumed fit reading the record computes them
    assert seen == [("chunked(4)", 4), ("sequential", 4)] * 4
    timing = [("chunked(4)", 4), ("sequential", 4)] * 4
    assert call.ran == timing + [("sequential", 4)] * 4 + [("sequential", 18)]
    assert np.array_equal(values, host[:, 0])
    assert choice.seconds_per_likelihood == pytest.approx({"chunked(4)": 2e-3, "sequential": 1e-3})
    assert choice.candidate == Candidate("sequential", 1) and run is not None
    assert sorted(call.compiled) == ["chunked(4)", "sequential"]
    assert "measured fastest" in choice.reason
    assert StrategyRecord(tmp_path).get(50, "float64") == Candidate("sequential", 1)


def test_short_batch_is_timed_on_repeated_rows(monkeypatch):
    """Too few rows for a block per timed run: each candidate runs the same rows again."""
    timed = {}

    def fake_timing(runs, likelihoods, repeats):
        timed.update(likelihoods)
        return {"chunked(4)": 2e-3, "sequential": 1e-3}

    monkeypatch.setattr(batched_call.batch_strategy, "time_candidates", fake_timing)
    call = _ArrayFake(points=250_000, on_cpu=False)
    choice, run, values = call._choose(np.ones((20, 3)), (20, "float64"))
    assert timed == {"chunked(4)": 4, "sequential": 4}
    assert values is None and call.ran == []  # __call__ runs the batch with the winner
    assert choice.candidate == Candidate("sequential", 1)


def test_large_problem_chunks_are_bounded_by_the_memory_budget(tmp_path, monkeypatch):
    timed = {}

    def fake_timing(runs, likelihoods, repeats):
        timed.update(likelihoods)
        return {label: 1e-3 for label in runs}

    monkeypatch.setattr(batched_call.batch_strategy, "time_candidates", fake_timing)
    # one likelihood ~0.9 GiB by XLA's estimate, budget 2 GiB: two rows a program. Off the CPU
    # (on a CPU a problem this large runs row by row untimed: batch_sequential_min_points)
    call = _Fake(
        points=250_000, record=StrategyRecord(tmp_path), row_bytes=int(0.9 * 2**30), on_cpu=False
    )
    choice, _, _ = call._choose(_Rows(8), (8, "float64"))
    assert sorted(call.compiled) == ["chunked(2)", "sequential"]
    assert timed == {"chunked(2)": 2, "sequential": 2}
    # a likelihood over the budget on its own: row by row, nothing vectorised compiled
    alone = _Fake(points=250_000, row_bytes=3 * 2**30, on_cpu=False)
    choice, run, _ = alone._choose(_Rows(8), (8, "float64"))
    assert alone.compiled == ["sequential"] and run(None) == "sequential"
