"""What a question must be before it enters the pipeline: text, not empty, and of a bounded length."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import regex

from redaction.entities import MASKED_VALUE
from redaction.recognizers.tables import cells, field_type

MAX_QUESTION_CHARS = 4000
"""About a page: longer pastes keep their end, where the question usually is (and masking stays under a second)."""
NOTICE_CUT = (
    "Votre texte dépassait {limit} caractères : seule sa fin ({kept} caractères) a été lue, "
    "car la question s'y trouve en général. Collez seulement le passage utile pour une réponse complète."
)
_SENTENCE_START = regex.compile(r"[.!?;:\n]\s+(?=\S)")
_AFTER_A_WORD = regex.compile(r"(?<=[^\d\s])\s+(?=\S)")
_LEADING_NUMBERS = regex.compile(r"[\d\s.,+()/-]*")
_BOUNDARY_WINDOW = 500
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def question_problem(text: str) -> str:
    """Why `text` cannot be a question (empty, or not valid Unicode); empty when it can."""
    if not text.strip():
        return "the question is empty"
    return unicode_problem(text)


def unicode_problem(text: str) -> str:
    """A lone surrogate: what Python makes of bytes that are not UTF-8 (in arguments) or of a JSON `\\ud800`."""
    surrogate = _SURROGATE.search(text)
    return f"the text is not valid UTF-8 (character {surrogate.start() + 1})" if surrogate else ""


def json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """Each non-blank line of a JSON Lines file with its number: the object it holds, or why it holds none (not
    UTF-8, not JSON, not an object), so that a batch answers every other line."""
    with path.open("rb") as handle:
        for line_number, raw in enumerate(handle, 1):
            read = _json_object(raw)
            if read is not None:
                yield line_number, read


def _json_object(raw: bytes) -> dict[str, Any] | str | None:
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return f"not valid UTF-8 (byte {error.start + 1})"
    if not line.strip():
        return None
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return f"not valid JSON ({error.msg}, column {error.colno})"
    if not isinstance(row, dict):
        return f"not a JSON object but {type(row).__name__}"
    return row


def keep_end(text: str, limit: int = MAX_QUESTION_CHARS) -> str:
    """The last `limit` characters at most, from a sentence or a word near the cut, never from inside a number
    (its cut end would escape masking): digits at the cut are dropped."""
    if len(text) <= limit:
        return text
    tail = text[-limit:]
    boundary = _SENTENCE_START.search(tail, 0, _BOUNDARY_WINDOW) or _AFTER_A_WORD.search(tail, 0, _BOUNDARY_WINDOW)
    if boundary:
        return tail[boundary.end() :]
    return tail[_LEADING_NUMBERS.match(tail).end() :] or tail


def cut_notice(kept: int, limit: int = MAX_QUESTION_CHARS) -> str:
    return NOTICE_CUT.format(limit=_french_number(limit), kept=_french_number(kept))


def _french_number(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


_RECORD_SEPARATORS = ("|", ";", "\t")
_RULE_CELL = regex.compile(r":?-{3,}:?")


def without_records(text: str) -> str:
    """The question without the rows of a table pasted above it once its values are masked (« nom;prenom;ddn »,
    « <PERSONNE_1>;<PERSONNE_2>;<DATE_NAISSANCE_1> »): their field names say whose case it is, not what is asked,
    and searched with the question they draw the texts that list « nom, prénoms, date de naissance ». A row is a line
    of two cells or more whose cells are all field names, masked values or a markdown rule; the text is kept whole
    when nothing else is left."""
    lines = text.split("\n")
    kept = [line for line in lines if not _is_record(line)]
    return "\n".join(kept) if kept and len(kept) < len(lines) else text


def _is_record(line: str) -> bool:
    return any(len(row := cells(line, separator)) >= 2 and all(
        not cell or field_type(cell) or MASKED_VALUE.fullmatch(cell) or _RULE_CELL.fullmatch(cell) for cell in row)
        for separator in _RECORD_SEPARATORS)


_WORD = regex.compile(r"\w")
_MASKED_CLAUSE = regex.compile(
    rf"(?<=^|[,;:(\n])[ \t]*{MASKED_VALUE.pattern}(?:[ \t]*[,;:])?|[ \t]*{MASKED_VALUE.pattern}"
)


def without_masked_values(text: str) -> str:
    """The redacted question as it is searched and answered: a masked value (« <TELEPHONE_1> ») stands for the
    person's details, and its type is no word of the question: searched, « <TELEPHONE_1> » drew the fiches on
    telephones and « <ADRESSE_1> » the one on changing the address of a car's registration. What the question says
    around the values is kept, and a value that was a whole clause goes with its comma (« Mme <PERSONNE_1>,
    <TELEPHONE_1>, demande le RSA » is searched as « Mme, demande le RSA »). A question that opened with a value
    opens with a capital, as typed without it: the embedding reads « comment » and « Comment » apart, and the ranking
    followed. Empty when the text holds nothing but masked values and what separates them: there is nothing to
    search (searched, « <PERSONNE_1> <TELEPHONE_1> » listed the fiches on telephone harassment)."""
    kept = _MASKED_CLAUSE.sub("", text).strip()
    if not _WORD.search(kept):
        return ""
    return kept[0].upper() + kept[1:] if _MASKED_CLAUSE.match(text.lstrip()) else kept
