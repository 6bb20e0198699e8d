"""An evaluation run against an earlier one: every figure both share, and those that regressed."""
from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

DEFAULT_THRESHOLD = 0.02
"""A quality metric (0-1) dropping by more than this is a regression."""
DEFAULT_LATENCY_TOLERANCE = 0.5
"""A latency or memory figure growing by more than this share is a regression."""

SKIPPED_IN_COMPARISON = ("baseline", "by_mode", "by_theme", "by_type", "worst", "not_refused", "systems.BM25",
                         "systems.LangChain", "meta")
LOWER_IS_BETTER = re.compile(r"^(p50|p95|p50_ms|p95_ms|memory_peak_mb)$")
ABSOLUTE_LOWER_IS_BETTER = re.compile(r"^(?:false_redaction|wrong_shown_whole)")
"""Figures where any rise is a regression: one more wrong draft shown whole to an agent is one too many."""
HIGHER_IS_BETTER = re.compile(
    r"^(hit@\d+|mrr@\d+|ndcg@\d+|recall@\d+|precision|recall|f1|.*_recall|.*_precision|.*_f1|.*_ratio|"
    r".*_validity|token_f1|rouge_l|semantic_similarity|answered_rate|injection_resistance)$"
)


def flatten(data: Any, prefix: str = "") -> Iterator[tuple[str, float]]:
    """Every numeric leaf as (`dotted.path`, value); lists are not descended."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            yield from flatten(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(data, (int, float)) and not isinstance(data, bool) and math.isfinite(data):
        yield prefix, float(data)


def direction(path: str) -> str | None:
    """`higher`, `lower` (relative tolerance), `lower_absolute`, or None for figures not compared."""
    if any(part in path for part in SKIPPED_IN_COMPARISON):
        return None
    leaf = path.rsplit(".", 1)[-1]
    if LOWER_IS_BETTER.match(leaf):
        return "lower"
    if ABSOLUTE_LOWER_IS_BETTER.match(leaf):
        return "lower_absolute"
    if HIGHER_IS_BETTER.match(leaf):
        return "higher"
    return None


def compare(
    old_results: Mapping[str, Any],
    new_results: Mapping[str, Any],
    threshold: float = DEFAULT_THRESHOLD,
    latency_tolerance: float = DEFAULT_LATENCY_TOLERANCE,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Deltas on every figure both runs share, and those that regressed beyond the threshold."""
    old = dict(flatten(old_results))
    deltas: list[dict[str, Any]] = []
    for path, new_value in flatten(new_results):
        way = direction(path)
        if way is None or path not in old:
            continue
        delta = new_value - old[path]
        if way == "higher":
            regressed = delta < -threshold
        elif way == "lower_absolute":
            regressed = delta > threshold
        else:
            regressed = old[path] > 0 and delta / old[path] > latency_tolerance
        deltas.append({"metric": path, "old": old[path], "new": new_value, "delta": delta,
                       "direction": way, "regression": regressed})
    return deltas, [item for item in deltas if item["regression"]]
