"""The machine a benchmark ran on, for its result files (standard library only, so the
reference scripts in other virtual environments use it too)."""

from __future__ import annotations

import platform


def cpu_info(cpuinfo: str = "/proc/cpuinfo") -> dict:
    """The CPU the figures were measured on: model name, family / model numbers, the SIMD
    feature flags that change XLA's code (AVX-512 or not), and a one-line ``kind`` for the
    tables of ``docs/performance.md`` (one table per CPU kind)."""
    fields: dict = {}
    try:
        with open(cpuinfo, encoding="utf-8", errors="replace") as lines:
            for line in lines:
                key, _, value = line.partition(":")
                key = key.strip()
                if key in ("model name", "cpu family", "model", "flags") and key not in fields:
                    fields[key] = value.strip()
    except OSError:
        pass
    flags = fields.get("flags", "").split()
    simd = sorted(f for f in flags if f.startswith(("avx", "fma", "sse4")))
    avx512 = "avx512f" in flags
    model = fields.get("model name") or platform.processor() or "unknown CPU"
    return dict(
        model_name=model,
        family=fields.get("cpu family"),
        model=fields.get("model"),
        avx512=avx512,
        simd_flags=simd,
        kind=f"{model} (family {fields.get('cpu family')}, model {fields.get('model')}), "
        + ("AVX-512" if avx512 else "no AVX-512"),
    )
