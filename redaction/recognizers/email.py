"""E-mail addresses, written plainly or spelled out against robots ("prenom.nom [at] gmail [dot] com",
"prenom.nom arobase gmail point com", "prenom.nom @ gmail.com", "prenom . nom @ gmail . com", « yao point kouassi
chez exemple point ci » when both sides are spelled with « point », "n . rakoto at yahoo . fr" when the dots are spaced
out: a bare « at » is English otherwise); the domain is
checked against tldextract's bundled suffix list (never downloaded)."""

from __future__ import annotations

import regex
import tldextract
from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_INSENSITIVE, FrPatternRecognizer

OFFLINE_TLD_EXTRACT = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)
_AT = r"(?:\s*[\[(]\s*(?:at|arobase)\s*[\])]\s*|\s+arobase\s+|\s+@\s*|\s*@\s+)"
_DOT = r"(?:\s*[\[(]\s*(?:dot|point)\s*[\])]\s*|\s+(?:dot|point)\s+|\s+\.\s+|\.)"
_SPACED_DOT = r"\s+\.\s+"
_SPELLED_AT = regex.compile(rf"{_AT}|\s+(?:chez|at)\s+", regex.IGNORECASE)
_SPELLED_DOT = regex.compile(_DOT, regex.IGNORECASE)


class FrEmailRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern(
            "E-mail",
            r"(?<![\w.+-])[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*@\w+(?:-+\w+)*(?:\.\w+(?:-+\w+)*)+\b",
            0.5,
        ),
        Pattern(
            "E-mail dicté avec chez",
            r"(?<![\w.+-])[\w+-]+(?:\s+point\s+[\w+-]+)+\s+chez\s+\w+(?:-+\w+)*(?:\s+point\s+\w+(?:-+\w+)*)+\b",
            0.5,
        ),
        Pattern(
            "E-mail à points espacés avec at",
            rf"(?<![\w.+-])[\w+-]+(?:{_SPACED_DOT}[\w+-]+)*\s+at\s+\w+(?:-+\w+)*(?:{_SPACED_DOT}\w+(?:-+\w+)*)+\b",
            0.5,
        ),
        Pattern(
            "E-mail épelé",
            rf"(?<![\w.+-])[\w+-]+(?:{_DOT}[\w+-]+)*{_AT}\w+(?:-+\w+)*(?:{_DOT}\w+(?:-+\w+)*)+\b",
            0.5,
        ),
    ]
    CONTEXT = ["mail", "courriel", "adresse électronique", "e-mail", "email"]

    ENTITY = "EMAIL"
    FLAGS = CASE_INSENSITIVE

    def validate_result(self, pattern_text: str) -> bool:
        domain = _SPELLED_AT.split(pattern_text.replace("@", " @ "))[-1]
        return OFFLINE_TLD_EXTRACT(_SPELLED_DOT.sub(".", domain).strip()).suffix != ""
