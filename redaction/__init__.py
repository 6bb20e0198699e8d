"""Personal-data redaction for agent questions, answers, logs and the audit trail (Presidio, French).

Entity types, which are also the placeholder names (`<PERSONNE_1>` …):

| type | what | how it is confirmed |
| --- | --- | --- |
| PERSONNE | first and last names, in capitals or lower case | spaCy PER, a title, a word announcing a person |
| EMAIL | e-mail address | domain suffix (bundled PSL) |
| TELEPHONE | French phone number (0X…, +33, 0033, overseas), not 08 services | format |
| NIR | numéro de sécurité sociale, Corsica 2A/2B | format (INSEE key raises the score); without key: context |
| IBAN | bank account, any case and grouping; French RIB | country length (mod-97 raises the score); RIB: context |
| CARTE_BANCAIRE | bank card number | grouped format; a run of digits: context (Luhn raises the score) |
| NUMERO_FISCAL | numéro fiscal de référence (SPI) | context (key = first ten digits mod 511 is enough) |
| NUMERO_ALLOCATAIRE | CAF / MSA allocataire number | after "allocataire", "CAF", "MSA" |
| IDENTIFIANT_FRANCE_TRAVAIL | France Travail (Pôle emploi) identifier | after "France Travail", "identifiant" |
| PASSEPORT | French passport number (99AA99999) | format, "passeport" context |
| CARTE_IDENTITE | identity-card number | after "carte d'identité", "CNI" |
| IMMATRICULATION | licence plate (AA-123-AA, old 123 ABC 75) | format; old format needs context |
| ADRESSE | number + street type + name, postcode + city | format |
| SIRET | SIRET or SIREN (a sole trader's identifies a person) | context: "SIRET", "n° d'entreprise" |
| DATE_NAISSANCE | a date, a year after "né(e) le / en", "date de naissance", "DDN"; a date after a name | cue words |
"""

from __future__ import annotations

TYPES: dict[str, float] = {
    "PERSONNE": 0.5,
    "EMAIL": 0.5,
    "TELEPHONE": 0.4,
    "NIR": 0.45,
    "IBAN": 0.5,
    "CARTE_BANCAIRE": 0.5,
    "NUMERO_FISCAL": 0.5,
    "NUMERO_ALLOCATAIRE": 0.5,
    "IDENTIFIANT_FRANCE_TRAVAIL": 0.5,
    "PASSEPORT": 0.5,
    "CARTE_IDENTITE": 0.5,
    "IMMATRICULATION": 0.5,
    "ADRESSE": 0.45,
    "DATE_NAISSANCE": 0.5,
    "SIRET": 0.5,
}
"""Every entity type and the minimum score at which it is redacted (context words add 0.35)."""
