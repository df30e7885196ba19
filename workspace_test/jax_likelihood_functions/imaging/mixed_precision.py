"""``Settings(use_mixed_precision=True)``: float32 where the release uses it, float64 elsewhere.

Model: lens (z=0.5) Isothermal + ExternalShear + linear Sersic, source (z=1.0)
``Pixelization(RectangularUniform((14, 14)), Constant)``. Checks:

* NumPy ignores the flag (bit-identical log evidence with and without it: the NumPy fit is the
  float64 reference of a mixed-precision JAX fit, as in the release);
* under ``jax.jit`` the flag builds the pixelization mapping matrix in float32 while the
  log evidence (curvature, NNLS, log-dets in float64) stays within 1e-6 relative of NumPy, and
  without the flag the jit fit stays float64 (1e-8).

Run: ``timeout 600 python workspace_test/jax_likelihood_functions/imaging/mixed_precision.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _pixelization  # noqa: E402
import numpy as np  # noqa: E402

MIXED_RTOL = 1e-6


def main() -> int:
    import jax

    from autoarray.inversion.mesh import RectangularUniform
    from autoarray.inversion.pixelization import Pixelization
    from autoarray.inversion.regularization import Constant
    from autogalaxy.imaging.settings import Settings
    from autogalaxy.modeling.model import Model
    from autolens.imaging.analysis import AnalysisImaging

    dataset = _pixelization.dataset_from()
    pixelization = Model(
        Pixelization, mesh=RectangularUniform(shape=(14, 14)), regularization=Constant
    )
    failures = []
    # (lens light, mixed, tolerance vs NumPy): the pixel-only model shows the mapper's float32
    # mapping matrix (with lens light it is concatenated with the profiles' float64 columns).
    for with_lens_light, mixed, rtol in (
        (True, True, MIXED_RTOL),
        (True, False, 1e-8),
        (False, True, MIXED_RTOL),
    ):
        model = _pixelization.lens_pixelized_source_model_from(pixelization, with_lens_light)
        instance = model.instance_from_vector(
            model.vector_from_unit_vector(np.full(model.prior_count, 0.53))
        )
        evidences = {}
        for flag in (False, True):
            analysis_np = AnalysisImaging(
                dataset=dataset, use_jax=False, settings=Settings(use_mixed_precision=flag)
            )
            evidences[flag] = float(analysis_np.fit_from(instance).log_evidence)
        if evidences[True] != evidences[False]:
            failures.append(f"NumPy log evidence changes with the flag: {evidences}")
        reference = evidences[False]
        analysis = AnalysisImaging(
            dataset=dataset, use_jax=True, settings=Settings(use_mixed_precision=mixed)
        )
        fit = jax.jit(analysis.fit_from)(instance)
        dtype = fit.inversion.mapping_matrix.dtype
        value = float(fit.log_evidence)
        rel = abs(value - reference) / abs(reference)
        label = f"lens light {with_lens_light}, mixed precision {mixed}"
        print(
            f"{label}: jit log evidence {value:.10e} vs NumPy {reference:.10e} "
            f"(rel {rel:.1e}), mapping matrix {dtype}"
        )
        expected = np.float32 if (mixed and not with_lens_light) else np.float64
        if dtype != expected:
            failures.append(f"{label}: mapping matrix is {dtype}, expected {expected}")
        if not (np.isfinite(value) and rel <= rtol):
            failures.append(f"{label}: log evidence rel diff {rel:.2e} > {rtol}")
        if mixed and rel == 0.0:
            failures.append(f"{label}: identical to float64, so nothing ran in float32")
    if failures:
        print("FAILED mixed_precision.py:")
        for failure in failures:
            print("  " + failure)
        return 1
    print("mixed_precision.py: float32 where asked, evidence within tolerance of NumPy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
