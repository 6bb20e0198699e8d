"""French phone numbers: 06…, +33 6…, 0033, +33 (0)6, +33 06, overseas +262/+590/+594/+596/+269/+508, with spaces,
dots, dashes or slashes anywhere (« 0 1 - 6 4 - 7 7… » too); not the 08 service numbers. Foreign numbers with their
country code: « +212 6 12 34 56 78 », « +44 7911 123456 », « +1 (555) 123-4567 »; written with 00 instead of +
(« 00212 612345678 ») only after a word about phones."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_SENSITIVE, END, FrPatternRecognizer
from redaction.recognizers.checksums import compact

_SEP = r"(?:[ ./-]| [./-] )"
"""One space, dot, dash or slash, or a dot, dash or slash between two spaces (« 01 - 64 - 77 - 16 - 65 »)."""
_PLUS = r"(?:\+|00)"
_INTERNATIONAL = rf"\(?{_PLUS}33\)?{_SEP}?(?:\(0\){_SEP}?|0{_SEP}?)?"
_OVERSEAS = rf"\(?{_PLUS}(?:262|269|508|590|594|596)\)?{_SEP}?(?:\(0\){_SEP}?)?"
_DIGITS = rf"(?:{_SEP}?\d){{8}}"
_FOREIGN = r"(?!33)[1-9]\d{0,2}(?:[ ./()-]{0,2}\d){7,13}"
"""A country code (not France's) and the 7 to 13 digits that E.164 leaves it, in any grouping."""
_ALONE_BEFORE = rf"(?<![\w+])(?<!\d{_SEP})"
_ALONE_AFTER = rf"{END}(?!{_SEP}\d)"
"""Not a run of digits cut out of a longer number (a NIR, an IBAN)."""


class FrPhoneRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern("Téléphone national", rf"{_ALONE_BEFORE}0{_SEP}?[1-79]{_DIGITS}{_ALONE_AFTER}", 0.6),
        Pattern("Téléphone international", rf"{_ALONE_BEFORE}{_INTERNATIONAL}[1-79]{_DIGITS}{_ALONE_AFTER}", 0.7),
        Pattern("Téléphone outre-mer", rf"{_ALONE_BEFORE}{_OVERSEAS}[1-9]{_DIGITS}{_ALONE_AFTER}", 0.7),
        Pattern("Téléphone étranger", rf"{_ALONE_BEFORE}\(?\+{_FOREIGN}{_ALONE_AFTER}", 0.6),
        Pattern("Téléphone étranger en 00", rf"{_ALONE_BEFORE}\b00{_FOREIGN}{_ALONE_AFTER}", 0.3),
        Pattern("Mobile sans le zéro", rf"{_ALONE_BEFORE}[67](?:[ .-]\d{{2}}){{4}}{_ALONE_AFTER}", 0.3),
    ]
    """A mobile typed without its leading zero (« portable 6 12 34 56 78 ») counts only after a context word."""
    CONTEXT = ["téléphone", "tél", "tel", "portable", "mobile", "joindre", "appeler", "numéro", "fixe"]

    ENTITY = "TELEPHONE"
    FLAGS = CASE_SENSITIVE

    def invalidate_result(self, pattern_text: str) -> bool:
        digits = compact(pattern_text)
        national = "0" + digits[-9:]
        return len(set(national)) <= 2
