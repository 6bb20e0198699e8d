"""Qdrant as the dense vector store: embedded local mode (a folder of the build) or a Qdrant server / cluster.

The only place `qdrant-client` is used. Same contract as `FaissStore`: ids are chunk ids, scores are cosine
similarities (inner products of unit vectors), filters restrict on the `source` and `audience` payloads.
"""
from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from qdrant_client import QdrantClient, models
from qdrant_client.http.exceptions import ResponseHandlingException

from indexing.model import SearchFilters
from indexing.vector_store import Payload

LOCAL_DIR = "qdrant"
"""The embedded collection's folder inside a build directory."""
REFERENCE_FILE = "qdrant.json"
"""What a build directory holds for a server collection: where it is and its name."""
COLLECTION_PREFIX = "guichet-"
UPLOAD_BATCH = 512


class QdrantUnavailable(RuntimeError):
    """The configured Qdrant server does not answer."""


class QdrantStore:
    """Points keyed by row number, the chunk id in the payload; one collection per index build."""

    def __init__(self, dimension: int, url: str = "", collection: str = "") -> None:
        self.dimension = dimension
        self.url = url
        self.collection = collection or COLLECTION_PREFIX + uuid.uuid4().hex[:12]
        self.client = server_client(url) if url else QdrantClient(":memory:")
        self.count = 0
        self._ensure_collection(self.client)

    def _ensure_collection(self, client: QdrantClient) -> None:
        if client.collection_exists(self.collection):
            return
        client.create_collection(
            self.collection,
            vectors_config=models.VectorParams(size=self.dimension, distance=models.Distance.COSINE),
        )
        if self.url:
            for key in ("source", "audience"):
                client.create_payload_index(self.collection, key, models.PayloadSchemaType.KEYWORD)

    def add(self, ids: Sequence[str], vectors: np.ndarray, payloads: Sequence[Payload]) -> None:
        if not (len(ids) == len(vectors) == len(payloads)):
            raise ValueError("ids, vectors and payloads differ in length")
        _upload(self.client, self.collection, self.count, ids, vectors, payloads)
        self.count += len(ids)

    def search(self, vector: np.ndarray, k: int, filters: SearchFilters | None = None) -> list[tuple[str, float]]:
        if k <= 0 or self.count == 0:
            return []
        response = self.client.query_points(
            self.collection,
            query=np.asarray(vector, dtype=np.float32).reshape(-1).tolist(),
            query_filter=payload_filter(filters),
            limit=k,
            with_payload=["chunk_id"],
        )
        return [(str(point.payload["chunk_id"]), float(point.score)) for point in response.points if point.payload]

    def save(self, directory: Path) -> list[Path]:
        """A server collection is already stored: write where it is. An embedded one: copy it under the build."""
        if self.url:
            reference = directory / REFERENCE_FILE
            record = {"url": self.url, "collection": self.collection, "dimension": self.dimension, "count": self.count}
            reference.write_text(json.dumps(record), encoding="utf-8")
            return [reference]
        local = QdrantClient(path=str(directory / LOCAL_DIR))
        try:
            self._ensure_collection(local)
            _copy_points(self.client, local, self.collection)
        finally:
            local.close()
        return sorted(path for path in (directory / LOCAL_DIR).rglob("*") if path.is_file() and path.name != ".lock")

    @classmethod
    def load(cls, directory: Path, url: str = "") -> QdrantStore:
        """The store a build directory holds; a server collection through `url`, else its recorded URL."""
        reference = directory / REFERENCE_FILE
        store = cls.__new__(cls)
        if reference.is_file():
            record = json.loads(reference.read_text(encoding="utf-8"))
            store.url, store.collection = url or record["url"], record["collection"]
            store.client = server_client(store.url)
        else:
            store.url = ""
            store.client = _embedded_copy(directory / LOCAL_DIR)
            store.collection = store.client.get_collections().collections[0].name
        info = store.client.get_collection(store.collection)
        vectors = info.config.params.vectors
        if not isinstance(vectors, models.VectorParams):
            raise ValueError(f"Qdrant collection {store.collection} has no single unnamed vector")
        store.dimension = vectors.size
        store.count = store.client.count(store.collection, exact=True).count
        return store

    def close(self) -> None:
        self.client.close()


def server_client(url: str) -> QdrantClient:
    """A client of the Qdrant server at `url`, checked to answer before anything is built or served on it."""
    client = QdrantClient(url=url)
    try:
        client.get_collections()
    except ResponseHandlingException as error:
        client.close()
        raise QdrantUnavailable(
            f"the Qdrant server at {url} does not answer ({error}); start it, or unset GUICHET_QDRANT_URL "
            "to use Qdrant's embedded mode"
        ) from None
    return client


def payload_filter(filters: SearchFilters | None) -> models.Filter | None:
    """`source` in the chosen sources and at least one `audience` among the chosen ones (as `SearchFilters`)."""
    if filters is None:
        return None
    conditions: list[models.Condition] = []
    if filters.sources:
        conditions.append(models.FieldCondition(key="source", match=models.MatchAny(any=list(filters.sources))))
    if filters.audiences:
        conditions.append(models.FieldCondition(key="audience", match=models.MatchAny(any=list(filters.audiences))))
    return models.Filter(must=conditions) if conditions else None


def _embedded_copy(folder: Path) -> QdrantClient:
    """The embedded collection copied into memory: the folder's lock is released at once, so any number of
    loads (a reload while serving, a second process) can read the same build."""
    local = QdrantClient(path=str(folder))
    try:
        collections = local.get_collections().collections
        if len(collections) != 1:
            raise ValueError(f"expected one Qdrant collection in {folder}, found {len(collections)}")
        name = collections[0].name
        memory = QdrantClient(":memory:")
        info = local.get_collection(name)
        memory.create_collection(name, vectors_config=info.config.params.vectors)
        _copy_points(local, memory, name)
    finally:
        local.close()
    return memory


def _copy_points(source: QdrantClient, target: QdrantClient, collection: str) -> None:
    offset: models.ExtendedPointId | None = None
    while True:
        points, offset = source.scroll(
            collection, limit=UPLOAD_BATCH, offset=offset, with_payload=True, with_vectors=True
        )
        if points:
            target.upsert(
                collection,
                [models.PointStruct(id=p.id, vector=p.vector, payload=p.payload) for p in points],
                wait=True,
            )
        if offset is None:
            return


def _upload(
    client: QdrantClient,
    collection: str,
    first_row: int,
    ids: Sequence[str],
    vectors: np.ndarray,
    payloads: Sequence[Payload],
) -> None:
    matrix = np.asarray(vectors, dtype=np.float32)
    for start in range(0, len(ids), UPLOAD_BATCH):
        stop = min(start + UPLOAD_BATCH, len(ids))
        points = [
            models.PointStruct(
                id=first_row + row,
                vector=matrix[row].tolist(),
                payload={
                    "chunk_id": ids[row],
                    "source": payloads[row].source,
                    "audience": list(payloads[row].audience),
                },
            )
            for row in range(start, stop)
        ]
        client.upsert(collection, points, wait=True)
