"""Retrieval evaluation: dataset loaders, document-level metrics, and a side-by-side of retrievers.

`python -m eval.retrieval` compares BM25 alone, the LangChain textbook pipeline, dense alone and Guichet hybrid.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import math
import re
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bm25s
import faiss
import Stemmer

from corpus.model import SOURCE_TRAVAIL_EMPLOI, Document
from eval.metrics import percentile
from guichet.config import Settings, textbook_embedding_model
from indexing.build import build_index, document_lexical_text, document_record
from indexing.chunking import chunk_document, chunk_hash
from indexing.embeddings import Embedder, EmbeddingCache, embed_texts_cached
from indexing.index import Index, Manifest, document_info
from indexing.lexical import LexicalIndex
from indexing.search import BM25_CHUNKS, BM25_DOCUMENTS, DENSE, SearchConfig, Searcher
from indexing.text import fold
from indexing.vector_store import FaissStore

DATASETS_DIR = Path(__file__).parent / "datasets"
DEFAULT_DATASETS = {
    "keywords": DATASETS_DIR / "retrieval-queries.jsonl",
    "questions": DATASETS_DIR / "fiche-questions.jsonl",
}
CUTOFF = 10
Ranker = Callable[[str], list[str]]


@dataclass(frozen=True)
class Query:
    text: str
    relevant: dict[str, int]
    """Relevance grade (≥ 1) by relevant id: a document id or alias, or `slug:`/`title:` keys for travail fiches."""


def load_queries(path: Path) -> list[Query]:
    """Rows with `query` + `relevant` [{id|title|url, relevance}] or `question` + `sources` [{id}]."""
    queries = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            text = row.get("query") or row.get("question")
            items = row.get("relevant") or row.get("sources") or []
            relevant: dict[str, int] = {}
            for item in items:
                for key in _relevant_keys(item):
                    relevant[key] = max(relevant.get(key, 0), int(item.get("relevance") or 1))
            if text and relevant:
                queries.append(Query(text, relevant))
    return queries


def _relevant_keys(item: Mapping[str, Any]) -> list[str]:
    if item.get("id"):
        return [str(item["id"])]
    keys = []
    if item.get("url"):
        keys.append("slug:" + url_slug(str(item["url"])))
    if item.get("title"):
        keys.append("title:" + _title_key(str(item["title"])))
    return keys


def url_slug(url: str) -> str:
    path = url.split("#", 1)[0].rstrip("/")
    return re.sub(r"-\d+$", "", path.rsplit("/", 1)[-1])


def _title_key(title: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(title)))


def document_keys(document: Document) -> list[str]:
    keys = [document.id, *document.aliases]
    if document.source == SOURCE_TRAVAIL_EMPLOI:
        keys += ["slug:" + url_slug(document.url), "title:" + _title_key(document.title)]
    return keys


def resolve_queries(queries: Iterable[Query], documents: Sequence[Document]) -> list[dict[str, int]]:
    """Each query's relevance by document id, for the queries with at least one relevant document present."""
    owner: dict[str, str] = {}
    for document in documents:
        for key in document_keys(document):
            owner.setdefault(key, document.id)
    resolved = []
    for query in queries:
        grades: dict[str, int] = {}
        for key, grade in query.relevant.items():
            if key in owner:
                grades[owner[key]] = max(grades.get(owner[key], 0), grade)
        resolved.append(grades)
    return resolved


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


def evaluate(rank: Ranker, queries: Sequence[Query], relevance: Sequence[Mapping[str, int]]) -> dict[str, float]:
    rows: list[dict[str, float]] = []
    latencies: list[float] = []
    for query, relevant in zip(queries, relevance, strict=True):
        if not relevant:
            continue
        started = time.perf_counter()
        ranked = rank(query.text)
        latencies.append((time.perf_counter() - started) * 1000)
        rows.append(
            {
                "hit@1": hit_at(ranked, relevant, 1),
                "hit@5": hit_at(ranked, relevant, 5),
                "hit@10": hit_at(ranked, relevant, 10),
                "mrr@10": reciprocal_rank(ranked, relevant),
                "ndcg@10": ndcg_at(ranked, relevant),
            }
        )
    summary = {name: round(statistics.fmean(row[name] for row in rows), 4) for name in rows[0]} if rows else {}
    return {
        "queries": len(rows),
        **summary,
        "p50_ms": round(percentile(latencies, 50), 2) if latencies else 0.0,
        "p95_ms": round(percentile(latencies, 95), 2) if latencies else 0.0,
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


@dataclass
class Built:
    rank: Ranker
    build_s: float
    chunks: int
    embedded: int
    embed_s: float

    @property
    def chunks_per_s(self) -> float | None:
        return round(self.embedded / self.embed_s, 1) if self.embedded and self.embed_s else None


def build_bm25_documents(documents: Sequence[Document]) -> Built:
    """The reference: bm25s over whole documents (title + text), bm25s' French stop words and stemmer."""
    started = time.perf_counter()
    stemmer = Stemmer.Stemmer("french")
    retriever = bm25s.BM25()
    corpus = [f"{d.title}\n{d.text}" for d in documents]
    retriever.index(bm25s.tokenize(corpus, stopwords="fr", stemmer=stemmer, show_progress=False), show_progress=False)
    ids = [d.id for d in documents]

    def rank(query: str) -> list[str]:
        tokens = bm25s.tokenize([query], stopwords="fr", stemmer=stemmer, show_progress=False)
        if not tokens.vocab:
            return []
        rows, _ = retriever.retrieve(tokens, k=min(CUTOFF, len(ids)), show_progress=False)
        return [ids[row] for row in rows[0]]

    return Built(rank, time.perf_counter() - started, len(documents), 0, 0.0)


def build_langchain_textbook(settings: Settings, documents: Sequence[Document]) -> Built:
    """RecursiveCharacterTextSplitter(1000, 200) + all-MiniLM-L6-v2, reading as many tokens as it can (the textbook
    sets no truncation of its own) + flat FAISS, chunks deduplicated."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    embedder = Embedder(
        dataclasses.replace(
            settings, embedding_model=textbook_embedding_model(), embedding_max_tokens=0, chunk_max_tokens=0
        )
    )
    started = time.perf_counter()
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    texts: list[str] = []
    owners: list[str] = []
    for document in documents:
        for piece in splitter.split_text(f"{document.title}\n{document.text}"):
            texts.append(piece)
            owners.append(document.id)
    hashes = [chunk_hash(f"textbook/{embedder.model_id}", text) for text in texts]
    embed_started = time.perf_counter()
    cache = EmbeddingCache.for_settings(settings)
    try:
        vectors, embedded = embed_texts_cached(embedder, cache, texts, hashes, progress=True)
    finally:
        cache.close()
    embed_s = time.perf_counter() - embed_started
    index = faiss.IndexFlatIP(embedder.dimension)
    index.add(vectors)

    def rank(query: str) -> list[str]:
        _, rows = index.search(embedder.encode([query], query=True), 4 * CUTOFF)
        return list(dict.fromkeys(owners[row] for row in rows[0] if row >= 0))[:CUTOFF]

    return Built(rank, time.perf_counter() - started, len(texts), embedded, embed_s)


def build_guichet(settings: Settings, documents: Sequence[Document], embedder: Embedder) -> tuple[Index, Built]:
    started = time.perf_counter()
    manifest = build_index(settings, documents, progress=True, embedder=embedder)
    index = Index.open(settings)
    built = Built(
        lambda query: [],
        time.perf_counter() - started,
        sum(manifest.chunks.values()),
        manifest.embedded_chunks,
        manifest.durations_s.get("embed", 0.0),
    )
    return index, built


def build_guichet_lexical(documents: Sequence[Document], embedder: Embedder) -> tuple[Index, Built]:
    """Guichet's BM25 half only (chunks + whole documents), in memory: no embedding, for quick full-corpus runs."""
    started = time.perf_counter()
    chunks = [
        chunk
        for document in documents
        for chunk in chunk_document(document, embedder.count_tokens, embedder.max_tokens, embedder.model_id)
    ]
    manifest = Manifest("in-memory", "", embedder.model_id, embedder.max_tokens, {}, {}, {}, {}, 0)
    index = Index(
        directory=Path("."),
        manifest=manifest,
        documents=[document_info(document_record(d)) for d in documents],
        chunks=chunks,
        vectors=FaissStore(embedder.dimension),
        bm25_chunks=LexicalIndex.build([c.id for c in chunks], [c.text for c in chunks]),
        bm25_documents=LexicalIndex.build([d.id for d in documents], [document_lexical_text(d) for d in documents]),
    )
    return index, Built(lambda query: [], time.perf_counter() - started, len(chunks), 0, 0.0)


def searcher_ranker(searcher: Searcher) -> Ranker:
    return lambda query: [passage.doc_id for passage in searcher.search(query, k=CUTOFF)]


GUICHET_VARIANTS: dict[str, SearchConfig] = {
    "dense": SearchConfig(weights={DENSE: 1.0}, title_weight=0.0, title_dense_weight=0.0, public_service_penalty=0.0),
    "guichet-bm25-only": SearchConfig(weights={BM25_DOCUMENTS: 1.0, BM25_CHUNKS: 1.0}),
    "guichet-hybrid": SearchConfig(),
}
ABLATIONS: dict[str, SearchConfig] = {
    "hybrid-expansion": SearchConfig(expand_queries=True),
    "hybrid-no-doc-bm25": SearchConfig(weights={BM25_CHUNKS: 1.0, DENSE: 1.0}),
    "hybrid-no-chunk-bm25": SearchConfig(weights={BM25_DOCUMENTS: 1.0, DENSE: 1.0}),
    "hybrid-no-title": SearchConfig(title_weight=0.0),
    "hybrid-no-title-dense": SearchConfig(title_dense_weight=0.0),
    "hybrid-no-titles": SearchConfig(title_weight=0.0, title_dense_weight=0.0),
    "hybrid-no-public-service": SearchConfig(public_service_penalty=0.0),
    "hybrid-public-0.05": SearchConfig(public_service_penalty=0.05),
    "hybrid-rrf-k60-no-title": SearchConfig(rrf_k=60.0, title_weight=0.0, title_dense_weight=0.0),
    "hybrid-rrf-k10": SearchConfig(rrf_k=10.0),
    "hybrid-dense-0.5": SearchConfig(weights={BM25_DOCUMENTS: 1.0, BM25_CHUNKS: 1.0, DENSE: 0.5}),
    "hybrid-dense-2": SearchConfig(weights={BM25_DOCUMENTS: 1.0, BM25_CHUNKS: 1.0, DENSE: 2.0}),
}
LEXICAL_ABLATIONS: dict[str, SearchConfig] = {
    "bm25-expansion": SearchConfig(weights={BM25_DOCUMENTS: 1.0, BM25_CHUNKS: 1.0}, expand_queries=True),
    "bm25-documents-only": SearchConfig(weights={BM25_DOCUMENTS: 1.0}),
    "bm25-chunks-only": SearchConfig(weights={BM25_CHUNKS: 1.0}),
    "bm25-no-title": SearchConfig(weights={BM25_DOCUMENTS: 1.0, BM25_CHUNKS: 1.0}, title_weight=0.0),
    "bm25-rrf-k10": SearchConfig(weights={BM25_DOCUMENTS: 1.0, BM25_CHUNKS: 1.0}, rrf_k=10.0),
}


def compare_retrievers(
    settings: Settings,
    documents: Sequence[Document],
    datasets: Mapping[str, Sequence[Query]],
    ablations: bool = False,
    systems: Sequence[str] = ("bm25-documents", "langchain-textbook", *GUICHET_VARIANTS),
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
    systems: Sequence[str] = ("bm25-documents", "langchain-textbook", *GUICHET_VARIANTS),
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

    datasets = {name: load_queries(Path(path))[:limit] for name, path in (paths or DEFAULT_DATASETS).items()}
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
    parser.add_argument("--systems", default=",".join(("bm25-documents", "langchain-textbook", *GUICHET_VARIANTS)))
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
