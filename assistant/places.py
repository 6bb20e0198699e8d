"""Where a text puts the person it is about, for their birth and for where they live: abroad (« à l'étranger »,
« hors de France », a foreign country: « né au Maroc »), in France (« en France », « en métropole »), or at a place it
names without saying which country it is in (« né à Casablanca », « j'habite à <VILLE_1> »). Born abroad is not living
abroad: « Né(e) à l'étranger » is no other side for « j'habite en France »."""
from __future__ import annotations

import json
import re
from functools import cache, lru_cache
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
BIRTH = "naissance"
RESIDENCE = "résidence"
"""What a place is to the person: where they were born, or where they live, work or ask (« À l'étranger » above
how to renew a passport from a consulate)."""

ABROAD_WORDING = r"\ba l'etranger\b|\bhors de (?:la )?france\b"
FRANCE_WORDING = re.compile(r"\ben france\b|\ben metropole\b|\bfrance metropolitaine\b")
PLACE_BEFORE_COUNTRY = r"\b(?:en|au|aux|a)\s+(?:l'|la |le |les )?"
"""« en Belgique », « au Maroc », « aux États-Unis », « à Cuba »: not « de », which names a person as often
(« le fils de Maurice »)."""
BORN_BEFORE = re.compile(r"\bnee?(?:\(e\))?s?\s*$|\bnaissance\b")
"""« né » right before the place (« Né(e) à l'étranger », « Usager né au Maroc »; not the « ne » of « je ne vis pas
en France »), or « naissance » a little before it (« lieu de naissance en France »), in folded text."""
BORN_REACH = 25
ASKER_AT_A_PLACE = re.compile(
    r"\b(?:n[ée]e?s?|habit\w*|vi[st]|vivons|vivez|vivent|r[ée]sid\w*|demeur\w*|install[ée]e?s?)\s+"
    r"(?P<place>(?:à|a|au|aux)\s+(?:[A-ZÀ-Ý][\w'’-]+|<[A-Z_]+_\d+>))"
)
"""Born, living or settled at a place named by a proper noun or masked (« né à Casablanca », « habite à <VILLE_1> »)."""


@cache
def country_names() -> dict[str, str]:
    """The French name of each region, by its ISO 3166-1 code."""
    return json.loads(COUNTRY_NAMES.read_text(encoding="utf-8"))["countries"]


@cache
def _abroad() -> re.Pattern[str]:
    names = sorted((fold(name) for code, name in country_names().items() if code not in FRENCH_REGIONS),
                   key=len, reverse=True)
    return re.compile(rf"{ABROAD_WORDING}|{PLACE_BEFORE_COUNTRY}(?:{'|'.join(map(re.escape, names))})\b")


def _kind(before: str) -> str:
    """`BIRTH` when the folded text before a place makes it a birthplace, `RESIDENCE` otherwise."""
    return BIRTH if BORN_BEFORE.search(before[-BORN_REACH:]) else RESIDENCE


def sides(text: str) -> dict[str, str]:
    """For the person's birth and residence (`BIRTH`, `RESIDENCE`), the side the text puts them on, `ABROAD` or
    `FRANCE`; a kind the text says nothing of, or both sides of (« né au Maroc ou en France »), is left out."""
    return dict(_sides(text))


@lru_cache(maxsize=4096)
def _sides(text: str) -> tuple[tuple[str, str], ...]:
    """`sides`, read once per text: the verifier asks it of the same headings and question for every anchor."""
    folded = fold(text)
    found: dict[str, set[str]] = {}
    for side, pattern in ((ABROAD, _abroad()), (FRANCE, FRANCE_WORDING)):
        for match in pattern.finditer(folded):
            found.setdefault(_kind(folded[:match.start()]), set()).add(side)
    return tuple((kind, next(iter(said))) for kind, said in found.items() if len(said) == 1)


def asker_sides(question: str) -> dict[str, str]:
    """`sides` of a question, with `NAMED_PLACE` for a birth or a residence it puts at a place it does not say the
    side of."""
    return dict(_asker_sides(question))


@lru_cache(maxsize=1024)
def _asker_sides(question: str) -> tuple[tuple[str, str], ...]:
    """`asker_sides`, read once per question: the verifier asks it for every anchor, the composer for every unit."""
    said = sides(question)
    for match in ASKER_AT_A_PLACE.finditer(question):
        said.setdefault(_kind(fold(question[:match.start("place")])), NAMED_PLACE)
    return tuple(said.items())


def other_side(question: str, written_for: str) -> str:
    """Where the question puts the asker when `written_for` (a title and headings) writes for the other side, of
    the same birth or residence, or for one side while the question puts the asker at a place it does not say the
    side of; "" otherwise."""
    asked = asker_sides(question)
    for kind, side in sides(written_for).items():
        if asked.get(kind, side) != side:
            return asked[kind]
    return ""
