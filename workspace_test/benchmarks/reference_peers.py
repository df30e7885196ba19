"""Time the JAX peers JAXtronomy and herculens (and lenstronomy's NumPy) on P1 / P2, identical pixels.

Issue 16 asks this package to be ahead of JAXtronomy and herculens *in the same window* on the
P1 / P2 jitted likelihood, ``vmap`` batch 50 and gradient. This script runs in its own virtual
environment (the peers pin their own dependencies):

    ~/.pyenv/versions/3.12.1/bin/python -m venv /work/peervenv
    /work/peervenv/bin/pip install jaxtronomy herculens six "jax==0.10.2" "jaxlib==0.10.2"
    hatch run bench --export-reference /tmp/problems       # pixels, PSF, noise, mask, vectors
    /work/peervenv/bin/python workspace_test/benchmarks/reference_peers.py /tmp/problems
    hatch run bench --rounds 1                              # this package, same window

(jaxtronomy 0.1.5 needs JAX >= 0.10; JAX 0.10.2 is the version this package is measured with,
so all three run the same XLA. herculens 0.3.0 calls ``jnp.clip(a_min=, a_max=)``, removed
from JAX: :func:`_herculens_jax_compatibility` maps the two keywords onto ``min`` / ``max``;
``six`` is a missing dependency of its ``objax`` import.)

Each peer gets the same problem through its own API: ``ImageData`` / ``PSF("PIXEL")`` /
``ImageModel.likelihood_data_given_model`` (JAXtronomy, lenstronomy) and ``PixelGrid`` /
``PSF`` / ``Noise`` / ``LensImage.model`` (herculens), with lens light ``SERSIC_ELLIPSE``, mass
``SIE`` + ``SHEAR`` and source ``SERSIC_ELLIPSE``, the exported data, noise map, PSF kernel and
mask (likelihood over the same unmasked pixels), and the same uniform over-sampling factor
(``supersampling_factor``; convolution at image resolution, as here). Matched by conversion:

* coordinates: pixel (row i, column j) at ``x = (j - nx/2 + 1/2) s``, ``y = (ny/2 - 1/2 - i) s``
  (``transform_pix2angle = [[s, 0], [0, -s]]``), as this package's (y, x) grids;
* ellipticity ``e1 = ell_comps[1]``, ``e2 = ell_comps[0]``; centres ``center_x = centre[1]``,
  ``center_y = centre[0]``; shear ``gamma1, gamma2 = gamma_1, gamma_2``;
* Einstein radius ``theta_E = einstein_radius * 2 sqrt(q) / (1 + q)`` (the peers' SIE
  normalisation; deflections then agree to 1e-10);
* Sersic ``amp = intensity / s**2`` (the peers integrate surface brightness over the pixel
  area), ``R_sersic = effective_radius`` on the product-average radius (herculens:
  ``Sersic(radius_major_axis=False)``, its default is the major axis);
* log likelihood: the peers' ``-chi^2 / 2`` plus this package's noise normalisation
  ``-1/2 sum log(2 pi sigma^2)``.

What differs: the peers' Sersic ``b_n = 1.9992 n - 0.3271`` against Ciotti & Bertin's series
here (images differ by ~5e-6 relative); ``--check`` (run by default, in a child process)
replaces the peers' ``b_n`` by the series to show that everything else agrees. The peers
evaluate every pixel of the frame (no mask-restricted evaluation) and convolve by FFT, their
default numerics.

Timed, as ``reference_pyautolens.py`` (median of rounds, each at least 0.2 s): a jitted
likelihood of a parameter vector, ``jax.jit(jax.vmap(likelihood))`` per likelihood at batch 50
and its first call (compile), the jitted gradient, and lenstronomy's NumPy likelihood. Writes
``DIR/peers_results.json`` (atomically) and prints a markdown table. ``--emulate-avx2`` restarts
under the AVX2 emulation of ``_isa.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

# This package's default XLA flags (``DEFAULT_XLA_FLAGS``, autoarray/execution.py), so the peers
# run the same XLA configuration as the code they are compared with.
os.environ.setdefault(
    "XLA_FLAGS",
    "--xla_cpu_multi_thread_eigen=false --xla_cpu_enable_concurrency_optimized_scheduler=false",
)
os.environ.setdefault("JAX_ENABLE_X64", "True")

if __name__ == "__main__":  # never import this checkout's packages in the peers' venv
    import _release

    _release.require_release(names=())

import numpy as np  # noqa: E402
from _isa import emulation, restart_emulating_avx2  # noqa: E402
from _machine import cpu_info  # noqa: E402

MIN_SAMPLE_SECONDS = 0.2
PEERS = ("jaxtronomy", "herculens")


def median_ms(fn, rounds: int) -> float:
    """Median over ``rounds`` of the mean ms per call of ``fn`` repeated for >= 0.2 s."""
    samples = []
    for _ in range(rounds):
        calls, start = 0, time.perf_counter()
        while calls == 0 or time.perf_counter() - start < MIN_SAMPLE_SECONDS:
            fn()
            calls += 1
        samples.append((time.perf_counter() - start) * 1e3 / calls)
    return statistics.median(samples)


def ciotti_bertin_b_n(n):
    """This package's Sersic constant (Ciotti & Bertin 1999), for the ``--check`` child only."""
    return (
        2.0 * n
        - 1.0 / 3.0
        + 4.0 / (405.0 * n)
        + 46.0 / (25515.0 * n**2)
        + 131.0 / (1148175.0 * n**3)
        - 2194697.0 / (30690717750.0 * n**4)
    )


def _herculens_jax_compatibility() -> None:
    """herculens 0.3.0 calls ``jnp.clip(x, a_min=..., a_max=...)``; JAX 0.10 only accepts
    ``min`` / ``max`` (same meaning)."""
    import jax.numpy as jnp

    clip = jnp.clip
    if getattr(clip, "_peer_compatible", False):
        return

    def compatible_clip(x, min=None, max=None, *, a_min=None, a_max=None):
        return clip(x, min if a_min is None else a_min, max if a_max is None else a_max)

    compatible_clip._peer_compatible = True
    jnp.clip = compatible_clip


class Problem:
    """One exported problem: arrays, pixel frame and the exported parameter vectors."""

    def __init__(self, directory: Path, name: str, full_frame: bool = False):
        self.name = name
        self.spec = json.loads((directory / f"{name}.json").read_text())
        arrays = {
            k: np.load(directory / f"{name}_{k}.npy") for k in ("data", "noise", "psf", "mask")
        }
        self.scale = float(self.spec["pixel_scale"])
        self.sub_size = int(self.spec["sub_size"])
        used = ~arrays["mask"].astype(bool)  # the export's mask is True where masked
        self.psf = np.asarray(arrays["psf"], dtype=float)
        ny, nx = used.shape
        # The peers evaluate every pixel of the image they are given. Cut the frame to the
        # unmasked pixels plus the PSF's half-width (a lens modeller's cut-out): every light
        # that reaches an unmasked pixel is inside it, so the likelihood is unchanged.
        (i0, i1), (j0, j1) = (0, ny), (0, nx)
        if not full_frame:
            rows, cols = np.nonzero(used)
            hy, hx = self.psf.shape[0] // 2, self.psf.shape[1] // 2
            i0, i1 = max(rows.min() - hy, 0), min(rows.max() + hy + 1, ny)
            j0, j1 = max(cols.min() - hx, 0), min(cols.max() + hx + 1, nx)
        self.used = used[i0:i1, j0:j1]
        self.data = np.asarray(arrays["data"], dtype=float)[i0:i1, j0:j1]
        # the export's noise map is 0 outside the mask; the peers divide every pixel by it
        self.noise = np.where(self.used, arrays["noise"][i0:i1, j0:j1], 1.0)
        self.ra0 = (j0 - nx / 2 + 0.5) * self.scale
        self.dec0 = (ny / 2 - 0.5 - i0) * self.scale
        self.pix2angle = np.array([[self.scale, 0.0], [0.0, -self.scale]])
        sigma = self.noise[self.used]
        self.noise_normalization = float(np.sum(np.log(2.0 * np.pi * sigma**2)))

    def variant(self, key: str) -> tuple:
        """(names, vector, this package's log likelihood) of an exported vector."""
        variant = self.spec[key]
        names = ["_".join(path[1:]) for path in variant["paths"]]  # e.g. lens_bulge_centre_0
        return names, np.asarray(variant["vector"], dtype=float), variant["log_likelihood"]

    def kwargs_from(self, names, vector, xp):
        """(kwargs_lens, kwargs_source, kwargs_lens_light) in the peers' conventions."""
        p = {name: vector[i] for i, name in enumerate(names)}

        def sersic(prefix):
            return dict(
                amp=p[f"{prefix}_intensity"] / self.scale**2,
                R_sersic=p[f"{prefix}_effective_radius"],
                n_sersic=p[f"{prefix}_sersic_index"],
                e1=p[f"{prefix}_ell_comps_1"],
                e2=p[f"{prefix}_ell_comps_0"],
                center_x=p[f"{prefix}_centre_1"],
                center_y=p[f"{prefix}_centre_0"],
            )

        e1, e2 = p["lens_mass_ell_comps_1"], p["lens_mass_ell_comps_0"]
        modulus = xp.sqrt(e1**2 + e2**2)
        q = (1.0 - modulus) / (1.0 + modulus)
        mass = dict(
            theta_E=p["lens_mass_einstein_radius"] * 2.0 * xp.sqrt(q) / (1.0 + q),
            e1=e1,
            e2=e2,
            center_x=p["lens_mass_centre_1"],
            center_y=p["lens_mass_centre_0"],
        )
        shear = dict(
            gamma1=p["lens_shear_gamma_1"], gamma2=p["lens_shear_gamma_2"], ra_0=0.0, dec_0=0.0
        )
        return [mass, shear], [sersic("source_bulge")], [sersic("lens_bulge")]


def jaxtronomy_likelihood(problem: Problem, names):
    """``vector -> log likelihood`` through JAXtronomy's ``ImageModel``."""
    import jax.numpy as jnp
    from jaxtronomy.Data.imaging_data import ImageData
    from jaxtronomy.ImSim.image_model import ImageModel
    from jaxtronomy.LensModel.lens_model import LensModel
    from jaxtronomy.LightModel.light_model import LightModel
    from lenstronomy.Data.psf import PSF

    data = ImageData(
        image_data=problem.data,
        noise_map=problem.noise,
        transform_pix2angle=problem.pix2angle,
        ra_at_xy_0=problem.ra0,
        dec_at_xy_0=problem.dec0,
    )
    model = ImageModel(
        data,
        PSF(psf_type="PIXEL", kernel_point_source=problem.psf),
        lens_model_class=LensModel(["SIE", "SHEAR"]),
        source_model_class=LightModel(["SERSIC_ELLIPSE"]),
        lens_light_model_class=LightModel(["SERSIC_ELLIPSE"]),
        kwargs_numerics=dict(supersampling_factor=problem.sub_size),
        likelihood_mask=problem.used.astype(int),
    )
    constant = -0.5 * problem.noise_normalization

    def log_likelihood(vector):
        lens, source, light = problem.kwargs_from(names, vector, jnp)
        return model.likelihood_data_given_model(lens, source, light) + constant

    return log_likelihood


def herculens_likelihood(problem: Problem, names):
    """``vector -> log likelihood`` from herculens's ``LensImage.model`` and its noise model."""
    _herculens_jax_compatibility()
    import jax.numpy as jnp
    from herculens.Coordinates.pixel_grid import PixelGrid
    from herculens.Instrument.noise import Noise
    from herculens.Instrument.psf import PSF
    from herculens.LensImage.lens_image import LensImage
    from herculens.LightModel.light_model import LightModel
    from herculens.LightModel.Profiles.sersic import Sersic
    from herculens.MassModel.mass_model import MassModel

    ny, nx = problem.data.shape
    grid = PixelGrid(nx, ny, problem.pix2angle, problem.ra0, problem.dec0)
    psf = PSF(psf_type="PIXEL", kernel_point_source=problem.psf, pixel_size=problem.scale)
    noise = Noise(nx, ny, noise_map=problem.noise)
    image = LensImage(
        grid,
        psf,
        noise_class=noise,
        lens_mass_model_class=MassModel(["SIE", "SHEAR"]),
        source_model_class=LightModel([Sersic(exponent=2, radius_major_axis=False)]),
        lens_light_model_class=LightModel([Sersic(exponent=2, radius_major_axis=False)]),
        kwargs_numerics=dict(supersampling_factor=problem.sub_size),
    )
    data, used = jnp.asarray(problem.data), jnp.asarray(problem.used, dtype=float)
    constant = -0.5 * problem.noise_normalization

    def log_likelihood(vector):
        lens, source, light = problem.kwargs_from(names, vector, jnp)
        model = image.model(kwargs_lens=lens, kwargs_source=source, kwargs_lens_light=light)
        chi2 = jnp.sum(used * (data - model) ** 2 / image.C_D_model(model))
        return -0.5 * chi2 + constant

    return log_likelihood


def lenstronomy_likelihood(problem: Problem, names, adaptive: bool = False):
    """``vector -> log likelihood`` through lenstronomy's NumPy ``ImageModel``; ``adaptive``
    over-samples only the unmasked pixels (the pixels outside the mask that the PSF blurs in are
    evaluated at their centres, as PyAutoLens does): the agreement check's exact match."""
    from lenstronomy.Data.imaging_data import ImageData
    from lenstronomy.Data.psf import PSF
    from lenstronomy.ImSim.image_model import ImageModel
    from lenstronomy.LensModel.lens_model import LensModel
    from lenstronomy.LightModel.light_model import LightModel

    data = ImageData(
        image_data=problem.data,
        noise_map=problem.noise,
        transform_pix2angle=problem.pix2angle,
        ra_at_xy_0=problem.ra0,
        dec_at_xy_0=problem.dec0,
    )
    numerics: dict = dict(supersampling_factor=problem.sub_size)
    if adaptive:
        numerics.update(compute_mode="adaptive", supersampled_indexes=problem.used)
    model = ImageModel(
        data,
        PSF(psf_type="PIXEL", kernel_point_source=problem.psf),
        lens_model_class=LensModel(["SIE", "SHEAR"]),
        source_model_class=LightModel(["SERSIC_ELLIPSE"]),
        lens_light_model_class=LightModel(["SERSIC_ELLIPSE"]),
        kwargs_numerics=numerics,
        likelihood_mask=problem.used.astype(int),
    )
    constant = -0.5 * problem.noise_normalization

    def log_likelihood(vector):
        lens, source, light = problem.kwargs_from(names, vector, np)
        # lenstronomy's ImageModel (not ImageLinearFit) keeps the given amplitudes: no linear solve
        return float(model.likelihood_data_given_model(lens, source, light)) + constant

    return log_likelihood


BUILDERS = dict(
    jaxtronomy=jaxtronomy_likelihood,
    herculens=herculens_likelihood,
    lenstronomy=lenstronomy_likelihood,
)

#: The agreement check's builders: the timed ones plus lenstronomy over-sampling like PyAutoLens.
CHECKS = dict(BUILDERS, **{"lenstronomy-adaptive": partial(lenstronomy_likelihood, adaptive=True)})


def agreement(directory: Path, problems, matched_b_n: bool, full_frame: bool) -> dict:
    """``{problem: {peer: {variant: [peer log L, ours]}}}`` for the exported vectors;
    ``matched_b_n`` first swaps the peers' Sersic ``b_n`` for this package's series."""
    import jax

    if matched_b_n:
        _herculens_jax_compatibility()
        from herculens.LightModel.Profiles.sersic import SersicBase
        from jaxtronomy.LensModel.Profiles.sersic_utils import SersicUtil
        from lenstronomy.LensModel.Profiles.sersic_utils import SersicUtil as NumpySersicUtil

        for cls in (SersicUtil, SersicBase, NumpySersicUtil):
            cls.b_n = staticmethod(ciotti_bertin_b_n)
    out: dict = {}
    for name in problems:
        problem = Problem(directory, name, full_frame)
        for peer, build in CHECKS.items():
            for key in ("standard", "truth"):
                if key not in problem.spec:
                    continue
                names, vector, ours = problem.variant(key)
                log_l = build(problem, names)
                numpy_peer = peer.startswith("lenstronomy")
                value = log_l(vector) if numpy_peer else jax.jit(log_l)(vector)
                out.setdefault(name, {}).setdefault(peer, {})[key] = [float(value), ours]
    return out


def bench(problem: Problem, peer: str, rounds: int) -> dict:
    import jax
    import jax.numpy as jnp

    names, vector, _ = problem.variant("standard")
    log_l = BUILDERS[peer](problem, names)
    result = dict(problem=problem.name, peer=peer, frame=list(problem.data.shape))
    if peer == "lenstronomy":
        log_l(vector)
        result["numpy"] = median_ms(lambda: log_l(vector), rounds)
        return result
    single = jax.jit(log_l)
    grad = jax.jit(jax.grad(log_l))
    batched = jax.jit(jax.vmap(log_l))
    x = jnp.asarray(vector)
    batch = jnp.asarray(
        vector * (1.0 + 1e-3 * np.random.default_rng(1).standard_normal((50, x.size)))
    )
    start = time.perf_counter()
    jax.block_until_ready(single(x))
    result["jit_compile_s"] = time.perf_counter() - start
    jax.block_until_ready(grad(x))
    start = time.perf_counter()
    jax.block_until_ready(batched(batch))
    result["compile_s"] = time.perf_counter() - start
    result["jit"] = median_ms(lambda: single(x).block_until_ready(), rounds)
    result["vmap_50"] = median_ms(lambda: batched(batch).block_until_ready(), rounds) / 50
    result["grad"] = median_ms(lambda: grad(x).block_until_ready(), rounds)
    return result


def markdown_table(results) -> str:
    rows = [
        "| problem | peer | NumPy | jit | vmap 50 | grad | vmap-50 compile (s) |",
        "|---|---|---|---|---|---|---|",
    ]
    nan = float("nan")
    for r in results:
        rows.append(
            f"| {r['problem']} | {r['peer']} | {r.get('numpy', nan):.3f} | {r.get('jit', nan):.3f} "
            f"| {r.get('vmap_50', nan):.3f} | {r.get('grad', nan):.3f} | "
            f"{r.get('compile_s', nan):.2f} |"
        )
    return "\n".join(rows) + "\n"


def agreement_lines(native: dict, matched: dict) -> list:
    lines = []
    for name, peers in native.items():
        for peer, variants in peers.items():
            for key, (value, ours) in variants.items():
                line = f"{name} {peer} {key}: peer log L {value:.10g}, ours {ours:.10g}, relative {abs(value - ours) / abs(ours):.1e}"
                if matched:
                    m = matched[name][peer][key][0]
                    line += f"; with this package's b_n {m:.10g}, relative {abs(m - ours) / abs(ours):.1e}"
                lines.append(line)
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, help="folder written by run.py --export-reference")
    parser.add_argument("--problems", nargs="+", default=["P1", "P2"])
    parser.add_argument(
        "--peers", nargs="+", default=list(PEERS) + ["lenstronomy"], choices=list(BUILDERS)
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--emulate-avx2", action="store_true", help="restart under _isa.py's AVX2 emulation"
    )
    parser.add_argument("--no-check", action="store_true", help="skip the log-likelihood agreement")
    parser.add_argument(
        "--full-frame",
        action="store_true",
        help="give the peers the whole exported frame, not the cut-out around the mask",
    )
    parser.add_argument("--matched-b-n", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.emulate_avx2:
        restart_emulating_avx2()
    if args.matched_b_n:  # the --check child: values only
        print(json.dumps(agreement(args.directory, args.problems, True, args.full_frame)))
        return 0

    import jax

    check: dict = {}
    if not args.no_check:
        native = agreement(args.directory, args.problems, False, args.full_frame)
        child = subprocess.run(
            [
                sys.executable,
                __file__,
                str(args.directory),
                "--matched-b-n",
                "--problems",
                *args.problems,
            ]
            + (["--full-frame"] if args.full_frame else []),
            capture_output=True,
            text=True,
            check=True,
        )
        matched = json.loads(child.stdout.strip().splitlines()[-1])
        check = dict(native=native, matched_b_n=matched)
        print("\n".join(agreement_lines(native, matched)), flush=True)

    results = []
    for name in args.problems:
        problem = Problem(args.directory, name, args.full_frame)
        for peer in args.peers:
            results.append(bench(problem, peer, args.rounds))
            print(json.dumps(results[-1]), flush=True)
    import importlib.metadata as metadata

    meta = dict(
        versions={
            p: metadata.version(p)
            for p in ("jax", "jaxlib", "jaxtronomy", "herculens", "lenstronomy")
        },
        cpus=os.cpu_count(),
        utc=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        cpu=cpu_info(),
        emulation=emulation(),
        jax_devices=len(jax.devices()),
    )
    target = args.directory / (
        "peers_results_avx2.json" if meta["emulation"]["emulated_isa"] else "peers_results.json"
    )
    with tempfile.NamedTemporaryFile("w", dir=args.directory, delete=False, suffix=".tmp") as f:
        json.dump({"meta": meta, "agreement": check, "results": results}, f, indent=2)
    os.replace(f.name, target)
    kind = meta["cpu"]["kind"] + (" (AVX2 emulation)" if meta["emulation"]["emulated_isa"] else "")
    print(f"peers {meta['versions']}, ms per likelihood on {kind}\n\n" + markdown_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
