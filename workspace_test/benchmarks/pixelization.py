"""Brief timing of benchmark P3: a pixelized source on the P1 pixels.

P3 = the ``jax_test`` dataset masked at r=3" (716 pixels, light-profile over-sampling 1,
pixelization over-sampling 4), lens SIE + shear (+ linear Sersic light), source
``RectangularUniform((20, 20))`` + ``Constant`` — the model of ``pixelization_parity.py``'s
``ru20_constant_lens_light`` case. Prints the median NumPy log evidence time, the jitted
likelihood's compile and per-call time, ``Fitness._vmap`` per likelihood (batch 8) and its
compile, and the jitted gradient. With ``--reference DIR`` (a directory exported by
``pixelization_parity.py --export``) it first times the PyAutoLens NumPy fit of the same case
and the release's jitted ``Fitness.call`` and ``jax.jit(jax.grad(Fitness.call))`` at the same
parameter vector in the reference venv, in the same window, and checks that both packages
compute the same value and gradient there. Timings on a shared machine are noisy: compare
ratios measured in one run only.

Run: ``timeout 900 python workspace_test/benchmarks/pixelization.py [--reference /tmp/pix]``
(``--shape 28 28`` times the 28x28 mesh instead, without the reference).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "jax_likelihood_functions" / "imaging"))

CASE = "ru20_constant_lens_light"
#: Every prior at this unit value: the parameters of the timed likelihood (off the symmetric
#: prior medians, where the evidence has kinks).
UNIT = 0.53


#: CPU milliseconds (``time.process_time``) of the last :func:`median_ms`, the figure to quote
#: on a shared machine where wall time mostly measures the other processes.
LAST_CPU_MS = [0.0]


def median_ms(fn, rounds: int = 5) -> float:
    samples, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        samples.append((time.perf_counter() - start) * 1e3)
        cpu.append((time.process_time() - start_cpu) * 1e3)
    LAST_CPU_MS[0] = statistics.median(cpu)
    return statistics.median(samples)


def cpu_note() -> str:
    return f" (CPU {LAST_CPU_MS[0]:.1f} ms)"


def model_from(shape=(20, 20)):
    import _pixelization

    from autoarray.inversion.mesh import RectangularUniform
    from autoarray.inversion.pixelization import Pixelization
    from autoarray.inversion.regularization import Constant
    from autogalaxy.modeling.model import Model

    pixelization = Model(Pixelization, mesh=RectangularUniform(shape), regularization=Constant())
    return _pixelization.lens_pixelized_source_model_from(pixelization, with_lens_light=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=None)
    parser.add_argument("--reference-python", default="/work/refvenv/bin/python")
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument(
        "--shape", type=int, nargs=2, default=(20, 20), help="rectangular mesh (ny nx)"
    )
    args = parser.parse_args()
    reference_jax = None
    shape = tuple(args.shape)
    if args.reference is not None and shape != (20, 20):
        parser.error(f"--reference times the release's 20x20 case only, not {shape}")

    if args.reference is not None:
        import _release
        import pixelization_parity

        pixelization_parity.export(args.reference)
        out = subprocess.run(
            [
                args.reference_python,
                str(HERE / "reference_pixelization.py"),
                str(args.reference),
                "--time",
                CASE,
            ],
            capture_output=True,
            text=True,
            check=True,
            env=_release.release_env(),
        ).stdout
        print("PyAutoLens: " + out.strip().splitlines()[-1])
        out = subprocess.run(
            [
                args.reference_python,
                str(HERE / "reference_pixelization.py"),
                str(args.reference),
                "--grad",
                CASE,
                str(UNIT),
                str(args.batch),
            ],
            capture_output=True,
            text=True,
            check=True,
            env=_release.release_env(),
        ).stdout
        reference_jax = json.loads(out.strip().splitlines()[-1])
        for label in ("jit", "grad", "vmap"):
            r = reference_jax[label]
            what = f"batch {args.batch}, per likelihood" if label == "vmap" else "per call"
            print(
                f"PyAutoLens {label}: first call {r['compile_s']:.1f} s "
                f"(CPU {r['compile_cpu_s']:.1f} s), {r['ms']:.1f} ms {what} "
                f"(CPU {r['cpu_ms']:.1f} ms)"
            )

    import _common
    import jax
    import jax.numpy as jnp

    from autogalaxy.modeling.fitness import Fitness
    from autolens.imaging.analysis import AnalysisImaging

    dataset = _common.dataset_from(3.0, 1).apply_over_sampling(
        over_sample_size_lp=1, over_sample_size_pixelization=4
    )
    model = model_from(shape)
    vector = np.asarray(model.vector_from_unit_vector(np.full(model.prior_count, UNIT)))
    instance = model.instance_from_vector(vector)
    analysis_np = AnalysisImaging(dataset=dataset)
    numpy_ms = median_ms(lambda: analysis_np.fit_from(instance).log_evidence)
    print(
        f"this package NumPy log evidence: {numpy_ms:.1f} ms{cpu_note()} "
        f"(716 px, {shape[0]}x{shape[1]} mesh)"
    )

    analysis = AnalysisImaging(dataset=dataset, use_jax=True)
    fitness = Fitness(model, analysis)
    call = jax.jit(fitness.call)
    x = jnp.asarray(vector)
    start, start_cpu = time.perf_counter(), time.process_time()
    call(x).block_until_ready()
    compile_s, compile_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    jit_ms = median_ms(lambda: call(x).block_until_ready())
    print(
        f"jit likelihood: compile {compile_s:.1f} s (CPU {compile_cpu:.1f} s), "
        f"{jit_ms:.1f} ms per call{cpu_note()}"
    )

    rng = np.random.default_rng(1)
    units = rng.uniform(0.4, 0.6, size=(args.batch, model.prior_count))
    batch = jnp.asarray(np.stack([model.vector_from_unit_vector(u) for u in units]))
    start, start_cpu = time.perf_counter(), time.process_time()
    np.asarray(fitness._vmap(batch))
    vmap_compile, vmap_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    vmap_ms = median_ms(lambda: np.asarray(fitness._vmap(batch)), rounds=3) / args.batch
    print(
        f"Fitness._vmap (batch {args.batch}): first call {vmap_compile:.1f} s "
        f"(CPU {vmap_cpu:.1f} s), {vmap_ms:.1f} ms per likelihood "
        f"(CPU {LAST_CPU_MS[0] / args.batch:.1f} ms)"
    )

    grad = jax.jit(jax.grad(fitness.call))
    start, start_cpu = time.perf_counter(), time.process_time()
    grad(x).block_until_ready()
    grad_compile, grad_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    grad_ms = median_ms(lambda: grad(x).block_until_ready(), rounds=3)
    print(
        f"jit grad: compile {grad_compile:.1f} s (CPU {grad_cpu:.1f} s), "
        f"{grad_ms:.1f} ms per call{cpu_note()}"
    )
    if reference_jax is not None:
        # The same parameters, likelihood and gradient as the release's, or the timings
        # compare different work.
        vector_diff = np.abs(np.asarray(reference_jax["vector"]) - vector).max()
        value, theirs = float(call(x)), reference_jax["jit"]["value"]
        ours_grad, their_grad = np.asarray(grad(x)), np.asarray(reference_jax["grad"]["value"])
        batch_values = np.asarray(fitness._vmap(batch))
        theirs_batch = np.asarray(reference_jax["vmap"]["value"])
        grad_diff = np.abs(ours_grad - their_grad).max() / np.abs(their_grad).max()
        print(
            f"vs PyAutoLens: parameters max |diff| {vector_diff:.1e}, jit value rel diff "
            f"{abs(value - theirs) / abs(theirs):.1e}, gradient max |diff| / max |grad| "
            f"{grad_diff:.1e}, batch values max rel diff "
            f"{np.abs(batch_values - theirs_batch).max() / np.abs(theirs_batch).max():.1e}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
