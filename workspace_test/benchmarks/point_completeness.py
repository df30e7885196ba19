"""Completeness of the point solver over many random sources (issue 20 asks for 1,000).

For SIE + shear and NFW + SIE lenses (the lenses of
``packages/autolens/tests/point/test_al_point_completeness.py``), each random source's images
are found by the solver and by a dense brute-force Newton search
(:func:`autolens.point.completeness.brute_force_images_from`); an image with |μ| > 0.1 the brute
force finds and the solver does not is a miss. Prints the miss rate per lens and the image-count
histogram.

Usage: ``python workspace_test/benchmarks/point_completeness.py [--sources 1000] [--starts 100] [--lens nfw_sie]``
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import numpy as np


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--starts", type=int, default=100, help="brute-force starts per side")
    parser.add_argument("--half-width", type=float, default=0.4, help="sources uniform in ±this")
    parser.add_argument("--lens", action="append", help="only these lenses (repeatable)")
    args = parser.parse_args()

    import autolens as al
    from autolens.point.completeness import brute_force_images_from, missed_images_from

    sys.path.insert(0, "packages/autolens/tests/point")
    from test_al_point_completeness import _lenses

    solver = al.PointSolver.for_limits_and_scale(
        -2.0, 2.0, -2.0, 2.0, scale=0.05, pixel_scale_precision=0.001
    )
    rng = np.random.default_rng(2026)
    failed = 0
    for name, lens in _lenses().items():
        sources = rng.uniform(-args.half_width, args.half_width, size=(args.sources, 2))
        if args.lens and name not in args.lens:
            continue  # the sources are still drawn, so each lens sees the same ones
        tracer = al.Tracer(lens + [al.Galaxy(redshift=1.0)])
        missed_images = expected_images = 0
        sources_missing = 0
        counts = Counter()
        extra = 0
        for source in sources:
            found = solver.solve(tracer, source).array
            expected = brute_force_images_from(
                tracer, source, extent=1.95, starts_per_side=args.starts
            )
            missed = missed_images_from(found, expected)
            missed_images += missed.shape[0]
            expected_images += expected.shape[0]
            sources_missing += int(missed.shape[0] > 0)
            extra += missed_images_from(expected, found).shape[0]
            counts[found.shape[0]] += 1
        rate = missed_images / max(expected_images, 1)
        print(
            f"{name}: {args.sources} sources, {expected_images} brute-force images, "
            f"{missed_images} missed ({rate:.2e}; {sources_missing} sources affected), "
            f"{extra} solver images the brute force did not find; image counts {dict(sorted(counts.items()))}"
        )
        failed += missed_images
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
