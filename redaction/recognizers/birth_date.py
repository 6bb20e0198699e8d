"""Dates of birth: a date right after "né(e) le", "date de naissance", "DDN"; other dates are left alone."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from redaction.recognizers.base import CASE_INSENSITIVE, END, LANGUAGE

_MONTHS = (
    r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
    r"|janv|févr|fevr|avr|juil|sept|oct|nov|déc|dec)\.?"
)
_DATE = (
    r"(?:(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:\d{4}|\d{2})"
    rf"|(?:1er|0?[1-9]|[12]\d|3[01])\s+{_MONTHS}\s+\d{{4}})"
)
_CUE = r"(?:\bn[ée](?:\(e\)|e)?s?\b|\bnaissance\b|\bDDN\b|\bnée?\s+en\s+date\s+du\b)"
_FILLER = r"[^\d\n.?!;]{0,20}?"


class FrBirthDateRecognizer(PatternRecognizer):
    PATTERNS = [Pattern("Date après naissance", rf"(?<={_CUE}{_FILLER}){_DATE}{END}", 0.8)]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="DATE_NAISSANCE",
            name="FrBirthDateRecognizer",
            supported_language=LANGUAGE,
            patterns=list(self.PATTERNS),
            global_regex_flags=CASE_INSENSITIVE,
        )
