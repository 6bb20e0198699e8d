"""Bank card numbers (13 to 19 digits, grouped or not), checked with Luhn."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from redaction.recognizers.base import CASE_SENSITIVE, END, LANGUAGE, START
from redaction.recognizers.checksums import compact, luhn_valid


class FrBankCardRecognizer(PatternRecognizer):
    PATTERNS = [
        Pattern("Carte 4x4", rf"{START}[2-6]\d{{3}}([ -]?)\d{{4}}\1\d{{4}}\1\d{{4}}{END}", 0.5),
        Pattern("Carte Amex", rf"{START}3[47]\d{{2}}([ -]?)\d{{6}}\1\d{{5}}{END}", 0.5),
        Pattern("Carte compacte", rf"{START}[2-6]\d{{12,18}}{END}", 0.3),
    ]
    CONTEXT = ["carte", "bancaire", "cb", "visa", "mastercard", "paiement"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="CARTE_BANCAIRE",
            name="FrBankCardRecognizer",
            supported_language=LANGUAGE,
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            global_regex_flags=CASE_SENSITIVE,
        )

    def validate_result(self, pattern_text: str) -> bool:
        digits = compact(pattern_text)
        return 13 <= len(digits) <= 19 and len(set(digits)) > 1 and luhn_valid(digits)
