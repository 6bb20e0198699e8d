"""The index on disk: its layout and format (files, `FORMAT_VERSION`, `Manifest`), the build in service, and the
`Index` loaded from a build. `indexing.build` writes this format; every reader opens a build through here."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from corpus.model import Agreement
from guichet.config import Settings
from indexing.lexical import LexicalIndex
from indexing.model import Chunk
from indexing.qdrant_store import QdrantUnavailable
from indexing.regime import names_public_service
from indexing.stores import load_store
from indexing.text import analyze
from indexing.vector_store import VectorStore

MANIFEST_FILE = "manifest.json"
CURRENT_FILE = "CURRENT"
DOCUMENTS_FILE = "documents.jsonl"
CHUNKS_FILE = "chunks.jsonl"
BM25_CHUNKS_DIR = "bm25_chunks"
BM25_DOCUMENTS_DIR = "bm25_documents"
TITLE_VECTORS_FILE = "title_vectors.npy"
"""One vector per document (row order of documents.jsonl): its title embedded as a passage."""
FORMAT_VERSION = 5
"""Raised whenever what a build writes changes (files, lexical fields), so that `guichet index` rebuilds."""


QUESTION_FRAME_TERMS = frozenset(analyze("combien coûte coûtent faire"))
"""What a question-titled fiche asks (« Combien coûte… ? », « Que faire si… ? », « Comment faire… ? »), not what
about: few titles hold « coûte », so its rarity would weigh more than the subject's words."""


class IndexNotFound(RuntimeError):
    pass


class IndexCorrupted(RuntimeError):
    pass


class IndexMismatch(IndexCorrupted):
    """The index was built with another embedding model than the one configured: its vectors cannot be compared."""


@dataclass(frozen=True)
class Manifest:
    build_id: str
    created: str
    embedding_model: str
    max_tokens: int
    corpus_versions: dict[str, str]
    documents: dict[str, int]
    chunks: dict[str, int]
    durations_s: dict[str, float]
    embedded_chunks: int
    """Chunks whose vectors were computed by this build (the others came from the cache)."""
    embedding_precision: str = "float32"
    files: dict[str, str] = field(default_factory=dict)
    """sha256 of every file of the build, by path relative to the build directory."""
    format_version: int = FORMAT_VERSION

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data: dict[str, Any] = json.loads(text)
        return cls(**data)

    @classmethod
    def read(cls, directory: Path) -> Manifest:
        """The manifest of a build; `IndexNotFound` without one, `IndexCorrupted` when it cannot be read."""
        if not (directory / MANIFEST_FILE).is_file():
            raise IndexNotFound(f"no index manifest in {directory}")
        try:
            return cls.from_json((directory / MANIFEST_FILE).read_text(encoding="utf-8"))
        except (ValueError, TypeError) as error:
            raise IndexCorrupted(f"unreadable manifest in {directory}: {error}") from error

    @classmethod
    def current(cls, settings: Settings) -> Manifest | None:
        """The manifest of the index in service, or None when there is none (or it is unreadable)."""
        try:
            return cls.read(current_build_dir(settings))
        except (IndexNotFound, IndexCorrupted, OSError):
            return None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def builds_dir(settings: Settings) -> Path:
    return settings.index_dir / "builds"


def current_build_dir(settings: Settings) -> Path:
    pointer = settings.index_dir / CURRENT_FILE
    if not pointer.is_file():
        raise IndexNotFound(f"no index under {settings.index_dir}: run `guichet index` first")
    build = builds_dir(settings) / pointer.read_text(encoding="utf-8").strip()
    if not (build / MANIFEST_FILE).is_file():
        raise IndexCorrupted(f"{pointer} points to {build}, which has no {MANIFEST_FILE}: rebuild the index")
    return build


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
    in_force_since: date | None = None
    in_force_until: date | None = None
    agreement: Agreement | None = None
    part_headings: tuple[str, ...] = ()


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
    question_titled: np.ndarray = field(init=False)
    """Per document, whether its title is a question (service-public's « question-réponse » fiches)."""
    public_service: np.ndarray = field(init=False)
    """Per document, whether its title or its place in the site (breadcrumb) is the public service."""
    sources: tuple[str, ...] = field(init=False)
    """The sources the index holds, in the order of their first document."""
    agreement_of: np.ndarray = field(init=False)
    """Per document, the IDCC of its collective agreement, or an empty string."""
    agreements: dict[str, Agreement] = field(init=False)
    """The collective agreements indexed, by IDCC."""
    in_force_from: np.ndarray = field(init=False)
    in_force_to: np.ndarray = field(init=False)
    """Per document, the first day it is in force and the first day it no longer is (proleptic ordinals; the widest
    bounds when unknown), so that an as-of date is one vector comparison."""

    def __post_init__(self) -> None:
        self.document_rows = {d.id: row for row, d in enumerate(self.documents)}
        self.chunk_rows = {c.id: row for row, c in enumerate(self.chunks)}
        self.chunk_document_rows = np.array([self.document_rows[c.doc_id] for c in self.chunks], dtype=np.int64)
        self.title_terms = [frozenset(analyze(d.title)) for d in self.documents]
        self.title_term_counts = Counter(term for terms in self.title_terms for term in terms)
        self.question_titled = np.array([d.title.rstrip().endswith("?") for d in self.documents], dtype=bool)
        self.sources = tuple(dict.fromkeys(d.source for d in self.documents))
        self.public_service = np.array(
            [names_public_service(" ".join((d.title, *d.breadcrumb))) for d in self.documents], dtype=bool
        )
        self.agreement_of = np.array([d.agreement.idcc if d.agreement else "" for d in self.documents], dtype=str)
        self.agreements = {d.agreement.idcc: d.agreement for d in self.documents if d.agreement}
        self.in_force_from = np.array(
            [d.in_force_since.toordinal() if d.in_force_since else 0 for d in self.documents], dtype=np.int64
        )
        self.in_force_to = np.array(
            [d.in_force_until.toordinal() if d.in_force_until else date.max.toordinal() + 1 for d in self.documents],
            dtype=np.int64,
        )

    def in_force_on(self, day: date) -> np.ndarray:
        """Per document, whether it is in force on `day` (a text without in-force dates always is)."""
        return (self.in_force_from <= day.toordinal()) & (day.toordinal() < self.in_force_to)

    def document(self, doc_id: str) -> DocumentInfo | None:
        row = self.document_rows.get(doc_id)
        return None if row is None else self.documents[row]

    def chunk(self, chunk_id: str) -> Chunk | None:
        row = self.chunk_rows.get(chunk_id)
        return None if row is None else self.chunks[row]

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        """Every chunk of a document, in reading order."""
        row = self.document_rows.get(doc_id)
        if row is None:
            return []
        return [self.chunks[r] for r in np.flatnonzero(self.chunk_document_rows == row)]

    def title_coverage(self, terms: Iterable[str], document_rows: Iterable[int]) -> dict[int, float]:
        """Per document, the share of the query terms its title holds, each term weighted by its rarity in titles."""
        weights = {term: self._title_rarity(term) for term in terms}
        total = sum(weights.values())
        if not total:
            return {}
        return {
            row: sum(weight for term, weight in weights.items() if term in self.title_terms[row]) / total
            for row in document_rows
        }

    def title_uncovered(self, terms: Iterable[str], document_row: int) -> float:
        """The share of a document's title terms, each weighted by its rarity in titles, that `terms` lack. The
        words that frame a question (`QUESTION_FRAME_TERMS`) count neither way: « Combien coûte un passeport ? »
        is about the passeport, and a question on the carte d'identité leaves all of it out."""
        weights = {term: self._title_rarity(term) for term in self.title_terms[document_row] - QUESTION_FRAME_TERMS}
        total = sum(weights.values())
        query = set(terms)
        return sum(weight for term, weight in weights.items() if term not in query) / total if total else 0.0

    def _title_rarity(self, term: str) -> float:
        return math.log(1 + len(self.documents) / (1 + self.title_term_counts[term]))

    @classmethod
    def open(cls, settings: Settings) -> Index:
        """The index in service."""
        return cls.open_directory(current_build_dir(settings), settings)

    @classmethod
    def open_directory(cls, directory: Path, settings: Settings) -> Index:
        """A build, checked file by file against its manifest."""
        manifest = Manifest.read(directory)
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
        updated=_optional_date(row["updated"]),
        number=row["number"],
        breadcrumb=tuple(row.get("breadcrumb", ())),
        in_force_since=_optional_date(row.get("in_force_since")),
        in_force_until=_optional_date(row.get("in_force_until")),
        agreement=Agreement(**row["agreement"]) if row.get("agreement") else None,
        part_headings=tuple(row.get("part_headings", ())),
    )


def _optional_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _chunk(row: dict[str, Any]) -> Chunk:
    return Chunk(
        id=row["id"],
        doc_id=row["doc_id"],
        heading_path=tuple(row["heading_path"]),
        text=row["text"],
        hash=row["hash"],
    )
