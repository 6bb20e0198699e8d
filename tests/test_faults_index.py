"""Index builds under faults: a build killed with SIGKILL, a corrupted file, a full disk, rebuilds while serving,
a Qdrant server that does not answer."""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ops.llama_server import LOOPBACK, free_port
from corpus.model import Document
from guichet.config import CHECKOUT, Settings
from indexing.build import build_index
from indexing.embeddings import Embedder
from indexing.index import (
    CURRENT_FILE,
    MANIFEST_FILE,
    Index,
    IndexCorrupted,
    Manifest,
    builds_dir,
    current_build_dir,
    sha256_file,
)
from indexing.qdrant_store import LOCAL_DIR, REFERENCE_FILE, QdrantUnavailable
from indexing.search import Searcher
from indexing.vector_store import VECTORS_FILE
from tests.corpus_fixtures import fixture_documents

OLD_IDS = ("F40", "F803", "F36", "F34729", "article374501", "LEGIARTI000006901219", "LEGIARTI000031367314", "F87")
NEW_IDS = (*OLD_IDS, "F41", "F38")
QUESTION = "prime de précarité à la fin du CDD"
STALLED = "vectors-written"

KILLED_BUILD = f"""
import sys, time
from pathlib import Path
from guichet.config import Settings
from indexing import build
from tests.corpus_fixtures import fixture_documents

def stall(*args, **kwargs):
    print("{STALLED}", flush=True)
    time.sleep(600)

build.LexicalIndex.build = stall
documents = [d for d in fixture_documents() if d.id in {NEW_IDS!r}]
build.build_index(Settings(home=Path(sys.argv[1])), documents, progress=False)
"""


def documents(ids: tuple[str, ...]) -> list[Document]:
    return [document for document in fixture_documents() if document.id in ids]


@pytest.fixture(scope="module")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> Embedder:
    return Embedder(Settings(home=tmp_path_factory.mktemp("embedder")))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home")


def top_documents(settings: Settings, embedder: Embedder) -> list[str]:
    return [passage.doc_id for passage in Searcher(Index.open(settings), embedder, settings).search(QUESTION, 3)]


def test_a_build_killed_mid_write_leaves_the_previous_index_serving(settings: Settings, embedder: Embedder) -> None:
    old = build_index(settings, documents(OLD_IDS), progress=False, embedder=embedder)
    expected = top_documents(settings, embedder)
    environment = {**os.environ, "PYTHONPATH": str(CHECKOUT)}
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_BUILD, str(settings.home)],
        cwd=CHECKOUT, env=environment, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == STALLED
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    partial = [path for path in builds_dir(settings).iterdir() if path.name != old.build_id]
    assert len(partial) == 1 and (partial[0] / VECTORS_FILE).is_file() and not (partial[0] / MANIFEST_FILE).exists()

    index = Index.open(settings)
    assert index.manifest.build_id == old.build_id
    assert {d.id for d in index.documents} == set(OLD_IDS)
    assert top_documents(settings, embedder) == expected

    rebuilt = build_index(settings, documents(NEW_IDS), progress=False, embedder=embedder)
    assert rebuilt.embedded_chunks == 0, "the killed build had already cached its new embeddings"
    assert Index.open(settings).manifest.build_id == rebuilt.build_id
    assert not partial[0].exists(), "the next successful build removes the killed build's leftovers"


@pytest.mark.parametrize("victim", [VECTORS_FILE, "chunks.jsonl", MANIFEST_FILE])
def test_a_corrupted_file_is_refused_with_a_clear_error_then_rebuilt(
    settings: Settings, embedder: Embedder, victim: str
) -> None:
    build = build_index(settings, documents(OLD_IDS), progress=False, embedder=embedder)
    expected = top_documents(settings, embedder)
    path = builds_dir(settings) / build.build_id / victim
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8] = bytes(byte ^ 0x5A for byte in data[middle : middle + 8])
    path.write_bytes(bytes(data))

    with pytest.raises(IndexCorrupted, match="rebuild|unreadable") as error:
        Index.open(settings)
    assert str(builds_dir(settings)) in str(error.value)

    rebuilt = build_index(settings, documents(OLD_IDS), progress=False, embedder=embedder)
    assert rebuilt.embedded_chunks == 0, "a rebuild takes its vectors from the embedding cache"
    assert top_documents(settings, embedder) == expected


def test_a_current_pointer_to_a_missing_build_is_an_error(settings: Settings, embedder: Embedder) -> None:
    build_index(settings, documents(OLD_IDS), progress=False, embedder=embedder)
    (settings.index_dir / CURRENT_FILE).write_text("20990101T000000-deadbeef", encoding="utf-8")
    with pytest.raises(IndexCorrupted, match="rebuild the index"):
        Index.open(settings)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount_point)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a small tmpfs is not permitted here")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(directory: Path, leave_bytes: int) -> Path:
    filler = directory / "filler"
    free = shutil.disk_usage(directory).free
    with filler.open("wb") as handle:
        handle.truncate(0)
        handle.write(b"\0" * max(0, free - leave_bytes))
    return filler


def test_a_full_disk_during_a_build_keeps_the_old_index(tiny_disk: Path, embedder: Embedder) -> None:
    settings = Settings(home=tiny_disk / "home")
    old = build_index(settings, documents(OLD_IDS), progress=False, embedder=embedder)
    expected = top_documents(settings, embedder)
    build_bytes = sum(path.stat().st_size for path in (builds_dir(settings) / old.build_id).rglob("*"))
    filler = fill(tiny_disk, build_bytes // 3)

    with pytest.raises((OSError, RuntimeError), match="No space left on device"):
        build_index(settings, documents(OLD_IDS), progress=False, embedder=embedder)
    assert [path.name for path in builds_dir(settings).iterdir()] == [old.build_id]
    assert Index.open(settings).manifest.build_id == old.build_id
    assert top_documents(settings, embedder) == expected

    filler.unlink()
    assert build_index(settings, documents(OLD_IDS), progress=False, embedder=embedder).build_id != old.build_id


def test_readers_never_fail_while_builds_swap_the_index(settings: Settings, embedder: Embedder) -> None:
    build_index(settings, documents(OLD_IDS), progress=False, embedder=embedder)
    failures: list[str] = []
    loads = 0
    done = threading.Event()

    def serve() -> None:
        nonlocal loads
        while not done.is_set():
            try:
                assert top_documents(settings, embedder)
                loads += 1
            except Exception as error:  # noqa: BLE001 - any failure of a reader is what this test counts
                failures.append(type(error).__name__)

    reader = threading.Thread(target=serve)
    reader.start()
    try:
        for ids in (NEW_IDS, OLD_IDS, NEW_IDS):
            build_index(settings, documents(ids), progress=False, embedder=embedder)
    finally:
        done.set()
        reader.join(timeout=60)
    assert loads > 0 and failures == []


def unanswered_url() -> str:
    """A loopback URL nothing listens on (the port was free a moment ago)."""
    return f"http://{LOOPBACK}:{free_port()}"


def point_build_at_server(settings: Settings, url: str) -> None:
    """Turn the current embedded-Qdrant build into what a build against a Qdrant server leaves: a reference."""
    build = current_build_dir(settings)
    shutil.rmtree(build / LOCAL_DIR)
    (build / REFERENCE_FILE).write_text(json.dumps({"url": url, "collection": "guichet-gone"}), encoding="utf-8")
    manifest = Manifest.from_json((build / MANIFEST_FILE).read_text(encoding="utf-8"))
    files = {name: digest for name, digest in manifest.files.items() if not name.startswith(LOCAL_DIR + "/")}
    files[REFERENCE_FILE] = sha256_file(build / REFERENCE_FILE)
    (build / MANIFEST_FILE).write_text(dataclasses.replace(manifest, files=files).to_json(), encoding="utf-8")


def test_an_unanswering_qdrant_server_is_a_clear_error_and_the_index_in_service_stays(
    settings: Settings, embedder: Embedder
) -> None:
    old = build_index(settings, documents(OLD_IDS), progress=False, embedder=embedder)
    expected = top_documents(settings, embedder)
    down = dataclasses.replace(settings, vector_store="qdrant", qdrant_url=unanswered_url())

    with pytest.raises(QdrantUnavailable, match=r"Qdrant server at http://127\.0\.0\.1:\d+ does not answer"):
        build_index(down, documents(NEW_IDS), progress=False, embedder=embedder)
    assert [path.name for path in builds_dir(settings).iterdir()] == [old.build_id]
    assert top_documents(settings, embedder) == expected


def test_serving_from_a_qdrant_server_that_is_down_says_so_without_a_traceback(
    settings: Settings, embedder: Embedder
) -> None:
    embedded = dataclasses.replace(settings, vector_store="qdrant")
    build_index(embedded, documents(OLD_IDS), progress=False, embedder=embedder)
    url = unanswered_url()
    point_build_at_server(embedded, url)

    with pytest.raises(QdrantUnavailable, match=url):
        Index.open(embedded)
    env = {**os.environ, "GUICHET_HOME": str(settings.home), "GUICHET_VECTOR_STORE": "qdrant", "HF_HUB_OFFLINE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "assistant.faces.cli", "search", QUESTION],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode != 0
    assert f"guichet: the Qdrant server at {url} does not answer" in result.stderr
    assert "Traceback" not in result.stderr
