"""The retrieval systems the benches score, built over the same documents as rankers (a query -> document ids):
the deployed searcher, its variants and ablations (`guichet bench`), and the reference systems named in
`eval.systems`."""
from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import bm25s
import faiss
import Stemmer

from corpus.model import Document
from eval.retrieval_metrics import CUTOFF, Ranker
from guichet.config import Settings, textbook_embedding_model
from indexing.build import build_index, document_lexical_text, document_record
from indexing.chunking import chunk_document, chunk_hash
from indexing.embeddings import Embedder, EmbeddingCache, embed_texts_cached
from indexing.index import Index, Manifest, document_info
from indexing.lexical import LexicalIndex
from indexing.search import BM25_CHUNKS, BM25_DOCUMENTS, DENSE, SearchConfig, Searcher
from indexing.vector_store import FaissStore


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
    "hybrid-no-other-question": SearchConfig(other_question_penalty=0.0),
    "hybrid-no-subject-title": SearchConfig(subject_title_bonus=0.0),
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
BENCH_SYSTEMS = ("bm25-documents", "langchain-textbook", *GUICHET_VARIANTS)
"""What `guichet bench` compares by default (the ablations are asked for)."""
