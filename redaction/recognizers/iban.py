"""IBAN, any country, checked with ISO 13616 mod-97."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from redaction.recognizers.base import CASE_SENSITIVE, END, LANGUAGE, START
from redaction.recognizers.checksums import compact, iban_valid


class FrIbanRecognizer(PatternRecognizer):
    PATTERNS = [
        Pattern("IBAN groupé", rf"{START}[A-Z]{{2}}\d{{2}}(?: ?[A-Z0-9]{{4}}){{2,7}}(?: ?[A-Z0-9]{{1,3}})?{END}", 0.5),
    ]
    CONTEXT = ["iban", "rib", "compte", "bancaire", "virement"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="IBAN",
            name="FrIbanRecognizer",
            supported_language=LANGUAGE,
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            global_regex_flags=CASE_SENSITIVE,
        )

    def validate_result(self, pattern_text: str) -> bool:
        return iban_valid(compact(pattern_text))
