"""``Nautilus()`` with no arguments samples with the settings ``af.Nautilus()`` has in PyAutoFit /
PyAutoLens 2026.10.26.1 (``tests/files/nautilus_defaults/expected.json``)."""

import json
import math
from pathlib import Path

import autogalaxy as ag

EXPECTED = json.loads(
    (Path(__file__).parents[1] / "files" / "nautilus_defaults" / "expected.json").read_text(
        encoding="utf-8"
    )
)


def test_defaults_equal_the_release():
    search = ag.Nautilus()
    for name, value in EXPECTED["defaults"].items():
        ours = getattr(search, name)
        if value == "inf":
            assert math.isinf(ours) and ours > 0, name
        else:
            assert ours == value, name
