"""JAX parity of the source-plane point-source likelihood (``FitPositionsSource``,
``ps.Point`` with a free centre, plus time delays): jit round trip, ``Fitness._vmap`` vs NumPy
and grad vs finite differences (see ``_common.py``).

Run: ``timeout 600 python workspace_test/jax_likelihood_functions/point_source/source_plane.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common  # noqa: E402

if __name__ == "__main__":
    sys.exit(_common.run("source_plane.py", "FitPositionsSource", solved=False))
