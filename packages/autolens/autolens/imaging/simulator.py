"""Simulate strong-lens imaging: :class:`SimulatorImaging.via_tracer_from`, FITS + JSON output."""

from __future__ import annotations

import os

from autogalaxy.imaging.model_json import make_readable, model_obj_from_json, model_obj_to_json
from autogalaxy.imaging.simulator import SimulatorImaging as AgSimulatorImaging


class SimulatorImaging(AgSimulatorImaging):
    """Simulator of lensed imaging (adds :meth:`via_tracer_from`)."""

    def via_tracer_from(self, tracer, grid):
        """Simulate imaging of ``tracer`` on ``grid``: the ray-traced image is evaluated on the
        grid padded by the PSF shape (padding pixels use sub size 1), PSF-convolved, given noise
        and trimmed back to the grid's shape.

        ``lp_snr`` profiles first get the intensity that gives their target S/N on their plane's
        traced grid (:meth:`Tracer.set_snr_of_snr_light_profiles`, not PSF-blurred, as
        PyAutoLens)."""
        tracer.set_snr_of_snr_light_profiles(
            grid=grid,
            exposure_time=self.exposure_time,
            background_sky_level=self.background_sky_level,
        )
        return self.via_model_obj_from(tracer, grid)


def tracer_to_json(tracer, file_path) -> None:
    """Write a JSON description of ``tracer`` (galaxies, redshifts, profiles with class paths and
    parameters, cosmology) atomically."""
    model_obj_to_json(tracer, file_path)


def tracer_from_json(file_path):
    """Load a tracer written by :func:`tracer_to_json`."""
    return model_obj_from_json(file_path)


def output_dataset_to_fits(dataset, dataset_path, tracer=None, overwrite: bool = True) -> None:
    """Write ``data.fits``, ``noise_map.fits``, ``psf.fits`` (and ``tracer.json``) to
    ``dataset_path``, each file atomically."""
    os.makedirs(dataset_path, exist_ok=True)
    dataset.output_to_fits(
        data_path=os.path.join(dataset_path, "data.fits"),
        noise_map_path=os.path.join(dataset_path, "noise_map.fits"),
        psf_path=os.path.join(dataset_path, "psf.fits") if dataset.psf is not None else None,
        overwrite=overwrite,
    )
    for name in ("data.fits", "noise_map.fits", "psf.fits"):
        path = os.path.join(dataset_path, name)
        if os.path.exists(path):
            make_readable(path)
    if tracer is not None:
        tracer_to_json(tracer, os.path.join(dataset_path, "tracer.json"))
