"""``Fitness._vmap`` strategies: every one gives the single jitted likelihood's values, and the
choice is recorded.

On a tiny lens model (lens Sersic + Isothermal + shear, source Sersic; one row with a negative
Einstein radius, which must be rejected like NumPy rejects it):

1. each forced strategy (``vmap``, ``chunked`` with a padded last chunk, ``sequential``) equals
   ``Fitness._jit`` row by row (vectorised ones to rtol 1e-12, sequential bit for bit) and is
   recorded as forced;
2. the measured choice (chunks against the single likelihood) gives the same values, records
   both timings and is reused for the next batch of the same shape;
3. a batch of one runs the single jitted likelihood (bit for bit);
4. with a memory limit between the single and the batched program's needs, the batched
   candidate is refused (recorded) and the single likelihood runs; with no memory at all the
   call raises before running anything;
5. with few points per likelihood the cost model picks the vectorised program without timing,
   with many (on a CPU) the single likelihood row by row without timing, and a Fitness on a fit folder whose record holds a strategy (a resumed fit) runs that one.

Exits non-zero on failure. Run: ``timeout 300 python workspace_test/batch_strategy_jax.py``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

import autolens as al
from autoarray import execution
from autoarray.backend import jax_numpy
from autogalaxy import exc
from autogalaxy.modeling.batch_record import RECORD_FILE
from autogalaxy.modeling.jax_memory import (
    CONSTANT_COPIES,
    MEMORY_FRACTION,
    constants_bytes,
    required_bytes,
)

FAILURES: list[str] = []
BATCH = 7
CHUNK = 3


def check(ok: bool, what: str) -> None:
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        FAILURES.append(what)


def dataset():
    grid = al.Grid2D.uniform((20, 20), 0.15, over_sample_size=1)
    psf = al.Convolver.from_gaussian((3, 3), 0.15, sigma=0.15)
    lens = al.Galaxy(
        0.5,
        bulge=al.lp.Sersic(intensity=0.5, effective_radius=0.6, sersic_index=3.0),
        mass=al.mp.Isothermal(ell_comps=(0.1, 0.05), einstein_radius=1.0),
    )
    source = al.Galaxy(1.0, bulge=al.lp.Sersic(intensity=0.3, effective_radius=0.2))
    simulator = al.SimulatorImaging(
        exposure_time=1000.0,
        psf=psf,
        add_poisson_noise_to_data=False,
        include_poisson_noise_in_noise_map=False,
        noise_if_add_noise_false=0.05,
    )
    data = simulator.via_tracer_from(al.Tracer(galaxies=[lens, source]), grid)
    return data.apply_mask(al.Mask2D.circular((20, 20), radius=1.4, pixel_scales=0.15))


def model():
    lens = al.Model(
        al.Galaxy,
        redshift=0.5,
        bulge=al.Model(al.lp.Sersic),
        mass=al.Model(al.mp.Isothermal),
        shear=al.Model(al.mp.ExternalShear),
    )
    source = al.Model(al.Galaxy, redshift=1.0, bulge=al.Model(al.lp.Sersic))
    return al.Collection(galaxies=al.Collection(lens=lens, source=source))


def main() -> int:
    jnp = jax_numpy()
    start = time.perf_counter()
    ds, m = dataset(), model()
    rng = np.random.default_rng(3)
    units = np.clip(0.5 + 0.1 * rng.standard_normal((BATCH, m.prior_count)), 0.01, 0.99)
    vectors = np.asarray([m.vector_from_unit_vector(u) for u in units])
    radius = [i for i, path in enumerate(m.paths) if path[-1] == "einstein_radius"][0]
    vectors[2, radius] = -0.5  # rejected on NumPy: must be rejected here too
    batch = jnp.asarray(vectors)

    def fitness():
        return al.Fitness(model=m, analysis=al.AnalysisImaging(dataset=ds, use_jax=True))

    with execution.using(vmap_chunk=CHUNK):
        reference = fitness()
        batched = reference._vmap  # built here, so its chunk is CHUNK
    ref = np.array([float(reference._jit(jnp.asarray(v))) for v in vectors])
    numpy_fitness = al.Fitness(model=m, analysis=al.AnalysisImaging(dataset=ds, use_jax=False))
    numpy_values = np.array([numpy_fitness.call(v) for v in vectors])
    check(
        ref[2] == reference.resample_figure_of_merit and numpy_values[2] == ref[2],
        "negative Einstein radius rejected by the jitted likelihood and by NumPy",
    )
    check(
        bool(np.allclose(ref, numpy_values, rtol=1e-10, atol=0.0)),
        f"jitted likelihood == NumPy (max rel {np.max(np.abs(ref - numpy_values) / np.abs(ref)):.1e})",
    )

    # Sections 1-3 use the reference Fitness: its compiled programs (the single likelihood
    # above included) are kept, its recorded choices cleared between sections.
    f = reference

    # 1. every forced strategy
    for strategy in ("vmap", "chunked", "sequential"):
        batched.choices.clear()
        with execution.using(batch_strategy=strategy):
            values = np.asarray(f._vmap(batch))
        choice = f.batch_strategy
        if strategy == "sequential":
            same = bool(np.array_equal(values, ref))
        else:
            same = bool(np.allclose(values, ref, rtol=1e-12, atol=0.0))
        rel = np.max(np.abs(values - ref) / np.abs(ref))
        check(same, f"forced {strategy}: == single jitted likelihood (max rel {rel:.1e})")
        expected = {"vmap": f"vmap({BATCH})", "chunked": f"chunked({CHUNK})"}.get(
            strategy, "sequential"
        )
        check(
            choice is not None
            and choice.candidate.label == expected
            and choice.reason == "forced by batch_strategy",
            f"forced {strategy} recorded: {choice}",
        )

    # 2. the measured choice (timing forced on: this model's ~270 points are below
    # batch_probe_min_points, where the cost model decides alone; section 5)
    batched.choices.clear()
    with execution.using(batch_probe_min_points=0):
        values = np.asarray(f._vmap(batch))
        choice = f.batch_strategy
        again = np.asarray(f._vmap(batch))
    check(
        bool(np.allclose(values, ref, rtol=1e-12, atol=0.0)) and np.array_equal(values, again),
        "measured choice == single jitted likelihood, and the same on a second call",
    )
    check(
        choice is not None
        and set(choice.seconds_per_likelihood) == {f"chunked({CHUNK})", "sequential"}
        and choice.reason.startswith("measured fastest")
        and f._vmap.strategies == {(BATCH, "float64"): choice}
        and f.batch_strategy is choice,
        f"measured choice recorded once per shape: {choice}",
    )

    # 2b. a batch long enough to time the candidates on its own blocks of rows (one repeat:
    # 2 candidates x 2 blocks of CHUNK rows); the other candidate's blocks and the rows left
    # run with the winner, so the first answer is the winner's, bit for bit as a later call's
    long_batch = jnp.asarray(np.concatenate([vectors, vectors]))
    long_ref = np.concatenate([ref, ref])
    batched.choices.clear()
    with execution.using(batch_probe_min_points=0, batch_probe_repeats=1):
        values = np.asarray(f._vmap(long_batch))
        choice = f.batch_strategy
        again = np.asarray(f._vmap(long_batch))
    check(
        bool(np.allclose(values, long_ref, rtol=1e-12, atol=0.0))
        and np.array_equal(values, again)
        and values.shape == (2 * BATCH,)
        and values.dtype == again.dtype,
        "timed on the batch's own rows: == single jitted likelihood; first call == later call",
    )
    check(
        choice is not None
        and set(choice.seconds_per_likelihood) == {f"chunked({CHUNK})", "sequential"}
        and choice.reason.startswith("measured fastest"),
        f"timed on the batch's own rows: {choice}",
    )

    # 3. one row
    one = np.asarray(f._vmap(batch[:1]))
    check(
        np.array_equal(one, ref[:1]) and f.batch_strategy.strategy == "sequential",
        f"batch of one: {f.batch_strategy}",
    )

    # 4. memory: the batched program refused, the single one kept; nothing fits: raise. The
    # single program's need includes the copies of its dataset constants made while compiling
    # (checked before compiling); the batch is made large enough to need more than that.
    rows = np.repeat(vectors, 4, axis=0)
    big, big_ref = jnp.asarray(rows), np.repeat(ref, 4)
    constants_need = CONSTANT_COPIES * constants_bytes(f._jit._jitted.trace(vectors[0]))
    compiled_need = required_bytes(f._jit.compiled_for(vectors[0]))
    single_need = None if compiled_need is None else max(compiled_need, constants_need)
    batched_need = required_bytes(batched._vmapped_jit().compiled_for(rows))
    check(
        single_need is not None and batched_need is not None and single_need < batched_need,
        f"XLA memory estimates: single {single_need} B, batch of {len(rows)} {batched_need} B",
    )
    if single_need is not None and batched_need is not None and single_need < batched_need:
        limit = int((single_need + batched_need) / 2 / MEMORY_FRACTION)
        with execution.using(jax_memory_bytes=limit):
            f = fitness()
            values = np.asarray(f._vmap(big))
        choice = f.batch_strategy
        check(
            np.array_equal(values, big_ref)
            and choice.strategy == "sequential"
            and f"vmap({len(rows)})" in choice.refused,
            f"memory limit {limit} B: {choice}",
        )
    with execution.using(jax_memory_bytes=1000):
        f = fitness()
        try:
            f._vmap(batch)
            raised = ""
        except exc.SearchException as error:
            raised = str(error)
    check("no way to evaluate" in raised, f"no memory: raises ({raised[:90]}...)")

    # 5. the cost model alone (few points: the vectorised program, not timed), and the record
    # of a fit's folder: a resumed fit reuses its first choice (bit for bit), whatever the
    # cost model or a timing would say now
    with tempfile.TemporaryDirectory() as folder, execution.using(vmap_chunk=CHUNK):
        first = al.Fitness(
            model=m,
            analysis=al.AnalysisImaging(dataset=ds, use_jax=True),
            batch_record_folder=folder,
        )
        values = np.asarray(first._vmap(batch))
        choice = first.batch_strategy
        check(
            choice.candidate.label == f"chunked({CHUNK})"
            and "cost model" in choice.reason
            and not choice.seconds_per_likelihood
            and bool(np.allclose(values, ref, rtol=1e-12, atol=0.0)),
            f"cost model decides without timing: {choice}",
        )
        # many points per likelihood on a CPU (threshold lowered to this model's size): the
        # single likelihood row by row, not timed, bit for bit
        with execution.using(batch_sequential_min_points=1):
            large = fitness()
            values = np.asarray(large._vmap(batch))
            choice = large.batch_strategy
        check(
            choice.strategy == "sequential"
            and "batch_sequential_min_points" in choice.reason
            and not choice.seconds_per_likelihood
            and np.array_equal(values, ref),
            f"cost model runs a large problem row by row without timing: {choice}",
        )
        record = json.loads((Path(folder) / RECORD_FILE).read_text())
        record["choices"][f"{BATCH}xfloat64"].update(strategy="sequential", width=1)
        (Path(folder) / RECORD_FILE).write_text(json.dumps(record))
        resumed = al.Fitness(
            model=m,
            analysis=al.AnalysisImaging(dataset=ds, use_jax=True),
            batch_record_folder=folder,
        )
        values = np.asarray(resumed._vmap(batch))
        choice = resumed.batch_strategy
        check(
            choice.strategy == "sequential"
            and "recorded in" in choice.reason
            and np.array_equal(values, ref),
            f"resumed fit reuses the recorded strategy, bit for bit: {choice}",
        )

    print(f"{len(FAILURES)} failures ({time.perf_counter() - start:.0f} s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
