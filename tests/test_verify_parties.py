"""Who does what: a party named by a pronoun, a feminine or a complement (« aux frais du propriétaire ») keeps the
role the passage gives it. Each rule on real passages of the planted sets: the faithful draft stands, its wrong
sibling with the parties swapped is removed."""
from __future__ import annotations

from functools import cache

import pytest

from assistant.grammar import parse
from assistant.verify import verify
from eval.datasets import DEFAULT_DATASETS
from eval.verify import PlantedDraft, load_drafts
from indexing.model import Passage


@cache
def _planted() -> dict[str, PlantedDraft]:
    paths = (DEFAULT_DATASETS["verify-drafts"], DEFAULT_DATASETS["verify-drafts-blind2"],
             DEFAULT_DATASETS["verify-drafts-blind3"])
    return {draft.id: draft for path in paths for draft in load_drafts(path)}


def stands(draft_id: str, draft: str | None = None) -> list[str]:
    planted = _planted()[draft_id]
    text = planted.draft if draft is None else draft
    return [v.reason for v in verify(text, list(planted.passages), question=planted.question).verdicts]


def test_a_subject_pronoun_stands_for_the_subject_before_it_in_the_sentence():
    fined = ("Si l'hôtelier ou le loueur de chambres d'hôtes ne délivre pas de facture, {} est passible d'une "
             "amende de 3 000 € maximum [1].")
    assert stands("hotel-04", fined.format("il")) == ["ok"]
    assert stands("hotel-04", fined.format("le client")) == ["role_swap"]


def test_an_impersonal_il_stands_for_no_party():
    assert ("employeur", "est") not in parse("Si l'employeur et le salarié décident de rompre le CDD d'un commun "
                                             "accord, il n'est pas obligatoire de prévoir un préavis.").subjects
    assert ("salarie", "faut") not in parse("Si le salarié démissionne, il faut respecter un préavis.").subjects


def test_the_salariee_is_the_party_the_salarie_names():
    assert stands("b2-nuit-enceinte-06", "Si l'employeur est dans l'impossibilité de proposer un autre poste à la "
                                         "salariée, il doit l'informer par écrit des motifs empêchant son "
                                         "reclassement [1].") == ["ok"]
    assert stands("b2-nuit-enceinte-06") == ["role_swap"]


def test_a_party_hung_on_a_word_by_a_preposition_keeps_its_place():
    assert stands("b2-loyer-06")[0] == "ok"
    assert stands("b2-loyer-11") == ["role_swap"]


def test_a_party_made_the_subject_is_named_by_the_passage_sentence_or_the_one_before():
    sent = "{} doit envoyer le certificat médical par lettre recommandée avec avis de réception, dans les 15 jours à " \
           "compter de la notification du licenciement [1]."
    assert stands("b3-enceinte-02", sent.format("La salariée")) == ["ok"]
    assert stands("b3-enceinte-02", sent.format("L'employeur")) == ["role_swap"]
    assert stands("b3-enceinte-02") == ["role_swap"]


def test_a_passage_for_the_public_service_does_not_answer_on_the_private_sector():
    denial = "Non, de manière générale, les jours fériés ne sont pas récupérables [1]."
    public = "Les jours fériés travaillés sont-ils récupérables pour un fonctionnaire ?"
    assert stands("b3-feries-01", denial) == ["other_audience"]
    assert verify(denial, list(_planted()["b3-feries-01"].passages), question=public).verdicts[0].reason == "ok"
    assert stands("b3-feries-01", "Dans la fonction publique hospitalière, ils peuvent donner lieu dans certains "
                                  "cas à compensation [1].") == ["ok"]



OVERTIME_TITLE = "Heures supplémentaires d'un salarié du secteur privé"
"""F2391 (Service-Public.fr / DILA, Licence Ouverte 2.0)."""
EXECUTIVE = ("Qui est concerné ?", "Cadre dirigeant")
ORDERED = "Les heures supplémentaires sont effectuées à la demande (écrite ou orale) de l'employeur."
EXEMPT = "Le cadre dirigeant n'est pas concerné par les heures supplémentaires."


@pytest.mark.parametrize(
    ("draft", "anchor", "stands_on_it"),
    [
        ("Le cadre dirigeant fait des heures supplémentaires [1].", ORDERED, False),
        ("Oui, les cadres dirigeants sont concernés par les heures supplémentaires [1].", ORDERED, False),
        ("Pour un cadre dirigeant, les heures supplémentaires sont effectuées à la demande de l'employeur [1].",
         ORDERED, True),
        ("Non, le cadre dirigeant n'est pas concerné par les heures supplémentaires [1].", EXEMPT, True),
    ],
)
def test_a_claim_made_of_the_headings_does_not_rest_on_the_rule_under_them(
    draft: str, anchor: str, stands_on_it: bool
) -> None:
    """What a sentence adds to its anchor taken from the headings (« Qui est concerné ? > Cadre dirigeant »), the
    anchor lending only the passage's topic: the headings say what the passage is about, not what holds."""
    passage = Passage("F2391#1", "F2391", "service-public", OVERTIME_TITLE, "", EXECUTIVE, anchor)
    question = "Un cadre dirigeant fait-il des heures supplémentaires ?"
    verdict, = verify(draft, [passage], question=question).verdicts
    assert verdict.supported == stands_on_it, verdict


TRAINING_LEAVE_END = Passage(
    "F3054#8", "F3054", "service-public", "Congé de formation professionnelle dans la fonction publique", "",
    ("Fin du congé", "Titulaire"),
    "Fin du congé > Titulaire\nÀ l'issue du congé de formation, vous reprenez dans votre établissement d'origine des "
    "fonctions correspondant à votre grade.\nFin du congé > Contractuel\nÀ l'issue du congé de formation, vous "
    "reprenez dans votre établissement d'origine des fonctions de niveau équivalent à celles que vous occupiez.",
)
"""Two cases of F3054 (Service-Public.fr / DILA, Licence Ouverte 2.0) as a prompt writes them, each under its path;
the passage's own path is the case of the chunk the search chose."""


@pytest.mark.parametrize(
    ("draft", "stands_on_it"),
    [
        ("En tant que titulaire, à l'issue du congé de formation, vous reprenez dans votre établissement d'origine des "
         "fonctions correspondant à votre grade [1].", True),
        ("En tant que titulaire, à l'issue du congé de formation, vous reprenez dans votre établissement d'origine des "
         "fonctions de niveau équivalent à celles que vous occupiez [1].", False),
        ("Pour un titulaire, à l'issue du congé, vous reprenez dans votre établissement d'origine des fonctions de "
         "niveau équivalent à celles que vous occupiez [1].", False),
    ],
)
def test_a_case_is_named_by_the_headings_its_rule_sits_under(draft: str, stands_on_it: bool) -> None:
    """The contractuel's rule said for the titulaire, the case of the passage's own path, is not kept: a rule
    written under another case's path is not under the passage's."""
    question = "Que se passe-t-il à la fin du congé de formation ?"
    verdict, = verify(draft, [TRAINING_LEAVE_END], question=question).verdicts
    assert verdict.supported == stands_on_it, verdict
