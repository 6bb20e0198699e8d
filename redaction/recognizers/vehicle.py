"""Licence plates: SIV (AA-123-AA, since 2009) and the older FNI (123 ABC 75); in lower case, only with a word
about vehicles; a Belgian plate (1-ABC-234)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_SENSITIVE, END, START, FrPatternRecognizer

_SIV_LETTER = "[A-HJ-NP-TV-Z]"


class FrLicencePlateRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern("SIV", rf"{START}{_SIV_LETTER}{{2}}([- ]?)\d{{3}}\1{_SIV_LETTER}{{2}}{END}", 0.6),
        Pattern("SIV en minuscules", rf"{START}(?i:{_SIV_LETTER}{{2}}([- ]?)\d{{3}}\1{_SIV_LETTER}{{2}}){END}", 0.2),
        Pattern("Belge", rf"{START}[1-9]-[A-Z]{{3}}-\d{{3}}{END}", 0.6),
        Pattern("FNI", rf"{START}\d{{1,4}} ?[A-HJ-NP-Z]{{2,3}} ?(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6]){END}", 0.2),
    ]
    CONTEXT = ["immatriculation", "immatriculé", "immat", "plaque", "véhicule", "voiture", "scooter", "moto",
               "carte grise", "certificat"]

    ENTITY = "IMMATRICULATION"
    FLAGS = CASE_SENSITIVE
