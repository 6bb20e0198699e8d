"""The corpus pins: which version of each npm package the corpus comes from, with its integrity and date.

Two files: the pins shipped with Guichet (`corpus/pins.json` in the checkout) and the pins written by
`guichet corpus update` under `GUICHET_HOME` (`corpus-pins.json`). The update never writes into the checkout: all
state lives under GUICHET_HOME, a deployed checkout or image may be read-only, and a git checkout would be left
dirty. A package named in the GUICHET_HOME file is pinned there; the others keep their shipped pin.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)")
INTEGRITY = re.compile(r"sha(256|384|512)-[A-Za-z0-9+/]+=*")
FIELDS = ("name", "version", "integrity", "published")


class PinsError(ValueError):
    """A pins file that cannot be read or does not hold well-formed pins."""


@dataclass(frozen=True)
class NpmPackage:
    name: str
    version: str
    integrity: str
    """The npm registry's SRI digest (sha512) of the tarball, checked after download."""
    published: str = ""
    """When the registry published this version (ISO 8601), empty when unknown."""

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def published_on(self) -> datetime | None:
        return datetime.fromisoformat(self.published) if self.published else None


def version_key(version: str) -> tuple[int, int, int]:
    """`4.1174.0` → (4, 1174, 0), to compare versions; raises `PinsError` for anything but MAJOR.MINOR.PATCH."""
    match = VERSION.fullmatch(version)
    if match is None:
        raise PinsError(f"version {version!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def read_pins(path: Path) -> tuple[NpmPackage, ...]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PinsError(f"{path}: cannot be read ({error.strerror or error})") from None
    except ValueError as error:
        raise PinsError(f"{path}: not valid JSON ({error})") from None
    entries = data.get("packages") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise PinsError(f'{path}: expected {{"packages": [{{{", ".join(FIELDS)}}}, …]}}')
    packages = tuple(_package(path, position, entry) for position, entry in enumerate(entries))
    names = [package.name for package in packages]
    duplicated = sorted({name for name in names if names.count(name) > 1})
    if duplicated:
        raise PinsError(f"{path}: {', '.join(duplicated)} pinned more than once")
    return packages


def _package(path: Path, position: int, entry: object) -> NpmPackage:
    where = f"{path}: packages[{position}]"
    if not isinstance(entry, dict) or set(entry) != set(FIELDS) or not all(isinstance(entry[f], str) for f in FIELDS):
        raise PinsError(f"{where} must hold exactly the strings {', '.join(FIELDS)}")
    package = NpmPackage(**entry)
    if not package.name:
        raise PinsError(f"{where}: empty name")
    problem = pin_problem(package)
    if problem:
        raise PinsError(f"{where} ({package.name}): {problem}")
    return package


def pin_problem(package: NpmPackage) -> str:
    """What makes a pin unusable (a version that is not MAJOR.MINOR.PATCH, an integrity that is not an SRI sha
    digest, a date that is not ISO 8601), or an empty string."""
    try:
        version_key(package.version)
    except PinsError as error:
        return str(error)
    if not INTEGRITY.fullmatch(package.integrity):
        return f"integrity {package.integrity!r} is not an SRI sha digest"
    if package.published and not is_iso_time(package.published):
        return f"published {package.published!r} is not an ISO date"
    return ""


def is_iso_time(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def pins_in_force(shipped: Path, override: Path) -> tuple[NpmPackage, ...]:
    """The shipped pins, each replaced by the override's pin of the same package when the override exists."""
    packages = read_pins(shipped)
    if not override.exists():
        return packages
    overriding = {package.name: package for package in read_pins(override)}
    known = {package.name for package in packages}
    extra = sorted(overriding.keys() - known)
    if extra:
        raise PinsError(f"{override}: {', '.join(extra)} not pinned in {shipped}")
    return tuple(overriding.get(package.name, package) for package in packages)


def write_pins(path: Path, packages: tuple[NpmPackage, ...]) -> None:
    """Write aside, flush to disk, then rename: a reader sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"packages": [{f: getattr(p, f) for f in FIELDS} for p in packages]}, indent=2) + "\n"
    handle, staged = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(staged, path)
    except BaseException:
        Path(staged).unlink(missing_ok=True)
        raise
