"""Dates on the fixture index of real Légifrance articles (tests/fixtures/corpus/legi-data): each article's version
in force since its `dateDebut` (until its `dateFin` when planned), the as-of filter on both sides of those dates, the
fiches kept at any date, rows of older builds without dates, and how cards and the CLI's text show them."""
from __future__ import annotations

from datetime import date
from html import unescape

import pytest

from assistant.answer_json import answer_json, search_json
from assistant.dates import BAD_DAY_FRENCH, as_of_notice, parse_day
from assistant.faces.cli import render_answer, render_search
from assistant.faces.ui import as_of_problem
from assistant.faces.ui_render import answer_plain_text, cards_for_passages, source_card_html
from assistant.model import MODE_EXTRACTIVE, Answer, Citation
from guichet.config import Settings
from indexing.embeddings import Embedder
from indexing.index import Index, document_info
from indexing.model import SearchFilters
from indexing.search import Searcher

L1243_11_1 = "LEGIARTI000048600685"
"""Code du travail, article L1243-11-1: in force since 2024-01-01 (loi n° 2023-1196)."""
R4451_39 = "LEGIARTI000037024754"
"""Code du travail, article R4451-39: this version in force from 2018-07-01 until 2027-07-01 (MODIFIE)."""


@pytest.fixture(scope="module")
def searcher(indexed_settings: Settings) -> Searcher:
    return Searcher(Index.open(indexed_settings), Embedder(indexed_settings), indexed_settings)


def _ids(searcher: Searcher, query: str, as_of: date | None, **filters: tuple[str, ...]) -> list[str]:
    return [p.doc_id for p in searcher.search(query, 5, SearchFilters(as_of=as_of, **filters))]


def test_an_article_found_carries_the_in_force_dates_of_its_version(searcher: Searcher) -> None:
    first = searcher.search("article L1243-11-1", 3)[0]
    assert (first.doc_id, first.in_force_since, first.in_force_until, first.updated) == (
        L1243_11_1, date(2024, 1, 1), None, None
    )
    modified = next(p for p in searcher.search("article R4451-39", 5) if p.doc_id == R4451_39)
    assert (modified.in_force_since, modified.in_force_until) == (date(2018, 7, 1), date(2027, 7, 1))


def test_as_of_keeps_an_article_from_the_day_it_enters_into_force(searcher: Searcher) -> None:
    assert L1243_11_1 not in _ids(searcher, "article L1243-11-1", date(2023, 12, 31))
    assert _ids(searcher, "article L1243-11-1", date(2024, 1, 1))[0] == L1243_11_1
    assert _ids(searcher, "article L1243-11-1", None)[0] == L1243_11_1


def test_as_of_drops_a_version_from_the_day_it_ends(searcher: Searcher) -> None:
    assert R4451_39 in _ids(searcher, "article R4451-39", date(2027, 6, 30))
    assert R4451_39 not in _ids(searcher, "article R4451-39", date(2027, 7, 1))


def test_fiches_have_no_versions_and_are_kept_at_any_date(searcher: Searcher) -> None:
    before_the_code = _ids(searcher, "indemnité de fin de CDD", date(2000, 1, 1))
    assert before_the_code[0] == "F40"
    assert all(not doc_id.startswith("LEGIARTI") for doc_id in before_the_code)
    assert _ids(searcher, "indemnité de fin de CDD", date(2000, 1, 1), sources=("legifrance",)) == []


def test_the_articles_left_out_are_named_with_their_legifrance_page_at_that_date(searcher: Searcher) -> None:
    filters = SearchFilters(as_of=date(2023, 12, 31))
    set_aside = searcher.set_aside("article L1243-11-1", 5, filters)
    assert [item.doc_id for item in set_aside] == [L1243_11_1]
    assert set_aside[0].url == f"https://www.legifrance.gouv.fr/codes/article_lc/{L1243_11_1}/2023-12-31"
    assert searcher.set_aside("article L1243-11-1", 5, SearchFilters(as_of=date(2024, 1, 1))) == []
    notice = as_of_notice(date(2023, 12, 31), set_aside)
    assert notice.startswith("Textes en vigueur au 31 décembre 2023")
    assert "L1243-11-1" in notice and "pas les versions antérieures" in notice


def test_a_row_of_an_older_build_without_dates_reads_as_unknown_and_is_kept() -> None:
    row = {"id": "LEGIARTI000006901219", "source": "legifrance", "title": "Code du travail, article L1243-8",
           "url": "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006901219", "audience": [],
           "updated": "2008-05-01", "number": "L1243-8"}
    info = document_info(row)
    assert (info.in_force_since, info.in_force_until, info.updated) == (None, None, date(2008, 5, 1))
    assert info.part_headings == ()


def test_cards_and_the_plain_text_copy_say_since_when_an_article_is_in_force(searcher: Searcher) -> None:
    passages = searcher.search("article R4451-39", 5)
    article = next(card for card in cards_for_passages(passages, numbered=True) if card.url.endswith(R4451_39))
    html = unescape(source_card_html(article, {}, stale_after_days=365))
    assert "en vigueur depuis le 1 juillet 2018 jusqu'au 1 juillet 2027" in html and "mis à jour" not in html
    fiche = cards_for_passages(searcher.search("indemnité de fin de CDD", 1), numbered=True)[0]
    assert "mis à jour le 11 juillet 2019" in source_card_html(fiche, {}, stale_after_days=10_000)
    cited = next(p for p in passages if p.doc_id == R4451_39)
    answer = Answer("", MODE_EXTRACTIVE, "Texte [1].", [Citation(1, cited.doc_id, cited.title, cited.url, "")],
                    passages=passages)
    assert "(Légifrance, en vigueur depuis le 1 juillet 2018 jusqu'au 1 juillet 2027)" in answer_plain_text(answer)


def test_the_cli_text_shows_the_dates_and_the_articles_left_out(searcher: Searcher) -> None:
    as_of = date(2023, 12, 31)
    filters = SearchFilters(as_of=as_of)
    passages, timings = searcher.search_timed("article L1243-11-1", 3, filters)
    searched = render_search(search_json("article L1243-11-1", passages, timings, as_of=as_of))
    assert "texts in force on 2023-12-31" in searched and "en vigueur depuis le 22 décembre 2014" in searched
    set_aside = searcher.set_aside("article L1243-11-1", 3, filters)
    answer = Answer("q", MODE_EXTRACTIVE, "Texte.", passages=passages, as_of=as_of, set_aside=set_aside)
    payload = answer_json(answer)
    assert payload["as_of"] == "2023-12-31" and payload["sources"][0]["in_force_since"] == "2014-12-22"
    assert payload["set_aside"][0]["in_force_since"] == "2024-01-01"
    assert "Écarté (pas en vigueur le 2023-12-31) : Code du travail, article L1243-11-1 — " in render_answer(payload)


@pytest.mark.parametrize("typed", ["31/02/2020", "2020-13-01", "hier", "2020/01/01", "1er janvier 2020"])
def test_the_page_reads_a_bad_date_as_a_french_message(typed: str) -> None:
    assert as_of_problem(typed) == BAD_DAY_FRENCH
    with pytest.raises(ValueError):
        parse_day(typed)


def test_the_page_reads_a_day_typed_either_way() -> None:
    assert parse_day("01/01/2020") == parse_day("2020-01-01") == date(2020, 1, 1)
    assert as_of_problem("") == as_of_problem(None) == as_of_problem(" 2/3/2021 ") == ""

