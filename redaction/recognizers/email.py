"""E-mail addresses, the domain checked against tldextract's bundled suffix list (never downloaded)."""

from __future__ import annotations

import tldextract
from presidio_analyzer import Pattern, PatternRecognizer

from redaction.recognizers.base import CASE_INSENSITIVE, LANGUAGE

OFFLINE_TLD_EXTRACT = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)


class FrEmailRecognizer(PatternRecognizer):
    PATTERNS = [
        Pattern(
            "E-mail",
            r"(?<![\w.+-])[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*@\w+(?:-+\w+)*(?:\.\w+(?:-+\w+)*)+\b",
            0.5,
        )
    ]
    CONTEXT = ["mail", "courriel", "adresse électronique", "e-mail", "email"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="EMAIL",
            name="FrEmailRecognizer",
            supported_language=LANGUAGE,
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            global_regex_flags=CASE_INSENSITIVE,
        )

    def validate_result(self, pattern_text: str) -> bool:
        return OFFLINE_TLD_EXTRACT(pattern_text.rsplit("@", 1)[1]).suffix != ""
