"""The French words of numbers below a hundred, as a number said aloud is written (« zéro six douze », « trois mars
mil neuf cent quatre-vingt-cinq »): shared by the recognizers that read one."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from redaction.unicode_fold import without_accents

UNITS = {"zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
         "huit": 8, "neuf": 9}
TEENS = {"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16}
TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
NUMBER_WORDS = frozenset({*UNITS, *TEENS, *TENS, "vingts"})
"""Every word above, with the plural of « quatre-vingts »."""


def alternation(words: Iterable[str]) -> str:
    """The words as a regex alternation, longest first (« une » before « un »)."""
    return "|".join(sorted(words, key=lambda word: (-len(word), word)))


def number_text(text: str) -> str:
    """The text as its number words are read: without accents, in lower case when that keeps every offset (a
    letter can lower to two characters)."""
    plain = without_accents(text)
    lowered = plain.lower()
    return lowered if len(lowered) == len(plain) else plain


SPOKEN = regex.compile(r"[a-z]+|\d+", regex.IGNORECASE)
JOINS = regex.compile(r"^[\s,.;/-]*$")
"""What may stand between two words of a number said aloud (« zéro six, douze - trente-quatre »)."""


def number_runs(
    plain: str, words: frozenset[str] = NUMBER_WORDS, joins: regex.Pattern[str] = JOINS
) -> list[list[tuple[int, int]]]:
    """The runs of number `words` and figures that follow each other with only `joins` between, and « et » inside
    a number (« vingt et un »), as spans of the accent-free text `plain`."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for match in SPOKEN.finditer(plain):
        word = match.group()
        numeric = word.isdigit() or word in words or (word == "et" and bool(current))
        joined = bool(current) and joins.match(plain[current[-1][1]:match.start()])
        if numeric and (joined or not current):
            current.append(match.span())
            continue
        if current:
            runs.append(current)
        current = [match.span()] if numeric and word != "et" else []
    if current:
        runs.append(current)
    return [run[:-1] if plain[slice(*run[-1])] == "et" else run for run in runs]
