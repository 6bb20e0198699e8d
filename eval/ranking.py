"""The retrieval part of `guichet eval`: the deployed searcher against BM25 alone and the LangChain textbook
pipeline, on the same queries and corpus, per query so that themes and failures can be shown."""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from tqdm import tqdm

from corpus.model import Document
from eval import retrieval
from eval.datasets import load_rows
from eval.metrics import mean, percentile
from eval.systems import BASELINES, BM25_SYSTEM, DEFAULT_BASELINES, LANGCHAIN_SYSTEM, MAIN_SYSTEM
from guichet.config import Settings
from indexing.embeddings import Embedder
from indexing.index import Index
from indexing.search import Searcher

WORST = 10
NO_THEME = "(sans thème)"

Ranker = Callable[[str], list[str]]


def query_scores(ranked: Sequence[str], relevant: Mapping[str, int]) -> dict[str, float]:
    return {
        "hit@1": retrieval.hit_at(ranked, relevant, 1),
        "hit@5": retrieval.hit_at(ranked, relevant, 5),
        "hit@10": retrieval.hit_at(ranked, relevant, 10),
        "mrr@10": retrieval.reciprocal_rank(ranked, relevant),
        "ndcg@10": retrieval.ndcg_at(ranked, relevant),
    }


def score_system(
    name: str, rank: Ranker, queries: Sequence[retrieval.Query], relevance: Sequence[Mapping[str, int]],
    progress: bool,
) -> tuple[list[dict[str, float]], list[list[str]], list[float]]:
    scores, rankings, latencies = [], [], []
    for query, relevant in tqdm(list(zip(queries, relevance, strict=True)), desc=name, unit="q", disable=not progress):
        started = time.perf_counter()
        ranked = rank(query.text)
        latencies.append((time.perf_counter() - started) * 1000)
        rankings.append(ranked)
        scores.append(query_scores(ranked, relevant))
    return scores, rankings, latencies


def _summary(scores: Sequence[Mapping[str, float]], latencies: Sequence[float]) -> dict[str, float | None]:
    names = list(scores[0]) if scores else []
    return {
        **{name: mean(row[name] for row in scores) for name in names},
        "p50_ms": percentile(latencies, 50) if latencies else None,
        "p95_ms": percentile(latencies, 95) if latencies else None,
    }


def themes_of(path: Path) -> dict[str, str]:
    """Query text -> its theme, from the dataset's `theme` field."""
    return {row.text: row.theme for row in load_rows(path) if row.theme}


def evaluate_retrieval(
    settings: Settings,
    path: Path,
    documents: Sequence[Document],
    index: Index,
    embedder: Embedder,
    limit: int | None = None,
    progress: bool = True,
    baselines: Sequence[str] = DEFAULT_BASELINES,
) -> dict[str, Any]:
    unknown = set(baselines) - set(BASELINES)
    if unknown:
        raise ValueError(f"unknown baseline(s) {', '.join(sorted(unknown))}; expected {', '.join(BASELINES)}")
    queries = retrieval.load_queries(path)[:limit]
    resolved = retrieval.resolve_queries(queries, documents)
    kept = [(query, relevant) for query, relevant in zip(queries, resolved, strict=True) if relevant]
    queries, relevance = [q for q, _ in kept], [r for _, r in kept]
    rankers: dict[str, Ranker] = {MAIN_SYSTEM: retrieval.searcher_ranker(Searcher(index, embedder, settings))}
    if "bm25" in baselines:
        rankers[BM25_SYSTEM] = retrieval.build_bm25_documents(documents).rank
    if "langchain" in baselines:
        rankers[LANGCHAIN_SYSTEM] = retrieval.build_langchain_textbook(settings, documents).rank
    systems: dict[str, Any] = {}
    main_scores: list[dict[str, float]] = []
    main_rankings: list[list[str]] = []
    for name, rank in rankers.items():
        scores, rankings, latencies = score_system(name, rank, queries, relevance, progress)
        systems[name] = _summary(scores, latencies)
        if name == MAIN_SYSTEM:
            main_scores, main_rankings = scores, rankings
    themes = themes_of(path)
    grouped: dict[str, list[dict[str, float]]] = {}
    for query, scores in zip(queries, main_scores, strict=True):
        grouped.setdefault(themes.get(query.text, NO_THEME), []).append(scores)
    order = sorted(range(len(queries)), key=lambda i: (main_scores[i]["ndcg@10"], main_scores[i]["mrr@10"]))
    return {
        "n": len(queries),
        "unresolved": len(resolved) - len(queries),
        "systems": systems,
        "by_theme": {theme: {"n": len(rows), **_summary(rows, [])} for theme, rows in grouped.items()},
        "worst": [
            {"query": queries[i].text,
             "expected": sorted(relevance[i], key=lambda doc: -relevance[i][doc]),
             "retrieved": main_rankings[i][:5],
             "ndcg@10": main_scores[i]["ndcg@10"]}
            for i in order[:WORST]
        ],
    }
