"""Document-level retrieval metrics (hit@k, MRR@10, graded nDCG@10), and a ranker scored query by query: the one
implementation that `guichet eval retrieval` and `guichet bench` both read."""
from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from tqdm import tqdm

from eval.metrics import mean, percentile

CUTOFF = 10
Ranker = Callable[[str], list[str]]
"""A query's text -> document ids, best first."""


def hit_at(ranked: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    return 1.0 if any(doc in relevant for doc in ranked[:k]) else 0.0


def reciprocal_rank(ranked: Sequence[str], relevant: Mapping[str, int], k: int = CUTOFF) -> float:
    for rank, doc in enumerate(ranked[:k], start=1):
        if doc in relevant:
            return 1.0 / rank
    return 0.0


def ndcg_at(ranked: Sequence[str], relevant: Mapping[str, int], k: int = CUTOFF) -> float:
    """Graded nDCG with gain 2^rel − 1 and log2(rank + 1) discount."""
    dcg = sum((2 ** relevant.get(doc, 0) - 1) / math.log2(rank + 1) for rank, doc in enumerate(ranked[:k], start=1))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(ideal, start=1))
    return dcg / idcg if idcg else 0.0


def query_scores(ranked: Sequence[str], relevant: Mapping[str, int]) -> dict[str, float]:
    return {
        "hit@1": hit_at(ranked, relevant, 1),
        "hit@5": hit_at(ranked, relevant, 5),
        "hit@10": hit_at(ranked, relevant, 10),
        "mrr@10": reciprocal_rank(ranked, relevant),
        "ndcg@10": ndcg_at(ranked, relevant),
    }


@dataclass
class Scored:
    """A ranker's run over queries, in their order."""

    scores: list[dict[str, float]] = field(default_factory=list)
    rankings: list[list[str]] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)


def score_ranker(
    rank: Ranker, texts: Sequence[str], relevance: Sequence[Mapping[str, int]], label: str = "", progress: bool = False
) -> Scored:
    """Each query ranked and timed once; queries that expect nothing are skipped."""
    scored = Scored()
    pairs = [(text, relevant) for text, relevant in zip(texts, relevance, strict=True) if relevant]
    for text, relevant in tqdm(pairs, desc=label, unit="q", disable=not progress):
        started = time.perf_counter()
        ranked = rank(text)
        scored.latencies_ms.append((time.perf_counter() - started) * 1000)
        scored.rankings.append(ranked)
        scored.scores.append(query_scores(ranked, relevant))
    return scored


def summary(scores: Sequence[Mapping[str, float]], latencies_ms: Sequence[float]) -> dict[str, float | None]:
    """The mean of each metric, and the latency p50 and p95 (None without latencies)."""
    names = list(scores[0]) if scores else []
    return {
        **{name: mean(row[name] for row in scores) for name in names},
        "p50_ms": percentile(latencies_ms, 50) if latencies_ms else None,
        "p95_ms": percentile(latencies_ms, 95) if latencies_ms else None,
    }
