"""What a file name or a link carries about a person: « BENSAID_Youssef_RIB_FR7614508000402983740011196.pdf »,
« cni_fatou_sarr_12051990.jpg », « attestation_caf_3087145_mars.pdf », « …/compte?alloc=…&nom=diallo ». People name
their scans after themselves and their numbers, and links carry them as parameters; underscores, dots and slashes
join the pieces where a sentence would put spaces, so the other recognizers, which read words, miss them.

A file name (a word ending in a document or image extension) and the path and parameters of a link (not its domain)
are cut at `_ . / ? & = +`; of the pieces:
- an IBAN, or a French passport number (2 digits, 2 letters, 5 digits), is one;
- eight digits that read as a day, a month and a year are a date of birth when the year is `_BIRTH_YEARS_BEFORE`
  years ago or more (« 12051990 », « 19900512 »), and the document's date otherwise (« facture_20240315 »);
- any other piece with five digits or more is a case or file number, unless it follows « cerfa » (a form's number);
- a word the French dictionary does not hold is a name when it is a given name, or stands next to another such word
  (« BENSAID_Youssef », « fatou_sarr »), or is the value of a parameter that names a person (« nom=diallo »).
Words of three letters or fewer (« cni », « rib », « dl ») and the extension are no name."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.recognizers.base import LANGUAGE, result_of
from redaction.recognizers.french_words import FrenchWords

_EXTENSIONS = r"pdf|jpe?g|png|heic|gif|tiff?|bmp|webp|docx?|odt|rtf|xlsx?|ods|csv|txt|zip|rar|7z|msg|eml"
_FILE_NAME = regex.compile(rf"(?<![\w.-])[\w.-]*[_-][\w.-]*\.(?:{_EXTENSIONS})(?![\w])", regex.IGNORECASE)
_LINK = regex.compile(r"(?<![\w])(?:https?://|www\.)[^\s<>\"«»]+", regex.IGNORECASE)
_DOMAIN = regex.compile(r"^(?:https?://)?[^/?#]+", regex.IGNORECASE)
_PIECE = regex.compile(r"[^_./?&=+#:\s]+")
_PARAMETER = regex.compile(r"[?&]([\w-]+)=([^&#\s]*)")
_PERSON_PARAMETERS = regex.compile(r"^(?:nom|prenom|pr[ée]nom|name|firstname|lastname|surname|nom_?naissance|"
                                   r"user|username|beneficiaire|titulaire)$", regex.IGNORECASE)
_IBAN = regex.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}")
_PASSPORT = regex.compile(r"\d{2}[A-Z]{2}\d{5}")
_EIGHT_DIGITS = regex.compile(r"\d{8}")
_NUMBER = regex.compile(r"(?=(?:[A-Za-z]*\d){5})[A-Za-z0-9-]+")
_WORD = regex.compile(r"\p{L}[\p{L}'-]*\p{L}")
_SHORTEST_NAME = 4
_EARLIEST_YEAR = 1900
_BIRTH_YEARS_BEFORE = 10
"""A date in a file name is a birth date when it is this many years old at least: « facture_20240315 » is a bill's."""


class FrFileNameRecognizer(EntityRecognizer):
    SCORE = 0.6

    def __init__(self, french: FrenchWords, is_given_name: Callable[[str], bool]) -> None:
        self._french = french
        self._is_given_name = is_given_name
        super().__init__(supported_entities=["PERSONNE", "IBAN", "PASSEPORT", "DATE_NAISSANCE", "NUMERO_DOSSIER"],
                         name="FrFileNameRecognizer", supported_language=LANGUAGE)

    def load(self) -> None:
        """Nothing to load: the dictionary and the given names come with the recognizer."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for found in _FILE_NAME.finditer(text):
            results += self._pieces(found.start(), found.group()[: found.group().rindex(".")])
        for found in _LINK.finditer(text):
            link = found.group().rstrip(".,;:!?)")
            domain_end = _DOMAIN.match(link).end()
            start, rest = found.start() + domain_end, link[domain_end:]
            named = [(start + value.start(2), value.group(2)) for value in _PARAMETER.finditer(rest)
                     if _PERSON_PARAMETERS.match(value.group(1)) and _WORD.fullmatch(value.group(2))]
            results += [result_of(self, "PERSONNE", at, at + len(value), self.SCORE) for at, value in named]
            results += self._pieces(start, rest)
        return results

    def _pieces(self, offset: int, name: str) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        names: list[tuple[int, int]] = []
        run: list[tuple[int, int, str]] = []
        previous = ""
        for piece in _PIECE.finditer(name):
            start, end, value = offset + piece.start(), offset + piece.end(), piece.group()
            entity = "" if previous.casefold() == "cerfa" else _number_entity(value)
            previous = value
            if entity:
                results.append(result_of(self, entity, start, end, self.SCORE))
            if self._unknown_word(value):
                run.append((start, end, value))
                continue
            names += self._name(run)
            run = []
        names += self._name(run)
        return results + [result_of(self, "PERSONNE", start, end, self.SCORE) for start, end in names]

    def _unknown_word(self, value: str) -> bool:
        return (_WORD.fullmatch(value) is not None and len(value) >= _SHORTEST_NAME
                and not self._french.is_common(value.lower()))

    def _name(self, run: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
        """Unknown words next to each other are a name, as one span, when there are two of them or one is a given
        name."""
        if len(run) > 1 or any(self._is_given_name(value) for _, _, value in run):
            return [(run[0][0], run[-1][1])]
        return []


def _number_entity(value: str) -> str:
    if _IBAN.fullmatch(value):
        return "IBAN"
    if _PASSPORT.fullmatch(value.upper()):
        return "PASSEPORT"
    year = _date_year(value) if _EIGHT_DIGITS.fullmatch(value) else 0
    if year:
        return "DATE_NAISSANCE" if year <= datetime.date.today().year - _BIRTH_YEARS_BEFORE else ""
    return "NUMERO_DOSSIER" if _NUMBER.fullmatch(value) else ""


def _date_year(digits: str) -> int:
    """The year of eight digits read as a day, a month and a year (« 12051990 », « 19900512 »); 0 if they are none."""
    for day, month, year in ((digits[:2], digits[2:4], digits[4:]), (digits[6:], digits[4:6], digits[:4])):
        try:
            read = datetime.date(int(year), int(month), int(day))
        except ValueError:
            continue
        if read.year >= _EARLIEST_YEAR:
            return read.year
    return 0
