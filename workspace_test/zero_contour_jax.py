"""JAX parity of ``LensCalc.einstein_radius_jit_from`` (the traceable zero-contour tracer).

An SIS and an SIE + external shear whose Einstein radius is a traced ``jax.jit`` argument
(the profile is built inside the jitted function): the jitted result equals PyAutoLens's
``einstein_radius_via_zero_contour_from`` (``packages/autogalaxy/tests/files/zero_contour/
expected.json``) to 1e-6 relative and this code's NumPy ``einstein_radius_via_zero_contour_from``
to 1e-6, a second call reuses the compiled function, and an explicit seed gives the same value.

Exits non-zero on any mismatch.  Run: ``timeout 300 python workspace_test/zero_contour_jax.py``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for package in ("autoarray", "autogalaxy", "autolens"):
    sys.path.append(str(ROOT / "packages" / package))

import autogalaxy as ag  # noqa: E402
from autoarray.backend import jax_numpy  # noqa: E402

jnp = jax_numpy()
import jax  # noqa: E402

EXPECTED = json.loads(
    (ROOT / "packages/autogalaxy/tests/files/zero_contour/expected.json").read_text()
)
failures: list = []


def check(name: str, actual: float, expected: float, rtol: float) -> None:
    error = abs(actual / expected - 1.0)
    ok = error <= rtol
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {actual:.12f} vs {expected:.12f} (rel {error:.1e})")
    if not ok:
        failures.append(name)


def sis(einstein_radius):
    return ag.Galaxy(redshift=0.5, mass=ag.mp.IsothermalSph(einstein_radius=einstein_radius))


def sie_shear(einstein_radius):
    return ag.Galaxy(
        redshift=0.5,
        mass=ag.mp.Isothermal(
            centre=(0.05, -0.03), ell_comps=(0.12, 0.05), einstein_radius=einstein_radius
        ),
        shear=ag.mp.ExternalShear(gamma_1=0.04, gamma_2=-0.03),
    )


def main() -> int:
    for name, build, theta_e in (("sis", sis, 1.2), ("sie_shear", sie_shear, 1.3)):

        @jax.jit
        def radius(einstein_radius, build=build):
            calc = ag.LensCalc.from_mass_obj(build(einstein_radius))
            return calc.einstein_radius_jit_from(N=200)

        start = time.perf_counter()
        jitted = float(radius(theta_e))
        first = time.perf_counter() - start
        start = time.perf_counter()
        again = float(radius(theta_e))
        second = time.perf_counter() - start
        print(f"     {name}: first call {first:.1f} s (compile), second {second * 1e3:.1f} ms")
        check(f"{name} jit vs PyAutoLens", jitted, EXPECTED[name]["einstein_radius"], 1e-6)
        calc = ag.LensCalc.from_mass_obj(build(theta_e))
        check(
            f"{name} jit vs NumPy trace",
            jitted,
            calc.einstein_radius_via_zero_contour_from(),
            1e-6,
        )
        check(f"{name} second call", again, jitted, 1e-12)
        if second > 0.5 * first:
            print(f"FAIL {name}: second call not served by the compiled function")
            failures.append(f"{name} cache")
        if name == "sis":
            # Two explicit seeds on the one curve: the curve is counted once (largest area).
            seeded = float(
                calc.einstein_radius_jit_from(init_guess=[(0.0, 1.0), (0.9, 0.0)], N=200)
            )
            check("sis explicit seeds", seeded, EXPECTED["sis"]["einstein_radius"], 1e-6)
    print("FAILED: " + ", ".join(failures) if failures else "all zero-contour JAX checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
