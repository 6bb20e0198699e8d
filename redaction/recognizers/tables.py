"""Personal data pasted as a table or as fields: a markdown table (« | Nom | Prénom | Né(e) le | »), an export in
CSV (« nom;prenom;ddn;tel »), tab-separated cells copied from a spreadsheet, « clé=valeur » pairs from a log line
(« nir=… ; nom=VANDAMME »). Each value is a person's because of the column it sits in, not because of its form: a
surname in capitals with no title before it, a bare date, seven digits. The other recognizers read sentences and miss
them.

A header row is a row of cells split by `|`, `;`, a tab or a comma, two of which at least name a field of personal
data (`FIELDS`); each later row cut by the same separator gives its cells under those columns. A pair is a field's name,
`=`, and a value up to the next separator."""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.entities import MASKED_VALUE
from redaction.recognizers.base import LANGUAGE, result_of
from redaction.unicode_fold import without_accents

FIELDS: dict[str, str] = {
    **dict.fromkeys(("nom", "prenom", "prenoms", "nom de famille", "nom d'usage", "nom de naissance", "nom prenom",
                     "nom et prenom", "identite", "name", "first name", "last name", "firstname", "lastname",
                     "surname", "beneficiaire", "titulaire"), "PERSONNE"),
    **dict.fromkeys(("ne le", "nee le", "ne(e) le", "date de naissance", "date naissance", "ddn", "naissance",
                     "dob", "date of birth", "birth date"), "DATE_NAISSANCE"),
    **dict.fromkeys(("allocataire", "n allocataire", "no allocataire", "n° allocataire", "numero allocataire",
                     "num allocataire", "num alloc", "n° alloc", "n° caf", "numero caf"), "NUMERO_ALLOCATAIRE"),
    **dict.fromkeys(("tel", "telephone", "portable", "mobile", "phone", "tel portable"), "TELEPHONE"),
    **dict.fromkeys(("email", "e-mail", "mail", "courriel", "adresse mail", "adresse e-mail"), "EMAIL"),
    **dict.fromkeys(("adresse", "adresse postale", "address", "domicile"), "ADRESSE"),
    **dict.fromkeys(("nir", "n° secu", "numero de securite sociale", "secu", "n° ss", "numero secu"), "NIR"),
    **dict.fromkeys(("iban", "rib"), "IBAN"),
    **dict.fromkeys(("n° dossier", "numero de dossier", "dossier", "matricule", "identifiant", "id"),
                    "NUMERO_DOSSIER"),
}
"""A column's or a field's name, in lower case without accents, and the type of what it holds."""
_SEPARATORS = ("|", ";", "\t", ",")
MIN_FIELDS = 2
"""A header names two fields of personal data at least: « adresse ; il demande… » is a sentence."""
_MARKDOWN_RULE = regex.compile(r"^[\s|:-]*-{3,}[\s|:-]*$")
_PAIR = regex.compile(r"(?<![\w])([\p{L}°' ()-]{2,30}?)\s*=\s*([^\s;,&|=]+(?:[ \t]+\p{Lu}[^\s;,&|=]*)*)")
"""A field's name, « = » and its value: a word, and the capitalised words after it (« nom=Le Gall »)."""


def field_type(name: str) -> str | None:
    """The type of a field named `name` (« Né(e) le », « N° allocataire », « DDN »), None for any other."""
    key = regex.sub(r"\s+", " ", without_accents(name).casefold().replace("’", "'")).strip(" :*")
    return FIELDS.get(key) or FIELDS.get(key.replace("(e)", ""))


class FrTableRecognizer(EntityRecognizer):
    SCORE = 0.7

    def __init__(self) -> None:
        super().__init__(supported_entities=sorted(set(FIELDS.values())), name="FrTableRecognizer",
                         supported_language=LANGUAGE)

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        found = [*self._cells(text), *self._pairs(text)]
        return [result_of(self, kind, start, end, self.SCORE) for kind, start, end in found if kind in entities]

    def _cells(self, text: str) -> list[tuple[str, int, int]]:
        found: list[tuple[str, int, int]] = []
        separator, columns = "", {}
        offset = 0
        for line in text.split("\n"):
            header = _header(line)
            if header[1]:
                separator, columns = header
            elif separator and _MARKDOWN_RULE.match(line):
                pass
            elif separator and (cells := _cells_of(line, offset, separator)) is not None:
                found += [(columns[i], start, end) for i, (start, end) in enumerate(cells)
                          if i in columns and start < end and not MASKED_VALUE.fullmatch(text[start:end])]
            else:
                separator, columns = "", {}
            offset += len(line) + 1
        return found

    @staticmethod
    def _pairs(text: str) -> list[tuple[str, int, int]]:
        found = []
        for match in _PAIR.finditer(text):
            kind = field_type(match.group(1))
            start, end = match.span(2)
            if kind and end > start and not MASKED_VALUE.fullmatch(text[start:end]):
                found.append((kind, start, end))
        return found


def _header(line: str) -> tuple[str, dict[int, str]]:
    """The separator of a header row and the type of each of its columns that names personal data."""
    for separator in _SEPARATORS:
        columns = {i: kind for i, cell in enumerate(cells(line, separator)) if (kind := field_type(cell))}
        if len(columns) >= MIN_FIELDS:
            return separator, columns
    return "", {}


def cells(line: str, separator: str) -> list[str]:
    """The cells of a row cut by `separator`, their spaces left out; none for a line that is no row."""
    return [line[start:end] for start, end in _cells_of(line, 0, separator) or ()]


def _cells_of(line: str, offset: int, separator: str) -> list[tuple[int, int]] | None:
    """The span of each cell of a row cut by `separator` (its spaces left out), None for a line that is no row."""
    if separator not in line:
        return None
    spans = []
    start = 0
    pieces = line.split(separator)
    if separator == "|" and line.strip().startswith("|"):
        start = line.index("|") + 1
        pieces = line[start:].split(separator)
        if pieces and not pieces[-1].strip():
            pieces = pieces[:-1]
    for piece in pieces:
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        spans.append((offset + start + left, offset + start + max(left, right)))
        start += len(piece) + 1
    return spans
