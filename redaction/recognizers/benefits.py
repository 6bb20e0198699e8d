"""Numbers given by benefit bodies, only taken after a word naming them (they carry no check digit).

- numéro d'allocataire CAF or MSA: 7 or 8 digits (MSA numbers sometimes 13 digits, the NIR recognizer covers them);
- identifiant France Travail (ex-Pôle emploi): 7 digits and a letter or digit, e.g. 1234567A.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_INSENSITIVE, END, FrPatternRecognizer

_FILLER = r"[^\d\n.?!]{0,30}?"
ALLOCATAIRE_CUE = r"(?:allocataire|\balloc\b|\bmatricule\b|\bCAF\b|\bMSA\b)"
"""A word naming a CAF or MSA number."""


class FrBenefitsNumberRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern(
            "Allocataire CAF/MSA",
            rf"(?<={ALLOCATAIRE_CUE}{_FILLER})\d(?: ?\d){{6,7}}{END}",
            0.7,
        ),
    ]

    ENTITY = "NUMERO_ALLOCATAIRE"
    FLAGS = CASE_INSENSITIVE


class FrFranceTravailIdRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern(
            "Identifiant France Travail",
            rf"(?<=(?:France\s+Travail|P[ôo]le\s+emploi|demandeur\s+d['’]emploi|identifiant){_FILLER})\d{{7}}[A-Z0-9]{END}",
            0.7,
        ),
    ]

    ENTITY = "IDENTIFIANT_FRANCE_TRAVAIL"
    FLAGS = CASE_INSENSITIVE
