"""JAX parity of the lens imaging likelihood with standard light profiles.

Model: lens (z=0.5) Sersic light + Isothermal + ExternalShear, source (z=1.0) Sersic, fitted to
the ``jax_test`` dataset (circular mask r=3", over-sampling 1 and 4). Checks the
``jax.jit(analysis.fit_from)`` round trip and ``Fitness._vmap`` on 50 random prior draws against
NumPy (rtol 1e-8), and that a JAX analysis turns on 64-bit floats when JAX was imported
first; see ``_common.py``.

Run: ``timeout 600 python workspace_test/jax_likelihood_functions/imaging/lp.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common  # noqa: E402

from autogalaxy.profiles.light.standard.sersic import Sersic  # noqa: E402


def model_from():
    return _common.lens_source_model_from(Sersic, Sersic)


if __name__ == "__main__":
    sys.exit(_common.run("lp.py", model_from, check_x64=True))
