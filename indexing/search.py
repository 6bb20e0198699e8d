"""Hybrid search: BM25 over chunks and whole documents + dense vectors, fused by reciprocal rank, per document."""
from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from corpus.model import SOURCE_KALI, Agreement
from guichet.config import Settings
from indexing.build import (
    BM25_CHUNKS_DIR,
    BM25_DOCUMENTS_DIR,
    CHUNKS_FILE,
    DOCUMENTS_FILE,
    MANIFEST_FILE,
    TITLE_VECTORS_FILE,
    IndexCorrupted,
    IndexMismatch,
    IndexNotFound,
    Manifest,
    current_build_dir,
    sha256_file,
)
from indexing.embeddings import Embedder
from indexing.lexical import LexicalIndex
from indexing.model import Chunk, Passage, SearchFilters
from indexing.qdrant_store import QdrantUnavailable
from indexing.query import expand_query
from indexing.regime import PUBLIC_SERVICE, names_public_service
from indexing.stores import load_store
from indexing.text import analyze
from indexing.vector_store import VectorStore

__all__ = ["Index", "IndexCorrupted", "IndexMismatch", "IndexNotFound", "SearchConfig", "Searcher"]

BM25_CHUNKS = "bm25"
BM25_DOCUMENTS = "bm25_doc"
DENSE = "dense"
TITLE = "title"
TITLE_DENSE = "title_dense"
AGREEMENT = "agreement"


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    source: str
    title: str
    url: str
    audience: tuple[str, ...]
    updated: date | None
    number: str
    breadcrumb: tuple[str, ...] = ()
    agreement: Agreement | None = None


@dataclass
class Index:
    """Everything a search needs, loaded once and held in memory."""

    directory: Path
    manifest: Manifest
    documents: list[DocumentInfo]
    chunks: list[Chunk]
    vectors: VectorStore
    bm25_chunks: LexicalIndex
    bm25_documents: LexicalIndex
    title_vectors: np.ndarray | None = None
    """A vector per document, of its title: how close the query is to what the document is about."""
    document_rows: dict[str, int] = field(init=False)
    chunk_rows: dict[str, int] = field(init=False)
    chunk_document_rows: np.ndarray = field(init=False)
    title_terms: list[frozenset[str]] = field(init=False)
    title_term_counts: Counter[str] = field(init=False)
    public_service: np.ndarray = field(init=False)
    """Per document, whether its title or its place in the site (breadcrumb) is the public service."""
    agreement_of: list[str] = field(init=False)
    """Per document, the IDCC of its collective agreement, or an empty string."""
    agreements: dict[str, Agreement] = field(init=False)
    """The collective agreements indexed, by IDCC."""

    def __post_init__(self) -> None:
        self.document_rows = {d.id: row for row, d in enumerate(self.documents)}
        self.chunk_rows = {c.id: row for row, c in enumerate(self.chunks)}
        self.chunk_document_rows = np.array([self.document_rows[c.doc_id] for c in self.chunks], dtype=np.int64)
        self.title_terms = [frozenset(analyze(d.title)) for d in self.documents]
        self.title_term_counts = Counter(term for terms in self.title_terms for term in terms)
        self.public_service = np.array(
            [names_public_service(" ".join((d.title, *d.breadcrumb))) for d in self.documents], dtype=bool
        )
        self.agreement_of = [d.agreement.idcc if d.agreement else "" for d in self.documents]
        self.agreements = {d.agreement.idcc: d.agreement for d in self.documents if d.agreement}

    def title_coverage(self, terms: Iterable[str], document_rows: Iterable[int]) -> dict[int, float]:
        """Per document, the share of the query terms its title holds, each term weighted by its rarity in titles."""
        weights = {term: math.log(1 + len(self.documents) / (1 + self.title_term_counts[term])) for term in terms}
        total = sum(weights.values())
        if not total:
            return {}
        return {
            row: sum(weight for term, weight in weights.items() if term in self.title_terms[row]) / total
            for row in document_rows
        }

    @classmethod
    def load(cls, settings: Settings) -> Index:
        return cls.load_directory(current_build_dir(settings), settings)

    @classmethod
    def load_directory(cls, directory: Path, settings: Settings) -> Index:
        if not (directory / MANIFEST_FILE).is_file():
            raise IndexNotFound(f"no index manifest in {directory}")
        try:
            manifest = Manifest.from_json((directory / MANIFEST_FILE).read_text(encoding="utf-8"))
        except (ValueError, TypeError) as error:
            raise IndexCorrupted(f"unreadable manifest in {directory}: {error}") from error
        for name, expected in manifest.files.items():
            path = directory / name
            if not path.is_file():
                raise IndexCorrupted(f"index file missing: {path}; rebuild the index")
            if sha256_file(path) != expected:
                raise IndexCorrupted(f"index file corrupted (hash mismatch): {path}; rebuild the index")
        try:
            return cls(
                directory=directory,
                manifest=manifest,
                documents=[document_info(row) for row in _read_jsonl(directory / DOCUMENTS_FILE)],
                chunks=[_chunk(row) for row in _read_jsonl(directory / CHUNKS_FILE)],
                vectors=load_store(settings, directory),
                bm25_chunks=LexicalIndex.load(directory / BM25_CHUNKS_DIR),
                bm25_documents=LexicalIndex.load(directory / BM25_DOCUMENTS_DIR),
                title_vectors=np.load(directory / TITLE_VECTORS_FILE),
            )
        except QdrantUnavailable:
            raise
        except (OSError, ValueError, KeyError, RuntimeError) as error:
            raise IndexCorrupted(f"cannot load the index in {directory}: {error}") from error


@dataclass(frozen=True)
class SearchConfig:
    """Which retrievers are fused and how; the defaults are the measured best on the development sets."""

    weights: dict[str, float] = field(
        default_factory=lambda: {BM25_DOCUMENTS: 1.0, BM25_CHUNKS: 1.0, DENSE: 1.0}
    )
    rrf_k: float = 20.0
    title_weight: float = 0.05
    """Added to a document's fused score times its title's share of the query terms (`Index.title_coverage`, `title`
    in its scores). With rrf_k 20 instead of 60, keyword queries hit@5 / MRR@10 0.819 / 0.625 → 0.832 / 0.654 on the
    full corpus, 0.833 / 0.684 → 0.854 / 0.714 on the service-public fiches (`guichet bench --ablations`)."""
    title_dense_weight: float = 0.6
    """Added to a document's fused score times the cosine of the query and its title's vector (`title_dense` in its
    scores); needs the dense side. Set for multilingual-e5-small's cosines (0.7–1): keyword hit@5 / MRR@10 0.844 /
    0.664 → 0.849 / 0.685 on the full corpus, 0.864 / 0.729 → 0.873 / 0.749 on the service-public fiches. Another
    model needs its own weight (`guichet bench --ablations`)."""
    public_service_penalty: float = 0.03
    """Taken from the score of a public-service document when the query does not name the public service
    (`indexing.regime`): about three places down, still on the first page. Keyword hit@5 / MRR@10 0.873 / 0.749 →
    0.884 / 0.765 on the service-public fiches, 0.848 / 0.685 → 0.858 / 0.696 on the full corpus; no question lost.
    The development labels hold no query meant for the public service that does not name it, so they cannot show
    this prior's cost: 0.03 is set from the gap between ranks (median 0.05 from 1st to 5th), not to the metric."""
    candidates: int = 100
    agreement_weight: float = 0.03
    """Added to the score of an article of the agreement the search names (`SearchFilters.agreements`): about three
    places. On the 30 reference questions (qa-reference) that name an indexed agreement, full index with the 49
    agreements' base texts: 0.1 refuses 13 (agreement articles lead that do not hold the answer), 0.03 and 0 refuse 9;
    0.03 lets the agreement lead 4 answers, 0 only 1."""
    expand_queries: bool = False
    """Acronym expansion: keyword MRR@10 0.668 vs 0.685 on the full corpus, 0.758 vs 0.749 on the fiches alone."""


class Searcher:
    def __init__(
        self, index: Index, embedder: Embedder | None, settings: Settings, config: SearchConfig | None = None
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.config = config or SearchConfig()
        self._masks: dict[SearchFilters, tuple[np.ndarray, np.ndarray]] = {}
        self._accepted_documents: dict[SearchFilters, np.ndarray] = {}
        if self.config.weights.get(DENSE) and embedder is None:
            raise ValueError("dense retrieval needs an embedder")
        if embedder is not None and index.manifest.embedding_model != embedder.model_id:
            raise IndexMismatch(
                f"the index was embedded with {index.manifest.embedding_model}, the configured model is "
                f"{embedder.model_id}: run `guichet index` to rebuild it"
            )

    @property
    def agreements(self) -> dict[str, Agreement]:
        """The collective agreements indexed, by IDCC; empty without the `kali` source."""
        return self.index.agreements

    @property
    def document_count(self) -> int:
        return len(self.index.documents)

    def document_frequency(self, term: str) -> int:
        """How many documents hold an analysed term."""
        return self.index.bm25_documents.document_frequency(term)

    def is_public_service(self, doc_id: str) -> bool:
        """Whether the document is written for the public service (its title or breadcrumb names it)."""
        row = self.index.document_rows.get(doc_id)
        return row is not None and bool(self.index.public_service[row])

    def breadcrumb(self, doc_id: str) -> tuple[str, ...]:
        """Where the document sits in its site or code; empty for an unknown id."""
        row = self.index.document_rows.get(doc_id)
        return self.index.documents[row].breadcrumb if row is not None else ()

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        """Every chunk of a document, in reading order."""
        row = self.index.document_rows.get(doc_id)
        if row is None:
            return []
        return [self.index.chunks[r] for r in np.flatnonzero(self.index.chunk_document_rows == row)]

    def search(self, query: str, k: int = 10, filters: SearchFilters | None = None) -> list[Passage]:
        return self.search_timed(query, k, filters)[0]

    def search_timed(
        self, query: str, k: int = 10, filters: SearchFilters | None = None
    ) -> tuple[list[Passage], dict[str, float]]:
        """The `k` best documents, each as its best passage, and the time spent per step in milliseconds."""
        timings: dict[str, float] = {}
        started = clock = time.perf_counter()
        filters = filters or SearchFilters()
        chunk_rows, document_rows = self._allowed(filters)
        weights = self.config.weights
        lexical_query = expand_query(query) if self.config.expand_queries else query
        terms = analyze(lexical_query)
        ranked: dict[str, list[tuple[int, float]]] = {}
        vector: np.ndarray | None = None
        if weights.get(BM25_CHUNKS):
            ranked[BM25_CHUNKS] = self.index.bm25_chunks.top(terms, self.config.candidates, chunk_rows)
        if weights.get(BM25_DOCUMENTS):
            ranked[BM25_DOCUMENTS] = self.index.bm25_documents.top(terms, self.config.candidates, document_rows)
        timings["bm25_ms"] = _elapsed_ms(clock)
        if weights.get(DENSE) and self.embedder is not None:
            clock = time.perf_counter()
            vector = self.embedder.encode_query(query)
            timings["embed_ms"] = _elapsed_ms(clock)
            clock = time.perf_counter()
            ranked[DENSE] = self._dense(vector, filters)
            timings["dense_ms"] = _elapsed_ms(clock)
        clock = time.perf_counter()
        passages = self._fuse(ranked, terms, vector, k, names_public_service(query), filters.agreements)
        timings["fuse_ms"] = _elapsed_ms(clock)
        timings["total_ms"] = _elapsed_ms(started)
        return passages, timings

    def _dense(self, vector: np.ndarray, filters: SearchFilters) -> list[tuple[int, float]]:
        """The nearest chunks allowed by `filters`. The vector store filters on sources and audiences; articles of
        agreements other than the named ones are dropped here, from a deeper list."""
        store_filters = SearchFilters(filters.sources, filters.audiences)
        depth = self.config.candidates
        if self.index.agreements and not filters.agreements:
            others = tuple(source for source in filters.sources or self._sources() if source != SOURCE_KALI)
            store_filters = SearchFilters(others, filters.audiences)
        elif filters.agreements:
            depth *= 4
        hits = [(self.index.chunk_rows[chunk_id], score) for chunk_id, score in
                self.index.vectors.search(vector, depth, store_filters)]
        if filters.agreements:
            accepted = self._accepted(filters)
            hits = [(row, score) for row, score in hits if accepted[self.index.chunk_document_rows[row]]]
        return hits[: self.config.candidates]

    def _sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d.source for d in self.index.documents))

    def _accepted(self, filters: SearchFilters) -> np.ndarray:
        """Per document, whether `filters` accept it: sources and audiences (computed once per pair), then the
        agreements, compared as arrays."""
        general = SearchFilters(filters.sources, filters.audiences)
        if general not in self._accepted_documents:
            self._accepted_documents[general] = np.array(
                [general.accepts(d.source, d.audience) for d in self.index.documents], dtype=bool
            )
        agreements = np.asarray(self.index.agreement_of)
        named = np.isin(agreements, np.array(filters.agreements or ("",)))
        return self._accepted_documents[general] & ((agreements == "") | named)

    def _allowed(self, filters: SearchFilters) -> tuple[np.ndarray | None, np.ndarray | None]:
        if not (filters.sources or filters.audiences or self.index.agreements):
            return None, None
        if filters not in self._masks:
            accepted = self._accepted(filters)
            document_rows = np.flatnonzero(accepted)
            chunk_rows = np.flatnonzero(accepted[self.index.chunk_document_rows])
            self._masks[filters] = (chunk_rows, document_rows)
        return self._masks[filters]

    def _fuse(
        self,
        ranked: dict[str, list[tuple[int, float]]],
        terms: list[str],
        vector: np.ndarray | None,
        k: int,
        asks_public_service: bool,
        agreements: tuple[str, ...] = (),
    ) -> list[Passage]:
        weights, rrf_k = self.config.weights, self.config.rrf_k
        fused: dict[int, float] = {}
        per_document: dict[int, dict[str, float]] = {}
        chunk_fused: dict[int, float] = {}
        chunk_scores: dict[int, dict[str, float]] = {}
        for name, hits in ranked.items():
            weight = weights[name]
            seen: set[int] = set()
            for rank, (row, score) in enumerate(hits, start=1):
                if name == BM25_DOCUMENTS:
                    document_row = row
                else:
                    document_row = int(self.index.chunk_document_rows[row])
                    chunk_fused[row] = chunk_fused.get(row, 0.0) + weight / (rrf_k + rank)
                    chunk_scores.setdefault(row, {})[name] = score
                if document_row in seen:
                    continue
                seen.add(document_row)
                fused[document_row] = fused.get(document_row, 0.0) + weight / (rrf_k + len(seen))
                per_document.setdefault(document_row, {})[name] = score
        if self.config.title_weight:
            for document_row, in_title in self.index.title_coverage(terms, fused).items():
                fused[document_row] += self.config.title_weight * in_title
                per_document[document_row][TITLE] = round(in_title, 3)
        if self.config.title_dense_weight and vector is not None and self.index.title_vectors is not None:
            rows = np.fromiter(fused, dtype=np.int64, count=len(fused))
            cosines = (self.index.title_vectors[rows] @ vector).tolist()
            for document_row, cosine in zip(rows.tolist(), cosines, strict=True):
                fused[document_row] += self.config.title_dense_weight * cosine
                per_document[document_row][TITLE_DENSE] = round(cosine, 3)
        if self.config.public_service_penalty and not asks_public_service:
            for document_row in fused:
                if self.index.public_service[document_row]:
                    fused[document_row] -= self.config.public_service_penalty
                    per_document[document_row][PUBLIC_SERVICE] = -self.config.public_service_penalty
        if agreements and self.config.agreement_weight:
            for document_row in fused:
                if self.index.agreement_of[document_row] in agreements:
                    fused[document_row] += self.config.agreement_weight
                    per_document[document_row][AGREEMENT] = self.config.agreement_weight
        best_chunk: dict[int, int] = {}
        for row, _ in sorted(chunk_fused.items(), key=lambda item: -item[1]):
            best_chunk.setdefault(int(self.index.chunk_document_rows[row]), row)
        order = sorted(fused, key=lambda row: -fused[row])[:k]
        return [
            self._passage(
                document_row,
                best_chunk.get(document_row),
                fused[document_row],
                {
                    **chunk_scores.get(best_chunk.get(document_row, -1), {}),
                    **_document_scores(per_document[document_row]),
                },
            )
            for document_row in order
        ]

    def _passage(self, document_row: int, chunk_row: int | None, score: float, scores: dict[str, float]) -> Passage:
        document = self.index.documents[document_row]
        if chunk_row is None:
            chunk_row = int(np.flatnonzero(self.index.chunk_document_rows == document_row)[0])
        chunk = self.index.chunks[chunk_row]
        return Passage(
            chunk_id=chunk.id,
            doc_id=document.id,
            source=document.source,
            title=document.title,
            url=document.url,
            heading_path=chunk.heading_path,
            text=chunk.text,
            audience=document.audience,
            updated=document.updated,
            number=document.number,
            score=score,
            scores={**scores, "rrf": score},
        )


def _document_scores(scores: dict[str, float]) -> dict[str, float]:
    return {
        name: scores[name] for name in (BM25_DOCUMENTS, TITLE, TITLE_DENSE, PUBLIC_SERVICE, AGREEMENT) if name in scores
    }


def _elapsed_ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 3)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def document_info(row: dict[str, Any]) -> DocumentInfo:
    return DocumentInfo(
        id=row["id"],
        source=row["source"],
        title=row["title"],
        url=row["url"],
        audience=tuple(row["audience"]),
        updated=date.fromisoformat(row["updated"]) if row["updated"] else None,
        number=row["number"],
        breadcrumb=tuple(row.get("breadcrumb", ())),
        agreement=Agreement(**row["agreement"]) if row.get("agreement") else None,
    )


def _chunk(row: dict[str, Any]) -> Chunk:
    return Chunk(
        id=row["id"],
        doc_id=row["doc_id"],
        heading_path=tuple(row["heading_path"]),
        text=row["text"],
        hash=row["hash"],
    )
