"""The batch-strategy chooser (plain Python: candidates, chunk layout, timing, choice)."""

import itertools

import pytest

from autoarray import exc as aa_exc
from autoarray import execution
from autogalaxy import exc
from autogalaxy.modeling import batch_strategy as bs
from autogalaxy.modeling.batch_strategy import Candidate


def _labels(candidates):
    return [c.label for c in candidates]


def test_candidates_follow_the_cost_model():
    # one row: the single jitted likelihood only
    assert _labels(bs.candidates_from(1, 4)) == ["sequential"]
    # up to two chunks: one vmap of the batch against the single likelihood
    assert _labels(bs.candidates_from(8, 4)) == ["vmap(8)", "sequential"]
    assert _labels(bs.candidates_from(50, None)) == ["vmap(50)", "sequential"]
    # more: cache-sized chunks against the single likelihood
    assert _labels(bs.candidates_from(9, 4)) == ["chunked(4)", "sequential"]
    assert _labels(bs.candidates_from(500, 83)) == ["chunked(83)", "sequential"]


def test_forced_strategy_is_the_only_candidate():
    assert _labels(bs.candidates_from(50, 4, "vmap")) == ["vmap(50)"]
    assert _labels(bs.candidates_from(50, 4, "chunked")) == ["chunked(4)"]
    assert _labels(bs.candidates_from(3, 4, "chunked")) == ["chunked(3)"]
    assert _labels(bs.candidates_from(50, 4, "sequential")) == ["sequential"]
    with pytest.raises(exc.SearchException, match="expected None"):
        bs.candidates_from(50, 4, "loop")
    with pytest.raises(exc.SearchException, match="at least one row"):
        bs.candidates_from(0, 4)


def test_candidate_validates_itself():
    with pytest.raises(exc.SearchException):
        Candidate("scan", 2)
    with pytest.raises(exc.SearchException):
        Candidate("chunked", 0)


def test_chunk_layout_pads_the_last_chunk():
    assert bs.chunk_layout(8, 4) == (2, 8)
    assert bs.chunk_layout(9, 4) == (3, 12)
    assert bs.chunk_layout(1, 4) == (1, 4)
    with pytest.raises(exc.SearchException):
        bs.chunk_layout(5, 0)


def test_probe_rows_are_the_widest_candidate():
    assert bs.probe_rows(bs.candidates_from(500, 4), 500) == 4
    assert bs.probe_rows(bs.candidates_from(50, 83), 50) == 50
    assert bs.probe_rows(bs.candidates_from(1, 83), 1) == 1


def test_time_candidates_interleaves_warms_up_and_keeps_the_minimum():
    ticks = itertools.count()
    calls = []
    durations = {"a": iter([5.0, 2.0, 9.0]), "b": iter([1.0, 1.0, 1.0])}
    clock_value = [0.0]

    def clock():
        next(ticks)
        return clock_value[0]

    def make(label):
        def run():
            calls.append(label)
            if len(calls) > 2:  # the first call of each is the untimed warm-up
                clock_value[0] += next(durations[label])

        return run

    seconds = bs.time_candidates({"a": make("a"), "b": make("b")}, {"a": 2, "b": 1}, 3, clock)
    assert calls == ["a", "b"] + ["a", "b"] * 3
    assert seconds == {"a": 1.0, "b": 1.0}  # a: min(5, 2, 9) / 2 rows
    with pytest.raises(exc.SearchException):
        bs.time_candidates({"a": make("a")}, {"a": 1}, 0, clock)


def test_choose_takes_the_fastest_and_says_why():
    candidates = bs.candidates_from(50, 4)
    choice = bs.choose(50, "float64", candidates, {"chunked(4)": 6e-3, "sequential": 5e-3}, {})
    assert choice.strategy == "sequential" and choice.width == 1
    assert "1.20x faster than chunked(4)" in choice.reason
    assert "sequential 5 ms" in str(choice) and "batch of 50 (float64)" in str(choice)
    # a tie goes to the first listed candidate
    tie = bs.choose(50, "float64", candidates, {"chunked(4)": 1.0, "sequential": 1.0}, {})
    assert tie.candidate == candidates[0]


def test_choose_skips_refused_candidates_and_raises_when_none_is_left():
    candidates = bs.candidates_from(50, 83)
    choice = bs.choose(50, "float64", candidates, {}, {"vmap(50)": "needs 9 GiB"})
    assert choice.strategy == "sequential"
    assert "only candidate left" in choice.reason and "needs 9 GiB" in str(choice)
    with pytest.raises(exc.SearchException, match="needs 9 GiB"):
        bs.choose(
            50, "float64", candidates, {}, {"vmap(50)": "needs 9 GiB", "sequential": "needs 1 GiB"}
        )


def test_choose_records_a_forced_strategy_and_a_single_row():
    forced = bs.choose(50, "float64", bs.candidates_from(50, 4, "vmap"), {}, {}, forced="vmap")
    assert forced.candidate.label == "vmap(50)"
    assert forced.reason == "forced by batch_strategy"
    single = bs.choose(1, "float32", bs.candidates_from(1, 4), {}, {})
    assert single.strategy == "sequential" and "single jitted" in single.reason


def test_batch_strategy_setting_is_validated_and_read_from_the_environment():
    assert (
        execution.settings_from_environment(
            {"AUTOGALAXY_BATCH_STRATEGY": "sequential"}
        ).batch_strategy
        == "sequential"
    )
    assert (
        execution.settings_from_environment({"AUTOGALAXY_BATCH_STRATEGY": "auto"}).batch_strategy
        is None
    )
    with pytest.raises(aa_exc.ExecutionException, match="batch_strategy"):
        execution.settings_from_environment({"AUTOGALAXY_BATCH_STRATEGY": "fastest"})
    with pytest.raises(aa_exc.ExecutionException, match="batch_probe_repeats"):
        execution.ExecutionSettings(batch_probe_repeats=0)
    with execution.using(batch_strategy="chunked"):
        assert execution.settings().batch_strategy == "chunked"
    assert execution.settings().batch_strategy is None


def test_cost_model_decides_small_problems_without_timing():
    vmap_first = bs.candidates_from(50, 25)
    candidate, reason = bs.predicted(vmap_first, 2_400, 10_000)
    assert candidate.label == "vmap(50)"
    assert "not timed" in reason and "2400 points" in reason
    chunked = bs.candidates_from(500, 25)
    assert bs.predicted(chunked, 2_400, 10_000)[0].label == "chunked(25)"
    # large, unknown or probing forced on: time them
    assert bs.predicted(vmap_first, 250_000, 10_000) is None
    assert bs.predicted(vmap_first, None, 10_000) is None
    assert bs.predicted(vmap_first, 2_400, 0) is None
    # nothing to decide between
    assert bs.predicted(bs.candidates_from(1, 25), 100, 10_000) is None
    assert bs.predicted(bs.candidates_from(50, 25, "sequential"), 100, 10_000) is None


def test_cost_model_runs_large_problems_row_by_row_without_timing():
    vmap_first = bs.candidates_from(50, 25)
    candidate, reason = bs.predicted(vmap_first, 250_000, 10_000, 10_000)
    assert candidate.label == "sequential"
    assert "not timed" in reason and "250000 points" in reason
    chunked = bs.candidates_from(500, 4)
    assert bs.predicted(chunked, 14_488, 10_000, 10_000)[0].label == "sequential"
    # the band between the two thresholds is timed; so is everything large when the rule is off
    # (None: what the batched call passes off the CPU)
    assert bs.predicted(vmap_first, 20_000, 10_000, 50_000) is None
    assert bs.predicted(vmap_first, 250_000, 10_000, None) is None
    # probing forced on below the threshold still times; small problems stay vectorised
    assert bs.predicted(vmap_first, 2_400, 0, 10_000) is None
    assert bs.predicted(vmap_first, 2_400, 10_000, 10_000)[0].label == "vmap(50)"
    # nothing to decide between, or no row-by-row candidate
    assert bs.predicted(bs.candidates_from(1, 25), 250_000, 10_000, 10_000) is None
    assert bs.predicted(bs.candidates_from(50, 25, "vmap"), 250_000, 10_000, 10_000) is None


def test_probe_min_points_setting_is_checked():
    assert execution.ExecutionSettings(batch_probe_min_points=0).batch_probe_min_points == 0
    with pytest.raises(aa_exc.ExecutionException, match="batch_probe_min_points"):
        execution.ExecutionSettings(batch_probe_min_points=-1)
    assert execution.ExecutionSettings().batch_sequential_min_points is None
    assert (
        execution.ExecutionSettings(batch_sequential_min_points=None).batch_sequential_min_points
        is None
    )
    with pytest.raises(aa_exc.ExecutionException, match="batch_sequential_min_points"):
        execution.ExecutionSettings(batch_sequential_min_points=-1)
    with pytest.raises(aa_exc.ExecutionException, match="jax_compilation_cache_min_seconds"):
        execution.ExecutionSettings(jax_compilation_cache_min_seconds=-0.5)


def test_memory_bound_narrows_or_removes_vectorised_candidates():
    # the bound caps the chunk and the one-vmap rule
    assert _labels(bs.candidates_from(8, 4, max_width=8)) == ["vmap(8)", "sequential"]
    assert _labels(bs.candidates_from(8, 4, max_width=3)) == ["chunked(3)", "sequential"]
    assert _labels(bs.candidates_from(50, None, max_width=6)) == ["chunked(6)", "sequential"]
    assert _labels(bs.candidates_from(5, 4, max_width=5)) == ["vmap(5)", "sequential"]
    # under two rows a vectorised program holds nothing a row-by-row loop would not
    assert _labels(bs.candidates_from(8, 4, max_width=1)) == ["sequential"]
    # a forced strategy is what the user asked for, bounded or not
    assert _labels(bs.candidates_from(8, 4, "vmap", max_width=1)) == ["vmap(8)"]


def test_memory_width_is_the_budget_over_one_likelihood():
    gib = 2**30
    assert bs.memory_width_from(int(0.6 * gib), 2 * gib) == 3
    assert bs.memory_width_from(3 * gib, 2 * gib) == 1
    assert bs.memory_width_from(None, 2 * gib) is None
    assert bs.memory_width_from(0, 2 * gib) is None


def test_batch_memory_setting_is_checked_and_read_from_the_environment():
    assert execution.ExecutionSettings().batch_memory_bytes == 2 * 2**30
    environ = {"AUTOGALAXY_BATCH_MEMORY_BYTES": "1e9"}
    assert execution.settings_from_environment(environ).batch_memory_bytes == 10**9
    with pytest.raises(aa_exc.ExecutionException, match="batch_memory_bytes"):
        execution.ExecutionSettings(batch_memory_bytes=0)


class _Stats:
    argument_size_in_bytes = 10
    output_size_in_bytes = 8
    temp_size_in_bytes = 982
    alias_size_in_bytes = 0


class _Compiled:
    def memory_analysis(self):
        return _Stats()


class _Single:
    """Stands in for the memory-checked single likelihood: its compiled program needs 1,000
    bytes by XLA's estimate."""

    def __init__(self):
        self.compiled = []

    def compiled_for(self, row):
        self.compiled.append(row)
        return _Compiled()


def test_batched_call_bounds_vectorised_width_by_the_single_likelihood_estimate():
    from autogalaxy.modeling.batched_call import BatchedCall

    single = _Single()
    rows = [[0.0, 1.0], [2.0, 3.0]]
    with execution.using(batch_memory_bytes=3_500):
        settings = execution.settings()
        large = BatchedCall(lambda p: p, points=250_000, single=single)
        assert large._memory_width(rows, settings) == 3
        assert single.compiled == [[0.0, 1.0]]
        # a problem the cost model decides untimed is not compiled for the bound
        small = BatchedCall(lambda p: p, points=2_400, single=single)
        assert small._memory_width(rows, settings) is None
        assert len(single.compiled) == 1


def test_cost_model_runs_pixelized_inversions_row_by_row_without_timing():
    vmap_first = bs.candidates_from(20, 4)
    candidate, reason = bs.predicted(vmap_first, 14_488, 10_000, inversion=True)
    assert candidate.label == "sequential"
    assert "pixelized inversion" in reason and "not timed" in reason
    # small pixelized problems keep the dispatch rule (vectorised); without an inversion (or off
    # the CPU, where the caller passes False) a problem of this size is timed
    assert bs.predicted(vmap_first, 2_400, 10_000, inversion=True)[0].label != "sequential"
    assert bs.predicted(vmap_first, 14_488, 10_000, inversion=False) is None
    # probing every size (min_points 0) still runs an inversion row by row
    assert bs.predicted(vmap_first, 2_400, 0, inversion=True)[0].label == "sequential"
    # no row-by-row candidate: nothing to decide
    assert bs.predicted(bs.candidates_from(20, 4, "vmap"), 14_488, 10_000, inversion=True) is None


def test_time_on_blocks_evaluates_each_block_once_and_keeps_the_minimum():
    clock_value = [0.0]
    durations = {"a": iter([7.0, 4.0, 6.0, 5.0]), "b": iter([3.0, 2.0, 8.0, 9.0])}
    seen = []

    def make(label):
        def run(block):
            seen.append((label, block))
            clock_value[0] += next(durations[label])
            return [10 * block]

        return run

    blocks = list(range(9))
    seconds, values = bs.time_on_blocks(
        {"a": make("a"), "b": make("b")}, blocks, 2, 3, lambda: clock_value[0]
    )
    assert bs.blocks_to_time(2, 3) == 8
    # turns taken, each block once, the ninth left for the winner
    assert seen == [("a", 0), ("b", 1), ("a", 2), ("b", 3), ("a", 4), ("b", 5), ("a", 6), ("b", 7)]
    assert values == [(["a", "b"][i % 2], [10 * i]) for i in range(8)]
    # the first block of each is the untimed warm-up: a min(4, 6, 5) / 2, b min(2, 8, 9) / 2
    assert seconds == {"a": 2.0, "b": 1.0}
    with pytest.raises(exc.SearchException, match="expected at least 8"):
        bs.time_on_blocks({"a": make("a"), "b": make("b")}, blocks[:7], 2, 3)
    with pytest.raises(exc.SearchException, match="repeats=0"):
        bs.time_on_blocks({"a": make("a")}, blocks, 2, 0)
