"""Placeholders: stable per vault, restored from memory only, never shown by repr, pickle or copy."""

from __future__ import annotations

import copy
import pickle

import pytest

from guichet.config import Settings
from redaction.engine import Redactor, Vault
from redaction.entities import ENTITY_TYPES, SameValue

QUESTION = "Mme Fatima Benali, née le 12/03/1985, tél. 06 12 34 56 78, demande la prime d'activité."


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor.from_settings(Settings())


def test_redact_replaces_values_with_numbered_placeholders(redactor: Redactor) -> None:
    result = redactor.redact(QUESTION)
    assert result.text == (
        "Mme <PERSONNE_1>, née le <DATE_NAISSANCE_1>, tél. <TELEPHONE_1>, demande la prime d'activité."
    )
    assert [QUESTION[e.start : e.end] for e in result.entities] == ["Fatima Benali", "12/03/1985", "06 12 34 56 78"]
    assert result.counts() == {"PERSONNE": 1, "DATE_NAISSANCE": 1, "TELEPHONE": 1}


def test_same_value_same_placeholder_within_a_conversation(redactor: Redactor) -> None:
    vault = Vault()
    first = redactor.redact(QUESTION, vault)
    second = redactor.redact("Et si Mme Fatima Benali rappelle au +33 6 12 34 56 78 ? M. Paul Roux aussi.", vault)
    assert second.text == "Et si Mme <PERSONNE_1> rappelle au <TELEPHONE_1> ? M. <PERSONNE_2> aussi."
    assert "<PERSONNE_1>" in first.text
    assert redactor.redact("M. Paul Roux", Vault()).text == "M. <PERSONNE_1>"


@pytest.mark.parametrize("entity_type", ENTITY_TYPES, ids=lambda t: t.name)
def test_each_type_says_when_two_mentions_are_one_value(entity_type) -> None:
    """Identifiers are one value whatever their separators; words (names, streets) are not squeezed into one."""
    vault = Vault()
    first = vault.placeholder(entity_type.name, "AB 12-34 56 78 90")
    regrouped = vault.placeholder(entity_type.name, "ab1234567890")
    assert (first == regrouped) is (entity_type.same_value not in (SameValue.WORDS, SameValue.NAME))
    assert vault.placeholder(entity_type.name, "ab  12-34 56 78 90") == first


def test_a_name_in_another_order_is_the_same_person(redactor: Redactor) -> None:
    redacted = redactor.redact("Chantal Blanc demande le RSA ; BLANC Chantal, tél 06 12 34 56 78 ; krier, Franck.")
    assert redacted.text == "<PERSONNE_1> demande le RSA ; <PERSONNE_1>, tél <TELEPHONE_1> ; <PERSONNE_2>."
    assert redactor.redact("Franck Krier puis krier, franck").text == "<PERSONNE_1> puis <PERSONNE_1>"


def test_a_name_coming_back_in_lower_case_keeps_its_placeholder(redactor: Redactor) -> None:
    """Typed again in lower case, a name word is masked when it is no French word: « chantal », « benali »; the
    adjective « blanc » stays."""
    vault = Vault()
    redactor.redact("Mme Chantal Blanc demande le RSA.", vault)
    follow_ups = ["chantal a-t-elle droit à la prime ?", "benali aussi", "chantal blanc a deux enfants", "vin blanc"]
    redactor.redact("Mme Fatima Benali demande l'APL.", vault)
    redactor.redact("Mme Cécile Hérault aussi.", vault)
    assert [redactor.redact(text, vault).text for text in [*follow_ups, "cecile et HERAULT"]] == [
        "<PERSONNE_1> a-t-elle droit à la prime ?", "<PERSONNE_2> aussi", "<PERSONNE_1> a deux enfants", "vin blanc",
        "<PERSONNE_3> et <PERSONNE_3>",
    ]


def test_restore_puts_values_back(redactor: Redactor) -> None:
    vault = Vault()
    redactor.redact(QUESTION, vault)
    answer = "<PERSONNE_1> doit appeler depuis le <TELEPHONE_1> ; <PERSONNE_9> reste tel quel."
    assert vault.restore(answer) == "Fatima Benali doit appeler depuis le 06 12 34 56 78 ; <PERSONNE_9> reste tel quel."


def test_placeholders_are_not_redacted_again(redactor: Redactor) -> None:
    vault = Vault()
    redacted = redactor.redact(QUESTION, vault)
    again = redactor.redact(redacted.text, vault)
    assert again.text == redacted.text and again.entities == ()


def test_vault_never_shows_its_values(redactor: Redactor) -> None:
    vault = Vault()
    redactor.redact(QUESTION, vault)
    assert repr(vault) == "Vault({'PERSONNE': 1, 'DATE_NAISSANCE': 1, 'TELEPHONE': 1})"
    assert "Benali" not in str(vault) and len(vault) == 3
    for leak in (pickle.dumps, copy.copy, copy.deepcopy):
        with pytest.raises(TypeError):
            leak(vault)


def test_empty_text(redactor: Redactor) -> None:
    assert redactor.redact("   ").text == "   "
    assert redactor.analyze("") == []


def test_a_name_coming_back_alone_keeps_its_placeholder(redactor: Redactor) -> None:
    vault = Vault()
    first = redactor.redact("Mme Fatima Benali demande l'APL. Benali a deux enfants.", vault)
    assert first.text == "Mme <PERSONNE_1> demande l'APL. <PERSONNE_1> a deux enfants."
    follow_up = redactor.redact("Si Benali déménage, Fatima garde-t-elle ses droits ? Et la CAF ?", vault)
    assert follow_up.text == "Si <PERSONNE_1> déménage, <PERSONNE_1> garde-t-elle ses droits ? Et la CAF ?"
