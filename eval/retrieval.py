"""`guichet bench`: retrievers side by side on the same corpus and queries — BM25 alone, the LangChain textbook
pipeline, dense alone and Guichet (lexical, hybrid), with their ablations and build costs.

`python -m eval.retrieval` runs it alone.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from corpus.model import Document
from eval.datasets import DEFAULT_DATASETS
from eval.relevance import Query, load_queries, resolve_queries
from eval.retrieval_metrics import Ranker, hit_at, score_ranker, summary
from eval.retrievers import (
    ABLATIONS,
    BENCH_SYSTEMS,
    GUICHET_VARIANTS,
    LEXICAL_ABLATIONS,
    Built,
    build_bm25_documents,
    build_guichet,
    build_guichet_lexical,
    build_langchain_textbook,
    searcher_ranker,
)
from guichet.config import Settings
from indexing.embeddings import Embedder
from indexing.search import DENSE, Searcher

BENCH_DATASETS: dict[str, Path] = {
    "keywords": DEFAULT_DATASETS["retrieval-queries"],
    "questions": DEFAULT_DATASETS["fiche-questions"],
    "agent questions": DEFAULT_DATASETS["agent-questions"],
}
"""The bench's query sets, by the name its table gives them."""
LATENCIES = ("p50_ms", "p95_ms")


def evaluate(rank: Ranker, queries: Sequence[Query], relevance: Sequence[Mapping[str, int]]) -> dict[str, float]:
    """The queries scored, each metric's mean to 4 decimals, the latencies to 2 (0 when nothing was ranked)."""
    scored = score_ranker(rank, [query.text for query in queries], relevance)
    figures = summary(scored.scores, scored.latencies_ms)
    return {
        "queries": len(scored.scores),
        **{name: round(value or 0.0, 2 if name in LATENCIES else 4) for name, value in figures.items()},
    }


def failures(
    rank: Ranker, queries: Sequence[Query], relevance: Sequence[Mapping[str, int]], limit: int = 10
) -> list[dict[str, Any]]:
    """Queries whose relevant documents are all missing from the top 5, with what came instead."""
    missed = []
    for query, relevant in zip(queries, relevance, strict=True):
        ranked = rank(query.text) if relevant else []
        if relevant and not hit_at(ranked, relevant, 5):
            missed.append({"query": query.text, "expected": sorted(relevant)[:5], "got": ranked[:5]})
        if len(missed) >= limit:
            break
    return missed


def compare_retrievers(
    settings: Settings,
    documents: Sequence[Document],
    datasets: Mapping[str, Sequence[Query]],
    ablations: bool = False,
    systems: Sequence[str] = BENCH_SYSTEMS,
) -> dict[str, Any]:
    """Metrics per system and dataset, plus build cost; the index is built under `settings.index_dir`."""
    documents = list(documents)
    relevance = {name: resolve_queries(queries, documents) for name, queries in datasets.items()}
    results: dict[str, Any] = {"documents": len(documents), "systems": {}}
    embedder = Embedder(settings)
    built: dict[str, Built] = {}
    if "bm25-documents" in systems:
        built["bm25-documents"] = build_bm25_documents(documents)
    if "langchain-textbook" in systems:
        built["langchain-textbook"] = build_langchain_textbook(settings, documents)
    variants = {name: config for name, config in GUICHET_VARIANTS.items() if name in systems}
    lexical_only = not any(DENSE in config.weights for config in variants.values())
    if ablations:
        variants.update(LEXICAL_ABLATIONS if lexical_only else {**LEXICAL_ABLATIONS, **ABLATIONS})
    if variants and lexical_only:
        index, guichet_build = build_guichet_lexical(documents, embedder)
    elif variants:
        index, guichet_build = build_guichet(settings, documents, embedder)
    for name, config in variants.items():
        built[name] = dataclasses.replace(
            guichet_build,
            rank=searcher_ranker(Searcher(index, embedder if DENSE in config.weights else None, settings, config)),
        )
    for name, system in built.items():
        results["systems"][name] = {
            "build_s": round(system.build_s, 2),
            "chunks": system.chunks,
            "embedded": system.embedded,
            "chunks_per_s": system.chunks_per_s,
            **{dataset: evaluate(system.rank, datasets[dataset], relevance[dataset]) for dataset in datasets},
        }
    if "guichet-hybrid" in built:
        results["failures"] = {
            dataset: failures(built["guichet-hybrid"].rank, datasets[dataset], relevance[dataset])
            for dataset in datasets
        }
    return results


def format_table(results: Mapping[str, Any]) -> str:
    datasets = sorted(
        {key for system in results["systems"].values() for key, value in system.items() if isinstance(value, dict)}
    )
    lines = [f"corpus: {results['documents']:,} documents", ""]
    for dataset in datasets:
        lines.append(f"{dataset}")
        lines.append(
            f"{'system':<24}{'n':>6}{'hit@1':>7}{'hit@5':>7}{'hit@10':>7}{'MRR@10':>8}{'nDCG@10':>8}"
            f"{'p50ms':>8}{'p95ms':>8}"
        )
        for name, system in results["systems"].items():
            m = system[dataset]
            lines.append(
                f"{name:<24}{m['queries']:>6}{m.get('hit@1', 0):>7.3f}{m.get('hit@5', 0):>7.3f}"
                f"{m.get('hit@10', 0):>7.3f}"
                f"{m.get('mrr@10', 0):>8.3f}{m.get('ndcg@10', 0):>8.3f}{m['p50_ms']:>8.1f}{m['p95_ms']:>8.1f}"
            )
        lines.append("")
    lines.append(f"{'system':<24}{'build s':>9}{'chunks':>8}{'embedded':>9}{'chunks/s':>9}")
    for name, system in results["systems"].items():
        rate = system["chunks_per_s"]
        lines.append(
            f"{name:<24}{system['build_s']:>9.1f}{system['chunks']:>8}{system['embedded']:>9}"
            f"{(f'{rate:.1f}' if rate else '-'):>9}"
        )
    return "\n".join(lines)


def bench(
    settings: Settings,
    paths: Mapping[str, Path] | None = None,
    systems: Sequence[str] = BENCH_SYSTEMS,
    ablations: bool = False,
    limit: int | None = None,
    cold: bool = False,
    sources: Sequence[str] = (),
) -> dict[str, Any]:
    """`make bench`: every system side by side on the same corpus and queries, each index built in a scratch
    home that shares the embedding cache, so the index in service is untouched and repeated runs are cheap.

    `cold`: a fresh, empty embedding cache instead, so that build times and throughputs are from scratch.
    `sources`: a corpus of these sources only (relevant ids of other sources then no longer count)."""
    from corpus.load import load_documents

    datasets = {name: load_queries(Path(path))[:limit] for name, path in (paths or BENCH_DATASETS).items()}
    documents = [d for d in load_documents(settings) if not sources or d.source in sources]
    with tempfile.TemporaryDirectory(prefix="guichet-bench-") as scratch:
        if not cold:
            settings.cache_dir.mkdir(parents=True, exist_ok=True)
            (Path(scratch) / "cache").symlink_to(settings.cache_dir, target_is_directory=True)
        return compare_retrievers(
            dataclasses.replace(settings, home=Path(scratch)), documents, datasets, ablations, systems
        )


def main(argv: Sequence[str] | None = None) -> None:
    from guichet.config import load_settings

    parser = argparse.ArgumentParser(description="Compare retrievers on the development sets.")
    parser.add_argument("--dataset", action="append", default=[], help="name=path.jsonl (default: the shipped sets)")
    parser.add_argument("--ablations", action="store_true")
    parser.add_argument("--systems", default=",".join(BENCH_SYSTEMS))
    parser.add_argument("--limit", type=int, help="first N queries of each dataset")
    parser.add_argument("--cold", action="store_true", help="embed from scratch (empty cache) to time the builds")
    parser.add_argument("--sources", default="", help="comma-separated sources: bench on their documents only")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    settings = load_settings()
    paths = {name: Path(path) for name, path in (item.split("=", 1) for item in args.dataset)} or None
    sources = [source for source in args.sources.split(",") if source]
    results = bench(settings, paths, args.systems.split(","), args.ablations, args.limit, args.cold, sources)
    print(format_table(results))
    out = args.json or settings.home / "bench" / "retrieval.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"results: {out}")


if __name__ == "__main__":
    main()
