"""Regenerate the small PNGs of docs/plotting.md (run: /work/bin/wtpy docs/gallery/make_gallery.py
or ``hatch run python docs/gallery/make_gallery.py``). Images are written at the library's
resolution into a temporary folder, then shrunk and palette-quantised so the gallery stays well
under 1 MB."""

import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

import autolens as al
import autolens.plot as aplt

GALLERY = Path(__file__).resolve().parent
WIDTH = 640


def shrink(source: Path, name: str) -> None:
    image = Image.open(source).convert("RGB")
    if image.width > WIDTH:
        image = image.resize((WIDTH, round(image.height * WIDTH / image.width)), Image.LANCZOS)
    image.quantize(colors=96).save(GALLERY / f"{name}.png", optimize=True)


def main() -> None:
    grid = al.Grid2D.uniform(shape_native=(60, 60), pixel_scales=0.08, over_sample_size=2)
    lens = al.Galaxy(
        redshift=0.5,
        bulge=al.lp.Sersic(intensity=1.0, effective_radius=0.6, sersic_index=3.0),
        mass=al.mp.Isothermal(einstein_radius=1.3, ell_comps=(0.1, 0.05)),
        shear=al.mp.ExternalShear(gamma_1=0.04, gamma_2=0.03),
    )
    source = al.Galaxy(
        redshift=1.0,
        bulge=al.lp.SersicCore(
            centre=(0.05, 0.08), ell_comps=(0.1, 0.0), intensity=3.0, effective_radius=0.15
        ),
    )
    tracer = al.Tracer(galaxies=[lens, source])
    psf = al.Convolver.from_gaussian(shape_native=(7, 7), sigma=0.1, pixel_scales=0.08)
    simulator = al.SimulatorImaging(
        exposure_time=300.0,
        psf=psf,
        background_sky_level=0.1,
        add_poisson_noise_to_data=True,
        noise_seed=1,
    )
    dataset = simulator.via_tracer_from(tracer=tracer, grid=grid)
    mask = al.Mask2D.circular(shape_native=dataset.shape_native, pixel_scales=0.08, radius=2.2)
    dataset = dataset.apply_mask(mask)
    fit = al.FitImaging(dataset=dataset, tracer=tracer)
    model = al.Collection(
        galaxies=al.Collection(
            lens=al.Model(
                al.Galaxy, redshift=0.5, mass=al.mp.Isothermal, shear=al.mp.ExternalShear
            ),
            source=al.Model(al.Galaxy, redshift=1.0, bulge=al.lp.SersicCore),
        )
    )
    rng = np.random.default_rng(1)
    parameters = rng.normal(size=(2000, model.prior_count))
    parameters[:, 1] += 0.7 * parameters[:, 0]  # a correlated pair, for the corner plot
    samples = al.Samples(
        model=model,
        parameter_lists=parameters,
        log_likelihood_list=-0.5 * np.sum(parameters**2, axis=1),
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        mat = aplt.MatPlot2D(output=aplt.Output(path=out, format="png"))
        aplt.plot_array(
            array=tracer.image_2d_from(grid=grid),
            title="Image",
            output_path=out,
            output_format="png",
        )
        shrink(out / "array.png", "plot_array")
        aplt.plot_grid(
            grid=al.Grid2D.uniform((12, 12), pixel_scales=0.4), output_path=out, output_format="png"
        )
        shrink(out / "grid.png", "plot_grid")
        aplt.subplot_imaging_dataset(dataset=dataset, output_path=out, output_format="png")
        shrink(out / "dataset.png", "subplot_imaging_dataset")
        aplt.subplot_tracer(tracer=tracer, grid=grid, output_path=out, output_format="png")
        shrink(out / "tracer.png", "subplot_tracer")
        aplt.subplot_fit_imaging(fit=fit, output_path=out, output_format="png")
        shrink(out / "fit.png", "subplot_fit_imaging")
        aplt.plot_critical_curves(
            tracer=tracer,
            grid=grid,
            image=tracer.image_2d_from(grid=grid),
            include_radial=True,
            output_path=out,
            output_format="png",
        )
        shrink(out / "cluster_critical_curves.png", "plot_critical_curves")
        aplt.plot_caustics(tracer=tracer, grid=grid, output_path=out, output_format="png")
        shrink(out / "cluster_caustics.png", "plot_caustics")
        aplt.TracerPlotter(tracer=tracer, grid=grid, mat_plot_2d=mat).figures_2d(source_plane=True)
        shrink(out / "source_plane.png", "tracer_plotter_source_plane")
        aplt.FitImagingPlotter(fit=fit, mat_plot_2d=mat).figures_2d(normalized_residual_map=True)
        shrink(out / "normalized_residual_map.png", "fit_imaging_plotter_residuals")
        aplt.corner_cornerpy(samples, path=out, format="png", parameter_indices=[0, 1, 2])
        shrink(out / "corner.png", "corner_cornerpy")
        al.ModelPlotter(model).figure(path=out, format="png", detail="priors")
        shrink(out / "model.png", "model_plotter")


if __name__ == "__main__":
    main()
