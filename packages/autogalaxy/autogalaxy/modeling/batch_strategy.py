"""How a batch of likelihoods is evaluated: the candidates, how they are timed, which one wins.

A batch ``[B, N] -> [B]`` can run as

* ``"vmap"``: one vectorised program over the whole batch;
* ``"chunked"``: a vectorised program over ``width`` likelihoods, run chunk after chunk (the last
  chunk padded with copies of the last row), so that each chunk's intermediates stay in cache;
* ``"sequential"``: the single jitted likelihood, row after row.

Which is fastest depends on the problem and on the CPU: on a 2-core AMD EPYC with AVX-512 the
P2 benchmark's batched likelihood cost what the single one did, while on one without AVX-512 it
cost 2.6x as much (issue 16); under ``vmap`` a ``lax.cond`` on a batched predicate (the SIE's
axis-ratio branch) becomes a ``select`` that evaluates both branches, which the single likelihood
never does. So the cost model below only proposes candidates, and the first batch of each shape
times them on its own parameters: on consecutive blocks of its rows, the winner's blocks then
part of its answer (:func:`time_on_blocks`), or, when the batch is too short for that or one
candidate is a ``vmap`` of the whole batch, by running each on the same rows
(:func:`time_candidates`); the fastest per likelihood is kept (:func:`choose`). This module is
plain Python (no NumPy, no JAX): the JAX side is
:class:`autogalaxy.modeling.batched_call.BatchedCall`.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Callable, Mapping, Sequence

from autoarray import execution
from autogalaxy import exc

#: Strategies a batch may run with (``autoarray.execution`` setting ``batch_strategy`` forces one).
STRATEGIES = execution.BATCH_STRATEGIES


@dataclasses.dataclass(frozen=True)
class Candidate:
    """A way to run a batch: ``strategy`` with ``width`` likelihoods per compiled call."""

    strategy: str
    width: int

    def __post_init__(self):
        if self.strategy not in STRATEGIES:
            raise exc.SearchException(
                f"batch strategy {self.strategy!r}: expected one of {STRATEGIES}."
            )
        if self.width < 1:
            raise exc.SearchException(f"batch width {self.width}: expected at least 1.")

    @property
    def label(self) -> str:
        return "sequential" if self.strategy == "sequential" else f"{self.strategy}({self.width})"


@dataclasses.dataclass(frozen=True)
class BatchChoice:
    """The strategy chosen for one batch shape, and why.

    Attributes
    ----------
    batch, dtype
        The batch shape it applies to (rows, parameter dtype name).
    candidate
        The winner.
    seconds_per_likelihood
        Measured cost of each timed candidate (label -> seconds; empty when nothing was timed).
    refused
        Candidates that could not run (label -> why, e.g. XLA's memory estimate too large).
    reason
        One sentence: why this candidate.
    """

    batch: int
    dtype: str
    candidate: Candidate
    seconds_per_likelihood: Mapping[str, float]
    refused: Mapping[str, str]
    reason: str

    @property
    def strategy(self) -> str:
        return self.candidate.strategy

    @property
    def width(self) -> int:
        return self.candidate.width

    def __str__(self) -> str:
        timed = ", ".join(
            f"{label} {seconds * 1e3:.3g} ms"
            for label, seconds in self.seconds_per_likelihood.items()
        )
        text = f"batch of {self.batch} ({self.dtype}): {self.candidate.label}; {self.reason}"
        if timed:
            text += f" (per likelihood: {timed})"
        if self.refused:
            text += "; refused: " + "; ".join(f"{k}: {v}" for k, v in self.refused.items())
        return text


def candidates_from(
    batch: int, chunk: int | None, forced: str | None = None, max_width: int | None = None
) -> list[Candidate]:
    """The candidates worth timing for a batch of ``batch`` rows.

    ``chunk`` is the cost model's width (likelihoods holding about ``vmap_chunk_points`` points,
    :func:`autoarray.execution.vmap_chunk_from`; None when the problem size is unknown).
    ``max_width`` is the most rows one vectorised program may hold within the memory budget
    (:func:`memory_width_from`; None: unbounded): no wider ``vmap`` or chunk is offered, and
    below two rows only sequential is left (a forced strategy is not bounded).

    * ``forced`` (a name of :data:`STRATEGIES`): that strategy alone.
    * One row: sequential alone (a ``vmap`` of one is the single program with its branches
      turned into selects, never cheaper).
    * Up to two chunks: one ``vmap`` over the batch, or sequential.
    * More: chunks of ``chunk`` (a ``vmap`` of the whole batch would hold ``batch x points``
      intermediates and leave the cache), or sequential.
    """
    if batch < 1:
        raise exc.SearchException(f"a batch of {batch} rows: expected at least one row.")
    chunk = batch if chunk is None else max(1, min(int(chunk), batch))
    if forced is not None:
        width = {"vmap": batch, "chunked": chunk, "sequential": 1}.get(forced)
        if width is None:
            raise exc.SearchException(
                f"batch strategy {forced!r}: expected None (measure) or one of {STRATEGIES}."
            )
        return [Candidate(forced, width)]
    if batch == 1 or (max_width is not None and max_width < 2):
        return [Candidate("sequential", 1)]
    if max_width is not None:
        chunk = min(chunk, max_width)
    if batch <= 2 * chunk and (max_width is None or batch <= max_width):
        return [Candidate("vmap", batch), Candidate("sequential", 1)]
    return [Candidate("chunked", chunk), Candidate("sequential", 1)]


def memory_width_from(row_bytes: int | None, budget: int) -> int | None:
    """Rows one vectorised program may hold: ``budget`` (the ``batch_memory_bytes`` execution
    setting) over one likelihood's XLA memory estimate ``row_bytes`` (None if unknown: no bound).

    A ``vmap`` holds every row's intermediates at once: on the P2-sized pixelized benchmark
    (15k pixels x 16 sub-pixels, 1,024 source pixels) ``vmap(8)`` peaked at 6.0 GB resident,
    ``vmap(4)`` at 3.5 GB and the single likelihood at 1.4 GB, and both ran slower per row than
    the single likelihood row by row, so a width the budget cannot hold is not worth compiling.
    """
    if row_bytes is None or row_bytes <= 0:
        return None
    return max(1, int(budget // row_bytes))


def predicted(
    candidates: Sequence[Candidate],
    points: int | None,
    min_points: int,
    sequential_min_points: int | None = None,
    inversion: bool = False,
) -> tuple[Candidate, str] | None:
    """The candidate the cost model picks without timing, with its reason, or None (time them).

    Row by row, every likelihood pays one dispatch of a compiled program (tens of microseconds
    on a CPU) on top of its work; a vectorised program pays it once per batch or chunk but may
    run slower per row (branches become ``select``s, intermediates leave the cache).

    * Fewer than ``min_points`` points per likelihood: its work is of the order of that
      dispatch, so the vectorised candidate wins by far more than its per-row penalty (P1, 2,400
      points: 2.2-2.6x in every timing) and timing it would only add a second compilation to the
      first call.
    * At least ``sequential_min_points`` (None: never; the caller passes None off the CPU, where
      a batch also buys parallelism): the dispatch is negligible and a single likelihood already
      runs vectorised loops over its points, so batching has little to gain and its selects and
      cache misses to lose (P2, ~250k points: the batched program 1.01-1.07x faster in some
      timings, 1.9x slower in others; P3, 14,488 points: 1.9x slower). The single likelihood row
      by row is chosen, and the first batch compiles one program instead of two plus a timing.
    * At least ``min_points`` with ``inversion`` (each likelihood solves a pixelized
      inversion; the caller passes False off the CPU): row by row. Timing picked it on every
      pixelized problem measured (P3, 14,488 points: 1.03-1.95x faster than ``vmap``; the
      P2-sized source, 246k points: ``vmap`` / ``chunked`` 1.17-1.54x slower), since the
      per-row curvature matrix, its Cholesky factor and solves are dense linear algebra that a
      batch runs as one LAPACK call per row anyway, while the batch's gathers and scatters of the
      mapping matrices leave the cache. Not timing saves P3's first batch a second compile.

    Sizes in between, and unknown sizes, are timed.
    """
    if len(candidates) < 2 or points is None or points <= 0:
        return None
    sequential = [c for c in candidates if c.strategy == "sequential"]
    if sequential and inversion and points >= min_points:
        return sequential[0], (
            f"cost model: a pixelized inversion per likelihood of {points} points (>= "
            f"batch_probe_min_points={min_points}) on a CPU, where batching its dense linear "
            "algebra gains nothing over the single likelihood row by row; not timed"
        )
    if sequential and sequential_min_points is not None and points >= sequential_min_points:
        return sequential[0], (
            f"cost model: {points} points per likelihood (>= batch_sequential_min_points="
            f"{sequential_min_points}), so batching saves no dispatch worth its per-row cost; "
            "not timed"
        )
    if points >= min_points:
        return None
    vectorised = [c for c in candidates if c.strategy != "sequential"]
    if not vectorised:
        return None
    return vectorised[0], (
        f"cost model: {points} points per likelihood (< batch_probe_min_points={min_points}), "
        "so the saved per-call dispatch dominates; not timed"
    )


def chunk_layout(batch: int, width: int) -> tuple[int, int]:
    """``(chunks, padded rows)`` to run ``batch`` rows ``width`` at a time."""
    if batch < 1 or width < 1:
        raise exc.SearchException(f"batch {batch}, width {width}: both must be at least 1.")
    chunks = -(-batch // width)
    return chunks, chunks * width


def probe_rows(candidates: Sequence[Candidate], batch: int) -> int:
    """Rows each candidate is timed on: the widest batched candidate's width (the whole batch
    for ``vmap``, one chunk for ``chunked``), so every candidate runs the same rows."""
    return max(1, min(batch, max(c.width for c in candidates)))


def time_candidates(
    runs: Mapping[str, Callable[[], object]],
    likelihoods: Mapping[str, int],
    repeats: int,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, float]:
    """Seconds per likelihood of each ``runs[label]()`` (which must block until its result is
    ready and evaluates ``likelihoods[label]`` likelihoods).

    Each run is called once untimed (first-run allocations), then ``repeats`` times, the
    candidates interleaved so that a burst of load from other processes hits them alike; the
    minimum is kept (load only ever adds time).
    """
    if repeats < 1:
        raise exc.SearchException(f"repeats={repeats}: expected at least 1.")
    for run in runs.values():
        run()
    best = {label: float("inf") for label in runs}
    for _ in range(repeats):
        for label, run in runs.items():
            start = clock()
            run()
            best[label] = min(best[label], (clock() - start) / likelihoods[label])
    return best


def blocks_to_time(labels: int, repeats: int) -> int:
    """Blocks of a batch :func:`time_on_blocks` uses for ``labels`` candidates timed ``repeats``
    times each: one untimed warm-up block per candidate, then ``repeats`` timed ones."""
    return labels * (repeats + 1)


def time_on_blocks(
    runs: Mapping[str, Callable[[object], object]],
    blocks: Sequence,
    rows_per_block: int,
    repeats: int,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[dict[str, float], list[tuple[str, object]]]:
    """Seconds per likelihood of each candidate, timed on consecutive blocks of the batch
    itself, and ``(label, values)`` of each block it evaluated (``runs[label](block)`` must
    block until its values are ready).

    :func:`time_candidates` runs every candidate again and again on the same rows, work whose
    values are thrown away; here each block of ``rows_per_block`` rows is evaluated once, by one
    candidate, so the winner's blocks are already part of the batch's answer. The candidates
    take turns (a burst of load hits them alike), each first on one untimed block (first-run
    allocations), then ``repeats`` timed ones; the minimum is kept. Rows of one batch come from
    the same search and cost the same work (the programs have no data-dependent branches under
    ``vmap``; row by row a branch may differ, which the minimum over several blocks absorbs).
    Needs :func:`blocks_to_time` blocks; the values are those of the first that many.
    """
    if repeats < 1:
        raise exc.SearchException(f"repeats={repeats}: expected at least 1.")
    labels = list(runs)
    needed = blocks_to_time(len(labels), repeats)
    if len(blocks) < needed:
        raise exc.SearchException(
            f"{len(blocks)} blocks to time {len(labels)} candidates {repeats} times each: "
            f"expected at least {needed}."
        )
    best = {label: float("inf") for label in labels}
    evaluated = []
    for index in range(needed):
        label = labels[index % len(labels)]
        start = clock()
        evaluated.append((label, runs[label](blocks[index])))
        elapsed = clock() - start
        if index >= len(labels):
            best[label] = min(best[label], elapsed / rows_per_block)
    return best, evaluated


def choose(
    batch: int,
    dtype: str,
    candidates: Sequence[Candidate],
    seconds: Mapping[str, float],
    refused: Mapping[str, str],
    forced: str | None = None,
) -> BatchChoice:
    """The candidate to keep for this batch shape: the only one left, or the fastest timed one
    (the first listed wins a tie). Raises when every candidate was refused."""
    usable = [c for c in candidates if c.label not in refused]
    if not usable:
        raise exc.SearchException(
            f"no way to evaluate a batch of {batch} likelihoods: "
            + "; ".join(f"{k}: {v}" for k, v in refused.items())
        )
    if forced is not None:
        return BatchChoice(
            batch, dtype, usable[0], dict(seconds), dict(refused), "forced by batch_strategy"
        )
    timed = [c for c in usable if c.label in seconds]
    if len(timed) < 2:
        winner = timed[0] if timed else usable[0]
        reason = (
            "a single row runs the single jitted likelihood"
            if batch == 1
            else "the only candidate left"
        )
        return BatchChoice(batch, dtype, winner, dict(seconds), dict(refused), reason)
    winner = min(timed, key=lambda c: seconds[c.label])
    others = [c for c in timed if c is not winner]
    runner_up = min(others, key=lambda c: seconds[c.label])
    ratio = seconds[runner_up.label] / max(seconds[winner.label], 1e-300)
    reason = f"measured fastest, {ratio:.2f}x faster than {runner_up.label}"
    return BatchChoice(batch, dtype, winner, dict(seconds), dict(refused), reason)


__all__ = [
    "STRATEGIES",
    "BatchChoice",
    "Candidate",
    "blocks_to_time",
    "candidates_from",
    "choose",
    "chunk_layout",
    "memory_width_from",
    "predicted",
    "probe_rows",
    "time_candidates",
    "time_on_blocks",
]
