"""Passport, identity-card, driving-licence and foreigners' numbers.

A French passport number (2 digits, 2 letters, 5 digits) is distinctive enough alone; identity-card numbers
(12 digits before 2021, 9 letters and digits since) and driving-licence numbers (12 digits before 2013, then 2 digits,
2 letters, 5 digits) are only taken after a word naming the document. So is a foreigner's number (the ten-digit
AGDREF number, « numéro d'étranger ») and a residence permit's number, after « titre de séjour », « carte de
résident », « récépissé »…
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_INSENSITIVE, CASE_SENSITIVE, END, START, FrPatternRecognizer

_DOCUMENT_DETAIL = r"(?:\s+(?:\d{1,2}\s+ans|(?!n°|no\b|num)[a-zà-ÿ'’]{2,12})){0,4}?"
"""What may describe the document before its number: « titre de séjour 10 ans n° … », « CNI nouveau format … »,
« récépissé de demande de titre n° … »."""
_NUMBER_WORDS = (
    rf"{_DOCUMENT_DETAIL}(?:\s*(?:n°|no\.?|num(?:éro|ero)?\.?|:|est|le|du|de|la|sa|son|ma|mon|sous|[()])){{0,4}}\s*"
)
"""Between the document and its number: « numéro étranger (AGDREF) 7503012345 », « permis n° : … »."""
_TWELVE_DIGITS = r"\d(?:[ .-]?\d){11}"
"""An identity card's or a driving licence's twelve digits, in any grouping (« 0307 6910 2458 », « 03 07 69 102458 »,
« 0307.6910.2458 »)."""
_LICENCE_WORDS = r"(?:\bpermis(?:\s+de\s+conduire)?)"
_FOREIGNER_WORDS = (
    r"(?:num[ée]ro\s+(?:d['’]\s*)?[ée]tranger|n[°o]\s*(?:d['’]\s*)?[ée]tranger|\bAGDREF\b|"
    r"(?:titre|carte)\s+de\s+(?:s[ée]jour|r[ée]sident)|r[ée]c[ée]piss[ée]|\bAPS\b"
    r"|autorisation\s+provisoire\s+de\s+s[ée]jour)"
)
_PASSPORT_WORDS = r"(?:\bpasseport|\bpassport)"
"""A passport of another country has its own shape (« passeport marocain TY4829163 », « passeport M48217593 »): after
the word, letters and five digits or more."""
_ID_CARD_WORDS = (
    r"(?:carte\s+(?:nationale\s+)?d['’]identit[ée]|\bCNI\b|\bCIN\b|\bDNI\b|\bNIE\b|pi[èe]ce\s+d['’]identit[ée])"
)
"""« CIN » is the Moroccan and Tunisian card (« CIN marocaine BK123456 »), « DNI » and « NIE » the Spanish card of a
national and of a foreigner (« DNI 12345678Z »)."""


class FrPassportRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern("Passeport", rf"{START}\d{{2}} ?[A-Z]{{2}} ?\d{{5}}{END}", 0.5),
        Pattern("Passeport en minuscules", rf"{START}\d{{2}} ?(?i:[a-z]{{2}}) ?\d{{5}}{END}", 0.2),
        Pattern("Passeport étranger après mention",
                rf"(?<=(?i:{_PASSPORT_WORDS}){_NUMBER_WORDS})(?=[A-Z0-9]*(?:\d[A-Z]*){{5}})[A-Z0-9]{{6,12}}{END}", 0.7),
    ]
    CONTEXT = ["passeport", "passport"]

    ENTITY = "PASSEPORT"
    FLAGS = CASE_SENSITIVE


class FrIdentityCardRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern(
            "CNI après mention",
            rf"(?<={_ID_CARD_WORDS}{_NUMBER_WORDS})(?:{_TWELVE_DIGITS}|(?=[A-Z0-9]*\d)[A-Z0-9]{{9}}"
            rf"|[A-Z]{{1,2}}\d{{5,7}}){END}",
            0.7,
        ),
    ]

    ENTITY = "CARTE_IDENTITE"
    FLAGS = CASE_INSENSITIVE


class FrDrivingLicenceRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern(
            "Permis après mention",
            rf"(?<={_LICENCE_WORDS}{_NUMBER_WORDS})"
            rf"(?:{_TWELVE_DIGITS}|\d{{2}} ?[A-Z]{{2}} ?\d{{5}}|\d{{1,3}}/\d{{4,8}}){END}",
            0.7,
        ),
    ]

    ENTITY = "PERMIS_CONDUIRE"
    FLAGS = CASE_INSENSITIVE


class FrForeignerNumberRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern(
            "Numéro d'étranger ou de titre de séjour",
            rf"(?<={_FOREIGNER_WORDS}{_NUMBER_WORDS})"
            rf"(?:\d{{10}}|(?=[A-Z0-9]*\d{{5}})[A-Z0-9]{{8,12}}|[A-Z]?\s?\d{{4}}\s\d{{4}}\s\d{{2}}|\d(?:\s?\d){{9}}){END}",
            0.7,
        ),
    ]

    ENTITY = "NUMERO_ETRANGER"
    FLAGS = CASE_INSENSITIVE
