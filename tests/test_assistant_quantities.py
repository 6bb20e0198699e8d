"""The row of a table that holds the asker's case, on real table rows of service-public.fr fiches."""
from __future__ import annotations

import math

import pytest

from assistant.compose import Section, compose
from assistant.quantities import Quantity, asked_quantities, case_fits, row_fits
from assistant.verify import split_sentences
from indexing.model import Passage

SCHOOL_ALLOWANCE = (  # F1878 « Allocation de rentrée scolaire (ARS) » (Service-Public.fr / DILA, LO 2.0)
    "Montant de l'ARS selon l'âge de l'enfant :\n"
    "Age de l'enfant: 6 à 10 ans; Montant de l'ARS: 469,97 €\n"
    "Age de l'enfant: 11 à 14 ans; Montant de l'ARS: 490,39 €\n"
    "Age de l'enfant: 15 à 18 ans; Montant de l'ARS: 503,91 €"
)
FICHE = Passage("F1878#0", "F1878", "service-public", "Allocation de rentrée scolaire (ARS)",
                "https://www.service-public.fr/particuliers/vosdroits/F1878", (), "")


@pytest.mark.parametrize(("age", "amount"), [(7, "469,97 €"), (12, "490,39 €"), (16, "503,91 €")])
def test_the_row_of_the_age_asked_leads(age: int, amount: str) -> None:
    sections = [Section(("Cas général (Caf)", "Montant de l'ARS"), SCHOOL_ALLOWANCE, "F1878#0")]
    question = f"Quel est le montant de l'allocation de rentrée scolaire pour un enfant de {age} ans ?"
    text = compose(question, [FICHE], lambda p: sections).text
    assert amount in split_sentences(text)[0]


def test_the_quantities_a_question_names() -> None:
    assert asked_quantities("Préavis pour 2 enfants de 16 ans dans une entreprise de 30 salariés ?") == (
        Quantity(2, "enfant"), Quantity(16, "an"), Quantity(30, "salarie"))
    assert asked_quantities("Quel est le montant de l'allocation de rentrée scolaire ?") == ()


@pytest.mark.parametrize(
    ("question", "row", "fits"),
    [
        ("pour un enfant de 16 ans", "Age de l'enfant: 15 à 18 ans; Montant de l'ARS: 503,91 €", True),
        ("pour un enfant de 16 ans", "Age de l'enfant: 6 à 10 ans; Montant de l'ARS: 469,97 €", False),
        ("avec 5 ans d'ancienneté", "Ancienneté du salarié: Plus de 3 ans; Durée minimale du préavis: 2 mois", True),
        ("avec 2 ans d'ancienneté", "Ancienneté du salarié: Plus de 3 ans; Durée minimale du préavis: 2 mois", False),
        ("avec 3 ans d'ancienneté", "Ancienneté du salarié: Plus de 3 ans; Durée minimale du préavis: 2 mois", False),
        ("dans une entreprise de 15 salariés", "Effectif: Moins de 20 salariés; Taux: 0,55 %", True),
        ("dans une entreprise de 20 salariés", "Effectif: Moins de 20 salariés; Taux: 0,55 %", False),
        ("pour 3 enfants", "Nombre d'enfants: 3 enfants ou plus; Montant: 75,26 €", True),
        ("pour un enfant de 16 ans", "La prime est versée pour les enfants de 6 à 18 ans.", None),
        ("pour un enfant de 16 ans", "Age de l'enfant: moins de 3 mois; Montant: 100 €", None),
    ],
)
def test_a_table_row_holds_the_quantity_or_not(question: str, row: str, fits: bool | None) -> None:
    assert row_fits(row, asked_quantities(question)) is fits


FAMILY_ALLOWANCE = (  # F13213 « Allocations familiales (famille de 2 enfants ou plus) », « 2 enfants »
    "Montants des allocations familiales :\n"
    "Ressources: 69 309 € ou moins; Montant de base: 131,95 €; Majoration (enfant de + de 14 ans): + 65,98 € si le "
    "second enfant a plus de 14 ans\n"
    "Ressources: Entre 69 309 € et 92 381 € inclus; Montant de base: 65,98 €; Majoration (enfant de + de 14 ans): + "
    "32,99 € si le second enfant a plus de 14 ans\n"
    "Ressources: Plus de 92 381 €; Montant de base: 32,99 €; Majoration (enfant de + de 14 ans): +16,50 € si le "
    "second enfant a plus de 14 ans"
)
ALLOWANCE_FICHE = Passage("F13213#0", "F13213", "service-public",
                          "Allocations familiales (famille de 2 enfants ou plus)",
                          "https://www.service-public.fr/particuliers/vosdroits/F13213", (), "")


def test_rows_that_differ_by_what_the_question_does_not_say_are_named_as_cases() -> None:
    sections = [Section(("Montant", "2 enfants"), FAMILY_ALLOWANCE, "F13213#0")]
    composition = compose("Quel est le montant des allocations familiales pour 2 enfants ?", [ALLOWANCE_FICHE],
                          lambda p: sections)
    assert set(composition.cases) == {"Ressources: 69 309 € ou moins", "Ressources: Entre 69 309 € et 92 381 € inclus",
                                      "Ressources: Plus de 92 381 €"}
    assert composition.cases[0] in composition.text


def test_a_table_of_one_value_per_case_is_read_whole_when_the_question_settles_no_row() -> None:
    """The amount for each age side by side, the caption once; the asker's age gives its row alone."""
    sections = [Section(("Cas général (Caf)", "Montant de l'ARS"), SCHOOL_ALLOWANCE, "F1878#0")]
    composition = compose("Quel est le montant de l'allocation de rentrée scolaire ?", [FICHE], lambda p: sections)
    assert all(amount in composition.text for amount in ("469,97 €", "490,39 €", "503,91 €"))
    assert composition.text.count("Montant de l'ARS selon") == 1
    assert composition.cases == ()
    settled = compose("Quel est le montant de l'allocation de rentrée scolaire pour un enfant de 12 ans ?", [FICHE],
                      lambda p: sections)
    assert "490,39 €" in settled.text and "469,97 €" not in settled.text and "503,91 €" not in settled.text


def test_a_table_of_several_values_per_case_gives_one_row_and_names_the_others() -> None:
    sections = [Section(("Montant", "2 enfants"), FAMILY_ALLOWANCE, "F13213#0")]
    composition = compose("Quel est le montant des allocations familiales pour 2 enfants ?", [ALLOWANCE_FICHE],
                          lambda p: sections)
    assert sum(amount in composition.text for amount in ("131,95 €", "16,50 €")) == 1
    assert len(composition.cases) == 3


def test_a_question_that_settles_the_row_gets_no_cases() -> None:
    sections = [Section(("Cas général (Caf)", "Montant de l'ARS"), SCHOOL_ALLOWANCE, "F1878#0")]
    composition = compose("Quel est le montant de l'allocation de rentrée scolaire pour un enfant de 16 ans ?",
                          [FICHE], lambda p: sections)
    assert composition.cases == ()


BEREAVEMENT_LEAVE = (  # F2278 « Autorisation d'absence pour décès d'un membre de la famille (salarié du privé) »
    "Nombre de jours de congés en cas de décès d'un proche :\n"
    "Statut de la personne décédée: Époux(se), partenaire de Pacs ou concubin; Durée du congé: 3 jours ou durée plus "
    "élevée si elle est prévue par convention ou accord collectif d'entreprise\n"
    "Statut de la personne décédée: Père ou mère; Durée du congé: 3 jours ou durée plus élevée si elle est prévue par "
    "convention ou accord collectif d'entreprise\n"
    "Statut de la personne décédée: Père ou mère de l'époux(se); Durée du congé: 3 jours ou durée plus élevée si elle "
    "est prévue par convention ou accord collectif d'entreprise"
)
BEREAVEMENT_FICHE = Passage("F2278#2", "F2278", "service-public",
                            "Autorisation d'absence pour décès d'un membre de la famille (salarié du privé)",
                            "https://www.service-public.fr/particuliers/vosdroits/F2278", ("Durée du congé",), "")


@pytest.mark.parametrize(
    ("question", "cases"),
    [
        ("Combien de jours de congé pour le décès de mon père ?", set()),
        ("Combien de jours de congé pour le décès de ma belle-mère, la mère de mon époux ?", set()),
        ("Combien de jours de congé pour le décès d'un proche ?",
         {"Statut de la personne décédée: Père ou mère", "Statut de la personne décédée: Père ou mère de l'époux(se)"}),
    ],
)
def test_a_row_that_adds_what_the_question_does_not_say_is_no_case(question: str, cases: set[str]) -> None:
    sections = [Section(("Durée du congé", "Cas général"), BEREAVEMENT_LEAVE, "F2278#2")]
    composition = compose(question, [BEREAVEMENT_FICHE], lambda p: sections)
    assert "3 jours" in composition.text
    assert cases <= set(composition.cases)
    assert bool(cases) == bool(composition.cases)


@pytest.mark.parametrize(
    ("question", "quantities"),
    [
        ("Combien coûte un passeport pour un adulte ?", (Quantity(18, "an", math.inf),)),
        ("Carte d'identité d'une personne majeure", (Quantity(18, "an", math.inf),)),
        ("Les mineurs peuvent-ils travailler ?", (Quantity(0, "an", 17),)),
        ("Un mineur de 16 ans", (Quantity(16, "an"),)),
        ("Rupture du CDD en cas de force majeure", ()),
    ],
)
def test_a_word_that_names_an_age(question: str, quantities: tuple[Quantity, ...]) -> None:
    assert asked_quantities(question) == quantities


@pytest.mark.parametrize(
    ("question", "quantities"),
    [
        ("Ma télé achetée il y a un an et demi a un défaut", (Quantity(1.5, "an"),)),
        ("achetée il y a 1 an et demi", (Quantity(1.5, "an"),)),
        ("Mon fils de quinze ans peut-il travailler ?", (Quantity(15, "an"),)),
        ("Période d'essai d'un CDD de trois mois", (Quantity(3, "mois"),)),
        ("Une entreprise de vingt-cinq salariés", (Quantity(25, "salarie"),)),
        ("Un congé de trente et un jours", (Quantity(31, "jour"),)),
        ("Un jeune de dix-huit ans", (Quantity(18, "an"),)),
        ("Une semaine de congé", (Quantity(1, "semaine"),)),
        ("Un enfant à charge", ()),
        ("Un logement neuf", ()),
    ],
)
def test_a_number_written_in_letters(question: str, quantities: tuple[Quantity, ...]) -> None:
    """« un an et demi », « quinze ans »: the counter's words; « un enfant » counts no children, « neuf » is new."""
    assert asked_quantities(question) == quantities


@pytest.mark.parametrize(
    ("question", "heading", "fits"),
    [
        ("un bien acheté il y a un an et demi", "Vous constatez le défaut moins de 2 ans après la livraison", True),
        ("un bien acheté il y a un an et demi", "Vous constatez le défaut plus de 2 ans après la livraison", False),
        ("un bien acheté il y a deux ans", "Vous constatez le défaut moins de 2 ans après la livraison", False),
        ("un bien acheté il y a trois ans", "Vous constatez le défaut plus de 2 ans après la livraison", True),
    ],
)
def test_a_bound_is_strict_for_a_half_as_for_a_whole(question: str, heading: str, fits: bool) -> None:
    """« Moins de 2 ans » holds a year and a half: a strict bound, not one year less."""
    assert case_fits((heading,), asked_quantities(question)) is fits


@pytest.mark.parametrize(
    ("question", "headings", "fits"),
    [
        ("pour un adulte", ("À partir de 18 ans", "En Métropole"), True),
        ("pour un adulte", ("Entre 15 et 17 ans", "En Métropole"), False),
        ("pour un adulte", ("Avant 15 ans",), False),
        ("pour un mineur", ("À partir de 18 ans",), False),
        ("pour un mineur", ("Avant 15 ans",), None),
        ("pour un mineur de 16 ans", ("Entre 15 et 17 ans",), True),
        ("pour un mineur de 16 ans", ("Avant 15 ans",), False),
        ("pour un adulte", ("Cas général", "En Métropole"), None),
        ("pour un enfant de 12 ans", ("Moins de 20 salariés",), None),
        ("d'un CDD de 6 mois", ("CDD", "Durée", "CDD de 6 mois maximum"), True),
        ("d'un CDD de 6 mois", ("CDD", "Durée", "CDD supérieur à 6 mois"), False),
        ("d'un CDD de 8 mois", ("CDD", "Durée", "CDD de 6 mois maximum"), False),
        ("d'un CDD de 6 mois", ("Durée inférieure ou égale à 6 mois",), True),
        ("d'un CDD de 6 mois", ("6 mois au minimum",), True),
        ("d'un CDD de 3 mois", ("Au minimum 6 mois",), False),
    ],
)
def test_a_case_heading_holds_the_age_or_not(question: str, headings: tuple[str, ...], fits: bool | None) -> None:
    assert case_fits(headings, asked_quantities(question)) is fits


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("Ma femme est décédée, combien de jours de congé ai-je ?", "Époux(se), partenaire de Pacs ou concubin;"),
        ("Mon mari est décédé, combien de jours de congé ?", "Époux(se), partenaire de Pacs ou concubin;"),
        ("Ma compagne est décédée, j'ai droit à combien de jours ?", "Époux(se), partenaire de Pacs ou concubin;"),
        ("Le père de ma femme est décédé, combien de jours de congé ?", "Père ou mère de l'époux(se);"),
        ("Ma belle-mère est décédée, combien de jours de congé ?", "Père ou mère de l'époux(se);"),
        ("Mon père est décédé, combien de jours de congé ?", "Père ou mère;"),
    ],
)
def test_the_family_as_people_say_it_picks_the_row(question: str, row: str) -> None:
    """« ma femme » is the « Époux(se) » of the row, « ma belle-mère » the « Père ou mère de l'époux(se) »."""
    sections = [Section(("Durée du congé", "Cas général"), BEREAVEMENT_LEAVE, "F2278#2")]
    composition = compose(question, [BEREAVEMENT_FICHE], lambda p: sections)
    assert row in composition.text.split("\n")[0]
