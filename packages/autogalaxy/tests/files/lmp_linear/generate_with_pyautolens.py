"""Record PyAutoGalaxy / PyAutoLens 2026.10.26.1 numbers of ``lmp_linear`` profiles (run in the
reference venv only):

    /work/refvenv/bin/python generate_with_pyautolens.py

writes ``expected.json``: unit-intensity light images, convergences and deflections of each
profile at a few points, and two lens fits (a small explicit dataset, see ``dataset()``,
``lp_linear.Exponential`` source) whose lens bulge is an ``lmp_linear.Sersic`` or an ``lp_linear.Sersic`` next to an
``mp.Sersic`` of the same parameters: their log likelihoods and solved intensities. Compared by
``autogalaxy/tests/profiles/light_and_mass/test_light_and_mass_linear.py`` and
``autolens/tests/imaging/test_al_fit_lmp_linear.py``.
"""

import inspect
import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

if __name__ == "__main__":
    # The release, never this checkout (workspace_test/benchmarks/_release.py): imported before
    # any auto* package, so a PYTHONPATH pointing here cannot turn the reference into this code.
    sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "workspace_test" / "benchmarks"))
    import _release

    _release.require_release()

import autogalaxy as ag
import autolens as al

OUT = Path(__file__).with_name("expected.json")
POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]


def profiles():
    return {
        "Sersic": ag.lmp_linear.Sersic(
            centre=(0.1, -0.1),
            ell_comps=(0.1, 0.05),
            intensity=0.5,
            effective_radius=0.8,
            sersic_index=2.5,
            mass_to_light_ratio=1.3,
        ),
        "SersicSph": ag.lmp_linear.SersicSph(
            centre=(0.0, 0.1), intensity=0.3, effective_radius=0.6, sersic_index=3.0
        ),
        "Exponential": ag.lmp_linear.Exponential(
            ell_comps=(-0.1, 0.1), intensity=0.4, effective_radius=0.7, mass_to_light_ratio=2.0
        ),
        "DevVaucouleursSph": ag.lmp_linear.DevVaucouleursSph(
            intensity=0.2, effective_radius=0.9, mass_to_light_ratio=0.8
        ),
        "Gaussian": ag.lmp_linear.Gaussian(
            ell_comps=(0.05, 0.0), intensity=0.6, sigma=0.5, mass_to_light_ratio=1.5
        ),
        "GaussianGradient": ag.lmp_linear.GaussianGradient(
            centre=(0.05, 0.0),
            ell_comps=(0.1, 0.05),
            intensity=0.6,
            sigma=0.5,
            mass_to_light_ratio_base=1.5,
            mass_to_light_gradient=0.4,
            mass_to_light_radius=0.8,
        ),
        "SersicGradient": ag.lmp_linear.SersicGradient(
            ell_comps=(0.1, 0.0),
            intensity=0.6,
            effective_radius=0.7,
            sersic_index=2.0,
            mass_to_light_ratio=1.5,
            mass_to_light_gradient=0.3,
        ),
        "SersicGradientSph": ag.lmp_linear.SersicGradientSph(
            centre=(0.0, 0.1),
            intensity=0.4,
            effective_radius=0.6,
            sersic_index=3.0,
            mass_to_light_gradient=-0.2,
        ),
        "ExponentialGradient": ag.lmp_linear.ExponentialGradient(
            ell_comps=(0.1, 0.0),
            intensity=0.6,
            effective_radius=0.7,
            mass_to_light_ratio=1.5,
            mass_to_light_gradient=0.3,
        ),
        "ExponentialGradientSph": ag.lmp_linear.ExponentialGradientSph(
            centre=(0.1, 0.0), intensity=0.5, effective_radius=0.5, mass_to_light_gradient=0.5
        ),
    }


def dataset():
    """15x15 data at 0.1"/pixel, noise 0.1, 3x3 Gaussian PSF, 0.5" circular mask, sub size 2."""
    shape = (15, 15)
    y, x = np.mgrid[0:15, 0:15]
    data = (
        0.2
        + 0.5 * np.exp(-((y - 7.0) ** 2 + (x - 7.5) ** 2) / 8.0)
        + 0.05 * np.sin(x * 1.3 + y * 0.7)
    )
    imaging = al.Imaging(
        data=al.Array2D.no_mask(data, pixel_scales=0.1),
        noise_map=al.Array2D.no_mask(np.full(shape, 0.1), pixel_scales=0.1),
        psf=al.Convolver.from_gaussian(shape_native=(3, 3), sigma=0.1, pixel_scales=0.1),
    )
    mask = al.Mask2D.circular(shape_native=shape, pixel_scales=0.1, radius=0.5)
    return imaging.apply_mask(mask=mask).apply_over_sampling(over_sample_size_lp=2)


def main():
    grid = ag.Grid2DIrregular(POINTS)
    out = {"points": POINTS, "profiles": {}}
    for name, p in profiles().items():
        out["profiles"][name] = {
            "image": np.asarray(p.image_2d_from(grid=grid)).tolist(),
            "convergence": np.asarray(p.convergence_2d_from(grid=grid)).tolist(),
            "deflections": np.asarray(p.deflections_yx_2d_from(grid=grid)).tolist(),
        }
    # The standard (non-linear) light-and-mass twins of the Gradient variants.
    out["lmp"] = {}
    for name in (
        "GaussianGradient",
        "SersicGradient",
        "SersicGradientSph",
        "ExponentialGradient",
        "ExponentialGradientSph",
    ):
        linear = profiles()[name]
        cls = getattr(ag.lmp, name)
        names = [n for n in inspect.signature(cls.__init__).parameters if n != "self"]
        p = cls(**{n: getattr(linear, n) for n in names})
        out["lmp"][name] = {
            "image": np.asarray(p.image_2d_from(grid=grid)).tolist(),
            "convergence": np.asarray(p.convergence_2d_from(grid=grid)).tolist(),
            "deflections": np.asarray(p.deflections_yx_2d_from(grid=grid)).tolist(),
        }

    # The same lens fitted twice: its bulge an lmp_linear.Sersic, or an lp_linear.Sersic plus a
    # separate mp.Sersic of the same parameters (PyAutoLens gives the same fit).
    kwargs = dict(centre=(0.0, 0.0), ell_comps=(0.05, 0.0), effective_radius=0.6, sersic_index=3.0)
    out["fit"] = {}
    for label in ("lmp_linear", "lp_linear_plus_mp"):
        if label == "lmp_linear":
            lens_profile = ag.lmp_linear.Sersic(intensity=0.2, mass_to_light_ratio=2.0, **kwargs)
            components = {"bulge": lens_profile}
        else:
            lens_profile = ag.lp_linear.Sersic(**kwargs)
            components = {
                "bulge": lens_profile,
                "stellar": ag.mp.Sersic(intensity=0.2, mass_to_light_ratio=2.0, **kwargs),
            }
        source_profile = al.lp_linear.Exponential(centre=(0.1, 0.1), effective_radius=0.2)
        tracer = al.Tracer(
            galaxies=[
                al.Galaxy(
                    redshift=0.5, mass=al.mp.IsothermalSph(einstein_radius=0.8), **components
                ),
                al.Galaxy(redshift=1.0, bulge=source_profile),
            ]
        )
        fit = al.FitImaging(dataset=dataset(), tracer=tracer)
        intensities = fit.linear_light_profile_intensity_dict
        out["fit"][label] = {
            "log_likelihood": float(fit.log_likelihood),
            "lens_intensity": float(intensities[lens_profile]),
            "source_intensity": float(intensities[source_profile]),
        }

    # The autolens_workspace_test pattern: a Basis of lmp_linear Gaussians as the lens's only
    # light and mass.
    members = [
        ag.lmp_linear.Gaussian(intensity=1.0, mass_to_light_ratio=3.0, sigma=0.3),
        ag.lmp_linear.Gaussian(
            intensity=2.0, mass_to_light_ratio=4.0, sigma=0.6, ell_comps=(0.1, 0.0)
        ),
    ]
    source_profile = al.lp_linear.Exponential(centre=(0.1, 0.1), effective_radius=0.2)
    tracer = al.Tracer(
        galaxies=[
            al.Galaxy(redshift=0.5, bulge=al.lp_basis.Basis(profile_list=members)),
            al.Galaxy(redshift=1.0, bulge=source_profile),
        ]
    )
    fit = al.FitImaging(dataset=dataset(), tracer=tracer)
    intensities = fit.linear_light_profile_intensity_dict
    out["fit"]["basis_of_lmp_linear_gaussians"] = {
        "log_likelihood": float(fit.log_likelihood),
        "member_intensities": [float(intensities[m]) for m in members],
        "source_intensity": float(intensities[source_profile]),
    }

    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".tmp")
    with os.fdopen(fd, "w") as f:
        json.dump(out, f, indent=1)
    os.replace(tmp, OUT)
    print(json.dumps(out["fit"], indent=1))


if __name__ == "__main__":
    main()
