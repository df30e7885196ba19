"""Regenerate pyautogalaxy_mcr.json with a PyAutoLens venv (not run by the tests):

    /path/to/pyautolens-venv/bin/python generate_mcr_with_pyautolens.py pyautogalaxy_mcr.json

Values PyAutoGalaxy 2026.10.26.1 computes for its mass-concentration (``*MCR*``) and
virial-mass NFW / gNFW profiles: the derived ``kappa_s``, ``scale_radius`` (and truncation
radius), convergence and deflections at four points.
"""

import json
import sys

import numpy as np

import autogalaxy as ag  # PyAutoGalaxy (reference venv), not this project

pts = [(0.5, 0.5), (1.0, -0.5), (-0.3, 1.7), (2.5, 0.1)]
grid = ag.Grid2DIrregular(pts)
cases = [
    (
        "NFWMCRDuffySph",
        dict(centre=(0.1, -0.2), mass_at_200=1e12, redshift_object=0.4, redshift_source=1.5),
    ),
    (
        "NFWMCRLudlowSph",
        dict(centre=(0.1, -0.2), mass_at_200=3e11, redshift_object=0.5, redshift_source=1.0),
    ),
    (
        "NFWMCRLudlow",
        dict(
            centre=(0.0, 0.1),
            ell_comps=(0.1, -0.05),
            mass_at_200=2e13,
            redshift_object=0.3,
            redshift_source=2.0,
        ),
    ),
    (
        "NFWMCRScatterLudlow",
        dict(
            centre=(0.0, 0.1),
            ell_comps=(-0.2, 0.1),
            mass_at_200=5e12,
            scatter_sigma=1.3,
            redshift_object=0.6,
            redshift_source=2.5,
        ),
    ),
    (
        "NFWMCRScatterLudlowSph",
        dict(
            centre=(0.2, 0.0),
            mass_at_200=1e10,
            scatter_sigma=-0.7,
            redshift_object=0.2,
            redshift_source=1.1,
        ),
    ),
    (
        "NFWTruncatedMCRDuffySph",
        dict(centre=(0.0, 0.0), mass_at_200=1e9, redshift_object=0.6, redshift_source=2.5),
    ),
    (
        "NFWTruncatedMCRLudlowSph",
        dict(centre=(0.0, 0.0), mass_at_200=1e8, redshift_object=0.5, redshift_source=1.0),
    ),
    (
        "NFWTruncatedMCRScatterLudlowSph",
        dict(
            centre=(0.1, 0.1),
            mass_at_200=4e9,
            scatter_sigma=0.5,
            redshift_object=0.5,
            redshift_source=1.0,
        ),
    ),
    (
        "gNFWMCRLudlow",
        dict(
            centre=(0.0, 0.0),
            ell_comps=(0.05, 0.1),
            mass_at_200=1e12,
            redshift_object=0.5,
            redshift_source=1.0,
            inner_slope=1.4,
        ),
    ),
    (
        "NFWVirialMassConcSph",
        dict(
            centre=(0.0, 0.0),
            virial_mass=2e12,
            concentration=7.0,
            virial_overdens=200.0,
            redshift_object=0.4,
            redshift_source=1.2,
        ),
    ),
    (
        "gNFWVirialMassConcSph",
        dict(
            centre=(0.1, 0.0),
            log10m_vir=12.3,
            c_2=6.0,
            overdens=0.0,
            redshift_object=0.5,
            redshift_source=1.0,
            inner_slope=1.2,
        ),
    ),
    (
        "gNFWVirialMassConcSph",
        dict(
            centre=(0.0, 0.0),
            log10m_vir=13.0,
            c_2=4.0,
            overdens=200.0,
            redshift_object=0.3,
            redshift_source=2.0,
            inner_slope=0.8,
        ),
    ),
]
out = []
for name, kw in cases:
    p = getattr(ag.mp, name)(**kw)
    rec = dict(name=name, kwargs=kw, kappa_s=float(p.kappa_s), scale_radius=float(p.scale_radius))
    if hasattr(p, "truncation_radius"):
        rec["truncation_radius"] = float(p.truncation_radius)
    rec["convergence"] = [float(v) for v in np.asarray(p.convergence_2d_from(grid)).ravel()]
    rec["deflections"] = [float(v) for v in np.asarray(p.deflections_yx_2d_from(grid)).ravel()]
    out.append(rec)
json.dump(dict(points=pts, cases=out), open(sys.argv[1], "w"), indent=1)
