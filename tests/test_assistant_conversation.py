from __future__ import annotations

import pytest

from assistant.conversation import Turn, is_follow_up, rewrite

TOPIC = "Quelle est l'indemnité de fin de contrat d'un CDD"
HISTORY = [Turn(f"{TOPIC} ?", "Elle est de 10 % [1].", "extractive")]


@pytest.mark.parametrize(
    ("follow_up", "standalone"),
    [
        ("et pour un CDI ?", "Quelle est l'indemnité de fin de contrat d'un CDI ?"),
        ("Pour un CDI ?", "Quelle est l'indemnité de fin de contrat d'un CDI ?"),
        ("Et si le salarié démissionne ?", f"{TOPIC}, si le salarié démissionne ?"),
        ("Combien de temps dure-t-elle ?", f"{TOPIC}, combien de temps dure-t-elle ?"),
        ("et pour <PERSONNE_1> ?", f"{TOPIC}, pour <PERSONNE_1> ?"),
        ("Peut-il être réduit ?", f"{TOPIC}, peut-il être réduit ?"),
        ("Quel montant doit-il payer ?", f"{TOPIC}, quel montant doit-il payer ?"),
        ("À quel âge peut-elle partir ?", f"{TOPIC}, à quel âge peut-elle partir ?"),
        ("Le montant change-t-il ?", f"{TOPIC}, le montant change-t-il ?"),
        ("La demande est-elle payante ?", f"{TOPIC}, la demande est-elle payante ?"),
        ("L’aide est-elle imposable ?", f"{TOPIC}, l’aide est-elle imposable ?"),
        ("Les délais sont-ils les mêmes pour un CDI ?", f"{TOPIC}, les délais sont-ils les mêmes pour un CDI ?"),
        ("Quel est le montant ?", f"{TOPIC}, quel est le montant ?"),
        ("Quelles sont les conditions ?", f"{TOPIC}, quelles sont les conditions ?"),
        ("Quels justificatifs fournir ?", f"{TOPIC}, quels justificatifs fournir ?"),
        ("Où faire la demande ?", f"{TOPIC}, où faire la demande ?"),
        ("Quelle est la durée maximale ?", f"{TOPIC}, quelle est la durée maximale ?"),
    ],
)
def test_follow_ups_become_standalone(follow_up, standalone):
    assert rewrite(follow_up, HISTORY) == standalone


@pytest.mark.parametrize(
    "question",
    [
        "Comment déclarer la naissance d'un enfant né à l'étranger ?",
        "Est-ce qu'il y a un préavis en cas de démission d'un CDI ?",
        "Un salarié peut-il refuser une mutation ?",
        "Mon employeur peut-il refuser mes congés ?",
        "L'employeur doit-il payer la visite médicale ?",
        "Le RSA est-il cumulable avec un salaire ?",
        "Pôle emploi peut-il me radier ?",
        "Quel est le montant du RSA ?",
        "Quel est le délai de rétractation ?",
        "Quelle est la durée légale du travail ?",
        "La demande de RSA se fait-elle en ligne ?",
        "Le congé parental est-il rémunéré ?",
        "Combien coûte un passeport ?",
        "Quels documents pour une carte grise ?",
    ],
)
def test_standalone_questions_are_left_alone(question):
    assert not is_follow_up(question, HISTORY)
    assert rewrite(question, HISTORY) == question


def test_an_aspect_asked_after_another_replaces_it():
    history = [Turn(f"{TOPIC}, quel est le montant ?", "Elle est de 10 % [1].", "extractive")]
    assert rewrite("Et la durée ?", history) == f"{TOPIC}, la durée ?"
    assert rewrite("Quels justificatifs fournir ?", history) == f"{TOPIC}, quels justificatifs fournir ?"
    assert rewrite("Et pour un CDI ?", history) == f"{TOPIC.replace('CDD', 'CDI')}, quel est le montant ?"


def test_without_history_nothing_is_rewritten():
    assert rewrite("et pour un CDI ?", []) == "et pour un CDI ?"


@pytest.mark.parametrize(
    ("earlier", "follow_up", "standalone"),
    [
        (
            "Quel est le délai de préavis en cas de démission d'un fonctionnaire ?",
            "et pour un salarié ?",
            "Quel est le délai de préavis en cas de démission, pour un salarié ?",
        ),
        (
            "Combien de jours de congés payés pour un salarié du secteur privé ?",
            "et pour un agent public ?",
            "Combien de jours de congés payés, pour un agent public ?",
        ),
        (
            "Quelle indemnité de fin de contrat pour un contractuel de la fonction publique ?",
            "et dans le secteur privé ?",
            "Quelle indemnité de fin de contrat pour un contractuel, dans le secteur privé ?",
        ),
        (
            "Congés annuels dans la fonction publique territoriale ?",
            "Et dans le privé ?",
            "Congés annuels, dans le privé ?",
        ),
        (
            "Quelle indemnité à la fin d'un CDD ?",
            "et pour un fonctionnaire ?",
            "Quelle indemnité à la fin d'un CDD, pour un fonctionnaire ?",
        ),
        (
            "Quel est le préavis de démission d'un fonctionnaire ?",
            "et pour un agent contractuel ?",
            "Quel est le préavis de démission, pour un agent contractuel ?",
        ),
        (
            "Quelle indemnité à la fin d'un CDD, pour un fonctionnaire ?",
            "et pour un contractuel de la fonction publique ?",
            "Quelle indemnité à la fin d'un CDD, pour un contractuel de la fonction publique ?",
        ),
    ],
)
def test_a_follow_up_naming_whom_the_rules_are_for_replaces_the_earlier_one(earlier, follow_up, standalone):
    assert rewrite(follow_up, [Turn(earlier, "…", "extractive")]) == standalone
