"""The job file of ``python -m autolens.batch``: a small YAML or JSON description of a batch.

::

    datasets: dataset/sample       # one sub-folder (data.fits, noise_map.fits, psf.fits) per lens
    pixel_scales: 0.1
    mask_radius: 3.0               # arcsec; null keeps every pixel
    name: sample_fits              # batch name: <output_path>/<name>/<lens>/<search name>/
    output_path: output
    database: true                 # <output_path>/<name>/results.sqlite, a file, a URL or false
    retries: 2
    workers: 4                     # LocalCluster size (default: one per core)
    scheduler: tcp://host:8786     # optional: an existing Dask scheduler instead
    search: {type: Nautilus, name: nautilus, n_live: 100}
    model:
      lens: {redshift: 0.5, mass: Isothermal, shear: ExternalShear}
      source: {redshift: 1.0, bulge: lp_linear.Sersic}

A component is a class name (``mp``, then ``lp``, searched when unqualified; ``lp_linear.X``
names a namespace) or ``{class: Name, <argument>: <value>, ...}`` where a value is fixed
(a number or list) or a prior, e.g. ``einstein_radius: {UniformPrior: {lower_limit: 0.4,
upper_limit: 1.8}}`` (``UniformPrior``, ``GaussianPrior``, ``LogUniformPrior``,
``TruncatedGaussianPrior``).
"""

from __future__ import annotations

import json
from pathlib import Path

from autolens import exc

_SEARCHES = ("Nautilus", "DynestyStatic", "Emcee", "LBFGS", "NUTS")
_JOB_KEYS = {
    "datasets",
    "pixel_scales",
    "mask_radius",
    "over_sample_size_lp",
    "name",
    "output_path",
    "database",
    "retries",
    "workers",
    "scheduler",
    "search",
    "model",
    "scheduler_timeout",
}


def read_job_file(path: str | Path) -> dict:
    """The job file as a dict (YAML when PyYAML is installed or the name ends in .yaml/.yml,
    JSON otherwise), with unknown keys refused."""
    path = Path(path)
    if not path.exists():
        raise exc.AnalysisException(f"No job file at {path}.")
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            import yaml
        except ImportError as err:
            raise exc.AnalysisException(
                "YAML job files need PyYAML (pip install pyyaml); or write the job as JSON."
            ) from err
        job = yaml.safe_load(text)
    else:
        try:
            job = json.loads(text)
        except ValueError as err:
            raise exc.AnalysisException(f"{path} is not valid JSON: {err}") from err
    if not isinstance(job, dict):
        raise exc.AnalysisException(
            f"{path}: expected a mapping of settings, got {type(job).__name__}."
        )
    unknown = sorted(set(job) - _JOB_KEYS)
    if unknown:
        raise exc.AnalysisException(
            f"{path}: unknown job keys {unknown}; expected some of {sorted(_JOB_KEYS)}."
        )
    for required in ("datasets", "pixel_scales", "search", "model"):
        if required not in job:
            raise exc.AnalysisException(f"{path}: the job needs a {required!r} entry.")
    return job


def _profile_class(spec: str):
    import autolens as al

    if "." in spec:
        namespace, name = spec.split(".", 1)
        module = getattr(al, namespace, None)
        cls = getattr(module, name, None) if module is not None else None
    else:
        cls = getattr(al.mp, spec, None) or getattr(al.lp, spec, None)
    if not isinstance(cls, type):
        raise exc.AnalysisException(
            f"Unknown profile {spec!r}: expected a class of al.mp or al.lp, or a qualified name "
            "such as lp_linear.Sersic."
        )
    return cls


_PRIORS = ("UniformPrior", "GaussianPrior", "LogUniformPrior", "TruncatedGaussianPrior")


def _argument(value):
    """A fixed value (lists become tuples) or ``{PriorName: {keyword: value}}`` as that prior."""
    import autolens as al

    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        if len(value) != 1 or next(iter(value)) not in _PRIORS:
            raise exc.AnalysisException(
                f"A model argument is a number, a list or {{PriorName: {{...}}}} with PriorName "
                f"one of {list(_PRIORS)}; got {value!r}."
            )
        name, kwargs = next(iter(value.items()))
        return getattr(al, name)(**kwargs)
    return value


def _component(spec):
    import autolens as al

    if isinstance(spec, str):
        return al.Model(_profile_class(spec))
    if isinstance(spec, dict) and "class" in spec:
        arguments = {k: _argument(v) for k, v in spec.items() if k != "class"}
        return al.Model(_profile_class(spec["class"]), **arguments)
    raise exc.AnalysisException(
        f"A model component is a class name or {{class: Name, ...}}, got {spec!r}."
    )


def model_from(spec: dict):
    """``Collection(galaxies=Collection(<name>=Model(Galaxy, redshift=..., <component>=...)))``."""
    import autolens as al

    if not isinstance(spec, dict) or not spec:
        raise exc.AnalysisException(f"The job's model maps galaxy names to galaxies, got {spec!r}.")
    galaxies: dict = {}
    for name, galaxy in spec.items():
        if not isinstance(galaxy, dict) or "redshift" not in galaxy:
            raise exc.AnalysisException(f"Galaxy {name!r} needs a redshift, got {galaxy!r}.")
        components = {k: _component(v) for k, v in galaxy.items() if k != "redshift"}
        galaxies[name] = al.Model(al.Galaxy, redshift=float(galaxy["redshift"]), **components)
    return al.Collection(galaxies=al.Collection(**galaxies))


def search_from(spec: dict, output_path: str):
    """The search named by ``spec["type"]`` with the remaining entries as its settings."""
    import autolens as al

    if not isinstance(spec, dict) or spec.get("type") not in _SEARCHES:
        raise exc.AnalysisException(
            f"The job's search needs a type among {list(_SEARCHES)}, got {spec!r}."
        )
    settings = {k: v for k, v in spec.items() if k != "type"}
    settings.setdefault("name", spec["type"].lower())
    return getattr(al, spec["type"])(output_path=output_path, **settings)
