"""Numéro de sécurité sociale (NIR): 13 characters and a two-digit key, Corsica 2A/2B included.

The 15-character shape is masked whole whatever its key (a right key raises the score); the 13 characters
without a key only with a context word, or spaced as the carte Vitale prints them. A key written apart ("… 045 clé
53") stays inside the span. Fifteen digits grouped otherwise (« 185 069 938 002 510 ») when they read as a NIR. The
start of a NIR, after « commence par »."""

from __future__ import annotations

import regex
from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_INSENSITIVE, END, START, FrPatternRecognizer, raised_if
from redaction.recognizers.checksums import compact, nir_key

_SEP = r"[ .-]?"
_BODY = rf"[1-478]{_SEP}\d{{2}}{_SEP}(?:0[1-9]|1[0-2]|[2-9]\d){_SEP}(?:2[AB]|\d{{2}})(?:{_SEP}\d){{6}}"
_KEY_APART = r"\s*(?:[-/,]|\(?\s*cl[ée]\s*:?)\s*\d{2}\)?"
NIR_CUE = r"(?:\bnir|\binsee|\bs[ée]cu\w*|s[ée]curit[ée]\s+sociale|\bcarte\s+vitale)"
"""A word naming a NIR, for the forms of it that count only after one."""
_STARTS_WITH = (
    rf"{NIR_CUE}[^.?!\n]{{0,30}}?"
    r"\b(?:commen[cç]\w*|d[ée]but\w*)\s+(?:par\s+)?(?:[:«]\s*)?"
)
"""« son numéro de sécu commence par 2 85 06 »: the start of a NIR (sex, year and month of birth, place) is
the person's."""


_CARD_GROUPED = r"[1-478] \d{2} (?:0[1-9]|1[0-2]|[2-9]\d) (?:2[AB]|\d{2}) \d{3} \d{3}"
"""The 13 characters without a key spaced as the carte Vitale prints them (« 1 84 12 75 123 456 »): no other number
is written so; masked with no word naming it."""
_REGROUPED = regex.compile(r"[1-478]\d{2}(?:0[1-9]|1[0-2])\d{10}")


class FrNirRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern("NIR avec clé", rf"{START}{_BODY}{_SEP}\d{_SEP}\d{END}", 0.5),
        Pattern("NIR et clé à part", rf"{START}{_BODY}{_KEY_APART}{END}", 0.5),
        Pattern("NIR sans clé", rf"{START}{_BODY}{END}", 0.15),
        Pattern("NIR sans clé groupé comme sur la carte", rf"{START}{_CARD_GROUPED}{END}", 0.5),
        Pattern("NIR dit sans sa clé", rf"{START}{_BODY}{END}(?=[^\d\n]{{0,12}}\bsans\s+(?:la|sa)\s+cl[ée]\b)", 0.6),
        Pattern("NIR regroupé", rf"{START}[1-478](?:[ .]?\d){{14}}{END}", 0.45),
        Pattern("Début de NIR", rf"(?<={_STARTS_WITH}){START}[1-478](?:[ .]?(?:\d{{2}}|2[AB])){{2,5}}{END}", 0.6),
    ]
    CONTEXT = ["sécurité", "sociale", "sécu", "nir", "insee", "assuré", "immatriculation", "carte vitale", "vitale"]

    ENTITY = "NIR"
    FLAGS = CASE_INSENSITIVE

    def invalidate_result(self, pattern_text: str) -> bool:
        """Fifteen digits grouped as the person copied them (« 2 850 47 5115 023 18 ») are a NIR only when they
        read as one: a sex, a year, a month of birth from 01 to 12."""
        value = compact(pattern_text.upper().replace("CLÉ", "").replace("CLE", ""))
        return value.isdigit() and len(value) == 15 and _REGROUPED.fullmatch(value) is None

    def validate_result(self, pattern_text: str) -> bool | None:
        value = compact(pattern_text.upper().replace("CLÉ", "").replace("CLE", ""))
        return raised_if(len(value) == 15 and value[13:].isdigit() and nir_key(value[:13]) == int(value[13:]))
