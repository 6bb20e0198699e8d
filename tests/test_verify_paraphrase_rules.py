"""The verifier's paraphrase rules on real passages of the planted set: each faithful paraphrase is kept, and
its wrong sibling — the same words with the fact changed — is still removed."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from assistant.verify import verify
from eval.datasets import DEFAULT_DATASETS
from eval.verify import PlantedDraft, load_drafts

CORPUS_DRAFTS = Path(__file__).parent.parent / "eval" / "datasets" / "verify-drafts-corpus.jsonl"
"""Dev drafts on documents of the full corpus that the test fixtures do not hold (passages quoted inline)."""


@cache
def _planted() -> dict[str, PlantedDraft]:
    paths = (DEFAULT_DATASETS["verify-drafts"], CORPUS_DRAFTS)
    return {draft.id: draft for path in paths for draft in load_drafts(path)}


def stands(draft_id: str, draft: str | None = None, question: str | None = None) -> list[str]:
    """The reasons for each sentence of a planted draft (or of another draft on the same passages)."""
    planted = _planted()[draft_id]
    text = planted.draft if draft is None else draft
    asked = planted.question if question is None else question
    return [v.reason for v in verify(text, list(planted.passages), question=asked).verdicts]


def test_a_verb_the_tagger_reads_as_an_adjective_is_still_a_verb():
    assert stands("conclusion-cdd-05") == ["ok"]
    assert stands("conclusion-cdd-05", "Un CDD conclu dans l'attente d'un salarié recruté en CDI dure au maximum "
                                       "6 mois [1].") == ["missing_number"]
    assert stands("conclusion-cdd-05", "Durée maximale autorisée du CDD [1].") == ["no_verb"]


def test_a_reflexive_verb_read_as_a_noun_is_still_a_verb():
    assert stands("periode-essai-02") == ["ok"]
    assert stands("periode-essai-02", "La période d'essai se décompte en jours ouvrables [1].") != ["ok"]


def test_a_participle_with_an_object_in_the_passage_gives_its_noun_the_subject_role():
    assert stands("conge-paternite-05") == ["ok"]
    assert stands("conge-paternite-09") != ["ok"]


def test_set_phrases_name_nothing():
    assert stands("certificat-03") == ["ok"]
    assert stands("certificat-03", "Oui, le certificat de travail est remis au salarié quel que soit le motif de "
                                   "la rupture, y compris une rupture conventionnelle [1].") != ["ok"]
    assert stands("astreinte-fp-02") == ["ok"]
    assert stands("astreinte-fp-02", "Pour une astreinte d'exploitation, la semaine complète donne lieu à une "
                                     "indemnité de 46,55 € [1].") != ["ok"]


def test_an_age_is_its_number_of_years_and_a_requirement_answers_no_to_doing_alone():
    assert stands("cdi-03") == ["ok"]
    assert stands("cdi-03", "Non, si le salarié a moins de 16 ans, il ne peut signer son contrat qu'après "
                            "autorisation de son représentant légal [1].") == ["missing_number"]
    assert stands("cdi-03", "Oui, si le salarié a moins de 18 ans, il ne peut signer son contrat qu'après "
                            "autorisation de son représentant légal [1].") == ["yes_no"]


def test_two_rules_joined_by_mais_stand_when_each_clause_does():
    assert stands("cdi-01") == ["ok"]
    swapped = ("Le CDI à temps plein doit être écrit, mais le CDI à temps partiel ne fait pas obligatoirement "
               "l'objet d'un contrat écrit [1].")
    assert stands("cdi-01", swapped) != ["ok"]
    leaning = ("Le CDI à temps plein ne fait pas obligatoirement l'objet d'un contrat écrit, mais il doit être "
               "écrit [1].")
    assert stands("cdi-01", leaning) != ["ok"]


@pytest.mark.parametrize("draft_id", ["conclusion-cdd-03", "conge-paternite-02", "conge-paternite-07"])
def test_an_answer_by_the_opposite_of_what_is_asked_reads_yes_no_against_the_question(draft_id):
    assert stands(draft_id) == ["ok"]
    flipped = "Oui" + _planted()[draft_id].draft.removeprefix("Non")
    assert stands(draft_id, flipped) == ["yes_no"]
    assert stands(draft_id, question="") == ["yes_no"]


def test_an_opening_case_that_restates_the_headings_is_context():
    assert stands("conge-paternite-11") == ["ok"]
    assert stands("conge-paternite-11", "Pour la naissance de 2 enfants, le congé de paternité et d'accueil de "
                                        "l'enfant dure 11 jours calendaires consécutifs [1].") == ["missing_number"]
    assert stands("conge-paternite-11", "Pour la naissance d'un enfant, le congé de paternité et d'accueil de "
                                        "l'enfant dure 11 jours ouvrables consécutifs [1].") != ["ok"]
