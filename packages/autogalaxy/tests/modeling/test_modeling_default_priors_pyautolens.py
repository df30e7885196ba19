"""The default priors of every profile class equal PyAutoLens's.

``files/pyautolens_default_priors.json`` holds, for every profile class of PyAutoLens
2026.10.26.1, the prior of each free parameter of ``af.Model(cls)`` with no user priors (written by
``files/generate_default_priors_with_pyautolens.py`` in a PyAutoLens venv). For every class that
exists in both projects, ``Model(cls)`` here must have the same free parameters with the same prior
type, mean, sigma and limits.
"""

import inspect
import json
import math
from pathlib import Path

import pytest

import autogalaxy as ag
from autogalaxy.modeling import Model

_REFERENCE = json.loads(
    (Path(__file__).parent / "files" / "pyautolens_default_priors.json").read_text(encoding="utf-8")
)

# Abstract bases PyAutoLens exposes in its profile modules: af.Model gives them no free parameter
# and nobody models them; here they are not modelled either.
_BASES = {"LightProfile", "LightProfileLinear", "MassProfile", "Basis"}


def _number(value: float):
    value = float(value)
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


def _entry(prior) -> dict:
    kind = type(prior).__name__.removesuffix("Prior")
    entry = {"type": kind}
    if kind in ("Uniform", "LogUniform"):
        names = ("lower_limit", "upper_limit")
    elif kind == "Gaussian":
        names = ("mean", "sigma")
    else:
        names = ("mean", "sigma", "lower_limit", "upper_limit")
    for name in names:
        entry[name] = _number(getattr(prior, name))
    return entry


def _cases():
    cases = []
    for module_name, classes in sorted(_REFERENCE["modules"].items()):
        module = getattr(ag, module_name)
        for name, priors in sorted(classes.items()):
            cls = getattr(module, name, None)
            if cls is None or not inspect.isclass(cls) or name in _BASES:
                continue
            cases.append(pytest.param(cls, priors, id=f"{module_name}.{name}"))
    return cases


def test_reference_is_the_pinned_release_and_covers_the_profile_modules():
    assert _REFERENCE["version"] == "2026.10.26.1"
    for module_name in ("lp", "lp_linear", "lp_snr", "lmp", "lmp_linear", "mp", "ps", "reg"):
        assert _REFERENCE["modules"][module_name], module_name
    assert len(_cases()) >= 80


@pytest.mark.parametrize("cls, reference", _cases())
def test_default_priors_equal_pyautolens(cls, reference):
    model = Model(cls)
    ours = {path[-1]: _entry(prior) for path, prior in model.path_priors()}
    assert ours == reference
