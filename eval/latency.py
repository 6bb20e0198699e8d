"""Per-stage latency percentiles from the answers' own timings, and the process's memory peak."""
from __future__ import annotations

import resource
import sys
from collections.abc import Iterable, Mapping
from typing import Any

from eval.metrics import percentile

STAGE_ORDER = ("redaction_ms", "retrieval_ms", "generation_ms", "total_ms")


def memory_peak_mb() -> float:
    """ru_maxrss is in KiB on Linux and in bytes on macOS."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def stage_latencies(timings: Iterable[Mapping[str, float]]) -> dict[str, list[float]]:
    values: dict[str, list[float]] = {}
    for timing in timings:
        for stage, milliseconds in timing.items():
            values.setdefault(stage, []).append(float(milliseconds))
    known = [stage for stage in STAGE_ORDER if stage in values]
    return {stage: values[stage] for stage in known + sorted(set(values) - set(known))}


def summarize(timings: Iterable[Mapping[str, float]]) -> dict[str, Any]:
    stages = {
        stage: {
            "n": len(values),
            "p50": percentile(values, 50),
            "p95": percentile(values, 95),
            "max": max(values),
            "values": [round(value, 1) for value in values],
        }
        for stage, values in stage_latencies(timings).items()
    }
    return {"stages": stages, "memory_peak_mb": round(memory_peak_mb(), 1)}
