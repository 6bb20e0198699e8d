"""Where a question puts the asker, and the side a passage's headings write their rule for."""
from __future__ import annotations

import pytest

from assistant.places import ABROAD, FRANCE, NAMED_PLACE, asker_side, side


@pytest.mark.parametrize("text", [
    "Je suis Français né au Maroc : où demander mon acte de naissance ?",
    "Je vis en Belgique depuis 2019.",
    "Mon fils est né aux États-Unis.",
    "Je travaille à l'étranger pour deux ans.",
    "Usager né hors de France.",
    "Je pars vivre en Côte d'Ivoire.",
    "Né(e) à l'étranger",
])
def test_a_foreign_country_or_abroad_said_in_words_is_abroad(text):
    assert side(text) == ABROAD


@pytest.mark.parametrize("text", [
    "Né(e) en France",
    "Vous résidez en métropole",
    "Je suis né en France, où demander la copie de mon acte de naissance ?",
])
def test_france_said_in_words_is_france(text):
    assert side(text) == FRANCE


@pytest.mark.parametrize("text", [
    "Je suis né en Guadeloupe.",
    "Elle habite à La Réunion.",
    "La réunion du CSE a lieu demain.",
    "Le fils de Maurice veut un passeport.",
    "Où demander la copie de mon acte de naissance ?",
    "Né au Maroc, je vis en France depuis 20 ans.",
])
def test_overseas_france_a_name_no_country_or_both_sides_say_no_side(text):
    assert side(text) == ""


@pytest.mark.parametrize("question", [
    "Je suis Français né à Casablanca : où dois-je demander la copie de mon acte de naissance ?",
    "Je suis né à Lyon, où demander la copie de mon acte de naissance ?",
    "Usager né à <LIEU_NAISSANCE_1> : où demander la copie de son acte de naissance ?",
    "j'habite à Genève et je travaille en Haute-Savoie",
])
def test_a_place_named_without_its_country_is_a_named_place(question):
    assert asker_side(question) == NAMED_PLACE


def test_a_question_that_says_its_side_is_read_by_it():
    assert asker_side("Je suis né à Rabat, au Maroc.") == ABROAD
    assert asker_side("Je vis à Paris, en France.") == FRANCE
    assert asker_side("Comment demander un acte de naissance ?") == ""
