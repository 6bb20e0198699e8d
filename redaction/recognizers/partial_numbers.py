"""Part of a card, tax or bank account number, given as its first or last digits: « sa carte finissant par 4872 »,
« son numéro fiscal se termine par 4471 », « IBAN commençant par FR76 1820 6 », « les quatre premiers chiffres de
sa carte sont quatre neuf sept zéro ». With the rest of what the agent knows, a part narrows the number down to one
person's: it is masked as the number would be. The word that names the number comes before the part, or between
« premiers / derniers chiffres » and the part."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_INSENSITIVE, END, FrPatternRecognizer
from redaction.recognizers.number_words import UNITS, alternation

_CUES = {
    "CARTE_BANCAIRE": r"\bcarte(?:\s+bancaire|\s+bleue|\s+visa|\s+mastercard)?\b|\bCB\b",
    "NUMERO_FISCAL": r"\bnum[ée]ro\s+fiscal\b|\bSPI\b",
    "IBAN": r"\bIBAN\b|\bRIB\b|\bnum[ée]ro\s+de\s+compte\b",
}
_ENDS = r"(?:(?:se\s+)?termin\w*|finiss\w*|finit|commen[cç]\w*|d[ée]but\w*)\s+par"
_SOME_DIGITS = r"(?:(?:\d+|[a-zé]+)\s+)?(?:premiers|derniers)\s+(?:chiffres|caract[èe]res)"
_FILLER = r"[^.?!\n]{0,40}?"
_DIGIT_WORD = rf"(?:{alternation(UNITS)}|zéro)"
_IBAN_START = r"(?-i:[A-Z]{2}\d{2}(?:[ .-]?[A-Z0-9]){3,})"
_PART = rf"(?:{_IBAN_START}|\d(?:[ .-]?\d){{2,}}|{_DIGIT_WORD}(?:[\s,-]+{_DIGIT_WORD}){{2,}})"
"""Three digits or more (an IBAN's country and key first, then three characters at least: « FR76 » alone is every
French IBAN), or three digit words or more."""
_MARK = r"\s*(?::|«|sont|est|=)?\s*"


def _patterns(cue: str) -> list[Pattern]:
    named_first = rf"(?:{cue}){_FILLER}\b(?:{_ENDS}|{_SOME_DIGITS})"
    digits_first = rf"\b{_SOME_DIGITS}{_FILLER}(?:{cue}){_FILLER}"
    return [Pattern("Partie après le mot", rf"(?<={named_first}{_MARK})(?:{_PART}){END}", 0.6),
            Pattern("Partie après les chiffres", rf"(?<={digits_first}{_MARK})(?:{_PART}){END}", 0.6)]


class _FrPartialNumberRecognizer(FrPatternRecognizer):
    FLAGS = CASE_INSENSITIVE


class FrPartialCardRecognizer(_FrPartialNumberRecognizer):
    ENTITY = "CARTE_BANCAIRE"
    PATTERNS = _patterns(_CUES["CARTE_BANCAIRE"])


class FrPartialTaxNumberRecognizer(_FrPartialNumberRecognizer):
    ENTITY = "NUMERO_FISCAL"
    PATTERNS = _patterns(_CUES["NUMERO_FISCAL"])


class FrPartialIbanRecognizer(_FrPartialNumberRecognizer):
    ENTITY = "IBAN"
    PATTERNS = _patterns(_CUES["IBAN"])


