"""A question is text, not empty, and of a bounded length: a long paste keeps its end, cut at a boundary."""
from __future__ import annotations

import pytest

from assistant.intake import (
    MAX_QUESTION_CHARS,
    cut_notice,
    keep_end,
    question_problem,
    without_masked_values,
    without_records,
)
from redaction.entities import TYPES


def test_short_text_is_kept_whole() -> None:
    text = "Quelle est l'indemnité de fin de CDD ?"
    assert keep_end(text) == text


def test_long_paste_keeps_its_end_from_a_sentence() -> None:
    question = "Mon usager peut-il cumuler l'ARE et un CDD ?"
    text = "Courrier reçu de la CAF au sujet du dossier. " * 2000 + question
    kept = keep_end(text)
    assert kept.endswith(question) and len(kept) <= MAX_QUESTION_CHARS
    assert kept.startswith("Courrier")


@pytest.mark.parametrize("filler", ["06 12 34 56 78 ", "2 85 03 75 112 045 53 ", "Benali "])
def test_cut_never_starts_inside_a_value(filler: str) -> None:
    text = filler * (MAX_QUESTION_CHARS // len(filler) + 7) + "Quels droits ?"
    kept = keep_end(text)
    assert len(kept) <= MAX_QUESTION_CHARS
    assert kept.startswith(filler.strip()) or kept == "Quels droits ?"


def test_text_without_any_space_is_cut_to_the_limit() -> None:
    assert keep_end("x" * (MAX_QUESTION_CHARS + 10)) == "x" * MAX_QUESTION_CHARS


@pytest.mark.parametrize(
    ("text", "problem"),
    [("", "empty"), ("  \n\t", "empty"), ("caf\udce9", "not valid UTF-8 (character 4)"), ("\ud800?", "UTF-8")],
)
def test_question_problem(text: str, problem: str) -> None:
    assert problem in question_problem(text)


def test_a_question_has_no_problem() -> None:
    assert question_problem("Bonjour, quels droits pour M. Benali ?") == ""


def test_cut_notice_is_french_with_french_numbers() -> None:
    assert cut_notice(3998) == (
        "Votre texte dépassait 4\u202f000 caractères : seule sa fin (3\u202f998 caractères) a été lue, car la "
        "question s'y trouve en général. Collez seulement le passage utile pour une réponse complète."
    )


@pytest.mark.parametrize(
    ("redacted", "asked"),
    [
        ("nom;prenom;ddn\n<PERSONNE_1>;<PERSONNE_2>;<DATE_NAISSANCE_1>\nil a droit a la prime d activite ?",
         "il a droit a la prime d activite ?"),
        ("| Nom | Prénom | Né(e) le |\n|---|---|---|\n| <PERSONNE_1> | <PERSONNE_2> | <DATE_NAISSANCE_1> |\n"
         "Lesquels ont droit a la prime de Noel ?", "Lesquels ont droit a la prime de Noel ?"),
        ("Nom\tTéléphone\n<PERSONNE_1>\t<TELEPHONE_1>\nComment la joindre pour son RSA ?",
         "Comment la joindre pour son RSA ?"),
    ],
)
def test_the_rows_of_a_pasted_table_are_not_searched_with_the_question(redacted: str, asked: str) -> None:
    assert without_records(redacted) == asked


@pytest.mark.parametrize(
    "redacted",
    [
        "Montant;Durée\n150 €;3 mois\nc'est bien le barème ?",
        "nom;prenom\n<PERSONNE_1>;<PERSONNE_2>",
        "Quel est le délai ; et le montant ?",
    ],
)
def test_a_table_of_values_or_a_question_alone_is_searched_whole(redacted: str) -> None:
    assert without_records(redacted) == redacted


@pytest.mark.parametrize("entity_type", sorted(TYPES))
def test_a_masked_value_of_any_type_is_not_searched_as_a_word(entity_type: str) -> None:
    """« <TELEPHONE_1> » searched drew the fiches on telephones: the type of a value is no word of the question."""
    value = f"<{entity_type}_1>"
    assert without_masked_values(f"Mme {value}, {value}, demande le RSA") == "Mme, demande le RSA"
    assert without_masked_values(f"{value}, comment renouveler sa carte ?") == "Comment renouveler sa carte ?"
    assert without_masked_values(f"Le dossier {value} est-il complet ?") == "Le dossier est-il complet ?"
    assert without_masked_values(f"nom;prenom\n{value};{value}\nQuel délai ?") == "nom;prenom\n\nQuel délai ?"


@pytest.mark.parametrize(
    "question", ["Quel est le délai ; et le montant ?", "combien de jours, et pour qui ?", "Article L1234-5 : <b>"]
)
def test_a_question_without_masked_values_is_searched_as_it_is(question: str) -> None:
    assert without_masked_values(question) == question


@pytest.mark.parametrize(
    "message", ["<PERSONNE_1>", "<PERSONNE_1> <TELEPHONE_1>", " <PERSONNE_1>, <EMAIL_1>. ", "(<IBAN_1>) ?"]
)
def test_a_message_of_masked_values_alone_leaves_nothing_to_search(message: str) -> None:
    assert without_masked_values(message) == ""
