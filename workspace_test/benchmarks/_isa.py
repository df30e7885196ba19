"""Emulate a CPU without AVX-512 on an AVX-512 host, for the benchmark scripts (standard library
plus the running venv's NumPy, so the reference scripts in other virtual environments use it too).

Issue 16 asks for figures on a CPU without AVX-512 (its AMD EPYC host). When only an AVX-512
machine is at hand, ``--emulate-avx2`` restarts the script with:

* ``XLA_FLAGS += --xla_cpu_max_isa=AVX2``: XLA's CPU compiler emits at most AVX2 code (no
  ``zmm`` registers; checked on jaxlib 0.10.2 by disassembling a dumped kernel);
* ``OPENBLAS_CORETYPE=Haswell``: OpenBLAS (NumPy's and SciPy's) loads its AVX2 kernels
  (``threadpoolctl`` then reports architecture "Haswell" instead of "SkylakeX");
* ``NPY_DISABLE_CPU_FEATURES``: NumPy's AVX-512 dispatch targets (``X86_V4``, ``AVX512_*``, as
  listed by the running NumPy) are switched off, leaving its AVX2 (``X86_V3``) loops.

It is an *emulation*: the instruction set is limited, the microarchitecture is not (caches,
memory bandwidth, clock and the number of floating-point units stay this host's), and
precompiled kernels inside jaxlib (Eigen matrix products, the DUCC FFT) choose their own code
paths at run time. Figures measured this way are labelled "AVX2 emulation" in the result files.
"""

from __future__ import annotations

import os
import sys

#: Set in the restarted process, so it does not restart again and its results say so.
MARKER = "AUTOLENS_BENCH_EMULATED_ISA"

AVX2_XLA_FLAG = "--xla_cpu_max_isa=AVX2"


def numpy_avx512_targets() -> list:
    """The AVX-512 dispatch targets of the running NumPy (names differ between versions)."""
    try:
        from numpy._core._multiarray_umath import __cpu_dispatch__
    except ImportError:  # NumPy 1.x
        from numpy.core._multiarray_umath import __cpu_dispatch__
    return [t for t in __cpu_dispatch__ if t == "X86_V4" or t.startswith("AVX512")]


def avx2_environment(environ: dict) -> dict:
    """``environ`` with the AVX2 emulation settings added (see the module docstring)."""
    env = dict(environ)
    flags = env.get("XLA_FLAGS", "")
    if "--xla_cpu_max_isa" not in flags:
        env["XLA_FLAGS"] = f"{flags} {AVX2_XLA_FLAG}".strip()
    env["OPENBLAS_CORETYPE"] = "Haswell"
    targets = numpy_avx512_targets()
    if targets:
        env["NPY_DISABLE_CPU_FEATURES"] = " ".join(targets)
    env[MARKER] = "AVX2"
    return env


def restart_emulating_avx2() -> None:
    """Replace this process by the same command under :func:`avx2_environment` (no return),
    unless it already runs under it."""
    if os.environ.get(MARKER) == "AVX2":
        return
    sys.stdout.flush()
    os.execve(sys.executable, [sys.executable] + sys.argv, avx2_environment(os.environ))


def emulation() -> dict:
    """What this process runs under, for the result files: the emulated ISA (or None) and the
    variables that make it."""
    return dict(
        emulated_isa=os.environ.get(MARKER),
        xla_flags=os.environ.get("XLA_FLAGS", ""),
        openblas_coretype=os.environ.get("OPENBLAS_CORETYPE", ""),
        npy_disable_cpu_features=os.environ.get("NPY_DISABLE_CPU_FEATURES", ""),
    )
