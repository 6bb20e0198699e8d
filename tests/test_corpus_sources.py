"""travail-emploi fiches and Légifrance articles, on real extracts."""
from __future__ import annotations

from datetime import date

import orjson
import pytest

from corpus.legifrance import in_force, parse_code
from corpus.travail import parse_fiche, parse_french_date
from tests.corpus_fixtures import FIXTURE_DIR, fixture_document, fixture_documents

LEGI = FIXTURE_DIR / "legi-data" / "data"


def test_travail_fiche_sections_keep_paragraphs_and_references() -> None:
    fiche = fixture_document("article100986")
    assert fiche.source == "travail-emploi"
    assert fiche.title == "Le travail saisonnier"
    assert fiche.url == "https://travail-emploi.gouv.fr/le-travail-saisonnier"
    assert fiche.audience == ("particuliers", "professionnels")
    assert fiche.updated == date(2023, 12, 6)
    terme = next(s for s in fiche.sections if s.heading_path == ("Le terme du contrat saisonnier",))
    assert "date précise d'échéance.\nSi tel est le cas" in terme.text
    assert "LEGIARTI000037312980" in fiche.references


def test_travail_section_titled_like_the_fiche_has_no_heading() -> None:
    fiche = fixture_document("article375542")
    assert fiche.sections[0].heading_path == ()
    assert all(s.heading_path != (fiche.title,) for s in fiche.sections)


def test_travail_fiche_without_id_is_refused() -> None:
    with pytest.raises(ValueError, match="pubId"):
        parse_fiche({"title": "Sans identifiant", "sections": []})
    assert parse_french_date("13/11/2025") == date(2025, 11, 13)
    assert parse_french_date("31/02/2025") is None


def test_legifrance_article_document() -> None:
    article = next(d for d in fixture_documents() if d.number == "L1243-8")
    assert article.id == "LEGIARTI000006901219"
    assert article.title == "Code du travail, article L1243-8"
    assert article.url == f"https://www.legifrance.gouv.fr/codes/article_lc/{article.id}"
    assert article.breadcrumb[0] == "Partie législative"
    assert article.breadcrumb[-1] == "Section 2 : Echéance du terme du contrat et poursuite après échéance."
    assert article.sections[0].heading_path == article.breadcrumb
    assert "Cette indemnité est égale à 10 % de la rémunération totale brute" in article.text
    assert (article.in_force_since, article.in_force_until, article.updated) == (date(2008, 5, 1), None, None)


def test_an_article_repealed_at_a_later_date_says_until_when_it_is_in_force() -> None:
    by_number = {d.number: d for d in fixture_documents() if d.source == "legifrance"}
    assert (by_number["L1142-11"].in_force_since, by_number["L1142-11"].in_force_until) == (
        date(2026, 3, 1), date(2029, 3, 1)
    )
    assert by_number["R4451-39"].in_force_until == date(2027, 7, 1)
    assert by_number["L1243-11-1"].in_force_since == date(2024, 1, 1)


def test_legifrance_ids_cids_and_relevant_ids_of_the_dev_queries() -> None:
    by_number = {d.number: d for d in fixture_documents() if d.source == "legifrance"}
    assert by_number["L1242-2"].id == "LEGIARTI000037312980"
    assert by_number["L1242-2"].aliases == ("LEGIARTI000006901195",)
    assert by_number["L3312-1"].id == "LEGIARTI000006902953"
    crpa = by_number["L100-1"]
    assert crpa.title == "Code des relations entre le public et l'administration, article L100-1"
    assert crpa.aliases == ()


def test_articles_in_force_on_the_snapshot_date_are_kept() -> None:
    code = orjson.loads((LEGI / "LEGITEXT000006072050.json").read_bytes())
    numbers = {d.number for d in parse_code(code)}
    assert {"L1142-11", "D1142-19", "R4451-39"} <= numbers
    snapshot = date(2026, 3, 27)
    future = {"etat": "VIGUEUR_DIFF", "dateDebut": 1893456000000, "dateFin": 32472144000000}
    assert not in_force(future, snapshot)
    assert not in_force({"etat": "ABROGE", "dateDebut": 0, "dateFin": 1}, snapshot)
    assert in_force({"etat": "ABROGE_DIFF", "dateDebut": 0, "dateFin": 1893456000000}, snapshot)


def test_code_file_without_code_root_is_refused() -> None:
    with pytest.raises(ValueError, match="code"):
        list(parse_code({"type": "section", "data": {"title": "x"}, "children": []}))
