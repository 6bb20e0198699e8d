"""Numéro fiscal (SPI, numéro fiscal de référence): 13 digits starting with 0 to 3, key = first ten modulo 511,
grouped as the agent likes (« 1 04 28 937 215 46 », « 12 34 567 890 066 »), never the start of a longer number.

Thirteen digits alone are too common to mask without a word about taxes; a right key masks them anywhere."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_SENSITIVE, END, START, FrPatternRecognizer, raised_if
from redaction.recognizers.checksums import compact, spi_valid


class FrTaxNumberRecognizer(FrPatternRecognizer):
    PATTERNS = [Pattern("SPI", rf"{START}(?<!\d[ .-]?)[0-3](?:[ .-]?\d){{12}}(?![ .-]?\d){END}", 0.3)]
    CONTEXT = ["fiscal", "spi", "impôts", "impots", "impot", "fiscale", "déclaration", "revenus", "imposition", "avis"]

    ENTITY = "NUMERO_FISCAL"
    FLAGS = CASE_SENSITIVE

    def validate_result(self, pattern_text: str) -> bool | None:
        return raised_if(spi_valid(compact(pattern_text)))
