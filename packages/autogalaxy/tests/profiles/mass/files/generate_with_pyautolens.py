"""Regenerate pyautogalaxy_gnfw_dpie.json with a PyAutoLens venv (not run by the tests):

    /path/to/pyautolens-venv/bin/python generate_with_pyautolens.py pyautogalaxy_gnfw_dpie.json

Values PyAutoGalaxy 2026.10.26.1 computes for the gNFW and dPIE profiles at six points.
"""

import json
import sys

import numpy as np

import autolens as al  # PyAutoLens (reference venv), not this project

pts = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5), (0.05, -0.02), (3.0, 0.2)]
g = al.Grid2DIrregular(pts)
cases = {
    "gNFWSph": al.mp.gNFWSph(centre=(0.1, -0.1), kappa_s=0.2, inner_slope=1.5, scale_radius=2.0),
    "gNFWSph_g05": al.mp.gNFWSph(centre=(0.0, 0.0), kappa_s=0.1, inner_slope=0.5, scale_radius=1.0),
    "gNFW": al.mp.gNFW(
        centre=(0.1, -0.1), ell_comps=(0.1, 0.05), kappa_s=0.2, inner_slope=1.5, scale_radius=2.0
    ),
    "dPIEMassSph": al.mp.dPIEMassSph(centre=(0.1, -0.1), sigma=250.0, r_core=0.2, r_cut=8.0),
    "dPIEMass": al.mp.dPIEMass(
        centre=(0.1, -0.1), ellipticity=0.2, angle_pos=30.0, sigma=250.0, r_core=0.2, r_cut=8.0
    ),
    "dPIEMassB0Sph": al.mp.dPIEMassB0Sph(centre=(0.1, -0.1), ra=0.2, rs=8.0, b0=1.2),
    "dPIEMassB0": al.mp.dPIEMassB0(
        centre=(0.1, -0.1), ell_comps=(0.1, 0.05), ra=0.2, rs=8.0, b0=1.2
    ),
}
out = {"points": pts}
for name, p in cases.items():
    d = {}
    for m in ["convergence_2d_from", "deflections_yx_2d_from", "potential_2d_from"]:
        try:
            d[m] = np.asarray(getattr(p, m)(g)).tolist()
        except Exception as e:
            d[m] = f"ERR {type(e).__name__}: {e}"
    out[name] = d
    if name.startswith("dPIEMass") and hasattr(p, "b0"):
        out[name]["b0"] = float(p.b0)
        out[name]["ell_comps"] = list(map(float, getattr(p, "ell_comps", (0, 0))))
        out[name]["ra"] = float(p.ra)
        out[name]["rs"] = float(p.rs)
json.dump(out, open(sys.argv[1], "w"), indent=1)
for k, v in out.items():
    print(k, v if k == "points" else {m: (str(x)[:160]) for m, x in v.items()})
