"""The quantities a question names (« un enfant de 16 ans », « 2 enfants », « 30 salariés », « un adulte ») and whether
a table row's ranges or a case's heading hold them (« 15 à 18 ans », « Moins de 20 salariés », « 3 enfants ou plus »,
« À partir de 18 ans »): the row or the case of the asker."""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from indexing.text import fold

UNITS = {
    "an": r"ans?",
    "enfant": r"enfants?",
    "salarie": r"salaries?",
    "mois": r"mois",
    "jour": r"jours?",
    "heure": r"heures?",
    "semaine": r"semaines?",
}
_UNIT = "|".join(f"(?P<{name}>{pattern})" for name, pattern in UNITS.items())
ASKED = re.compile(rf"\b(\d+)\s*(?:{_UNIT})(?P<half>\s+et\s+demie?)?\b")
NUMBER_WORDS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11,
    "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "dix-sept": 17, "dix-huit": 18,
    "dix-neuf": 19, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}
TENS = "vingt|trente|quarante|cinquante|soixante"
UNITS_WORDS = "un|deux|trois|quatre|cinq|six|sept|huit|neuf"
WRITTEN_NUMBER = re.compile(
    rf"\b(?:(?P<tens>{TENS})(?:(?P<and_one>-et-un|\s+et\s+un)|-(?P<unit>{UNITS_WORDS}))?"
    rf"|(?P<word>{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})"
    r"|(?P<one>une?)(?=\s+(?:ans?|mois|jours?|heures?|semaines?)\b))\b"
)
"""A number written in letters (« deux ans », « quinze ans », « un an et demi », « vingt-cinq salariés »). « un » and
« une » count only before a length of time: « un enfant » is no count of children."""
TABLE_CELLS = re.compile(r": [^;]+; [^:;]{1,80}: ")
"""A unit made of a table row (« Age de l'enfant: 15 à 18 ans; Montant de l'ARS: 503,91 € »)."""
LEGAL_AGE = 18
STATUS_AGES: dict[str, tuple[float, float]] = {
    "adulte": (LEGAL_AGE, math.inf),
    "majeur": (LEGAL_AGE, math.inf),
    "mineur": (0, LEGAL_AGE - 1),
}
"""Words that name an age without a number: « un adulte », « une personne majeure » is 18 or older (article 414 of
the Code civil), « un mineur » younger; an age in years says more (« un mineur de 16 ans »). « Cas de force
majeure » names no one."""
STATUS = re.compile(r"\b(?<!force )(adulte|majeur|mineur)e?s?\b")


@dataclass(frozen=True)
class Quantity:
    """A number of a unit the question names, or a span of them (`upper`) for a word such as « adulte »."""

    value: float
    unit: str
    upper: float | None = None

    @property
    def span(self) -> tuple[float, float]:
        return self.value, self.value if self.upper is None else self.upper


def _unit_of(match: re.Match[str]) -> str:
    return next(name for name in UNITS if match.group(name))


def _written_value(match: re.Match[str]) -> str:
    if match.group("one"):
        return "1"
    if match.group("word"):
        return str(NUMBER_WORDS[match.group("word")])
    unit = match.group("unit")
    ones = 1 if match.group("and_one") or unit == "un" else NUMBER_WORDS.get(unit or "", 0)
    return str(NUMBER_WORDS[match.group("tens")] + ones)


def asked_quantities(question: str) -> tuple[Quantity, ...]:
    folded = WRITTEN_NUMBER.sub(_written_value, fold(question))
    numbered = [Quantity(int(m.group(1)) + 0.5 * bool(m.group("half")), _unit_of(m)) for m in ASKED.finditer(folded)]
    if any(quantity.unit == "an" for quantity in numbered):
        return tuple(numbered)
    spans = [STATUS_AGES[word] for word in dict.fromkeys(STATUS.findall(folded))]
    return tuple(numbered + [Quantity(low, "an", high) for low, high in spans])


STRICT = 0.01
"""« Moins de 2 ans » holds 1 year and a half, not 2 years; « plus de 20 salariés » holds 21, not 20."""


def _ranges(folded: str, unit: str) -> list[tuple[float, float]]:
    said = UNITS[unit]
    found = [(float(low), float(high)) for low, high in
             re.findall(rf"\b(\d+)\s*(?:a|-|et)\s*(\d+)\s*{said}\b", folded)]
    found += [(-math.inf, float(high) - STRICT) for high in
              re.findall(rf"\b(?:moins de|inferieure? a|avant)\s*(\d+)\s*{said}\b", folded)]
    found += [(-math.inf, float(high)) for high in re.findall(
        rf"\b(?:jusqu'a|au plus|au maximum|inferieure? ou egale? a)\s*(\d+)\s*{said}\b", folded)]
    found += [(-math.inf, float(high)) for high in re.findall(rf"\b(\d+)\s*{said}\s*(?:au )?maximum\b", folded)]
    found += [(float(low) + STRICT, math.inf) for low in
              re.findall(rf"\b(?:plus de|superieure? a)\s*(\d+)\s*{said}\b", folded)]
    found += [(float(low), math.inf) for low in re.findall(
        rf"\b(?:au moins|a partir de|des|au minimum|superieure? ou egale? a)\s*(\d+)\s*{said}\b", folded)]
    found += [(float(low), math.inf) for low in re.findall(rf"\b(\d+)\s*{said}\s*(?:au )?minimum\b", folded)]
    found += [(float(low), math.inf) for low in re.findall(rf"\b(\d+)\s*{said}\s*(?:et|ou) plus\b", folded)]
    return found


def _holds(span: tuple[float, float], ranges: list[tuple[float, float]]) -> bool | None:
    """True when a range holds all of the span, False when every range leaves it out, None when one holds part of it
    (« Avant 15 ans » for « un mineur »)."""
    low, high = span
    if any(start <= low and high <= end for start, end in ranges):
        return True
    if all(high < start or low > end for start, end in ranges):
        return False
    return None


def fits(text: str, quantities: tuple[Quantity, ...]) -> bool | None:
    """Whether the ranges a text states hold the question's quantities: False when one is left out, True when each
    quantity whose unit it ranges is held, None when it ranges none of them or holds only part of one."""
    if not quantities:
        return None
    folded = fold(text)
    verdicts = [_holds(quantity.span, ranges) for quantity in quantities if (ranges := _ranges(folded, quantity.unit))]
    if False in verdicts:
        return False
    return True if verdicts and all(verdicts) else None


def row_fits(text: str, quantities: tuple[Quantity, ...]) -> bool | None:
    """`fits` for a table row; None for a unit that is no table row."""
    return fits(text, quantities) if TABLE_CELLS.search(text) else None


def case_fits(headings: Iterable[str], quantities: tuple[Quantity, ...]) -> bool | None:
    """Whether the headings of a unit's case hold the question's quantities (« À partir de 18 ans » for « un
    adulte », « Entre 15 et 17 ans » not): False when one of them leaves one out, True when one holds them."""
    verdicts = [fits(heading, quantities) for heading in headings]
    if False in verdicts:
        return False
    return True if True in verdicts else None
