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
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.fetch import fetch_corpus, fetched_packages, install_dir
from corpus.load import ParseReport, load_documents
from corpus.model import SOURCE_KALI
from corpus.update import UpdatePlan
from guichet.config import Settings
from guichet.pins import NpmPackage, write_pins
from indexing.build import build_index
from indexing.chunking import CHUNKING_VERSION
from indexing.index import CHUNKS_FILE, FORMAT_VERSION, Manifest, current_build_dir

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


def rebuild_index(
    settings: Settings,
    fetch: bool = True,
    force: bool = False,
    log: Log = print,
    pins: Sequence[NpmPackage] | None = None,
) -> Manifest:
    """Fetch (optionally), then build a new index if its inputs changed; returns the manifest in service.

    `pins`: the packages to index, by default the pins in force (`guichet corpus update` indexes its new pins
    before it writes them)."""
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with _exclusive(settings.index_dir / ".lock"):
        packages = fetch_corpus(settings, log, pins) if fetch else fetched_packages(settings, pins)
        versions = {p.name: p.version for p in packages}
        inputs = index_inputs(settings, versions)
        manifest = Manifest.current(settings)
        if manifest and not force and _recorded_inputs(settings, manifest.build_id) == inputs:
            log(f"index {manifest.build_id} is up to date")
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
        return built


def apply_update(settings: Settings, plan: UpdatePlan, log: Log = print) -> Manifest:
    """Install the staged packages, index them, then write the pins; returns the manifest of the new index."""
    installed: list[Path] = []
    try:
        for update in plan.updates:
            target = install_dir(settings.corpus_dir, update.newest)
            if target.exists():
                shutil.rmtree(target)
            os.replace(update.staged, target)
            installed.append(target)
        manifest = rebuild_index(settings, fetch=True, log=log, pins=plan.new_pins)
        write_pins(settings.pins_override, plan.new_pins)
    except BaseException:
        for target in installed:
            shutil.rmtree(target, ignore_errors=True)
        raise
    log(f"pins written to {settings.pins_override}")
    for update in plan.updates:
        superseded = install_dir(settings.corpus_dir, update.current)
        if superseded.exists():
            shutil.rmtree(superseded)
            log(f"removed the superseded {superseded.name}")
    return manifest


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
