"""Bank card numbers (13 to 19 digits, grouped or not). Grouped as on the card, the shape is enough; a run of
digits needs a word about cards. Luhn only raises the score."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_SENSITIVE, END, START, FrPatternRecognizer, raised_if
from redaction.recognizers.checksums import compact, luhn_valid


class FrBankCardRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern("Carte 4x4", rf"{START}[2-6]\d{{3}}([ .-])\d{{4}}\1\d{{4}}\1\d{{4}}{END}", 0.5),
        Pattern("Carte Amex", rf"{START}3[47]\d{{2}}([ .-])\d{{6}}\1\d{{5}}{END}", 0.5),
        Pattern("Carte compacte", rf"{START}[2-6]\d{{12,18}}{END}", 0.3),
    ]
    CONTEXT = ["carte", "bancaire", "cb", "visa", "mastercard", "paiement", "amex"]

    ENTITY = "CARTE_BANCAIRE"
    FLAGS = CASE_SENSITIVE

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = compact(pattern_text)
        if len(set(digits)) == 1:
            return False
        return raised_if(luhn_valid(digits))
