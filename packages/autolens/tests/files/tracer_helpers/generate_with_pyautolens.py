"""Record PyAutoLens 2026.10.26.1's Tracer helpers (run in the reference venv only).

    env -u PYTHONPATH /work/refvenv/bin/python generate_with_pyautolens.py

writes ``expected.json`` next to this file: ``Tracer.sliced_tracer_from`` (plane redshifts,
snapped galaxy redshifts, traced points), ``Tracer.image_2d_via_input_plane_image_from`` and the
``extract_*`` family.  Compared by ``autolens/tests/lens/test_tracer_helpers.py``, which builds
the same systems from the functions below.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).with_name("expected.json")
POINTS = [(0.3, -0.2), (1.1, 0.4), (-0.7, 0.9), (0.05, -1.3)]


def sliced_inputs(al):
    lens = al.Galaxy(redshift=0.5, mass=al.mp.IsothermalSph(einstein_radius=1.0))
    line_of_sight = [
        al.Galaxy(
            redshift=z,
            mass=al.mp.IsothermalSph(centre=(0.2 * i - 0.4, 0.3 - 0.1 * i), einstein_radius=0.05),
        )
        for i, z in enumerate([0.12, 0.29, 0.41, 0.62, 0.77, 0.95, 1.4])
    ]
    source = al.Galaxy(redshift=1.0, light=al.lp.Exponential(intensity=1.0, effective_radius=0.3))
    return [lens], line_of_sight, [source]


def image_tracer(al):
    return al.Tracer(
        galaxies=[
            al.Galaxy(
                redshift=0.5,
                light=al.lp.Sersic(intensity=0.3, effective_radius=0.6, sersic_index=2.0),
                mass=al.mp.Isothermal(ell_comps=(0.1, 0.0), einstein_radius=1.0),
            ),
            al.Galaxy(redshift=0.8, light=al.lp.Gaussian(intensity=0.2, sigma=0.4)),
            al.Galaxy(redshift=1.0, light=al.lp.Exponential(intensity=0.5, effective_radius=0.2)),
        ]
    )


def image_inputs(al):
    grid = al.Grid2D.uniform(shape_native=(10, 10), pixel_scales=0.25, over_sample_size=2)
    plane_grid = al.Grid2D.uniform(shape_native=(16, 16), pixel_scales=0.1)
    y, x = plane_grid.array[:, 0], plane_grid.array[:, 1]
    values = [float(v) for v in (1.0 + 0.5 * y - 0.3 * x) * (1.0 / (1.0 + (y - 0.1) ** 2 + x**2))]
    plane_image = al.Array2D.no_mask(
        values=[values[i * 16 : (i + 1) * 16] for i in range(16)], pixel_scales=0.1
    )
    return grid, plane_image


def extract_tracer(al):
    return al.Tracer(
        galaxies=[
            al.Galaxy(
                redshift=0.5,
                bulge=al.lp.Sersic(centre=(0.1, 0.2), effective_radius=0.7),
                mass=al.mp.Isothermal(centre=(0.0, 0.1), einstein_radius=1.2),
                shear=al.mp.ExternalShear(gamma_1=0.05, gamma_2=0.01),
            ),
            al.Galaxy(
                redshift=0.5, subhalo=al.mp.IsothermalSph(centre=(1.0, -1.0), einstein_radius=0.1)
            ),
            al.Galaxy(
                redshift=1.0,
                disk=al.lp.Exponential(centre=(0.02, -0.03), effective_radius=0.25),
                point_0=al.ps.Point(centre=(0.02, -0.03)),
            ),
        ]
    )


def extract_queries(al):
    """(label, method name, kwargs) of the extract calls compared."""
    from autogalaxy.profiles.light.abstract import LightProfile

    out = []
    for cls_name, cls in (("MassProfile", al.mp.MassProfile), ("LightProfile", LightProfile)):
        for attr in ("centre", "einstein_radius", "effective_radius", "not_an_attribute"):
            out.append(
                (
                    f"attribute/{cls_name}/{attr}",
                    "extract_attribute",
                    {"cls": cls, "attr_name": attr},
                )
            )
            for filter_nones in (False, True):
                for method in ("extract_attributes_of_planes", "extract_attributes_of_galaxies"):
                    out.append(
                        (
                            f"{method}/{cls_name}/{attr}/{filter_nones}",
                            method,
                            {"cls": cls, "attr_name": attr, "filter_nones": filter_nones},
                        )
                    )
    return out


def to_json(value):
    """Structure values as ``{"type": ..., "values": ...}``; lists element-wise."""
    if value is None:
        return None
    if isinstance(value, list):
        return [to_json(v) for v in value]

    def element(v):
        if v is None:
            return None
        if hasattr(v, "__len__"):
            return [float(c) for c in v]
        return float(v)

    return {"type": type(value).__name__, "values": [element(v) for v in value.array]}


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "workspace_test" / "benchmarks"))
    from _release import require_release

    require_release()
    import autolens as al

    out = {}

    lens, line_of_sight, source = sliced_inputs(al)
    tracer = al.Tracer.sliced_tracer_from(
        lens_galaxies=lens,
        line_of_sight_galaxies=line_of_sight,
        source_galaxies=source,
        planes_between_lenses=[2, 3],
    )
    traced = tracer.traced_grid_2d_list_from(grid=al.Grid2DIrregular(values=POINTS))
    out["sliced"] = {
        "plane_redshifts": [float(z) for z in tracer.plane_redshifts],
        "galaxy_redshifts": [float(g.redshift) for g in tracer.galaxies],
        "traced_last_plane": [list(map(float, p)) for p in traced[-1].array],
    }

    tracer = image_tracer(al)
    grid, plane_image = image_inputs(al)
    images = {}
    for plane_index in (-1, 1):
        for include in (True, False):
            image = tracer.image_2d_via_input_plane_image_from(
                grid=grid,
                plane_image=plane_image,
                plane_index=plane_index,
                include_other_planes=include,
            )
            images[f"{plane_index}/{include}"] = {
                "type": type(image).__name__,
                "values": [float(v) for v in image.array],
            }
    out["image_via_input_plane_image"] = images

    tracer = extract_tracer(al)
    extracts = {}
    for label, method, kwargs in extract_queries(al):
        extracts[label] = to_json(getattr(tracer, method)(**kwargs))
    for name in ("point_0", "mass", "disk", "absent"):
        profile = tracer.extract_profile(profile_name=name)
        extracts[f"profile/{name}"] = None if profile is None else type(profile).__name__
        extracts[f"plane_index/{name}"] = tracer.extract_plane_index_of_profile(profile_name=name)
    out["extract"] = extracts

    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".json")
    with os.fdopen(fd, "w") as handle:
        json.dump(out, handle, indent=1)
    os.chmod(tmp, 0o644)
    os.replace(tmp, OUT)


if __name__ == "__main__":
    main()
