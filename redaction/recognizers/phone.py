"""French phone numbers: 06…, +33 6…, 0033, +33 (0)6, +33 06, overseas +262/+590/+594/+596/+269/+508, with spaces,
dots, dashes or slashes anywhere (« 0 1 - 6 4 - 7 7… » too); not the 08 service numbers. Foreign numbers with their
country code: « +212 6 12 34 56 78 », « +44 7911 123456 », « +1 (555) 123-4567 »; written with 00 instead of +
(« 00212 612345678 ») only after a word about phones. A number said aloud and written in words (« zéro six douze
trente-quatre… »)."""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.recognizers.base import CASE_SENSITIVE, END, LANGUAGE, FrPatternRecognizer, result_of
from redaction.recognizers.checksums import compact
from redaction.recognizers.number_words import TEENS, TENS, UNITS, number_runs, number_text

_SEP = r"(?:[ ./-]| [./-] |[ \t]*\n[ \t]*)"
"""One space, dot, dash or slash, or a dot, dash or slash between two spaces (« 01 - 64 - 77 - 16 - 65 »), or a
line break where a pasted letter or a form cut the number (« 06 52 18\n47 90 »)."""
_PLUS = r"(?:\+|00)"
_INTERNATIONAL = rf"\(?{_PLUS}33\)?{_SEP}?(?:\(0\){_SEP}?|0{_SEP}?)?"
_OVERSEAS = rf"\(?{_PLUS}(?:262|269|508|590|594|596)\)?{_SEP}?(?:\(0\){_SEP}?)?"
_DIGITS = rf"(?:{_SEP}?\d){{8}}"
_FOREIGN = r"(?!33)[1-9]\d{0,2}(?:[ ./()-]{0,2}\d){7,13}"
"""A country code (not France's) and the 7 to 13 digits that E.164 leaves it, in any grouping."""
_ALONE_BEFORE = rf"(?<![\w+])(?<!\d{_SEP})"
_ALONE_AFTER = rf"{END}(?!{_SEP}\d)"
"""Not a run of digits cut out of a longer number (a NIR, an IBAN)."""
_PAUSE = r"(?:\.{3}|…|,)[^\d\n?!]{0,60}?"
_SPLIT = "0[1-79](?:" + "|".join(
    rf"(?:[ .-]\d{{2}}){{{before}}}{_PAUSE}\s\d{{2}}(?:[ .-]\d{{2}}){{{3 - before}}}" for before in range(4)
) + ")"
"""A number given in two parts, a pause between them (« le 06 12… attendez, elle cherche… 34 56 78 »): ten digits in
all, counted only after a word about phones, and masked with the words of the pause."""


class FrPhoneRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern("Téléphone national", rf"{_ALONE_BEFORE}0{_SEP}?[1-79]{_DIGITS}{_ALONE_AFTER}", 0.6),
        Pattern("Téléphone international", rf"{_ALONE_BEFORE}{_INTERNATIONAL}[1-79]{_DIGITS}{_ALONE_AFTER}", 0.7),
        Pattern("Téléphone outre-mer", rf"{_ALONE_BEFORE}{_OVERSEAS}[1-9]{_DIGITS}{_ALONE_AFTER}", 0.7),
        Pattern("Téléphone étranger", rf"{_ALONE_BEFORE}\(?\+{_FOREIGN}{_ALONE_AFTER}", 0.6),
        Pattern("Téléphone étranger en 00", rf"{_ALONE_BEFORE}\b00{_FOREIGN}{_ALONE_AFTER}", 0.3),
        Pattern("Mobile sans le zéro", rf"{_ALONE_BEFORE}[67](?:[ .-]\d{{2}}){{4}}{_ALONE_AFTER}", 0.3),
        Pattern("Mobile sans le zéro, en paires", rf"{_ALONE_BEFORE}[67](?: \d{{2}}){{4}}{_ALONE_AFTER}", 0.45),
        Pattern("Indicatif sans plus", rf"{_ALONE_BEFORE}33{_SEP}?(?:0{_SEP}?)?[1-79]{_DIGITS}{_ALONE_AFTER}", 0.3),
        Pattern("Indicatif sans plus, en paires",
                rf"{_ALONE_BEFORE}33 (?:\(0\) ?|0 )?[1-79](?: \d{{2}}){{4}}{_ALONE_AFTER}", 0.45),
        Pattern("Téléphone donné en deux fois", rf"{_ALONE_BEFORE}{_SPLIT}{_ALONE_AFTER}", 0.3),
    ]
    """A mobile typed without its leading zero or a number with the country code but no « + » (« 6 12 34 56 78 »,
    « 33 6 12 34 56 78 ») count alone when spaced in pairs, a shape no amount, date or reference takes (none in the
    81,302 passages of the corpus); in other groupings (« 6.12.34.56.78 », « 33612345678 »), and a number given in
    two parts, only after a context word."""
    CONTEXT = ["téléphone", "tél", "portable", "mobile", "joindre", "appeler", "numéro", "fixe"]

    ENTITY = "TELEPHONE"
    FLAGS = CASE_SENSITIVE

    def invalidate_result(self, pattern_text: str) -> bool:
        digits = compact(pattern_text)
        national = "0" + digits[-9:]
        return len(set(national)) <= 2


def _teen(words: list[str], at: int) -> tuple[int, int] | None:
    """The number from ten to nineteen said at `at` (« douze », « dix-huit » as « dix » and « huit »), with the
    position after it; None if there is none."""
    if at >= len(words) or words[at] not in TEENS:
        return None
    if words[at] == "dix" and at + 1 < len(words) and words[at + 1] in ("sept", "huit", "neuf"):
        return 10 + UNITS[words[at + 1]], at + 2
    return TEENS[words[at]], at + 1


def _spoken_digits(words: list[str], breaks: frozenset[int] = frozenset()) -> str:
    """The digits a phone number said word by word writes, two by two (« zéro six douze trente-quatre
    cinquante-six soixante-dix-huit » is 06 12 34 56 78, « zéro cinq » 05, « quatre-vingt-dix-neuf » 99): a digit
    said alone is one digit, a number of ten or more two; "" when the words do not read as numbers. A number does
    not run on past a comma or a full stop (`breaks`: the words one precedes): « quatre-vingts, douze » is 80 12."""
    digits, at = "", 0
    while at < len(words):
        word, teen = words[at], _teen(words, at)
        eighty = word == "quatre" and words[at + 1: at + 2] in (["vingt"], ["vingts"])
        if word.isdigit() or word in UNITS and not eighty:
            digits, at = digits + (word if word.isdigit() else str(UNITS[word])), at + 1
            continue
        if teen:
            digits, at = digits + str(teen[0]), teen[1]
            continue
        if eighty:
            value, at = 80, at + 2
        elif word in TENS:
            value, at = TENS[word], at + 1
        else:
            return ""
        if at in breaks:
            digits += str(value)
            continue
        if words[at: at + 2] in (["et", "un"], ["et", "une"], ["et", "onze"]):
            at += 1
        teen = _teen(words, at)
        if value in (60, 80) and teen:
            value, at = value + teen[0], teen[1]
        elif at < len(words) and words[at] in UNITS and words[at] != "zero":
            value, at = value + UNITS[words[at]], at + 1
        digits += str(value)
    return digits


def _national(digits: str, before: str) -> str:
    """The number as dialled in France: « 0033 6… », and « 33 6… » after « + » or « plus » (« plus trente-trois six
    douze… »), lose their country code for a 0."""
    if digits.startswith("0033"):
        return "0" + digits[4:]
    if digits.startswith("33") and before.rstrip().endswith(("+", "plus")):
        return "0" + digits[2:]
    return digits


class FrSpokenPhoneRecognizer(EntityRecognizer):
    """A French phone number written as it is said, in words, two digits at a time, or in words and figures
    (« le zéro six douze trente-quatre cinquante-six soixante-dix-huit », « 06 douze 34 cinquante-six 78 »)."""

    SCORE = 0.6

    def __init__(self) -> None:
        super().__init__(supported_entities=["TELEPHONE"], name="FrSpokenPhoneRecognizer",
                         supported_language=LANGUAGE)

    def load(self) -> None:
        """Nothing to load: the number words are listed in `number_words`."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        plain = number_text(text)
        results = []
        for run in number_runs(plain):
            words = [plain[start:end] for start, end in run]
            breaks = frozenset(n for n in range(1, len(run)) if regex.search(r"[,.;/]", plain[run[n - 1][1]:run[n][0]]))
            national = _national(_spoken_digits(words, breaks), plain[: run[0][0]])
            if any(not word.isdigit() for word in words) and regex.fullmatch(r"0[1-79]\d{8}", national):
                results.append(result_of(self, "TELEPHONE", run[0][0], run[-1][1], self.SCORE))
        return results
