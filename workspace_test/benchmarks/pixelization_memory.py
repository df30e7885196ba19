"""Peak memory of a P2-sized pixelized-source fit (issue 19: "under 4 GB").

The case: benchmark P2's pixels (200x200 at 0.05"/px, 21x21 Gaussian PSF, circular mask r=3.5",
15,372 pixels), pixelization over-sampling 4 (16 sub-pixels a pixel: 245,952 traced
sub-pixels), lens SIE + shear + linear Sersic light (P2 is simulated with one), source ``RectangularUniform((32, 32))`` (1,024 source pixels) +
``Constant`` regularization, positive-only solve. Each path runs in a fresh process and its peak
resident memory is read from the kernel (``os.wait4``'s ``ru_maxrss``), so one path's arrays never
count against another's:

* ``imports``: the interpreter, JAX and the dataset only (the floor every other path includes);
* ``numpy``: the NumPy log evidence (``reference_pixelization.fit_from``, the public API);
* ``jit``: ``jax.jit(Fitness.call)``, compile and calls;
* ``vmap``: ``Fitness._vmap`` on a batch of ``--batch`` rows, the strategy chosen automatically
  (the probe compiles and times each candidate, so both count);
* ``grad``: ``jax.jit(jax.grad(Fitness.call))``.

``--reference`` also runs the public PyAutoLens release on the same exported pixels
(``reference_pixelization.py`` in its venv, in a fresh process): its log evidence (compared
with ours), its time per NumPy log evidence and its peak memory.

Run: ``timeout 1800 python workspace_test/benchmarks/pixelization_memory.py [--reference]
[--paths numpy jit ...] [--dir /tmp/pix_p2]``. Timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "jax_likelihood_functions" / "imaging"))

PATHS = ("imports", "numpy", "jit", "vmap", "grad")
LIMIT_GB = 4.0

CASE = dict(
    name="p2_ru32_constant",
    shape=(32, 32),
    mesh="uniform",
    regularization="constant",
    coefficient=1.0,
    lens_light=True,
    positive_only=True,
    einstein_radius=1.6,
)


def export(directory: Path) -> None:
    """P2's pixels and the case in ``reference_pixelization.py``'s format."""
    import run

    directory.mkdir(parents=True, exist_ok=True)
    dataset = run.dataset_for(run.PROBLEMS["P2"])
    arrays = {
        "data": dataset.data.native.array,
        "noise": dataset.noise_map.native.array,
        "psf": dataset.psf.kernel.native.array,
        "mask": dataset.mask.array,
    }
    for name, values in arrays.items():
        np.save(directory / f"{name}.npy", np.asarray(values))
    spec = {
        "pixel_scale": run.PROBLEMS["P2"]["pixel_scale"],
        "sub_size_lp": 1,
        "sub_size_pixelization": 4,
        "cases": [CASE],
    }
    temporary = directory / "spec.json.tmp"
    temporary.write_text(json.dumps(spec))
    os.replace(temporary, directory / "spec.json")


def model_from():
    import _pixelization

    from autoarray.inversion.mesh import RectangularUniform
    from autoarray.inversion.pixelization import Pixelization
    from autoarray.inversion.regularization import Constant
    from autogalaxy.modeling.model import Model

    pixelization = Model(Pixelization, mesh=RectangularUniform((32, 32)), regularization=Constant())
    return _pixelization.lens_pixelized_source_model_from(pixelization, with_lens_light=True)


def timed(fn, rounds: int) -> tuple[float, float]:
    """(first call s, median ms of ``rounds`` further calls)."""
    start = time.perf_counter()
    fn()
    first = time.perf_counter() - start
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1e3)
    return first, statistics.median(samples) if samples else float("nan")


def child(path: str, directory: Path, batch: int) -> None:
    """Run one path in this (fresh) process and print one line about it."""
    import reference_pixelization

    import autolens as al

    spec = json.loads((directory / "spec.json").read_text())
    dataset = reference_pixelization.dataset_from(al, directory, spec)
    pixels = int(dataset.mask.pixels_in_mask)
    sub = int(dataset.grids.pixelization.over_sampled.shape[0])
    if path == "imports":
        import jax  # noqa: F401  (the floor of the JAX paths includes JAX itself)

        print(f"imports: {pixels} pixels, {sub} pixelization sub-pixels")
        return
    if path == "numpy":
        value = []
        first, ms = timed(
            lambda: value.append(
                float(reference_pixelization.fit_from(al, dataset, CASE).log_evidence)
            ),
            rounds=3,
        )
        print(f"numpy: log evidence {value[-1]:.10f}, first {first:.1f} s, median {ms:.0f} ms")
        return

    import jax
    import jax.numpy as jnp

    from autogalaxy.modeling.fitness import Fitness

    model = model_from()
    analysis = al.AnalysisImaging(dataset=dataset, use_jax=True)
    fitness = Fitness(model, analysis)
    x = jnp.asarray(model.vector_from_unit_vector(np.full(model.prior_count, 0.53)))
    if path == "jit":
        call = jax.jit(fitness.call)
        first, ms = timed(lambda: call(x).block_until_ready(), rounds=3)
        print(f"jit: log evidence {float(call(x)):.10f}, first {first:.1f} s, median {ms:.0f} ms")
    elif path == "vmap":
        rng = np.random.default_rng(1)
        units = rng.uniform(0.45, 0.55, size=(batch, model.prior_count))
        rows = jnp.asarray(np.stack([model.vector_from_unit_vector(u) for u in units]))
        first, ms = timed(lambda: np.asarray(fitness._vmap(rows)), rounds=2)
        print(
            f"vmap: batch {batch}, first {first:.1f} s, {ms / batch:.0f} ms per likelihood; "
            f"{fitness.batch_strategy}"
        )
    else:
        grad = jax.jit(jax.grad(fitness.call))
        first, ms = timed(lambda: grad(x).block_until_ready(), rounds=3)
        norm = float(jnp.linalg.norm(grad(x)))
        print(f"grad: |grad| {norm:.6e}, first {first:.1f} s, median {ms:.0f} ms")


def measured(command: list, env: dict | None = None) -> tuple[str, float]:
    """(stdout, peak resident GB) of ``command`` run to completion in a fresh process."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command} failed with exit code {process.returncode}")
    return out.strip(), usage.ru_maxrss / 1024**2  # kB -> GB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/pix_p2_memory"))
    parser.add_argument("--paths", nargs="+", default=list(PATHS), choices=PATHS)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--reference", action="store_true")
    parser.add_argument("--reference-python", default="/work/refvenv/bin/python")
    parser.add_argument("--child", choices=PATHS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.dir, args.batch)
        return 0
    export(args.dir)
    over = []
    ours = None
    for path in args.paths:
        command = [sys.executable, __file__, "--child", path, "--dir", str(args.dir)]
        out, gb = measured(command + ["--batch", str(args.batch)])
        print(f"{out.splitlines()[-1]}  | peak RSS {gb:.2f} GB")
        if path == "numpy":
            ours = float(out.split("log evidence ")[1].split(",")[0])
        if gb > LIMIT_GB:
            over.append(f"{path}: {gb:.2f} GB")
    if args.reference:
        import _release

        script = str(HERE / "reference_pixelization.py")
        out, gb = measured([args.reference_python, script, str(args.dir)], _release.release_env())
        theirs = json.loads((args.dir / "reference_results.json").read_text())
        value = theirs["results"][CASE["name"]]["log_evidence"]
        print(f"PyAutoLens {theirs['version']}: log evidence {value:.10f}, peak RSS {gb:.2f} GB")
        if ours is not None:
            print(f"  relative difference vs ours: {abs(ours - value) / abs(value):.1e}")
        out, gb = measured(
            [args.reference_python, script, str(args.dir), "--time", CASE["name"]],
            _release.release_env(),
        )
        print(f"PyAutoLens: {out.splitlines()[-1]} | peak RSS {gb:.2f} GB")
    for line in over:
        print(f"OVER {LIMIT_GB} GB: {line}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
