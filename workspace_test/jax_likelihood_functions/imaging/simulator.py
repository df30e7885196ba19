"""Simulate the HST-like ``jax_test`` lens dataset used by the imaging likelihood parity scripts.

Writes ``workspace_test/dataset/imaging/jax_test/{data,noise_map,psf}.fits`` and ``tracer.json``
if they are missing (pass ``--force`` to overwrite): 180x180 pixels at 0.2"/px (over-sampling 4),
21x21 Gaussian PSF (σ = 0.2", normalised), 2000 s exposure, sky 1.0 e-/s, Poisson noise with
seed 1. Lens (z = 0.5): Sersic + Exponential light, Isothermal + external shear mass; source
(z = 1.0): Sersic (spec §4.2).

Run: ``timeout 600 python workspace_test/jax_likelihood_functions/imaging/simulator.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
for package in ("autoarray", "autogalaxy", "autolens"):
    sys.path.append(str(ROOT / "packages" / package))

import autoarray as aa  # noqa: E402
from autoarray.operators.convolver import Convolver  # noqa: E402
from autogalaxy.convert import ell_comps_from  # noqa: E402
from autogalaxy.galaxy.galaxy import Galaxy  # noqa: E402
from autogalaxy.profiles.light.standard.sersic import Exponential, Sersic  # noqa: E402
from autogalaxy.profiles.mass.sheets.external_shear import ExternalShear  # noqa: E402
from autogalaxy.profiles.mass.total.isothermal import Isothermal  # noqa: E402
from autolens.imaging.simulator import SimulatorImaging, output_dataset_to_fits  # noqa: E402
from autolens.lens.tracer import Tracer  # noqa: E402

DATASET_PATH = ROOT / "workspace_test" / "dataset" / "imaging" / "jax_test"
PIXEL_SCALES = 0.2


def ell(axis_ratio, angle):
    return tuple(float(v) for v in ell_comps_from(axis_ratio=axis_ratio, angle=angle))


def true_tracer() -> Tracer:
    lens = Galaxy(
        redshift=0.5,
        bulge=Sersic(
            centre=(0.0, 0.0),
            ell_comps=ell(0.9, 45.0),
            intensity=4.0,
            effective_radius=0.6,
            sersic_index=3.0,
        ),
        disk=Exponential(
            centre=(0.0, 0.0), ell_comps=ell(0.7, 30.0), intensity=2.0, effective_radius=1.6
        ),
        mass=Isothermal(centre=(0.0, 0.0), ell_comps=ell(0.8, 45.0), einstein_radius=1.6),
        shear=ExternalShear(gamma_1=0.001, gamma_2=0.001),
    )
    source = Galaxy(
        redshift=1.0,
        bulge=Sersic(
            centre=(0.1, 0.1),
            ell_comps=ell(0.8, 60.0),
            intensity=0.3,
            effective_radius=1.0,
            sersic_index=1.0,
        ),
    )
    return Tracer(galaxies=[lens, source])


def should_simulate(path: Path) -> bool:
    return not all((path / name).exists() for name in ("data.fits", "noise_map.fits", "psf.fits"))


def simulate(path: Path = DATASET_PATH) -> None:
    grid = aa.Grid2D.uniform(shape_native=(180, 180), pixel_scales=PIXEL_SCALES, over_sample_size=4)
    psf = Convolver.from_gaussian(
        shape_native=(21, 21), pixel_scales=PIXEL_SCALES, sigma=0.2, normalize=True
    )
    simulator = SimulatorImaging(
        exposure_time=2000.0,
        psf=psf,
        background_sky_level=1.0,
        add_poisson_noise_to_data=True,
        noise_seed=1,
    )
    tracer = true_tracer()
    dataset = simulator.via_tracer_from(tracer=tracer, grid=grid)
    output_dataset_to_fits(dataset, str(path), tracer=tracer, overwrite=True)
    data = np.asarray(dataset.data.native.array)
    print(
        f"simulated {path}: data {data.shape}, max {data.max():.3f}, "
        f"noise min {np.asarray(dataset.noise_map.array).min():.4f}"
    )


def main() -> int:
    if "--force" in sys.argv or should_simulate(DATASET_PATH):
        simulate()
    else:
        print(f"{DATASET_PATH} exists; nothing to do (pass --force to re-simulate)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
