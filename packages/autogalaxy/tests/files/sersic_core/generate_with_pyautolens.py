"""Record PyAutoGalaxy 2026.10.26.1 numbers of the cored Sersic mass profiles (reference venv only):

    env -u PYTHONPATH /work/refvenv/bin/python generate_with_pyautolens.py

writes ``expected.json``: deflections, convergence and potential of ``mp.SersicCore`` /
``mp.SersicCoreSph`` and images, convergences and deflections of ``lmp.SersicCore`` /
``lmp_linear.SersicCore`` at a few points. Compared by
``tests/profiles/mass/stellar/test_mass_stellar_sersic_core.py`` and
``tests/profiles/light_and_mass/test_light_and_mass_sersic_core.py``.
"""

import json
import sys
from pathlib import Path

OUT = Path(__file__).with_name("expected.json")
POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5), (0.01, 0.02), (3.0, -4.0), (0.0, 0.2)]

#: (module, class, keyword arguments) of each case.
CASES = {
    "mp_elliptical": (
        "mp",
        "SersicCore",
        dict(
            centre=(0.1, -0.05),
            ell_comps=(0.1, 0.05),
            effective_radius=0.8,
            sersic_index=3.0,
            radius_break=0.05,
            intensity=0.3,
            gamma=0.2,
            alpha=2.5,
            mass_to_light_ratio=1.5,
        ),
    ),
    "mp_defaults": ("mp", "SersicCore", dict(ell_comps=(-0.2, 0.15))),
    "mp_round_ell_comps": (
        "mp",
        "SersicCore",
        dict(centre=(0.05, 0.0), effective_radius=1.2, sersic_index=2.0, radius_break=0.1),
    ),
    "mp_sharp_hole": (
        "mp",
        "SersicCore",
        dict(
            ell_comps=(0.0, 0.3),
            effective_radius=0.5,
            sersic_index=1.5,
            radius_break=0.2,
            gamma=-0.3,
            alpha=6.0,
            intensity=1.2,
        ),
    ),
    "mp_sph": (
        "mp",
        "SersicCoreSph",
        dict(
            centre=(-0.1, 0.2),
            effective_radius=0.9,
            sersic_index=4.0,
            radius_break=0.03,
            intensity=0.4,
            gamma=0.5,
            alpha=2.0,
            mass_to_light_ratio=2.0,
        ),
    ),
    "lmp_elliptical": (
        "lmp",
        "SersicCore",
        dict(
            centre=(0.0, 0.1),
            ell_comps=(0.05, -0.1),
            effective_radius=0.7,
            sersic_index=2.5,
            radius_break=0.04,
            intensity=0.6,
            gamma=0.1,
            alpha=3.0,
            mass_to_light_ratio=0.8,
        ),
    ),
    "lmp_sph": ("lmp", "SersicCoreSph", dict(effective_radius=0.5, intensity=0.2)),
    "lmp_linear_elliptical": (
        "lmp_linear",
        "SersicCore",
        dict(
            ell_comps=(0.1, 0.0),
            effective_radius=0.9,
            sersic_index=3.5,
            radius_break=0.02,
            intensity=0.5,
            mass_to_light_ratio=1.3,
        ),
    ),
}


def main():
    import numpy as np

    import autogalaxy as ag

    grid = ag.Grid2DIrregular(POINTS)
    out = {"version": ag.__version__, "points": POINTS, "cases": {}}
    for key, (module, name, kwargs) in CASES.items():
        profile = getattr(getattr(ag, module), name)(**kwargs)
        record = {"module": module, "class": name, "kwargs": kwargs}
        record["deflections"] = np.asarray(profile.deflections_yx_2d_from(grid).array).tolist()
        record["convergence"] = np.asarray(profile.convergence_2d_from(grid).array).tolist()
        record["potential"] = np.asarray(profile.potential_2d_from(grid).array).tolist()
        if module != "mp":
            record["image"] = np.asarray(profile.image_2d_from(grid).array).tolist()
        out["cases"][key] = record
    OUT.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "workspace_test" / "benchmarks"))
    from _release import require_release

    require_release()
    main()
