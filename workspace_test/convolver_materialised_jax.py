"""JAX parity of the canvas of values already in memory (``materialised=True``).

Over-sampled images and linear-profile columns come out of binning (a reduction), so the JAX
canvas gather reads them with a zero fill instead of the ``0 * sum(values)`` slot that forces
other values into memory (``ConvolverState.canvas_from``). Checks that this path gives the NumPy
blur (jit and vmap, image and mapping matrix, a padded mask at the edge), that a value that is
not finite still spreads to every pixel, and that the P2-like over-sampled fit compiles fewer
XLA kernels with it and equals NumPy.

Not a pytest module: run ``timeout 300 python workspace_test/convolver_materialised_jax.py``;
exits non-zero on any mismatch.
"""

from __future__ import annotations

import sys

import numpy as np

import autoarray as aa
from autoarray.backend import jax_numpy
from autoarray.operators.convolver import Convolver

jnp = jax_numpy()
import jax  # noqa: E402

FAILURES: list = []


def check(name, ok: bool, detail: str = "") -> None:
    print(f"{'PASS' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    if not ok:
        FAILURES.append(name)


def close(name, got, expected, atol) -> None:
    got, expected = np.asarray(got), np.asarray(expected)
    err = float(np.max(np.abs(got - expected))) if got.size else 0.0
    ok = got.shape == expected.shape and bool(np.all(np.isfinite(got))) and err <= atol
    check(name, ok, f"max|diff| = {err:.3e} (tol {atol:.0e})")


def convolution_case(rng, label, shape, radius, centre) -> None:
    mask = aa.Mask2D.circular(shape, radius=radius, pixel_scales=0.05, centre=centre)
    psf = Convolver.from_gaussian((21, 21), pixel_scales=0.05, sigma=0.1, normalize=True)
    state = psf.state_from(mask)
    n, nb = mask.pixels_in_mask, state.blurring_pixels
    image, blurring = rng.normal(size=n), rng.normal(size=nb)

    def blur(i, b, materialised):
        return psf.convolved_image_from(
            i, b, mask=mask, xp=jnp, method="fft", materialised=materialised
        )

    reference = psf.convolved_image_from(image, blurring, mask=mask, method="fft")
    close(
        f"{label} image jit",
        jax.jit(lambda i, b: blur(i, b, True))(image, blurring),
        reference,
        1e-12,
    )
    batch_i, batch_b = rng.normal(size=(4, n)), rng.normal(size=(4, nb))
    expected = np.stack(
        [psf.convolved_image_from(i, b, mask=mask, method="fft") for i, b in zip(batch_i, batch_b)]
    )
    close(
        f"{label} image vmap",
        jax.jit(jax.vmap(lambda i, b: blur(i, b, True)))(batch_i, batch_b),
        expected,
        1e-12,
    )
    close(
        f"{label} image without blurring values",
        jax.jit(lambda i: psf.convolved_image_from(i, None, mask=mask, xp=jnp, materialised=True))(
            image
        ),
        psf.convolved_image_from(image, None, mask=mask, method="fft"),
        1e-12,
    )
    bad = image.copy()
    bad[0] = np.nan
    out = np.asarray(jax.jit(lambda i, b: blur(i, b, True))(bad, blurring))
    check(f"{label} a NaN value spreads to every pixel", bool(np.all(np.isnan(out))))
    M, Mb = rng.normal(size=(n, 3)), rng.normal(size=(nb, 3))
    close(
        f"{label} mapping matrix jit",
        jax.jit(
            lambda a, b: psf.convolved_mapping_matrix_from(
                a, mask, b, xp=jnp, method="fft", materialised=True
            )
        )(M, Mb),
        psf.convolved_mapping_matrix_from(M, mask, Mb, method="fft"),
        1e-12,
    )


def kernels(compiled) -> int:
    """Top-level instructions of the non-fused computations other than parameters, constants,
    tuples and bitcasts (docs/performance.md, round 14): the kernels XLA:CPU compiles."""
    import re

    text = compiled.as_text()
    inner = set(re.findall(r"(?:calls|to_apply)=%?([\w.\-]+)", text))
    skip = {"parameter", "constant", "tuple", "get-tuple-element", "bitcast"}
    count = 0
    for block in re.split(r"\n(?=\S)", text):
        head = re.match(r"(?:ENTRY\s+)?%([\w.\-]+)", block)
        if head is None or head.group(1) in inner:
            continue
        for line in block.splitlines()[1:]:
            op = re.match(r"\s+(?:ROOT\s+)?%[\w.\-]+ = .*? ([a-z][\w\-]*)\(", line)
            if op is not None and op.group(1) not in skip:
                count += 1
    return count


def over_sampled_fit_case() -> None:
    """An over-sampled standard-light fit: the JAX likelihood equals NumPy, and its program has
    fewer kernels than with the zero slot forced (the flag patched off)."""
    import autogalaxy as ag
    from autoarray.operators import convolver

    grid = aa.Grid2D.uniform((40, 40), 0.1, over_sample_size=4)
    psf = Convolver.from_gaussian((7, 7), 0.1, sigma=0.1, normalize=True)
    galaxy = ag.Galaxy(0.5, bulge=ag.lp.Sersic(intensity=1.0, effective_radius=0.5))
    simulator = ag.SimulatorImaging(
        exposure_time=1000.0, psf=psf, add_poisson_noise_to_data=False, noise_if_add_noise_false=1.0
    )
    dataset = simulator.via_galaxies_from([galaxy], grid)
    dataset = dataset.apply_mask(aa.Mask2D.circular((40, 40), radius=1.5, pixel_scales=0.1))
    dataset = dataset.apply_over_sampling(over_sample_size_lp=4)

    def log_likelihood(intensity, xp):
        fitted = ag.Galaxy(0.5, bulge=ag.lp.Sersic(intensity=intensity, effective_radius=0.5))
        return ag.FitImaging(dataset, [fitted], xp=xp).log_likelihood

    expected = float(log_likelihood(0.9, np))
    new = jax.jit(lambda a: log_likelihood(a, jnp)).lower(0.9).compile()
    close("over-sampled fit: JAX log likelihood = NumPy", float(new(0.9)), expected, 1e-8)
    original = convolver.Convolver.convolved_image_from

    def zero_slot(self, *args, **kwargs):
        kwargs["materialised"] = False
        return original(self, *args, **kwargs)

    convolver.Convolver.convolved_image_from = zero_slot
    try:
        old = jax.jit(lambda a: log_likelihood(a, jnp)).lower(0.9).compile()
    finally:
        convolver.Convolver.convolved_image_from = original
    check(
        "over-sampled fit: same value with the zero slot",
        float(old(0.9)) == float(new(0.9)),
        f"{float(old(0.9))!r} vs {float(new(0.9))!r}",
    )
    check(
        "over-sampled fit: fewer kernels than with the zero slot",
        kernels(new) < kernels(old),
        f"{kernels(new)} against {kernels(old)}",
    )


def main() -> int:
    rng = np.random.default_rng(0)
    convolution_case(rng, "centred", (80, 80), 0.75, (0.0, 0.0))
    convolution_case(rng, "edge/padded", (40, 40), 0.3, (0.8, 0.8))
    over_sampled_fit_case()
    if FAILURES:
        print(f"\n{len(FAILURES)} check(s) FAILED: {FAILURES}")
        return 1
    print("\nall materialised-canvas checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
