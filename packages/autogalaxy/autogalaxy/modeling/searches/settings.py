"""Up-front checks of search settings: a bad value raises before any sampling starts."""

from __future__ import annotations

import math
import numbers
import os

from autogalaxy import exc


def _fail(search: str, name: str, value, expected: str):
    raise exc.SearchException(f"{search}: {name}={value!r} is invalid; expected {expected}.")


def check_int(search: str, name: str, value, minimum: int, allow_none: bool = False) -> None:
    """``value`` is an integer >= ``minimum`` (or None when allowed)."""
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        _fail(search, name, value, f"an integer >= {minimum}" + (" or None" if allow_none else ""))


def check_float(
    search: str,
    name: str,
    value,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
    allow_inf: bool = False,
    allow_none: bool = False,
) -> None:
    """``value`` is a real number in the given (open or closed) interval."""
    if value is None and allow_none:
        return
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool) and not math.isnan(value)
    if ok and math.isinf(value) and not allow_inf:
        ok = False
    if ok and low is not None:
        ok = value > low if low_open else value >= low
    if ok and high is not None:
        ok = value < high if high_open else value <= high
    if not ok:
        lo = "" if low is None else f"{'>' if low_open else '>='} {low}"
        hi = "" if high is None else f"{'<' if high_open else '<='} {high}"
        bounds = " and ".join(b for b in (lo, hi) if b)
        _fail(search, name, value, "a number" + (f" {bounds}" if bounds else ""))


def check_choice(search: str, name: str, value, choices) -> None:
    if value not in choices:
        _fail(search, name, value, f"one of {sorted(choices)}")


def check_common(search) -> None:
    """Settings every search shares: name, path_prefix, seed, resample value."""
    cls = type(search).__name__
    for key in ("name", "path_prefix"):
        value = getattr(search, key)
        if key == "path_prefix":
            # PyAutoFit takes any path-like prefix (scripts pass ``Path(...)`` or
            # ``os.path.join(...)``); an empty one means none, as there.
            if isinstance(value, os.PathLike):
                value = os.fspath(value)
            if value is None or value == "":
                continue
        if not isinstance(value, str) or not value.strip():
            _fail(cls, key, value, "a non-empty string")
        parts = value.replace("\\", "/").split("/")
        if value.startswith(("/", "\\")) or ".." in parts or (len(value) > 1 and value[1] == ":"):
            _fail(
                cls,
                key,
                value,
                "a relative folder name inside output_path (no '..', no absolute path)",
            )
    if search.seed is not None:
        check_int(cls, "seed", search.seed, 0)
    check_float(cls, "resample_figure_of_merit", search.resample_figure_of_merit)
