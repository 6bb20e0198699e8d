"""Check digits of the identifiers the recognizers validate."""

from __future__ import annotations

import re

_NON_ALNUM = re.compile(r"[^0-9A-Za-z]")
_CORSICA = {"2A": "19", "2B": "18"}


def compact(value: str) -> str:
    """The identifier without spaces, dots or dashes, upper-cased."""
    return _NON_ALNUM.sub("", value).upper()


def luhn_valid(digits: str) -> bool:
    if not digits.isdigit():
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def iban_valid(iban: str) -> bool:
    """ISO 13616: move the country code and key to the end, letters become 10..35, mod 97 must be 1."""
    if len(iban) < 15 or len(iban) > 34 or not iban[:2].isalpha() or not iban[2:4].isdigit():
        return False
    rearranged = iban[4:] + iban[:4]
    if not rearranged.isalnum():
        return False
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def nir_key(first_thirteen: str) -> int:
    """INSEE key of a NIR: 97 - (number mod 97), Corsica's 2A and 2B counted as 19 and 18."""
    department = first_thirteen[5:7].upper()
    numeric = first_thirteen[:5] + _CORSICA.get(department, department) + first_thirteen[7:]
    return 97 - int(numeric) % 97


def spi_valid(digits: str) -> bool:
    """Numéro fiscal (SPI): 13 digits, the last three are the first ten modulo 511."""
    return len(digits) == 13 and digits.isdigit() and digits[0] in "0123" and int(digits[:10]) % 511 == int(digits[10:])


_RIB_LETTERS = {
    letter: str(value)
    for value, letters in enumerate(("AJ", "BKS", "CLT", "DMU", "ENV", "FOW", "GPX", "HQY", "IRZ"), 1)
    for letter in letters
}


def rib_valid(rib: str) -> bool:
    """French RIB (bank 5, branch 5, account 11, key 2): key = 97 - (89 bank + 15 branch + 3 account) mod 97."""
    if len(rib) != 23 or not rib[:10].isdigit() or not rib[21:].isdigit():
        return False
    account = "".join(_RIB_LETTERS.get(char, char) for char in rib[10:21])
    if not account.isdigit():
        return False
    return 97 - (89 * int(rib[:5]) + 15 * int(rib[5:10]) + 3 * int(account)) % 97 == int(rib[21:])
