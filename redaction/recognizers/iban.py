"""IBAN of any country, in any case, grouped by spaces, dots or dashes or not at all, or cut over two lines; and
the French RIB.

Each country's IBAN has a fixed length: the shape (country code, two key digits, that many characters, mostly
digits) is enough to mask; the ISO 13616 mod-97 key, or the RIB key, only raises the score.

A RIB given field by field is masked from the bank code to the key, labels included (« code banque 30004 guichet
00823 compte 00010455806 clé 82 »); an account number alone, after « n° de compte » or « compte n° »."""

from __future__ import annotations

from collections import defaultdict

import regex
from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_INSENSITIVE, END, START, FrPatternRecognizer, raised_if
from redaction.recognizers.checksums import compact, iban_valid, rib_valid

IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29, "BY": 28,
    "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
    "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20,
    "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19,
    "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
    "MA": 28, "DZ": 26, "SN": 28, "CI": 28, "CM": 27, "MG": 27, "ML": 28, "BJ": 28, "BF": 28, "TG": 28, "NE": 28,
    "GA": 27, "CG": 27, "TD": 27, "CF": 27, "KM": 27,
}
"""The registry's countries, then the countries whose banks give IBANs outside it, where many families in France send
money: Morocco, Algeria and the franc-zone countries of Africa and the Comoros."""
_SEP = r"(?:[ .-]|\r?\n)?"
_FIELD_SEP = r"\s*[,;/-]?\s*"
_LABEL_END = r"\s*(?::|n°)?\s*"
_ACCOUNT = r"(?=[A-Z0-9]*(?:\d[A-Z]*){5})[A-Z0-9]{11}"
"""An account number: eleven letters or digits, five digits at least."""
_BANK_LABEL = r"\b(?:code\s+)?(?:banque|[ée]tablissement)"
_BRANCH_LABEL = r"(?:code\s+)?guichet"
_ACCOUNT_LABEL = r"(?:(?:n°|num[ée]ro)\s+(?:de\s+)?)?compte(?:\s+bancaire)?(?:\s+n°)?"
_ACCOUNT_CUE = r"\b(?:(?:n°|num[ée]ro)\s+(?:de\s+)?compte(?:\s+bancaire)?|compte(?:\s+bancaire)?\s+n°)"
"""What announces an account number alone: « n° de compte », « numéro de compte bancaire », « compte n° »."""
_KEY_LABEL = r"cl[ée](?:\s+(?:RIB|R\.I\.B\.))?"
_RIB_FIELDS = (
    rf"\d{{5}}{_FIELD_SEP}{_BRANCH_LABEL}{_LABEL_END}\d{{5}}{_FIELD_SEP}{_ACCOUNT_LABEL}{_LABEL_END}{_ACCOUNT}"
    rf"(?:{_FIELD_SEP}{_KEY_LABEL}{_LABEL_END}\d{{2}})?"
)
_RIB_LABELS = regex.compile(rf"{_BRANCH_LABEL}|{_ACCOUNT_LABEL}|{_KEY_LABEL}", CASE_INSENSITIVE)


def _iban_pattern() -> str:
    countries_by_length: dict[int, list[str]] = defaultdict(list)
    for country, length in IBAN_LENGTHS.items():
        countries_by_length[length].append(country)
    shapes = (
        rf"(?:{'|'.join(sorted(countries))}){_SEP}\d{_SEP}\d(?:{_SEP}[A-Z0-9]){{{length - 4}}}"
        for length, countries in sorted(countries_by_length.items(), reverse=True)
    )
    return rf"{START}(?:{'|'.join(shapes)}){END}"


class FrIbanRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern("IBAN", _iban_pattern(), 0.5),
        Pattern("RIB", rf"{START}\d{{5}}{_SEP}\d{{5}}{_SEP}[A-Z0-9]{{11}}{_SEP}\d{{2}}{END}", 0.3),
        Pattern("RIB champ par champ", rf"(?<={_BANK_LABEL}{_LABEL_END}){START}{_RIB_FIELDS}{END}", 0.7),
        Pattern("Numéro de compte", rf"(?<={_ACCOUNT_CUE}{_LABEL_END}){START}{_ACCOUNT}{END}", 0.6),
    ]
    CONTEXT = ["iban", "rib", "compte", "bancaire", "virement", "banque", "prélèvement"]

    ENTITY = "IBAN"
    FLAGS = CASE_INSENSITIVE

    def validate_result(self, pattern_text: str) -> bool | None:
        value = compact(_RIB_LABELS.sub("", pattern_text))
        account = value[4:] if value[:2].isalpha() else value
        if sum(char.isdigit() for char in account) * 2 < len(account):
            return False
        return raised_if(iban_valid(value) if value[:2].isalpha() else rib_valid(value))
