"""SIRET (14 digits: SIREN + 5-digit establishment number) and SIREN (9 digits), compact or grouped by spaces,
dots or dashes.

A company's number is public, a sole trader's (auto- or micro-entrepreneur) identifies a person, and the text
rarely says which: the number is masked wherever a word about companies comes before it (« SIRET », « SIREN »,
« n° d'entreprise », « auto-entrepreneur »), whatever its Luhn key, and left alone elsewhere, where nine or
fourteen digits are more often an amount or a reference. A figure followed by a currency or a percent sign is an
amount, never a SIRET."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_SENSITIVE, END, START, FrPatternRecognizer

_SEP = r"[ .-]?"
_SIREN = rf"\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{3}}"
_NOT_AN_AMOUNT = r"(?!\s*(?:€|euros?\b|eur\b|EUR\b|%|k€|M€|,\d))"


class FrBusinessNumberRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern("SIRET", rf"{START}{_SIREN}{_SEP}\d{{5}}{END}{_NOT_AN_AMOUNT}", 0.2),
        Pattern("SIREN", rf"{START}{_SIREN}{END}{_NOT_AN_AMOUNT}", 0.2),
    ]
    CONTEXT = ["siret", "siren", "entreprise", "entrepreneur", "kbis", "rcs"]

    ENTITY = "SIRET"
    FLAGS = CASE_SENSITIVE
