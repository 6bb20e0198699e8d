"""The French words of numbers below a hundred, as a number said aloud is written (« zéro six douze », « trois mars
mil neuf cent quatre-vingt-cinq »): shared by the recognizers that read one."""

from __future__ import annotations

from collections.abc import Iterable

UNITS = {"zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
         "huit": 8, "neuf": 9}
TEENS = {"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16}
TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
NUMBER_WORDS = frozenset({*UNITS, *TEENS, *TENS, "vingts"})
"""Every word above, with the plural of « quatre-vingts »."""


def alternation(words: Iterable[str]) -> str:
    """The words as a regex alternation, longest first (« une » before « un »)."""
    return "|".join(sorted(words, key=lambda word: (-len(word), word)))
