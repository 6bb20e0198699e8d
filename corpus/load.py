"""All configured sources → one stream of `Document`s, deduplicated by id, with a report of what was skipped."""
from __future__ import annotations

import time
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from corpus import service_public
from corpus.fetch import FetchedPackage, fetched_packages
from corpus.model import AUDIENCES, SOURCE_SERVICE_PUBLIC, Document
from corpus.report import PARSE_ERRORS, ParseReport, guarded
from corpus.service_public import FICHE_FILE
from corpus.sources import SOURCES, LoadOptions, source_of_package
from guichet.config import Settings


def load_documents(
    settings: Settings,
    packages: list[FetchedPackage] | None = None,
    report: ParseReport | None = None,
) -> Iterator[Document]:
    """Every document of `settings.sources`, from fetched packages (or `settings.service_public_xml`)."""
    if packages is None:
        packages = fetched_packages(settings)
    roots = {source.name: p.path for p in packages if (source := source_of_package(p.name))}
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
    options = LoadOptions(tuple(legi_codes), tuple(kali_agreements), kali_attached)
    started = time.perf_counter()
    seen: set[str] = set()
    for source in sources:
        if source == SOURCE_SERVICE_PUBLIC and service_public_xml:
            documents = load_xml_zip(Path(service_public_xml), report)
        elif source not in SOURCES:
            raise ValueError(f"unknown source {source!r}; known: {', '.join(SOURCES)}")
        elif source not in roots:
            raise FileNotFoundError(f"no package root given for source {source!r}")
        else:
            documents = SOURCES[source].load(roots[source] / "data", report, options)
        for document in documents:
            if document.id in seen:
                report.duplicates[source] += 1
                continue
            seen.add(document.id)
            report.documents[source] += 1
            yield document
    report.seconds += time.perf_counter() - started


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
        elif FICHE_FILE.fullmatch(child.name) and child.suffix == ".xml":
            report.files[SOURCE_SERVICE_PUBLIC] += 1
            audience = _folder_audience(child.parent.name)
            document = guarded(report, child, lambda p=child, a=audience: _fiche_from_xml(p.read_bytes(), a))
            if document is not None:
                yield document


def _zip_fiches(path: Path, report: ParseReport) -> Iterator[Document]:
    try:
        archive = zipfile.ZipFile(path)
    except PARSE_ERRORS as error:
        report.skip(path, f"zip illisible : {error}")
        return
    with archive:
        for name in sorted(archive.namelist()):
            member = Path(name)
            if not FICHE_FILE.fullmatch(member.name) or member.suffix != ".xml":
                continue
            report.files[SOURCE_SERVICE_PUBLIC] += 1
            audience = _folder_audience(member.parent.name)
            document = guarded(
                report, f"{path}!{name}", lambda n=name, a=audience: _fiche_from_xml(archive.read(n), a)
            )
            if document is not None:
                yield document


def _fiche_from_xml(data: bytes, audience: str) -> Document | None:
    return service_public.parse_publication(service_public.publication_from_xml(data), audience)


def _folder_audience(name: str) -> str:
    return name.lower() if name.lower() in AUDIENCES else ""
