"""Build the index (chunks, vectors, BM25, metadata, manifest) into a fresh directory, then switch atomically."""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
import time
import uuid
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from corpus.model import Document
from guichet.config import Settings
from indexing.chunking import chunk_document, chunk_hash
from indexing.embeddings import Embedder, EmbeddingCache, embed_chunks, embed_texts_cached
from indexing.index import (
    BM25_CHUNKS_DIR,
    BM25_DOCUMENTS_DIR,
    CHUNKS_FILE,
    CURRENT_FILE,
    DOCUMENTS_FILE,
    MANIFEST_FILE,
    TITLE_VECTORS_FILE,
    Manifest,
    builds_dir,
    sha256_file,
)
from indexing.lexical import LexicalIndex
from indexing.model import Chunk
from indexing.stores import create_store
from indexing.vector_store import Payload


def build_index(
    settings: Settings,
    documents: Iterable[Document],
    progress: bool = True,
    corpus_versions: dict[str, str] | None = None,
    embedder: Embedder | None = None,
) -> Manifest:
    """Index `documents` into a new build directory and make it current; on any failure the old index stays."""
    started = time.perf_counter()
    durations: dict[str, float] = {}
    embedder = embedder or Embedder(settings)
    build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    directory = builds_dir(settings) / build_id
    directory.mkdir(parents=True)
    try:
        manifest = _write_build(settings, documents, progress, corpus_versions or {}, embedder, directory, durations)
        manifest = dataclasses.replace(
            manifest, durations_s={**durations, "total": round(time.perf_counter() - started, 3)}
        )
        manifest = _write_manifest(directory, manifest)
        _switch_current(settings, build_id)
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    return manifest


def _write_build(
    settings: Settings,
    documents: Iterable[Document],
    progress: bool,
    corpus_versions: dict[str, str],
    embedder: Embedder,
    directory: Path,
    durations: dict[str, float],
) -> Manifest:
    clock = time.perf_counter()
    docs = list(_unique(documents))
    chunks: list[Chunk] = []
    for document in tqdm(docs, desc="chunking", unit="doc", disable=not progress):
        chunks.extend(chunk_document(document, embedder.count_tokens, embedder.max_tokens, embedder.model_id))
    durations["load_and_chunk"] = round(time.perf_counter() - clock, 3)

    clock = time.perf_counter()
    cache = EmbeddingCache.for_settings(settings)
    try:
        vectors, embedded = embed_chunks(embedder, cache, chunks, progress=progress)
        titles = [d.title for d in docs]
        title_vectors, _ = embed_texts_cached(
            embedder, cache, titles, [chunk_hash(embedder.model_id, title) for title in titles], progress=progress
        )
    finally:
        cache.close()
    durations["embed"] = round(time.perf_counter() - clock, 3)

    clock = time.perf_counter()
    by_id = {document.id: document for document in docs}
    store = create_store(settings, embedder.dimension, len(chunks))
    store.add(
        [chunk.id for chunk in chunks],
        vectors,
        [Payload(by_id[c.doc_id].source, by_id[c.doc_id].audience) for c in chunks],
    )
    store.save(directory)
    np.save(directory / TITLE_VECTORS_FILE, title_vectors)
    durations["vectors"] = round(time.perf_counter() - clock, 3)

    clock = time.perf_counter()
    LexicalIndex.build([c.id for c in chunks], [c.text for c in chunks]).save(directory / BM25_CHUNKS_DIR)
    LexicalIndex.build([d.id for d in docs], [document_lexical_text(d) for d in docs]).save(
        directory / BM25_DOCUMENTS_DIR
    )
    durations["bm25"] = round(time.perf_counter() - clock, 3)

    _write_jsonl(directory / DOCUMENTS_FILE, (document_record(d) for d in docs))
    _write_jsonl(directory / CHUNKS_FILE, (dataclasses.asdict(c) for c in chunks))
    return Manifest(
        build_id=directory.name,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        embedding_model=embedder.model_id,
        embedding_precision=embedder.precision,
        max_tokens=embedder.max_tokens,
        corpus_versions=dict(corpus_versions),
        documents=dict(Counter(d.source for d in docs)),
        chunks=dict(Counter(by_id[c.doc_id].source for c in chunks)),
        durations_s={},
        embedded_chunks=embedded,
    )


def document_lexical_text(document: Document) -> str:
    """Whole-document text for BM25: its id (agents quote `F2258`), the title repeated as a field boost."""
    return "\n".join(
        [document.id, document.title, document.title, document.number, *document.breadcrumb, document.text]
    )


def document_record(document: Document) -> dict[str, Any]:
    """A row of documents.jsonl. The in-force dates and the part headings are written only when known: a row without
    them (any build before they existed included) reads as « unknown », so older builds stay readable as they are."""
    in_force = {
        name: day.isoformat()
        for name, day in (("in_force_since", document.in_force_since), ("in_force_until", document.in_force_until))
        if day is not None
    }
    agreement = {"agreement": dataclasses.asdict(document.agreement)} if document.agreement else {}
    parts = {"part_headings": list(document.part_headings)} if document.part_headings else {}
    return {
        "id": document.id,
        "source": document.source,
        "title": document.title,
        "url": document.url,
        "audience": list(document.audience),
        "updated": document.updated.isoformat() if document.updated else None,
        "number": document.number,
        "breadcrumb": list(document.breadcrumb),
        "aliases": list(document.aliases),
        **in_force,
        **agreement,
        **parts,
    }


def _unique(documents: Iterable[Document]) -> Iterable[Document]:
    seen: set[str] = set()
    for document in documents:
        if document.id not in seen:
            seen.add(document.id)
            yield document


def _write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_manifest(directory: Path, manifest: Manifest) -> Manifest:
    files = {
        str(path.relative_to(directory)): sha256_file(path)
        for path in sorted(directory.rglob("*"))
        if path.is_file() and path.name != MANIFEST_FILE
    }
    for path in directory.rglob("*"):
        if path.is_file():
            _fsync(path)
    manifest = dataclasses.replace(manifest, files=files)
    manifest_path = directory / MANIFEST_FILE
    manifest_path.write_text(manifest.to_json(), encoding="utf-8")
    _fsync(manifest_path)
    _fsync(directory)
    return manifest


def _switch_current(settings: Settings, build_id: str) -> None:
    pointer = settings.index_dir / CURRENT_FILE
    previous = pointer.read_text(encoding="utf-8").strip() if pointer.is_file() else ""
    staged = settings.index_dir / f".{CURRENT_FILE}.{build_id}"
    staged.write_text(build_id, encoding="utf-8")
    _fsync(staged)
    os.replace(staged, pointer)
    _fsync(settings.index_dir)
    keep = {build_id, previous}
    for old in builds_dir(settings).iterdir():
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
