"""Record what ``af.Nautilus()`` with no arguments uses in PyAutoFit / PyAutoLens 2026.10.26.1
(reference venv only; autolens is imported first so its configuration is in force):

    env -u PYTHONPATH /work/refvenv/bin/python generate_with_pyautolens.py

writes ``expected.json``, compared by ``tests/modeling/test_modeling_nautilus_defaults.py``.
"""

import json
import math
import sys
from pathlib import Path

OUT = Path(__file__).with_name("expected.json")
NAMES = ("n_live", "n_batch", "n_eff", "f_live", "n_networks", "n_like_max", "discard_exploration")


def main():
    import autofit as af

    import autolens  # noqa: F401  (its configuration, if any, applies to the search)

    search = af.Nautilus()
    values = {}
    for name in NAMES:
        value = getattr(search, name)
        values[name] = "inf" if isinstance(value, float) and math.isinf(value) else value
    out = {"version": autolens.__version__, "defaults": values}
    OUT.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "workspace_test" / "benchmarks"))
    from _release import require_release

    require_release()
    main()
