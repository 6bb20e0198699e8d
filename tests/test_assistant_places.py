"""Where a question puts the asker, for their birth and where they live, and the side a passage's headings write for."""
from __future__ import annotations

import pytest

from assistant.places import ABROAD, BIRTH, FRANCE, NAMED_PLACE, RESIDENCE, asker_sides, other_side, sides


@pytest.mark.parametrize(("text", "said"), [
    ("Je suis Français né au Maroc : où demander mon acte de naissance ?", {BIRTH: ABROAD}),
    ("Je vis en Belgique depuis 2019.", {RESIDENCE: ABROAD}),
    ("Mon fils est né aux États-Unis.", {BIRTH: ABROAD}),
    ("Je travaille à l'étranger pour deux ans.", {RESIDENCE: ABROAD}),
    ("Usager né hors de France.", {BIRTH: ABROAD}),
    ("Je pars vivre en Côte d'Ivoire.", {RESIDENCE: ABROAD}),
    ("Né(e) à l'étranger", {BIRTH: ABROAD}),
    ("Né(e) en France", {BIRTH: FRANCE}),
    ("Vous résidez en métropole", {RESIDENCE: FRANCE}),
    ("Demande en France", {RESIDENCE: FRANCE}),
    ("Lieu de naissance en France", {BIRTH: FRANCE}),
    ("Né au Maroc, je vis en France depuis 20 ans.", {BIRTH: ABROAD, RESIDENCE: FRANCE}),
    ("Né(e) à l’étranger", {BIRTH: ABROAD}),
    ("Je suis née en Côte d’Ivoire.", {BIRTH: ABROAD}),
    ("Vous vivez hors de France ou à l’étranger", {RESIDENCE: ABROAD}),
])
def test_a_place_said_in_words_is_a_birthplace_after_ne_and_a_residence_otherwise(text, said):
    assert sides(text) == said


@pytest.mark.parametrize("text", [
    "Je suis né en Guadeloupe.",
    "Elle habite à La Réunion.",
    "La réunion du CSE a lieu demain.",
    "Le fils de Maurice veut un passeport.",
    "Où demander la copie de mon acte de naissance ?",
])
def test_overseas_france_a_name_no_country_or_both_sides_say_no_side(text):
    assert sides(text) == {}


@pytest.mark.parametrize(("question", "said"), [
    ("Je suis Français né à Casablanca : où dois-je demander la copie de mon acte de naissance ?",
     {BIRTH: NAMED_PLACE}),
    ("Je suis né à Lyon, où demander la copie de mon acte de naissance ?", {BIRTH: NAMED_PLACE}),
    ("Usager né à <LIEU_NAISSANCE_1> : où demander la copie de son acte de naissance ?", {BIRTH: NAMED_PLACE}),
    ("j'habite à Genève et je travaille en Haute-Savoie", {RESIDENCE: NAMED_PLACE}),
    ("Je suis né au Maroc, à Rabat.", {BIRTH: ABROAD}),
    ("Comment demander un acte de naissance ?", {}),
])
def test_a_place_named_without_its_country_is_a_named_place(question, said):
    assert asker_sides(question) == said


@pytest.mark.parametrize(("question", "written_for", "other"), [
    ("Je suis né au Maroc : où demander mon acte ?", "Né(e) en France", ABROAD),
    ("Je suis né à Casablanca : où demander mon acte ?", "Né(e) en France", NAMED_PLACE),
    ("Je vis au Canada, comment renouveler mon passeport ?", "Demande en France", ABROAD),
    ("J'habite en France, où déposer ma demande ?", "Vous vivez à l'étranger", FRANCE),
    ("J'habite en France, où déposer ma demande ?", "Vous êtes né à l'étranger", ""),
    ("Je suis né au Maroc : où demander mon passeport ?", "En France", ""),
    ("Je vis en Belgique, où déposer ma demande ?", "Vous êtes né en France", ""),
    ("Où demander mon acte de naissance ?", "Né(e) en France", ""),
])
def test_the_other_side_is_of_the_same_birth_or_residence(question, written_for, other):
    assert other_side(question, written_for) == other
