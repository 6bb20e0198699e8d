"""`guichet index`: fetch the pinned corpus, and rebuild the index only when its inputs changed.

The inputs are the corpus package versions and the settings that shape the index (sources, codes, embedding
model, chunk size, chunking rules, vector store). A build re-embeds only chunks missing from the embedding
cache; the change report compares the new build's documents with the previous build's, chunk hash by chunk hash.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.fetch import fetch_corpus, fetched_packages
from corpus.load import ParseReport, load_documents
from corpus.model import SOURCE_KALI
from guichet.config import Settings
from indexing.build import (
    CHUNKS_FILE,
    FORMAT_VERSION,
    MANIFEST_FILE,
    IndexCorrupted,
    IndexNotFound,
    build_index,
    current_build_dir,
)
from indexing.chunking import CHUNKING_VERSION

INPUTS_FILE = "inputs.json"
Log = Callable[[str], None]


@dataclass(frozen=True)
class ChangeReport:
    added: int
    changed: int
    removed: int
    unchanged: int

    def summary(self) -> str:
        return (
            f"{self.added} new, {self.changed} changed, {self.removed} removed, "
            f"{self.unchanged} unchanged documents"
        )


def read_manifest(settings: Settings) -> dict[str, Any] | None:
    """The manifest of the index in service, or None when there is none (or it is unreadable)."""
    try:
        build = current_build_dir(settings)
        return json.loads((build / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (IndexNotFound, IndexCorrupted, OSError, ValueError):
        return None


def index_inputs(settings: Settings, corpus_versions: dict[str, str]) -> dict[str, Any]:
    """What shapes the index; the agreements' settings only when they are indexed, so that an index without them
    stays up to date."""
    agreements = (
        {"kali_agreements": list(settings.kali_agreements), "kali_texts": settings.kali_texts}
        if SOURCE_KALI in settings.sources else {}
    )
    return {
        "corpus_versions": corpus_versions,
        "sources": list(settings.sources),
        "legi_codes": list(settings.legi_codes),
        "service_public_xml": _file_fingerprint(settings.service_public_xml),
        "embedding_model": settings.embedding_model,
        "chunk_max_tokens": settings.chunk_max_tokens,
        "embedding_max_tokens": settings.embedding_max_tokens,
        "format_version": FORMAT_VERSION,
        "chunking_version": CHUNKING_VERSION,
        "vector_store": settings.vector_store,
        "qdrant_url": settings.qdrant_url,
        **agreements,
    }


def rebuild_index(settings: Settings, fetch: bool = True, force: bool = False, log: Log = print) -> dict[str, Any]:
    """Fetch (optionally), then build a new index if its inputs changed; returns the manifest in service."""
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with _exclusive(settings.index_dir / ".lock"):
        packages = fetch_corpus(settings, log) if fetch else fetched_packages(settings)
        versions = {p.name: p.version for p in packages}
        inputs = index_inputs(settings, versions)
        manifest = read_manifest(settings)
        if manifest and not force and _recorded_inputs(settings, manifest["build_id"]) == inputs:
            log(f"index {manifest['build_id']} is up to date")
            return manifest
        previous = _chunk_hashes_by_document(settings) if manifest else {}
        report = ParseReport()
        built = build_index(settings, load_documents(settings, packages, report), corpus_versions=versions)
        log(f"corpus: {report.summary()}")
        for skipped in report.skipped:
            log(f"skipped {skipped.path}: {skipped.reason}")
        _record_inputs(settings, built.build_id, inputs)
        log(f"changes since the previous index: {compare(previous, _chunk_hashes_by_document(settings)).summary()}")
        log(
            f"embedded {built.embedded_chunks} chunks (the others came from the cache) "
            f"in {built.durations_s.get('embed', 0):.1f} s; build {built.durations_s.get('total', 0):.1f} s"
        )
        return read_manifest(settings) or {}


def compare(previous: dict[str, set[str]], current: dict[str, set[str]]) -> ChangeReport:
    common = previous.keys() & current.keys()
    changed = sum(1 for doc_id in common if previous[doc_id] != current[doc_id])
    return ChangeReport(
        added=len(current.keys() - previous.keys()),
        changed=changed,
        removed=len(previous.keys() - current.keys()),
        unchanged=len(common) - changed,
    )


def _chunk_hashes_by_document(settings: Settings) -> dict[str, set[str]]:
    hashes: dict[str, set[str]] = {}
    with (current_build_dir(settings) / CHUNKS_FILE).open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            hashes.setdefault(row["doc_id"], set()).add(row["hash"])
    return hashes


def _recorded_inputs(settings: Settings, build_id: str) -> dict[str, Any] | None:
    try:
        recorded = json.loads((settings.index_dir / INPUTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return recorded.get("inputs") if recorded.get("build_id") == build_id else None


def _record_inputs(settings: Settings, build_id: str, inputs: dict[str, Any]) -> None:
    target = settings.index_dir / INPUTS_FILE
    staged = target.with_name(f".{INPUTS_FILE}.tmp")
    staged.write_text(json.dumps({"build_id": build_id, "inputs": inputs}, ensure_ascii=False), encoding="utf-8")
    os.replace(staged, target)


def _file_fingerprint(path: str) -> str:
    if not path:
        return ""
    stat = Path(path).stat()
    return hashlib.sha256(f"{Path(path).resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    with lock_path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SystemExit(f"another `guichet index` is running (lock {lock_path})") from None
        yield
