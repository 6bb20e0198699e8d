"""Redaction latency per question (p50 / p95 in milliseconds), one question at a time as in the service."""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence

from redaction.engine import Redactor


def bench_redaction(redactor: Redactor, texts: Sequence[str], repeats: int = 3, warmup: int = 5) -> dict[str, float]:
    if not texts:
        raise ValueError("no texts to time")
    for text in texts[:warmup]:
        redactor.redact(text)
    timings: list[float] = []
    for _ in range(repeats):
        for text in texts:
            started = time.perf_counter()
            redactor.redact(text)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "questions": len(texts),
        "runs": len(timings),
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[min(len(timings) - 1, int(0.95 * len(timings)))], 2),
        "max_ms": round(timings[-1], 2),
        "mean_ms": round(statistics.fmean(timings), 2),
    }
