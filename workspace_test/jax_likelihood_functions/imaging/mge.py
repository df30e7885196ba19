"""JAX parity of the lens imaging likelihood with Multi-Gaussian Expansions (MGE).

Model: lens (z=0.5) ``Basis`` of 20 linear Gaussians (σ log-spaced 0.01"–3", shared centre and
ell_comps) + Isothermal + ExternalShear; source (z=1.0) ``Basis`` of 20 linear Gaussians
(σ log-spaced 0.01"–1", shared centre and ell_comps). 40 intensities are solved per likelihood
(NNLS). On the ``jax_test`` dataset (mask r=3", over-sampling 1 and 4): the
``jax.jit(analysis.fit_from)`` round trip and ``Fitness._vmap`` on 50 random prior draws against
NumPy (rtol 1e-8); see ``_common.py``.

Run: ``timeout 600 python workspace_test/jax_likelihood_functions/imaging/mge.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common  # noqa: E402

from autogalaxy.galaxy.galaxy import Galaxy  # noqa: E402
from autogalaxy.modeling.model import Collection, Model  # noqa: E402
from autogalaxy.modeling.priors import GaussianPrior, TruncatedGaussianPrior, UniformPrior  # noqa: E402
from autogalaxy.profiles.light.basis import Basis  # noqa: E402
from autogalaxy.profiles.light.linear.gaussian import Gaussian  # noqa: E402
from autogalaxy.profiles.mass.sheets.external_shear import ExternalShear  # noqa: E402
from autogalaxy.profiles.mass.total.isothermal import Isothermal  # noqa: E402


def mge_from(total: int, sigma_max: float, centre_prior):
    centre = (centre_prior(), centre_prior())
    ell_comps = tuple(
        TruncatedGaussianPrior(mean=0.0, sigma=0.3, lower_limit=-1.0, upper_limit=1.0)
        for _ in range(2)
    )
    sigmas = np.logspace(np.log10(0.01), np.log10(sigma_max), total)
    profiles = [
        Model(Gaussian, centre=centre, ell_comps=ell_comps, sigma=float(sigma)) for sigma in sigmas
    ]
    return Model(Basis, profile_list=profiles)


def model_from():
    lens = Model(
        Galaxy,
        redshift=0.5,
        bulge=mge_from(20, 3.0, lambda: UniformPrior(lower_limit=-0.1, upper_limit=0.1)),
        mass=Isothermal,
        shear=ExternalShear,
    )
    source = Model(
        Galaxy,
        redshift=1.0,
        bulge=mge_from(20, 1.0, lambda: GaussianPrior(mean=0.0, sigma=0.3)),
    )
    return Collection(galaxies=Collection(lens=lens, source=source))


if __name__ == "__main__":
    sys.exit(_common.run("mge.py", model_from))
