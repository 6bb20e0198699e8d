"""The retrieval part of `guichet eval`: the deployed searcher against BM25 alone and the LangChain textbook
pipeline, on the same queries and corpus, per query so that themes and failures can be shown."""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corpus.model import Document
from eval.datasets import load_rows
from eval.relevance import queries_of, resolve_queries
from eval.retrieval_metrics import Ranker, Scored, score_ranker, summary
from eval.retrievers import build_bm25_documents, build_langchain_textbook, searcher_ranker
from eval.systems import BASELINES, BM25_SYSTEM, DEFAULT_BASELINES, FUSION_SYSTEM, LANGCHAIN_SYSTEM, MAIN_SYSTEM
from guichet.config import Settings
from indexing.embeddings import Embedder
from indexing.index import Index
from indexing.rerank import load_ranker
from indexing.search import Searcher

WORST = 10
NO_THEME = "(sans thème)"


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
    rows = load_rows(path)
    queries = queries_of(rows)[:limit]
    resolved = resolve_queries(queries, documents)
    kept = [(query, relevant) for query, relevant in zip(queries, resolved, strict=True) if relevant]
    texts, relevance = [query.text for query, _ in kept], [relevant for _, relevant in kept]
    searcher = Searcher(index, embedder, settings)
    rankers: dict[str, Ranker] = {MAIN_SYSTEM: searcher_ranker(searcher)}
    if searcher.config.ranker is not None:
        fusion = Searcher(index, embedder, settings, dataclasses.replace(searcher.config, ranker=None))
        rankers[FUSION_SYSTEM] = searcher_ranker(fusion)
    if "bm25" in baselines:
        rankers[BM25_SYSTEM] = build_bm25_documents(documents).rank
    if "langchain" in baselines:
        rankers[LANGCHAIN_SYSTEM] = build_langchain_textbook(settings, documents).rank
    scored = {name: score_ranker(rank, texts, relevance, name, progress) for name, rank in rankers.items()}
    main = scored[MAIN_SYSTEM]
    return {
        "n": len(texts),
        "unresolved": len(resolved) - len(texts),
        "systems": {name: summary(run.scores, run.latencies_ms) for name, run in scored.items()},
        "by_theme": by_theme(texts, main, {row.text: row.theme for row in rows if row.theme}),
        **({"ranker": ranker_card(searcher.config.ranker)} if searcher.config.ranker is not None else {}),
        "worst": worst(texts, relevance, main),
    }


def ranker_card(path: Path) -> dict[str, Any]:
    """What the reranking was trained on and what it scored on themes it never saw: the figures to read when the
    queries scored here are among those it learnt from."""
    card = load_ranker(path).card
    return {name: card[name] for name in ("dataset", "queries", "corpus_questions", "folds", "grouped_by",
                                          "cross_validation", "trained") if name in card}


def by_theme(texts: Sequence[str], main: Scored, themes: dict[str, str]) -> dict[str, Any]:
    """The main system's means per theme of the dataset (`theme` field)."""
    grouped: dict[str, list[dict[str, float]]] = {}
    for text, scores in zip(texts, main.scores, strict=True):
        grouped.setdefault(themes.get(text, NO_THEME), []).append(scores)
    return {theme: {"n": len(rows), **summary(rows, [])} for theme, rows in grouped.items()}


def worst(texts: Sequence[str], relevance: Sequence[dict[str, int]], main: Scored) -> list[dict[str, Any]]:
    """The main system's lowest-scoring queries, with what was expected and what came first."""
    scores = main.scores
    order = sorted(range(len(texts)), key=lambda i: (scores[i]["ndcg@10"], scores[i]["mrr@10"]))
    return [
        {"query": texts[i],
         "expected": sorted(relevance[i], key=lambda doc: -relevance[i][doc]),
         "retrieved": main.rankings[i][:5],
         "ndcg@10": scores[i]["ndcg@10"]}
        for i in order[:WORST]
    ]
