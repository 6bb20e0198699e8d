"""Collective agreements (KALI) on real articles of @socialgouv/kali-data 3.449.0 (tests/fixtures/corpus/kali):
parsing, the choice of agreements, the settings, naming an agreement in a question, search and the answer's notice."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pytest

from assistant.agreements import named_agreements
from assistant.model import MODE_EXTRACTIVE
from assistant.pipeline import NOTICE_AGREEMENT_UNNAMED, Assistant, Session
from corpus.kali import agreement_files, agreement_name, parse_agreement
from corpus.load import load_documents_from_roots
from corpus.model import SOURCE_KALI, Agreement
from corpus.report import ParseReport
from corpus.sources import SOURCES, configured_packages
from guichet.config import ConfigError, Settings, load_settings
from indexing.build import build_index
from indexing.model import SearchFilters
from tests.corpus_fixtures import FIXTURE_DIR, fixture_documents

KALI_ROOT = FIXTURE_DIR / "kali"
TRANSPORTS = KALI_ROOT / "data" / "KALICONT000005635624.json"
AGREEMENTS = {
    "0016": Agreement("0016", "Transports routiers et activités auxiliaires du transport"),
    "1486": Agreement("1486", "Bureaux d'études techniques, cabinets d'ingénieurs-conseils et sociétés de conseils"),
    "3248": Agreement("3248", "Métallurgie"),
    "0843": Agreement("0843", "Boulangerie-pâtisserie (entreprises artisanales)"),
}


def _transports() -> dict[str, object]:
    return {document.id: document for document in parse_agreement(orjson.loads(TRANSPORTS.read_bytes()))}


def test_an_agreement_file_gives_its_articles_in_force_named_after_the_agreement() -> None:
    documents = _transports()
    first = documents["KALIARTI000005849309"]
    assert first.source == SOURCE_KALI
    assert first.title == (
        "Convention collective nationale des transports routiers et activités auxiliaires du transport (IDCC 0016), "
        "article 1er"
    )
    assert first.url == "https://www.legifrance.gouv.fr/conv_coll/id/KALIARTI000005849309"
    assert first.agreement == Agreement("0016", "Transports routiers et activités auxiliaires du transport")
    assert first.breadcrumb == ("Clauses communes", "Champ d'application")
    assert first.in_force_since == date(1950, 12, 21) and first.updated is None
    assert "transports routiers" in first.text
    wages = documents["KALIARTI000035858353"]
    assert "Avenant du 5 mars 2007 relatif aux salaires (RAG et GAR), article 1er" in wages.title
    assert wages.in_force_since == date(2007, 3, 5)


def test_articles_in_force_at_a_later_date_are_left_out() -> None:
    documents = _transports()
    for not_yet in ("KALIARTI000035858421", "KALIARTI000035858444", "KALIARTI000035858485"):
        assert not_yet not in documents
    base_only = [d.id for d in parse_agreement(orjson.loads(TRANSPORTS.read_bytes()), attached=False)]
    assert base_only == ["KALIARTI000005849309", "KALIARTI000005849310", "KALIARTI000005849311"]


def test_an_agreement_is_named_without_its_dates_and_extension_orders() -> None:
    assert agreement_name(
        "Convention collective nationale de la métallurgie du 7 février 2022 - Étendue par arrêté du 14 décembre 2022"
    ) == "Convention collective nationale de la métallurgie"


def test_the_default_agreements_are_those_the_package_sizes_largest_first() -> None:
    data = KALI_ROOT / "data"
    default, missing = agreement_files(data, ())
    assert [p.name for p in default] == ["KALICONT000005635173.json", "KALICONT000005635624.json"] and not missing
    chosen, missing = agreement_files(data, ("16", "2395"))
    assert [p.name for p in chosen] == ["KALICONT000005635624.json"] and missing == ["2395"]
    report = ParseReport()
    documents = list(load_documents_from_roots(
        {SOURCE_KALI: KALI_ROOT}, sources=[SOURCE_KALI], report=report, kali_agreements=("2395",)
    ))
    assert not documents and report.skipped[0].path == "IDCC 2395"


def test_the_agreements_package_is_fetched_only_with_its_source_and_the_settings_are_checked() -> None:
    kali = SOURCES[SOURCE_KALI].package
    assert kali not in {package.name for package in configured_packages(Settings())}
    assert kali in {package.name for package in configured_packages(Settings(sources=("legifrance", "kali")))}
    assert kali in {package.name for package in Settings().corpus_packages}
    assert load_settings(env={"GUICHET_KALI_AGREEMENTS": "1486, 16"}).kali_agreements == ("1486", "16")
    assert load_settings(env={"GUICHET_KALI_AGREEMENTS": "all"}).kali_agreements == ("all",)
    with pytest.raises(ConfigError, match="kali_agreements"):
        load_settings(env={"GUICHET_KALI_AGREEMENTS": "Syntec"})
    with pytest.raises(ConfigError, match="kali_texts"):
        load_settings(env={"GUICHET_KALI_TEXTS": "some"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Quel préavis selon l'IDCC 1486 ?", ("1486",)),
        ("La convention Syntec prévoit-elle une prime de vacances ?", ("1486",)),
        ("Que dit la convention collective de la métallurgie sur le préavis ?", ("3248",)),
        ("Que prévoit l'accord des transports routiers sur les repos ?", ("0016",)),
        ("Ma période d'essai peut elle être renouvelée ? (Boulangerie)", ("0843",)),
        ("Quelle indemnité à la fin d'un CDD ?", ()),
        ("Qu'est-ce qu'un accord de performance collective ?", ()),
        ("Quel préavis selon l'IDCC 9999 ?", ()),
    ],
)
def test_a_question_names_an_agreement_by_its_number_its_name_or_its_sector(
    question: str, expected: tuple[str, ...]
) -> None:
    assert named_agreements(question, AGREEMENTS) == expected


@pytest.fixture(scope="module")
def kali_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    home: Path = tmp_path_factory.mktemp("kali-home")
    settings = load_settings(env={"GUICHET_HOME": str(home)}, draft_policy="never")
    agreements = load_documents_from_roots({SOURCE_KALI: KALI_ROOT}, sources=[SOURCE_KALI])
    build_index(settings, [*fixture_documents(), *agreements], progress=False)
    return Assistant.from_settings(settings, load_generator=False)


def test_agreement_articles_are_searched_only_when_their_agreement_is_named(kali_assistant: Assistant) -> None:
    searcher = kali_assistant.searcher
    assert set(searcher.agreements) == {"0016", "1486"}
    unnamed = searcher.search("champ d'application des transports routiers", 10)
    assert all(p.source != SOURCE_KALI for p in unnamed)
    named = searcher.search("champ d'application des transports routiers", 10, SearchFilters(agreements=("0016",)))
    assert named[0].doc_id == "KALIARTI000005849309" and "agreement" in named[0].scores
    assert {p.title.split(" (IDCC ")[1][:4] for p in named if p.source == SOURCE_KALI} == {"0016"}


def test_an_answer_from_an_agreement_cites_it_and_a_labour_answer_without_one_says_it_may_provide_better(
    kali_assistant: Assistant,
) -> None:
    named = kali_assistant.ask("Quel est le champ d'application de la convention des transports routiers ?", Session())
    assert named.mode == MODE_EXTRACTIVE
    assert named.citations[0].title.startswith(
        "Convention collective nationale des transports routiers et activités auxiliaires du transport (IDCC 0016)"
    )
    assert NOTICE_AGREEMENT_UNNAMED not in named.notice
    general = kali_assistant.ask("Quelle indemnité à la fin d'un CDD ?", Session())
    assert all(p.source != SOURCE_KALI for p in general.passages)
    assert NOTICE_AGREEMENT_UNNAMED in general.notice


def test_the_page_searches_the_agreements_typed_in_its_filter_and_reads_a_bad_one_in_french(
    kali_assistant: Assistant,
) -> None:
    from assistant.faces.ui import BAD_IDCC_FRENCH, PageState, agreement_numbers, build_app
    from tests.test_privacy_leaks import _drain, _ui_handler

    assert agreement_numbers(" 16, 1486;0016 ") == ("0016", "1486") and agreement_numbers("") == ()
    app = build_app(kali_assistant, kali_assistant.settings)
    enqueue, answer = (_ui_handler(app, name) for name in ("enqueue", "answer"))
    question = "champ d'application des transports routiers"
    for typed in ("Syntec", "12345", "16 ou 1486"):
        assert enqueue(question, PageState(), "", typed)[-1] == BAD_IDCC_FRENCH
    sources_shown = {}
    for typed in ("", "16"):
        state = enqueue(question, PageState(), "", typed)[0]
        sources_shown[typed] = _drain(answer(state, [], [], "", typed))[-1][2]
    assert "KALIARTI000005849309" in sources_shown["16"] and "IDCC 0016" in sources_shown["16"]
    assert "IDCC 0016" not in sources_shown[""]
