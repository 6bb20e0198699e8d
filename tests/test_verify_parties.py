"""Who does what: a party named by a pronoun, a feminine or a complement (« aux frais du propriétaire ») keeps the
role the passage gives it. Each rule on real passages of the planted sets: the faithful draft stands, its wrong
sibling with the parties swapped is removed."""
from __future__ import annotations

from functools import cache

from assistant.grammar import parse
from assistant.verify import verify
from eval.datasets import DEFAULT_DATASETS
from eval.verify import PlantedDraft, load_drafts


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
