"""The quantities a question names (« un enfant de 16 ans », « 2 enfants », « 30 salariés ») and whether a table row's
range holds them (« 15 à 18 ans », « Moins de 20 salariés », « 3 enfants ou plus »): the row of the asker's case."""
from __future__ import annotations

import math
import re
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
ASKED = re.compile(rf"\b(\d+)\s*(?:{_UNIT})\b")
TABLE_CELLS = re.compile(r": [^;]+; [^:;]{1,80}: ")
"""A unit made of a table row (« Age de l'enfant: 15 à 18 ans; Montant de l'ARS: 507,18 € »)."""


@dataclass(frozen=True)
class Quantity:
    value: int
    unit: str


def _unit_of(match: re.Match[str]) -> str:
    return next(name for name in UNITS if match.group(name))


def asked_quantities(question: str) -> tuple[Quantity, ...]:
    return tuple(Quantity(int(m.group(1)), _unit_of(m)) for m in ASKED.finditer(fold(question)))


def _ranges(folded: str, unit: str) -> list[tuple[float, float]]:
    said = UNITS[unit]
    found = [(float(low), float(high)) for low, high in
             re.findall(rf"\b(\d+)\s*(?:a|-|et)\s*(\d+)\s*{said}\b", folded)]
    found += [(-math.inf, float(high) - 1) for high in
              re.findall(rf"\b(?:moins de|inferieure? a)\s*(\d+)\s*{said}\b", folded)]
    found += [(-math.inf, float(high)) for high in re.findall(rf"\b(?:jusqu'a|au plus)\s*(\d+)\s*{said}\b", folded)]
    found += [(float(low) + 1, math.inf) for low in
              re.findall(rf"\b(?:plus de|superieure? a)\s*(\d+)\s*{said}\b", folded)]
    found += [(float(low), math.inf) for low in
              re.findall(rf"\b(?:au moins|a partir de|des)\s*(\d+)\s*{said}\b", folded)]
    found += [(float(low), math.inf) for low in re.findall(rf"\b(\d+)\s*{said}\s*(?:et|ou) plus\b", folded)]
    return found


def row_fits(text: str, quantities: tuple[Quantity, ...]) -> bool | None:
    """Whether a table row's ranges hold the question's quantities: None when the unit is no table row or states no
    range of their units, True when every unit it ranges holds the question's value, False otherwise."""
    if not quantities or not TABLE_CELLS.search(text):
        return None
    folded = fold(text)
    verdicts = []
    for quantity in quantities:
        ranges = _ranges(folded, quantity.unit)
        if ranges:
            verdicts.append(any(low <= quantity.value <= high for low, high in ranges))
    return all(verdicts) if verdicts else None
