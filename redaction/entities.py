"""Every entity type Guichet redacts, each one self-describing unit that the rest reads: its placeholder name
(`<PERSONNE_1>`), what agents read on the page, the score from which it is redacted (context words add 0.35), how
two mentions are known to be one value, what it covers and what confirms it. A new type is one entry here and one
recognizer in `redaction.recognizers`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

MASKED_VALUE = re.compile(r"<[A-Z_]+_\d+>")
"""How a masked value reads in a redacted text (`<PERSONNE_1>`), whatever its type."""


class SameValue(Enum):
    """How the vault tells that two mentions are one value (one placeholder for both)."""

    WORDS = "words"
    """Case and spacing aside: addresses, e-mails, dates."""
    NAME = "name"
    """Case, spacing, commas and order aside: « Chantal Blanc », « BLANC Chantal », « Blanc, Chantal »."""
    DIGITS = "digits"
    """Separators and case aside: identifiers (« 1 85 05 » and « 18505 »)."""
    PHONE = "phone"
    """The last nine digits: « 06 12… », « +33 6 12… » and « 0033 6 12… » are one number."""


@dataclass(frozen=True)
class EntityType:
    name: str
    label: str
    """French, for agents: « 2 noms, 1 téléphone masqués »."""
    threshold: float
    same_value: SameValue
    covers: str
    confirmed_by: str


ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("PERSONNE", "nom", 0.5, SameValue.NAME,
               "first and last names, in capitals or lower case, or in a non-Latin script (Arabic, Cyrillic…)",
               "spaCy PER, a title, a word announcing a person, an INSEE given name; the script itself"),
    EntityType("EMAIL", "courriel", 0.5, SameValue.WORDS, "e-mail address", "domain suffix (bundled PSL)"),
    EntityType("TELEPHONE", "téléphone", 0.4, SameValue.PHONE,
               "French phone number (0X…, +33, 0033, overseas, or said in words), not 08 services; foreign numbers "
               "with their code",
               "format; 00 and a foreign code: context"),
    EntityType("NIR", "numéro de sécurité sociale", 0.45, SameValue.DIGITS,
               "numéro de sécurité sociale, Corsica 2A/2B",
               "format (INSEE key raises the score); without key: context, or the card's spacing"),
    EntityType("IBAN", "IBAN", 0.5, SameValue.DIGITS,
               "bank account, any case and grouping; French RIB",
               "country length (mod-97 raises the score); RIB: context"),
    EntityType("CARTE_BANCAIRE", "carte bancaire", 0.5, SameValue.DIGITS,
               "bank card number", "grouped format; a run of digits: context (Luhn raises the score)"),
    EntityType("NUMERO_FISCAL", "numéro fiscal", 0.5, SameValue.DIGITS,
               "numéro fiscal de référence (SPI)", "context (key = first ten digits mod 511 is enough)"),
    EntityType("NUMERO_ALLOCATAIRE", "numéro d'allocataire", 0.5, SameValue.DIGITS,
               "CAF / MSA allocataire number", "after « allocataire », « CAF », « MSA »"),
    EntityType("IDENTIFIANT_FRANCE_TRAVAIL", "identifiant France Travail", 0.5, SameValue.DIGITS,
               "France Travail (Pôle emploi) identifier", "after « France Travail », « identifiant »"),
    EntityType("PASSEPORT", "passeport", 0.5, SameValue.DIGITS,
               "French passport number (99AA99999)", "format, « passeport » context"),
    EntityType("CARTE_IDENTITE", "carte d'identité", 0.5, SameValue.DIGITS,
               "identity-card number", "after « carte d'identité », « CNI »"),
    EntityType("PERMIS_CONDUIRE", "permis de conduire", 0.5, SameValue.DIGITS,
               "driving-licence number (12 digits, or 99AA99999 since 2013)", "after « permis »"),
    EntityType("NUMERO_ETRANGER", "numéro d'étranger", 0.5, SameValue.DIGITS,
               "foreigner's number (AGDREF, 10 digits), residence-permit number",
               "after « numéro d'étranger », « AGDREF », « titre de séjour », « carte de résident »"),
    EntityType("IMMATRICULATION", "immatriculation", 0.5, SameValue.DIGITS,
               "licence plate (AA-123-AA, old 123 ABC 75)", "format; old format needs context"),
    EntityType("ADRESSE", "adresse", 0.45, SameValue.WORDS,
               "number + street type + name, postcode + city, post-office box, flat, staircase or building",
               "format"),
    EntityType("DATE_NAISSANCE", "date de naissance", 0.5, SameValue.WORDS,
               "a date, a year after « né(e) le / en », « date de naissance », « DDN »; a date after a name",
               "cue words"),
    EntityType("LIEU_NAISSANCE", "lieu de naissance", 0.5, SameValue.WORDS,
               "the town of birth, after a date of birth or « né(e) à », « lieu de naissance »; not a country",
               "cue words"),
    EntityType("SIRET", "numéro SIRET ou SIREN", 0.5, SameValue.DIGITS,
               "SIRET or SIREN (a sole trader's identifies a person)", "context: « SIRET », « n° d'entreprise »"),
    EntityType("ADRESSE_IP", "adresse IP", 0.5, SameValue.WORDS,
               "IPv4 and IPv6 addresses", "format; an IPv4 without a three-digit number: a word about networks"),
    EntityType("IDENTIFIANT_EN_LIGNE", "identifiant en ligne", 0.5, SameValue.WORDS,
               "a social-network handle (@nom), a login", "« @ » opening a word; a login after « pseudo », « login »…"),
    EntityType("MOT_DE_PASSE", "mot de passe", 0.5, SameValue.WORDS,
               "a password or access code", "after « mot de passe », « mdp », « code d'accès », « code PIN »"),
    EntityType("NUMERO_DOSSIER", "numéro de dossier", 0.5, SameValue.DIGITS,
               "an administration's case, request, customer or staff number, an employee's badge number",
               "after « dossier », « numéro de demande », « matricule », « badge »…"),
)
TYPES: dict[str, EntityType] = {entity_type.name: entity_type for entity_type in ENTITY_TYPES}


def label(name: str) -> str:
    """What agents read for a type (its placeholder name in lower case if it is not one of ours)."""
    return TYPES[name].label if name in TYPES else name.lower()
