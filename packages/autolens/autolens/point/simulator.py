"""``SimulatorPoint``: a ``PointDataset`` of the images of a tracer's point source."""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autolens import exc
from autolens.point.dataset import PointDataset
from autolens.point.fit.abstract import extract_profile, lens_calc_from, signed_magnifications_from


class SimulatorPoint:
    """Simulates the data of a named point source.

    Positions are the solver's images of the profile's ``centre``; fluxes (``ps.PointFlux``
    only) are ``|μ| × flux``; time delays (two-plane tracers) are ``Tracer.time_delays_from``.
    With ``noise_seed`` each value gets Gaussian noise of its noise map's sigma; without it
    the data are exact.
    """

    def __init__(
        self,
        solver,
        positions_noise_sigma: float = 0.005,
        fluxes_noise_sigma: float | None = None,
        time_delays_noise_sigma: float | None = None,
        noise_seed: int | None = None,
    ):
        self.solver = solver
        self.positions_noise_sigma = float(positions_noise_sigma)
        self.fluxes_noise_sigma = fluxes_noise_sigma
        self.time_delays_noise_sigma = time_delays_noise_sigma
        self.noise_seed = noise_seed

    def via_tracer_from(self, tracer, name: str = "point_0") -> PointDataset:
        profile, plane_index, plane_redshift = extract_profile(tracer, name)
        if not hasattr(profile, "centre"):
            raise exc.PointProfileMismatchException(
                f"Simulating '{name}' needs a point source with a centre (ps.Point / PointFlux)."
            )
        positions = np.asarray(
            self.solver.solve(tracer, profile.centre, plane_redshift=plane_redshift).array
        )
        if positions.shape[0] == 0:
            raise exc.PointDatasetException(
                f"The source '{name}' at {profile.centre} has no image inside the solver's area."
            )
        rng = None if self.noise_seed is None else np.random.default_rng(self.noise_seed)

        def noisy(values, sigma):
            if rng is None:
                return values
            return values + rng.normal(0.0, sigma, size=values.shape)

        n = positions.shape[0]
        fluxes = fluxes_noise = None
        if self.fluxes_noise_sigma is not None and hasattr(profile, "flux"):
            calc = lens_calc_from(tracer, plane_index)
            mu = np.abs(signed_magnifications_from(calc, positions, np))
            fluxes_noise = np.full(n, float(self.fluxes_noise_sigma))
            fluxes = noisy(mu * profile.flux, fluxes_noise)
        delays = delays_noise = None
        if self.time_delays_noise_sigma is not None:
            delays_noise = np.full(n, float(self.time_delays_noise_sigma))
            delays = noisy(
                np.asarray(tracer.time_delays_from(aa.Grid2DIrregular(positions)).array),
                delays_noise,
            )
        noise = np.full(n, self.positions_noise_sigma)
        return PointDataset(
            name=name,
            positions=noisy(positions, noise[:, None]),
            positions_noise_map=noise,
            fluxes=fluxes,
            fluxes_noise_map=fluxes_noise,
            time_delays=delays,
            time_delays_noise_map=delays_noise,
        )
