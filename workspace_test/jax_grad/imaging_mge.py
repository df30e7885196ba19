"""``jax.grad`` of the lens imaging log likelihood with linear light (MGE, NNLS solve).

Model as in ``jax_likelihood_functions/imaging/mge.py`` (40 linear Gaussians solved by NNLS per
likelihood) on the ``jax_test`` dataset (mask r=3", over-sampling 1), at a point near the
simulated lens. Checks that ``jax.value_and_grad(fitness.call)`` gives the NumPy value, a finite,
non-zero gradient of shape ``[n]``, and that the gradient equals central finite differences of
the NumPy likelihood (rtol 1e-4 per component, relative to the gradient norm for components near
zero; the NNLS active set is locally constant, so the likelihood is smooth there).

Exits non-zero on failure. Run: ``timeout 600 python workspace_test/jax_grad/imaging_mge.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "jax_likelihood_functions" / "imaging"))

import _common  # noqa: E402
import mge  # noqa: E402

from autogalaxy.modeling.fitness import Fitness  # noqa: E402
from autolens.imaging.analysis import AnalysisImaging  # noqa: E402

RTOL = 1e-4


def point_near_truth(model) -> np.ndarray:
    values = {
        "centre_0": 0.01,
        "centre_1": -0.01,
        "ell_comps_0": 0.05,
        "ell_comps_1": 0.02,
        "einstein_radius": 1.55,
        "gamma_1": 0.002,
        "gamma_2": 0.001,
    }
    source = {"centre_0": 0.1, "centre_1": 0.1, "ell_comps_0": 0.1, "ell_comps_1": -0.05}
    vector = []
    for path in model.paths:
        table = source if path[1] == "source" else values
        vector.append(table[path[-1]])
    return np.asarray(vector, dtype=float)


def main() -> int:
    import jax
    import jax.numpy as jnp

    dataset = _common.dataset_from(mask_radius=3.0, over_sample_size=1)
    model = mge.model_from()
    x = point_near_truth(model)
    fitness = Fitness(model, AnalysisImaging(dataset=dataset, use_jax=True))
    fitness_np = Fitness(model, AnalysisImaging(dataset=dataset, use_jax=False))
    value, grad = jax.jit(jax.value_and_grad(fitness.call))(jnp.asarray(x))
    value, grad = float(value), np.asarray(grad)
    value_np = fitness_np.call(x)
    failures = []
    if not abs(value - value_np) <= 1e-8 * abs(value_np):
        failures.append(f"value {value!r} != NumPy {value_np!r}")
    if grad.shape != x.shape or not np.all(np.isfinite(grad)) or not np.any(grad != 0.0):
        failures.append(f"gradient not finite / wrong shape / all zero: {grad}")
    numeric = np.zeros_like(x)
    for i in range(x.size):
        h = 1e-5 * max(abs(x[i]), 0.1)
        up, down = x.copy(), x.copy()
        up[i] += h
        down[i] -= h
        numeric[i] = (fitness_np.call(up) - fitness_np.call(down)) / (2.0 * h)
    scale = np.linalg.norm(numeric)
    ok = np.abs(grad - numeric) <= RTOL * np.maximum(np.abs(numeric), 1e-3 * scale)
    for name, g, n, good in zip((".".join(p) for p in model.paths), grad, numeric, ok):
        print(f"{name:40s} jax {g: .8e}  fd {n: .8e}{'' if good else '   <-- MISMATCH'}")
    if not np.all(ok):
        failures.append(f"{int(np.count_nonzero(~ok))} components differ from finite differences")
    failures += _common.blocked_gradient_failures(model, dataset, x, grad, block_rows=512)
    print(f"log L {value:.6f}; |grad| {np.linalg.norm(grad):.4e}")
    if failures:
        print("FAILED imaging_mge.py:")
        for failure in failures:
            print("  " + failure)
        return 1
    print(
        f"imaging_mge.py: value_and_grad finite, equal to NumPy / finite differences (rtol {RTOL:g})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
