"""Dump the default priors PyAutoLens gives every profile class to ``pyautolens_default_priors.json``.

Run with a PyAutoLens venv (a separate process; nothing of PyAutoLens is imported by the tests):

    /path/to/pyautolens-venv/bin/python generate_default_priors_with_pyautolens.py \
        pyautolens_default_priors.json

For each profile module PyAutoLens exposes (``lp``, ``lp_linear``, ``lp_snr``, ``lmp``,
``lmp_linear``, ``mp``, ``ps``, ``lp_basis``), the regularization module ``reg`` (a
regularization passed to ``af.Model(al.Pixelization, regularization=al.reg.Constant)`` as a class
gets these priors) and each class in it, ``af.Model(cls)`` is built
with no user priors and the prior of every free parameter is written as
``{"type": ..., <its numbers>}`` under the parameter's name (tuple components as ``centre_0``).
Classes whose model cannot be built (abstract bases, helpers) are listed under ``"skipped"``
with the reason, so the reference says what it does not cover.
"""

import inspect
import json
import math
import os
import sys
import tempfile
from pathlib import Path

MODULES = ("lp", "lp_linear", "lp_snr", "lmp", "lmp_linear", "mp", "ps", "lp_basis", "reg")


def _number(value):
    value = float(value)
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


def _prior_entry(prior):
    kind = type(prior).__name__
    entry = {"type": kind.removesuffix("Prior")}
    if kind in ("UniformPrior", "LogUniformPrior"):
        entry["lower_limit"] = _number(prior.lower_limit)
        entry["upper_limit"] = _number(prior.upper_limit)
    elif kind == "GaussianPrior":
        entry["mean"] = _number(prior.mean)
        entry["sigma"] = _number(prior.sigma)
    elif kind in ("TruncatedGaussianPrior", "LogGaussianPrior"):
        entry["mean"] = _number(prior.mean)
        entry["sigma"] = _number(prior.sigma)
        entry["lower_limit"] = _number(prior.lower_limit)
        entry["upper_limit"] = _number(prior.upper_limit)
    else:
        entry["repr"] = repr(prior)
    modifier = getattr(prior, "width_modifier", None)
    if modifier is not None:
        entry["width_modifier"] = {
            "type": type(modifier).__name__,
            "value": _number(modifier.value),
        }
    return entry


def _model_priors(af, cls):
    model = af.Model(cls)
    priors = {}
    for path, prior in model.path_priors_tuples:
        priors[path[-1]] = _prior_entry(prior)
    return priors


def main(out_path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "workspace_test" / "benchmarks"))
    from _release import require_release

    require_release()
    import autofit as af

    import autolens as al

    reference = {
        "_doc": (
            "Default priors of af.Model(cls) in PyAutoLens; written by "
            "generate_default_priors_with_pyautolens.py, do not edit by hand."
        ),
        "version": al.__version__,
        "modules": {},
        "skipped": {},
    }
    for module_name in MODULES:
        module = getattr(al, module_name, None)
        if module is None:
            reference["skipped"][module_name] = "module not in this release"
            continue
        classes = {}
        for name in sorted(dir(module)):
            cls = getattr(module, name)
            if not inspect.isclass(cls) or name.startswith("_"):
                continue
            try:
                classes[name] = _model_priors(af, cls)
            except Exception as err:  # noqa: BLE001  (recorded, not hidden)
                reference["skipped"][f"{module_name}.{name}"] = f"{type(err).__name__}: {err}"
        reference["modules"][module_name] = classes

    directory = os.path.dirname(os.path.abspath(out_path))
    fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(reference, f, indent=1, sort_keys=True)
        f.write("\n")
    os.replace(tmp, out_path)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "pyautolens_default_priors.json")
