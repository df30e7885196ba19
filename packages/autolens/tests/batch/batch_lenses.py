"""Tiny simulated lenses and a fast model / search for the batch tests."""

import autolens as al

PIXEL = 0.25
SHAPE = (12, 12)


def simulate(einstein_radius: float, seed: int, masked: bool = True):
    """A 12x12 imaging of an IsothermalSph lens and a Sersic source (masked unless told)."""
    tracer = al.Tracer(
        [
            al.Galaxy(0.5, mass=al.mp.IsothermalSph(einstein_radius=einstein_radius)),
            al.Galaxy(
                1.0, bulge=al.lp.Sersic(intensity=0.6, effective_radius=0.3, sersic_index=1.0)
            ),
        ]
    )
    grid = al.Grid2D.uniform(SHAPE, PIXEL, over_sample_size=1)
    simulator = al.SimulatorImaging(
        exposure_time=1000.0, noise_seed=seed, psf=al.Convolver.from_gaussian((3, 3), PIXEL, 0.2)
    )
    dataset = simulator.via_tracer_from(tracer, grid)
    if not masked:
        return dataset
    return dataset.apply_mask(al.Mask2D.circular(SHAPE, radius=1.45, pixel_scales=PIXEL))


def model():
    """Two free parameters: the Einstein radius and the source intensity."""
    lens = al.Model(
        al.Galaxy,
        redshift=0.5,
        mass=al.Model(
            al.mp.IsothermalSph, centre=(0.0, 0.0), einstein_radius=al.UniformPrior(0.4, 1.8)
        ),
    )
    source = al.Model(
        al.Galaxy,
        redshift=1.0,
        bulge=al.Model(
            al.lp.Sersic,
            centre=(0.0, 0.0),
            ell_comps=(0.0, 0.0),
            effective_radius=0.3,
            sersic_index=1.0,
            intensity=al.UniformPrior(0.1, 1.5),
        ),
    )
    return al.Collection(galaxies=al.Collection(lens=lens, source=source))


def search(output_path):
    return al.LBFGS(name="lbfgs", output_path=str(output_path), maxiter=40)


def radii(n: int) -> dict:
    """True Einstein radii: half the lenses in 0.6-0.87 arcsec, half in 1.2-1.47 (so the images
    stay inside the 3" field, where the noise-free sky leaves no zero-noise pixel)."""
    low = [0.6 + 0.03 * (i % 10) for i in range(n // 2)]
    high = [1.2 + 0.03 * (i % 10) for i in range(n - n // 2)]
    return {f"lens_{i:02d}": r for i, r in enumerate(low + high)}
