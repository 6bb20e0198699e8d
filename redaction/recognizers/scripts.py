"""Names written in a script other than the Latin one (« محمد بن علي », « Иван Петров », « 王伟 »), as an agent copies
them from a foreign civil-status record: in a French question, words in Arabic, Hebrew, Cyrillic, Chinese… letters
name a person or a place far more often than anything else, and no other recognizer reads them."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_SENSITIVE, END, START, FrPatternRecognizer

_LETTER = (
    r"[\p{Arabic}\p{Hebrew}\p{Cyrillic}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Devanagari}\p{Bengali}"
    r"\p{Tamil}\p{Armenian}\p{Georgian}\p{Ethiopic}]"
)
_WORDS = rf"{_LETTER}+(?:[\s\u200c\u200f'’-]+{_LETTER}+){{0,5}}"
"""Up to six words of those letters; not Greek, whose letters stand for quantities in formulas (« α », « Δ »)."""


class FrForeignScriptNameRecognizer(FrPatternRecognizer):
    PATTERNS = [Pattern("Nom en écriture non latine", rf"{START}{_WORDS}{END}", 0.6)]
    ENTITY = "PERSONNE"
    FLAGS = CASE_SENSITIVE
