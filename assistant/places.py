"""Where a text puts the person it is about: abroad (« à l'étranger », « hors de France », a foreign country: « né au
Maroc »), in France (« en France », « en métropole »), or at a place it names without saying which country it is in
(« né à Casablanca », « j'habite à <LIEU_NAISSANCE_1> »)."""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from indexing.text import fold

COUNTRY_NAMES = Path(__file__).with_name("countries.json")
"""The French names of the world's regions (`source` in the file says where they come from)."""
FRENCH_REGIONS = frozenset({"FR", "GF", "GP", "MQ", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF", "TF"})
"""France and the overseas regions the ISO table lists apart (Guadeloupe, La Réunion…): not abroad."""

ABROAD = "à l'étranger"
FRANCE = "en France"
NAMED_PLACE = "un lieu nommé"
"""A place the text names without saying whether it is in France: the rule written for one side may not be its own."""

ABROAD_WORDING = re.compile(r"\ba l'etranger\b|\bhors de (?:la )?france\b")
FRANCE_WORDING = re.compile(r"\ben france\b|\ben metropole\b|\bfrance metropolitaine\b")
PLACE_BEFORE_COUNTRY = r"\b(?:en|au|aux|a)\s+(?:l'|la |le |les )?"
"""« en Belgique », « au Maroc », « aux États-Unis », « à Cuba »: not « de », which names a person as often
(« le fils de Maurice »)."""
ASKER_AT_A_PLACE = re.compile(
    r"\b(?:n[ée]e?s?|habit\w*|vi[st]|vivons|vivez|vivent|r[ée]sid\w*|demeur\w*|install[ée]e?s?)\s+(?:à|a|au|aux)\s+"
    r"(?:[A-ZÀ-Ý][\w'’-]+|<[A-Z_]+_\d+>)"
)
"""Born, living or settled at a place named by a proper noun or masked (« né à Casablanca », « habite à <VILLE_1> »)."""


@cache
def country_names() -> dict[str, str]:
    """The French name of each region, by its ISO 3166-1 code."""
    return json.loads(COUNTRY_NAMES.read_text(encoding="utf-8"))["countries"]


@cache
def _foreign_country() -> re.Pattern[str]:
    names = sorted((fold(name) for code, name in country_names().items() if code not in FRENCH_REGIONS),
                   key=len, reverse=True)
    return re.compile(rf"{PLACE_BEFORE_COUNTRY}(?:{'|'.join(map(re.escape, names))})\b")


def side(text: str) -> str:
    """`ABROAD` or `FRANCE` when the text says which, "" when it says neither or both (« né au Maroc, je vis en
    France »: either rule may be the person's)."""
    folded = fold(text)
    abroad = bool(ABROAD_WORDING.search(folded) or _foreign_country().search(folded))
    in_france = bool(FRANCE_WORDING.search(folded))
    if abroad == in_france:
        return ""
    return ABROAD if abroad else FRANCE


def asker_side(question: str) -> str:
    """`side` of a question, or `NAMED_PLACE` when it says neither but puts the asker at a named place."""
    return side(question) or (NAMED_PLACE if ASKER_AT_A_PLACE.search(question) else "")
