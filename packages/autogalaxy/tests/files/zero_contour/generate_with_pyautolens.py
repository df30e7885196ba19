"""Record PyAutoLens 2026.10.26.1's zero-contour critical curves (run in the reference venv only).

    env -u PYTHONPATH /work/refvenv/bin/python generate_with_pyautolens.py

writes ``expected.json`` next to this file: for each lens case, the tangential and radial
critical curves and caustics of ``LensCalc.*_via_zero_contour_from`` (default arguments), the
Einstein radius and the curve areas.  Compared by
``autogalaxy/tests/operate/test_lens_calc_zero_contour.py``.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).with_name("expected.json")


def galaxies(ag):
    """The lens cases (the tests build the same ones from this function)."""
    return {
        "sis": ag.Galaxy(redshift=0.5, mass=ag.mp.IsothermalSph(einstein_radius=1.2)),
        "sie_shear": ag.Galaxy(
            redshift=0.5,
            mass=ag.mp.Isothermal(
                centre=(0.05, -0.03), ell_comps=(0.12, 0.05), einstein_radius=1.3
            ),
            shear=ag.mp.ExternalShear(gamma_1=0.04, gamma_2=-0.03),
        ),
        "nfw_sie": ag.Galaxy(
            redshift=0.5,
            bulge=ag.mp.Isothermal(centre=(0.0, 0.0), ell_comps=(0.0, 0.1), einstein_radius=0.9),
            dark=ag.mp.NFWSph(centre=(0.1, 0.05), kappa_s=0.15, scale_radius=8.0),
        ),
        "two_sis": ag.Galaxy(
            redshift=0.5,
            left=ag.mp.IsothermalSph(centre=(0.0, -1.6), einstein_radius=0.5),
            right=ag.mp.IsothermalSph(centre=(0.0, 1.6), einstein_radius=0.4),
        ),
        "power_law": ag.Galaxy(
            redshift=0.5,
            mass=ag.mp.PowerLaw(
                centre=(0.0, 0.0), ell_comps=(0.05, 0.0), einstein_radius=1.1, slope=1.7
            ),
        ),
    }


def curves_json(curve_list):
    return [[[float(v) for v in point] for point in curve.array] for curve in curve_list]


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "workspace_test" / "benchmarks"))
    from _release import require_release

    require_release()
    import autogalaxy as ag

    out = {}
    for name, galaxy in galaxies(ag).items():
        calc = ag.LensCalc.from_mass_obj(galaxy)
        case = {
            "tangential_critical_curves": curves_json(
                calc.tangential_critical_curve_list_via_zero_contour_from()
            ),
            "radial_critical_curves": curves_json(
                calc.radial_critical_curve_list_via_zero_contour_from()
            ),
            "tangential_caustics": curves_json(
                calc.tangential_caustic_list_via_zero_contour_from()
            ),
            "radial_caustics": curves_json(calc.radial_caustic_list_via_zero_contour_from()),
            "einstein_radius_list": [
                float(r) for r in calc.einstein_radius_list_via_zero_contour_from()
            ],
            "einstein_radius": float(calc.einstein_radius_via_zero_contour_from()),
        }
        case["tangential_areas"] = [
            float(a)
            for a in calc.area_within_curve_list_from(
                curve_list=calc.tangential_critical_curve_list_via_zero_contour_from()
            )
        ]
        out[name] = case
        print(
            name,
            "tangential",
            [len(c) for c in case["tangential_critical_curves"]],
            "radial",
            [len(c) for c in case["radial_critical_curves"]],
            "einstein",
            case["einstein_radius_list"],
        )

    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".json")
    with os.fdopen(fd, "w") as handle:
        json.dump(out, handle)
    os.chmod(tmp, 0o644)
    os.replace(tmp, OUT)


if __name__ == "__main__":
    main()
