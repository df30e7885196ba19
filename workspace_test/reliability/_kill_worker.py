"""Worker of ``kill_resume.py``: run (or resume) one toy fit; print READY once sampling starts.

Usage: ``python _kill_worker.py SEARCH OUTPUT_PATH DELAY``. Exit 0 when the fit completed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _toy  # noqa: E402


def main() -> int:
    kind, out, delay = sys.argv[1], sys.argv[2], float(sys.argv[3])
    analysis = _toy.ToyAnalysis(delay=delay, use_jax=kind in ("nuts", "prodigy"))
    search = _toy.make_search(kind, out)
    model = _toy.toy_model()
    print("READY", flush=True)
    result = search.fit(model, analysis)
    print(f"DONE {result.samples.max_log_likelihood!r}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
