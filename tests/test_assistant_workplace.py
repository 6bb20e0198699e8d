"""The asker's trade or sector is the question's setting: not a key term, not held against a passage, and the
answer points to the collective agreement the texts do not hold."""
from __future__ import annotations

import pytest

from assistant.key_terms import unheld_rare_terms
from assistant.refusal import coverage
from assistant.verify import content_words
from assistant.workplace import named_trade, setting_words
from indexing.model import Passage
from tests.corpus_fixtures import fixture_document

CDD_TEXT = " ".join(s.text for s in fixture_document("F40").sections)


def _stems(words: str) -> set[str]:
    return set(content_words(words))


@pytest.mark.parametrize(
    ("question", "trade"),
    [
        ("Je suis cuisinier, comment se calcule mon salaire ?", "cuisinier"),
        ("Je suis laveur de vitres, et démissionne de mon entreprise. Suis-je astreint ?", "laveur vitres"),
        ("Je travaille dans le secteur de la propreté. Ai-je droit à des majorations ?", "propreté"),
        ("Quelle durée minimale pour les salariés à temps partiel dans le secteur de la propreté ?", "propreté"),
        ("Ouvrier d'une entreprise du bâtiment, j'ai été victime d'un accident.", "ouvrier bâtiment"),
        ("Je suis ouvrier dans la métallurgie et travaille à temps plein.", "ouvrier métallurgie"),
        ("Ma période d'essai peut elle être renouvelée ? (Boulangerie)", "boulangerie"),
        ("J'occupe un poste de vendeuse en boulangerie-pâtisserie.", "vendeuse boulangerie pâtisserie"),
        ("Je suis commercial dans une concession automobile, mon employeur me fixe des objectifs.",
         "commercial concession automobile"),
        ("Chauffeur dans les transports routiers, quelle durée maximale par jour ?", "transports routiers"),
        ("JE SUIS COIFFEUSE, AI-JE DROIT À UNE PRIME ?", "coiffeuse"),
        ("En tant qu'électricien, dois-je être payé pendant les trajets ?", "électricien"),
        ("Embauchée en tant qu’aide-soignante, ai-je droit à une prime ?", "aide-soignante"),
        ("Peut-il écourter son préavis ? (Métallurgie Ingénieur/cadre)", "métallurgie ingénieur cadre"),
        ("Quel salaire minimum ? (Hôtels, cafés, restaurants)", "hôtels cafés restaurants"),
        ("Prime d'ancienneté ? (Transport & logistique)", "transport logistique"),
        ("Peut-il faire travailler un salarié le samedi : Métallurgie accords nationaux ?", "métallurgie"),
        ("Quel préavis de démission ? (Syntec convention collective)", "syntec"),
        ("Je souhaite embaucher sous CDI une vendeuse à temps partiel. Suis-je tenu de l'employer 24 heures ?",
         "vendeuse"),
        ("J'ai recruté une coiffeuse le mois dernier ; a-t-elle droit à une prime ?", "coiffeuse"),
    ],
)
def test_the_trade_or_sector_the_asker_names_is_the_setting(question: str, trade: str) -> None:
    assert _stems(trade) <= set(setting_words(question))


@pytest.mark.parametrize(
    "question",
    [
        "Comment obtenir le passeport gastronomique délivré par la mairie ?",
        "Quelles sont les conditions du congé d'hibernation dans le secteur privé ?",
        "Le salarié a-t-il droit à un congé pour observer les éclipses solaires ?",
        "Quel est le montant de l'allocation de téléportation pour les salariés ?",
    ],
)
def test_the_thing_asked_about_is_never_the_setting(question: str) -> None:
    invented = {"gastronom", "hibern", "eclips", "teleport"}
    assert not invented & set(setting_words(question))


@pytest.mark.parametrize("question", [
    "Peut-on employer une licorne ?",
    "Comment embaucher un majordome robot pour la mairie ?",
    "Quelles démarches pour recruter un dragon en CDD ?",
])
def test_whom_the_question_asks_about_hiring_stays_a_key_term(question: str) -> None:
    assert not {"licorn", "majordom", "robot", "dragon"} & set(setting_words(question))


def test_being_the_holder_of_an_invented_thing_keeps_it_a_key_term() -> None:
    question = "Je suis titulaire du passeport gastronomique, comment le renouveler ?"
    assert content_words("gastronomique")[0] not in setting_words(question)


def test_a_trade_the_texts_do_not_hold_does_not_make_the_question_refused() -> None:
    corpus = {term: 50 for term in content_words(CDD_TEXT)}
    question = "Je suis cuisinier dans une entreprise de la métallurgie : quelle indemnité à la fin de mon CDD ?"
    assert unheld_rare_terms(question, [CDD_TEXT], lambda term: corpus.get(term, 0), 10_000) == []
    invented = "Je suis cuisinier : quelle indemnité de téléportation à la fin de mon CDD ?"
    assert unheld_rare_terms(invented, [CDD_TEXT], lambda term: corpus.get(term, 0), 10_000) == \
        content_words("téléportation")


def test_a_trade_the_passage_does_not_name_is_not_held_against_it() -> None:
    passage = Passage("F40#0", "F40", "service-public", "Fin d'un CDD", "", (), CDD_TEXT)
    plain = "Quelle indemnité à la fin d'un CDD ?"
    with_trade = "Je suis laveur de vitres : quelle indemnité à la fin d'un CDD ?"
    assert coverage(with_trade, passage) == coverage(plain, passage) > 0


def test_only_a_trade_the_texts_rarely_name_calls_for_the_agreement_notice() -> None:
    frequency = {term: 3 for term in content_words("cuisinier")} | {term: 900 for term in content_words("retraité")}
    df = lambda term: frequency.get(term, 0)  # noqa: E731
    assert named_trade("Je suis cuisinier, comment se calcule mon salaire ?", df, rare=10)
    assert not named_trade("Je suis retraité, puis-je reprendre un emploi ?", df, rare=10)
    assert not named_trade("Quelle indemnité à la fin d'un CDD ?", df, rare=10)
