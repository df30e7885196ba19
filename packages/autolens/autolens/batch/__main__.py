"""``python -m autolens.batch JOB_FILE``: fit every dataset folder of a job file (see
:mod:`autolens.batch.job_file`). Exit status 0 when every lens finished, 1 when some failed,
2 when the job could not start."""

from __future__ import annotations

import argparse
import sys

from autolens.batch.job_file import model_from, read_job_file, search_from


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autolens.batch", description=__doc__)
    parser.add_argument("job_file", help="YAML or JSON job file")
    parser.add_argument("--workers", type=int, default=None, help="LocalCluster workers")
    parser.add_argument("--scheduler", default=None, help="address of a running Dask scheduler")
    parser.add_argument("--quiet", action="store_true", help="no live progress")
    args = parser.parse_args(argv)

    import autolens as al
    from autogalaxy.exc import AutoGalaxyException
    from autolens.exc import AutoLensException

    try:
        job = read_job_file(args.job_file)
        output_path = job.get("output_path", "output")
        datasets = al.batch.folders_in(
            job["datasets"],
            pixel_scales=job["pixel_scales"],
            mask_radius=job.get("mask_radius", 3.0),
            over_sample_size_lp=job.get("over_sample_size_lp", 1),
        )
        result = al.fit_batch(
            datasets,
            model_from(job["model"]),
            search_from(job["search"], output_path),
            client=args.scheduler or job.get("scheduler"),
            name=job.get("name", "batch"),
            output_path=output_path,
            database=job.get("database", True),
            retries=int(job.get("retries", 2)),
            n_workers=args.workers or job.get("workers"),
            progress=not args.quiet,
            scheduler_timeout=float(job.get("scheduler_timeout", 10.0)),
        )
    except (AutoGalaxyException, AutoLensException) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.quiet:
        print(result.table)
    return 1 if result.failed else 0


if __name__ == "__main__":
    sys.exit(main())
