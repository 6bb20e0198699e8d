"""Bank card numbers (13 to 19 digits, grouped or not). Grouped as on the card, the shape is enough; a run of
digits needs a word about cards. Luhn only raises the score;
a card read aloud group by group (« 4532, 0199, 8877, 6653 ») is one only when its check digit is right, a list
of years being written the same way.

The security code on the back goes with the card: three or four digits after « cryptogramme », « CVV », « CVC » or
« code de sécurité » (« CB 5132 8400 1234 5673 exp 11/27 cryptogramme 482 »)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_SENSITIVE, END, START, FrPatternRecognizer, raised_if
from redaction.recognizers.checksums import compact, luhn_valid

_SECURITY_CODE_CUE = (
    r"(?i:\b(?:cryptogramme(?:\s+visuel)?|crypto|cvv2?|cvc2?|cvx2?|code\s+de\s+s[ée]curit[ée]))"
    r"(?:\s*(?::|=|est|n°))?\s*"
)
_SHORTEST_CARD_NUMBER = 13


class FrBankCardRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern("Carte 4x4", rf"{START}[2-6]\d{{3}}([ .-])\d{{4}}\1\d{{4}}\1\d{{4}}{END}", 0.5),
        Pattern("Carte Amex", rf"{START}3[47]\d{{2}}([ .-])\d{{6}}\1\d{{5}}{END}", 0.5),
        Pattern("Carte compacte", rf"{START}[2-6]\d{{12,18}}{END}", 0.3),
        Pattern("Carte lue par groupes", rf"{START}[2-6]\d{{3}}(?:,\s?\d{{4}}){{3}}{END}", 0.1),
        Pattern("Cryptogramme", rf"(?<={_SECURITY_CODE_CUE}){START}\d{{3,4}}{END}", 0.7),
    ]
    CONTEXT = ["carte", "bancaire", "cb", "visa", "mastercard", "paiement", "amex"]

    ENTITY = "CARTE_BANCAIRE"
    FLAGS = CASE_SENSITIVE

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = compact(pattern_text)
        if len(digits) < _SHORTEST_CARD_NUMBER:
            return None
        if len(set(digits)) == 1:
            return False
        return raised_if(luhn_valid(digits))
