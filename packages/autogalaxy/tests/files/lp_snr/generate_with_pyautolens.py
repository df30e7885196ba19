"""Record PyAutoLens 2026.10.26.1's ``lp_snr`` intensities (run in the reference venv only).

    /work/refvenv/bin/python generate_with_pyautolens.py

writes ``expected.json`` next to this file (the galaxy cases, compared by
``autogalaxy/tests/profiles/light/test_light_snr.py``) and
``autolens/tests/files/lp_snr/expected.json`` (the tracer case, compared by
``autolens/tests/lens/test_tracer_snr.py``): the intensity PyAutoGalaxy / PyAutoLens sets on each
signal-to-noise profile.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

if __name__ == "__main__":
    # The release, never this checkout (workspace_test/benchmarks/_release.py): imported before
    # any auto* package, so a PYTHONPATH pointing here cannot turn the reference into this code.
    sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "workspace_test" / "benchmarks"))
    import _release

    _release.require_release()

import autogalaxy as ag
import autolens as al

OUT = Path(__file__).with_name("expected.json")
OUT_LENS = Path(__file__).parents[4] / "autolens" / "tests" / "files" / "lp_snr" / "expected.json"


def psf():
    return al.Convolver.from_gaussian(shape_native=(5, 5), sigma=0.1, pixel_scales=0.1)


def galaxy_profiles():
    return {
        "sersic": ag.lp_snr.Sersic(
            signal_to_noise_ratio=25.0,
            centre=(0.05, -0.1),
            ell_comps=(0.1, -0.05),
            effective_radius=0.4,
            sersic_index=2.5,
        ),
        "exponential_sph": ag.lp_snr.ExponentialSph(
            signal_to_noise_ratio=12.0, effective_radius=0.3
        ),
        "dev_vaucouleurs": ag.lp_snr.DevVaucouleurs(
            signal_to_noise_ratio=40.0, ell_comps=(0.0, 0.2), effective_radius=0.5
        ),
        "gaussian": ag.lp_snr.Gaussian(signal_to_noise_ratio=8.0, ell_comps=(0.1, 0.0), sigma=0.3),
        "sersic_core": ag.lp_snr.SersicCore(
            signal_to_noise_ratio=30.0, effective_radius=0.2, sersic_index=1.5
        ),
        "chameleon_sph": ag.lp_snr.ChameleonSph(signal_to_noise_ratio=15.0),
        "elson_free_fall": ag.lp_snr.ElsonFreeFall(
            signal_to_noise_ratio=20.0, ell_comps=(-0.1, 0.05), effective_radius=0.3, eta=2.0
        ),
    }


def main():
    out = {}

    # 1. set_intensity_from directly, with and without a PSF, on an over-sampled 16x16 grid.
    grid = ag.Grid2D.uniform(shape_native=(16, 16), pixel_scales=0.1, over_sample_size=2)
    for use_psf in (False, True):
        case = {}
        for name, profile in galaxy_profiles().items():
            profile.set_intensity_from(
                grid=grid,
                exposure_time=300.0,
                background_sky_level=0.1,
                psf=psf() if use_psf else None,
            )
            case[name] = float(profile.intensity)
        out["set_intensity_psf" if use_psf else "set_intensity"] = case

    # 2. ag.SimulatorImaging.via_galaxies_from (PSF-blurred S/N on the grid as given).
    profiles = galaxy_profiles()
    galaxies = [
        ag.Galaxy(redshift=0.5, bulge=profiles["sersic"], disk=profiles["exponential_sph"]),
        ag.Galaxy(redshift=0.5, light=profiles["gaussian"]),
    ]
    simulator = ag.SimulatorImaging(
        exposure_time=500.0, background_sky_level=1.0, psf=psf(), add_poisson_noise_to_data=False
    )
    simulator.via_galaxies_from(galaxies=galaxies, grid=grid)
    out["via_galaxies"] = {
        name: float(profiles[name].intensity) for name in ("sersic", "exponential_sph", "gaussian")
    }

    # 3. al.SimulatorImaging.via_tracer_from: the source's S/N on the traced grid (uniform
    # over-sampling 4 whatever the input grid carries, no PSF).
    grid = al.Grid2D.uniform(shape_native=(24, 24), pixel_scales=0.1)
    over_sample_size = al.util.over_sample.over_sample_size_via_radial_bins_from(
        grid=grid, sub_size_list=[8, 4, 2], radial_list=[0.3, 0.6], centre_list=[(0.0, 0.0)]
    )
    grid = grid.apply_over_sampling(over_sample_size=over_sample_size)
    lens_bulge = al.lp_snr.Sersic(
        signal_to_noise_ratio=50.0, ell_comps=(0.05, 0.1), effective_radius=0.8, sersic_index=4.0
    )
    source_bulge = al.lp_snr.SersicCore(
        signal_to_noise_ratio=20.0,
        centre=(0.05, 0.02),
        ell_comps=(0.1, 0.0),
        effective_radius=0.1,
        sersic_index=1.0,
    )
    tracer = al.Tracer(
        galaxies=[
            al.Galaxy(
                redshift=0.5,
                bulge=lens_bulge,
                mass=al.mp.Isothermal(einstein_radius=0.8, ell_comps=(0.1, 0.0)),
                shear=al.mp.ExternalShear(gamma_1=0.03, gamma_2=-0.02),
            ),
            al.Galaxy(redshift=1.0, bulge=source_bulge),
        ]
    )
    simulator = al.SimulatorImaging(
        exposure_time=300.0, background_sky_level=0.1, psf=psf(), add_poisson_noise_to_data=False
    )
    simulator.via_tracer_from(tracer=tracer, grid=grid)
    out["via_tracer"] = {
        "lens_bulge": float(lens_bulge.intensity),
        "source_bulge": float(source_bulge.intensity),
    }

    lens = {"via_tracer": out.pop("via_tracer")}
    for path, values in ((OUT, out), (OUT_LENS, lens)):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w") as f:
            json.dump(values, f, indent=1, sort_keys=True)
        os.replace(tmp, path)
    print(json.dumps({**out, **lens}, indent=1))


if __name__ == "__main__":
    main()
