"""Dense vector stores: a small protocol and its FAISS implementation (inner product on unit vectors)."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import faiss
import numpy as np

from indexing.model import SearchFilters

VECTORS_FILE = "vectors.faiss"
PAYLOADS_FILE = "vector_payloads.json"


@dataclass(frozen=True)
class Payload:
    """What a filter can look at for one vector."""

    source: str
    audience: tuple[str, ...] = ()


class VectorStore(Protocol):
    def add(self, ids: Sequence[str], vectors: np.ndarray, payloads: Sequence[Payload]) -> None: ...

    def search(
        self, vector: np.ndarray, k: int, filters: SearchFilters | None = None
    ) -> list[tuple[str, float]]: ...

    def save(self, directory: Path) -> list[Path]: ...


class FaissStore:
    """Exact (flat) inner-product search; filtered searches go through a FAISS id selector."""

    def __init__(self, dimension: int) -> None:
        self.index = faiss.IndexFlatIP(dimension)
        self.ids: list[str] = []
        self.payloads: list[Payload] = []
        self._masks: dict[SearchFilters, np.ndarray] = {}

    def add(self, ids: Sequence[str], vectors: np.ndarray, payloads: Sequence[Payload]) -> None:
        if not (len(ids) == len(vectors) == len(payloads)):
            raise ValueError("ids, vectors and payloads differ in length")
        self.index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        self.ids.extend(ids)
        self.payloads.extend(payloads)
        self._masks.clear()

    def search(self, vector: np.ndarray, k: int, filters: SearchFilters | None = None) -> list[tuple[str, float]]:
        query = np.ascontiguousarray(vector, dtype=np.float32).reshape(1, -1)
        k = min(k, len(self.ids))
        if k <= 0:
            return []
        params = None
        if filters and (filters.sources or filters.audiences):
            allowed = self._allowed_rows(filters)
            if allowed.size == 0:
                return []
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed))
            k = min(k, int(allowed.size))
        scores, rows = self.index.search(query, k, params=params)
        return [(self.ids[row], float(score)) for row, score in zip(rows[0], scores[0], strict=True) if row >= 0]

    def _allowed_rows(self, filters: SearchFilters) -> np.ndarray:
        if filters not in self._masks:
            self._masks[filters] = np.array(
                [row for row, p in enumerate(self.payloads) if filters.accepts(p.source, p.audience)], dtype=np.int64
            )
        return self._masks[filters]

    def save(self, directory: Path) -> list[Path]:
        vectors_path, payloads_path = directory / VECTORS_FILE, directory / PAYLOADS_FILE
        faiss.write_index(self.index, str(vectors_path))
        rows = [
            {"id": i, "source": p.source, "audience": list(p.audience)}
            for i, p in zip(self.ids, self.payloads, strict=True)
        ]
        payloads_path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        return [vectors_path, payloads_path]

    @classmethod
    def load(cls, directory: Path) -> FaissStore:
        index = faiss.read_index(str(directory / VECTORS_FILE))
        store = cls(index.d)
        store.index = index
        rows = json.loads((directory / PAYLOADS_FILE).read_text(encoding="utf-8"))
        store.ids = [row["id"] for row in rows]
        store.payloads = [Payload(row["source"], tuple(row["audience"])) for row in rows]
        return store
