"""``jax.grad`` of the lens imaging log likelihood (standard light profiles) vs finite differences.

Model as in ``jax_likelihood_functions/imaging/lp.py`` (lens Sersic + Isothermal + shear, source
Sersic; mask r=3", over-sampling 4) on the ``jax_test`` dataset, evaluated at a point near the
simulated truth. Checks that ``Fitness._grad`` (``jax.grad`` through the tracer, the over-sampled
light, the PSF convolution and the likelihood) is finite, non-zero, and equals Richardson-
extrapolated central finite differences of the NumPy likelihood to rtol 1e-5 (per component,
relative to the gradient's norm for components near zero). Also checks ``jax.vmap`` of the
gradient on a small batch equals the per-row gradient.

Exits non-zero on failure. Run: ``timeout 600 python workspace_test/jax_grad/imaging_lp.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "jax_likelihood_functions" / "imaging"))

import _common  # noqa: E402
import lp  # noqa: E402

from autogalaxy.convert import ell_comps_from  # noqa: E402
from autogalaxy.modeling.fitness import Fitness  # noqa: E402
from autolens.imaging.analysis import AnalysisImaging  # noqa: E402

RTOL = 1e-5


def truth_vector(model) -> np.ndarray:
    ell_lens = ell_comps_from(0.9, 45.0)
    ell_mass = ell_comps_from(0.8, 45.0)
    ell_src = ell_comps_from(0.8, 60.0)
    truth = {
        ("lens", "bulge", "centre_0"): 0.01,
        ("lens", "bulge", "centre_1"): -0.01,
        ("lens", "bulge", "ell_comps_0"): ell_lens[0],
        ("lens", "bulge", "ell_comps_1"): ell_lens[1],
        ("lens", "bulge", "intensity"): 4.0,
        ("lens", "bulge", "effective_radius"): 0.65,
        ("lens", "bulge", "sersic_index"): 2.9,
        ("lens", "mass", "centre_0"): 0.01,
        ("lens", "mass", "centre_1"): 0.005,
        ("lens", "mass", "ell_comps_0"): ell_mass[0],
        ("lens", "mass", "ell_comps_1"): ell_mass[1],
        ("lens", "mass", "einstein_radius"): 1.58,
        ("lens", "shear", "gamma_1"): 0.002,
        ("lens", "shear", "gamma_2"): 0.001,
        ("source", "bulge", "centre_0"): 0.1,
        ("source", "bulge", "centre_1"): 0.09,
        ("source", "bulge", "ell_comps_0"): ell_src[0],
        ("source", "bulge", "ell_comps_1"): ell_src[1],
        ("source", "bulge", "intensity"): 0.31,
        ("source", "bulge", "effective_radius"): 0.95,
        ("source", "bulge", "sersic_index"): 1.05,
    }
    vector = []
    for path in model.paths:
        key = tuple(path[-3:])
        if key not in truth:
            raise KeyError(f"no truth value for {'.'.join(path)}")
        vector.append(float(truth[key]))
    return np.asarray(vector)


def finite_difference_gradient(function, x, step=1e-4) -> np.ndarray:
    grad = np.zeros_like(x)
    for i in range(x.size):
        h = step * max(abs(x[i]), 0.1)

        def central(hh, i=i):
            up, down = x.copy(), x.copy()
            up[i] += hh
            down[i] -= hh
            return (function(up) - function(down)) / (2.0 * hh)

        grad[i] = (4.0 * central(h / 2.0) - central(h)) / 3.0
    return grad


def main() -> int:
    import jax
    import jax.numpy as jnp

    dataset = _common.dataset_from(mask_radius=3.0, over_sample_size=4)
    model = lp.model_from()
    x = truth_vector(model)
    fitness = Fitness(model, AnalysisImaging(dataset=dataset, use_jax=True))
    fitness_np = Fitness(model, AnalysisImaging(dataset=dataset, use_jax=False))

    value = float(fitness._jit(jnp.asarray(x)))
    value_np = fitness_np.call(x)
    grad = np.asarray(fitness._grad(jnp.asarray(x)))
    numeric = finite_difference_gradient(fitness_np.call, x)
    failures = []
    if not abs(value - value_np) <= 1e-8 * abs(value_np):
        failures.append(f"jit value {value!r} != NumPy {value_np!r}")
    if not np.all(np.isfinite(grad)):
        failures.append(f"gradient has non-finite entries: {grad}")
    if not np.any(grad != 0.0):
        failures.append("gradient is all zero")
    scale = np.linalg.norm(numeric)
    diff = np.abs(grad - numeric)
    ok = diff <= RTOL * np.maximum(np.abs(numeric), 1e-3 * scale)
    names = [".".join(p) for p in model.paths]
    for name, g, n, good in zip(names, grad, numeric, ok):
        flag = "" if good else "   <-- MISMATCH"
        print(f"{name:40s} jax {g: .8e}  fd {n: .8e}{flag}")
    if not np.all(ok):
        failures.append(
            f"{int(np.count_nonzero(~ok))} gradient components differ from finite "
            f"differences by more than rtol {RTOL}"
        )

    # vmap of the gradient equals the per-row gradient.
    batch = np.stack([x, x * (1.0 + 1e-3), x * (1.0 - 1e-3)])
    grads = np.asarray(jax.vmap(jax.grad(fitness.call))(jnp.asarray(batch)))
    for row in range(batch.shape[0]):
        single = np.asarray(fitness._grad(jnp.asarray(batch[row])))
        if not np.allclose(grads[row], single, rtol=1e-10, atol=1e-10 * np.abs(single).max()):
            failures.append(f"vmap(grad) row {row} differs from grad")
    failures += _common.blocked_gradient_failures(model, dataset, x, grad)
    print(f"log L {value:.6f}; |grad| {np.linalg.norm(grad):.4e}")
    if failures:
        print("FAILED imaging_lp.py:")
        for failure in failures:
            print("  " + failure)
        return 1
    print(f"imaging_lp.py: jax.grad finite and equal to finite differences (rtol {RTOL:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
