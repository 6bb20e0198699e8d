"""Which vector store a build uses: FAISS flat, HNSW or IVF-PQ by corpus size, or Qdrant by configuration.

Thresholds and parameters come from `python -m eval.scaling` (figures in deploy/README.md): flat search is exact
and costs one pass over the vectors per query (100k: 20 ms; 1M: 160 ms); HNSW costs ~1.8 KiB per 384-d vector
and needs a deep graph (efConstruction 200; 40 held recall@10 at 0.905 at 1M even with efSearch 512); beyond 5M,
IVF-PQ keeps PQ_M bytes per vector for the coarse search and re-ranks REFINE_K_FACTOR × k candidates on 8-bit
scalar-quantised vectors (PQ codes alone: recall@10 0.28-0.63).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import faiss
import numpy as np

from guichet.config import Settings
from indexing.model import SearchFilters
from indexing.qdrant_store import LOCAL_DIR, REFERENCE_FILE, QdrantStore
from indexing.vector_store import FaissStore, Payload, VectorStore

FLAT_MAX_VECTORS = 100_000
HNSW_MAX_VECTORS = 5_000_000
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 200
HNSW_EF_SEARCH = 128
PQ_M = 48
"""Bytes per vector (8-bit codes); lowered to a divisor of the dimension when it does not divide it."""
IVF_NPROBE = 128
REFINE_K_FACTOR = 20
IVF_TRAINING_SAMPLE = 100_000
WIDEN_ATTEMPTS = 3


class ApproximateFaissStore(FaissStore):
    """FAISS HNSW or IVF-PQ (re-ranked) behind the `FaissStore` contract; filtered searches widen until they
    find `k`."""

    def __init__(self, dimension: int, index: faiss.Index) -> None:
        super().__init__(dimension)
        self.index = index

    def add(self, ids: Sequence[str], vectors: np.ndarray, payloads: Sequence[Payload]) -> None:
        if not self.index.is_trained:
            matrix = np.ascontiguousarray(vectors, dtype=np.float32)
            sample = np.random.default_rng(0).permutation(len(matrix))[:IVF_TRAINING_SAMPLE]
            self.index.train(matrix[np.sort(sample)])
        super().add(ids, vectors, payloads)

    def search(self, vector: np.ndarray, k: int, filters: SearchFilters | None = None) -> list[tuple[str, float]]:
        query = np.ascontiguousarray(vector, dtype=np.float32).reshape(1, -1)
        k = min(k, len(self.ids))
        if k <= 0:
            return []
        selector = None
        if filters and (filters.sources or filters.audiences):
            allowed = self._allowed_rows(filters)
            if allowed.size == 0:
                return []
            selector = faiss.IDSelectorBatch(allowed)
            k = min(k, int(allowed.size))
        for widen in range(WIDEN_ATTEMPTS):
            scores, rows = self.index.search(query, k, params=self._parameters(selector, k, 4**widen))
            hits = [(self.ids[row], float(score)) for row, score in zip(rows[0], scores[0], strict=True) if row >= 0]
            if len(hits) == k or selector is None:
                break
        return hits

    def _parameters(self, selector: faiss.IDSelector | None, k: int, widen: int) -> faiss.SearchParameters:
        if isinstance(self.index, faiss.IndexHNSW):
            return faiss.SearchParametersHNSW(sel=selector, efSearch=max(self.index.hnsw.efSearch, k) * widen)
        ivf = faiss.extract_index_ivf(self.index)
        coarse = faiss.SearchParametersIVF(sel=selector, nprobe=min(ivf.nlist, ivf.nprobe * widen))
        if isinstance(self.index, faiss.IndexRefine):
            return faiss.IndexRefineSearchParameters(k_factor=REFINE_K_FACTOR, base_index_params=coarse)
        return coarse

    @classmethod
    def wrap(cls, loaded: FaissStore) -> ApproximateFaissStore:
        store = cls(loaded.index.d, loaded.index)
        store.ids, store.payloads = loaded.ids, loaded.payloads
        return store


def faiss_kind(size: int) -> str:
    if size <= FLAT_MAX_VECTORS:
        return "flat"
    return "hnsw" if size <= HNSW_MAX_VECTORS else "ivfpq"


def ivf_lists(size: int) -> int:
    return max(16, int(round(4 * math.sqrt(size))))


def faiss_index(kind: str, dimension: int, size: int) -> faiss.Index:
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dimension, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
        return index
    if kind == "ivfpq":
        quantizer = faiss.IndexFlatIP(dimension)
        coarse = faiss.IndexIVFPQ(
            quantizer, dimension, ivf_lists(size), math.gcd(dimension, PQ_M), 8, faiss.METRIC_INNER_PRODUCT
        )
        coarse.nprobe = IVF_NPROBE
        coarse.do_polysemous_training = False
        rerank = faiss.IndexScalarQuantizer(dimension, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
        index = faiss.IndexRefine(coarse, rerank)
        index.k_factor = REFINE_K_FACTOR
        return index
    raise ValueError(f"unknown FAISS index kind {kind!r}: expected 'hnsw' or 'ivfpq'")


def create_store(settings: Settings, dimension: int, size: int, kind: str = "") -> VectorStore:
    """An empty store for `size` vectors: Qdrant when configured, else FAISS of `kind` or chosen by size."""
    if settings.vector_store == "qdrant":
        return QdrantStore(dimension, url=settings.qdrant_url)
    kind = kind or faiss_kind(size)
    if kind == "flat":
        return FaissStore(dimension)
    return ApproximateFaissStore(dimension, faiss_index(kind, dimension, size))


def load_store(settings: Settings, directory: Path) -> VectorStore:
    """The vector store a build directory holds, whichever it is; a Qdrant server is reached at
    `settings.qdrant_url` when set (the URL recorded at build time otherwise)."""
    if (directory / REFERENCE_FILE).is_file() or (directory / LOCAL_DIR).is_dir():
        return QdrantStore.load(directory, url=settings.qdrant_url)
    store = FaissStore.load(directory)
    return store if isinstance(store.index, faiss.IndexFlat) else ApproximateFaissStore.wrap(store)
