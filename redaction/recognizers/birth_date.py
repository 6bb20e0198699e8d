"""Dates of birth, in every usual form, after a word about birth ("né(e) le", "née en", "date de naissance",
"DDN", "DN", "dob"): 12/03/1985, 12.03.85, 12-03-1985, 12 03 1985, 1985-03-12, 12 mars 1985, 12 mars 85, 1er mars
1985, mars 1985, without separators as forms ask for it (19850312, 12031985), or the year alone (« en 1985 », « en
85 »), or said in words (« le trois mars mil neuf cent quatre-vingt-cinq », « en deux mille dix »); a list of them
("nés en 2010 et 2013") too. A full date right after a person's name (« Karim Benali, 12/03/1985 ») is one as well:
the engine finds it (`DATE_AFTER_NAME`), names being known only there. Other dates are left alone, and so is a date
that bounds a condition (« un enfant né après le 1er janvier 2024 »: « né avant, après, depuis, à partir du… » is a
rule, not a person's birth).

The town of birth goes with the date (`FrBirthPlaceRecognizer`): « né le 3/4/85 à Lagos », « née à Besançon », « lieu
de naissance : Pointe-à-Pitre ». A country or a region is left (« né au Maroc », « née en Algérie », « né à
l'étranger »): French names a town with « à », and what an answer needs to know is whether the birth was abroad."""

from __future__ import annotations

import regex
from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_INSENSITIVE, END, START, FrPatternRecognizer
from redaction.recognizers.number_words import NUMBER_WORDS, TEENS, UNITS, alternation

_MONTHS = (
    r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
    r"|janv|févr|fevr|avr|juil|sept|oct|nov|déc|dec)\.?"
)
_WEEKDAY = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim)\.?,?\s+)"
"""« Dim 28 Oct 1990 », « dimanche, 28 octobre 1990 »: the day of the week is part of the date."""
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)\d{2}"
_SEP = r"\s?[/.-]\s?"
"""« 07/10/1955 », « 07 / 10 / 1955 », « 7.10.55 »."""
_ROMAN_MONTH = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
"""« 15.XII.1948 », as old civil registers write the month."""
FULL_DATE = (
    rf"(?:(?:{_DAY}|00){_SEP}(?:{_MONTH}|00|{_ROMAN_MONTH}){_SEP}(?:{_YEAR}|\d{{2}})|{_DAY}\s{_MONTH}\s{_YEAR}"
    rf"|{_YEAR}-{_MONTH}-{_DAY}"
    rf"|{_WEEKDAY}?(?:1er|{_DAY})\s+{_MONTHS}\s+(?:{_YEAR}|\d{{2}}))"
)
_TWO_DIGIT_DAY = r"(?:0[1-9]|[12]\d|3[01])"
_TWO_DIGIT_MONTH = r"(?:0[1-9]|1[0-2])"
_COMPACT_DATE = rf"(?:{_YEAR}{_TWO_DIGIT_MONTH}{_TWO_DIGIT_DAY}|{_TWO_DIGIT_DAY}{_TWO_DIGIT_MONTH}{_YEAR})"
"""A date as forms ask it, without separators: 19850312 (AAAAMMJJ), 12031985 (JJMMAAAA)."""
_UNIT_WORD = rf"(?:{alternation(set(UNITS) - {'zero'})})"
_TEEN_WORD = rf"(?:{alternation(TEENS)})"
_NUMBER_WORD = rf"(?:{alternation(NUMBER_WORDS - {'zero'})}|cents?)"
_DAY_WORDS = (rf"(?:premier|(?:vingt|trente)(?:[\s-]et[\s-]un|[\s-]{_UNIT_WORD})?|dix[\s-](?:sept|huit|neuf)"
              rf"|{_UNIT_WORD}|{_TEEN_WORD})")
_YEAR_WORDS = rf"(?:(?:mil|mille)[\s-]neuf[\s-]cents?|deux[\s-]mille)(?:[\s-](?:et[\s-])?{_NUMBER_WORD})*"
"""A year said in words: « mil neuf cent quatre-vingt-cinq », « deux mille dix »."""
_SHORT_YEAR_WORDS = rf"{_NUMBER_WORD}(?:[\s-](?:et[\s-])?{_NUMBER_WORD})*"
SPOKEN_DATE = rf"(?:1er|{_DAY}|{_DAY_WORDS})\s+{_MONTHS}\s+(?:{_YEAR}|{_YEAR_WORDS}|{_SHORT_YEAR_WORDS})"
"""A date written as it is said: « trois mars 1985 », « premier janvier deux mille dix », « 3 mars deux mille
quinze », « deux avril quatre-vingt-douze » (the century left out, as « né en 92 »)."""
_PARTIAL_DATE = rf"(?:{_MONTHS}\s+)?(?:{_YEAR}|\d{{2}})"
"""After « né en », two digits are a year too: « né en 85 », « née en mars 85 »."""
_BORN = r"\bn[ée](?:\(e\)|e)?s?\b"
_CUE = rf"(?:{_BORN}|\bnaissance\b|\bnaiss\b\.?|\bD\.?D?\.?N\b|\bD\.?O\.?B\b)"
_FOREIGN_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
    r"|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|januar|februar|m[äa]rz|juni|juli|oktober|dezember)\.?"
)
_ORDINAL_DAY = rf"{_DAY}(?:st|nd|rd|th|º|°)?"
_ANY_MONTH = rf"(?:{_FOREIGN_MONTHS}|{_MONTHS})"
FOREIGN_DATE = (
    rf"(?:{_ANY_MONTH}\s+{_ORDINAL_DAY},?\s+{_YEAR}"
    rf"|{_ORDINAL_DAY}\.?\s+(?:of\s+|de\s+)?{_ANY_MONTH},?\s+(?:de\s+|del\s+)?{_YEAR})"
)
"""A date of birth written in English, Spanish, Portuguese, Italian or German, as a foreign document or an asker
writes it: « March 3rd, 1968 », « Feb 2, 1972 », « 8 de mayo de 1970 », « 8. Mai 1970 »."""
_FOREIGN_CUE = (
    rf"(?:{_CUE}|\bborn\b|\bbirth\b|\bnacid[oa]s?\b|\bnacimiento\b|\bnascid[oa]\b|\bnascimento\b"
    r"|\bgeboren\b|\bgeburts\w*|\bnat[oa]\b)"
)
_BOUND = r"\b(?:avant|apr[èe]s|depuis|partir|compter|entre|jusqu|post[ée]rieure?s?|ant[ée]rieure?s?)\b"
_FILLER = rf"(?:(?!{_BOUND})[^\d\n.?!;]){{0,24}}?"
"""What may stand between the cue and the date, but no word that makes the date a bound (« né après le… »)."""
_GENERIC = r"\b(?:une?|les|des|aux?|toute?s?|chaque|certaine?s?)\s+(?:[\w'’-]+\s+){0,2}"
"""« une personne née en 1965 », « les assurés nés en 1961 »: a generation in a general question, not a person."""
_YEAR_CUE = (
    rf"(?:(?<!{_GENERIC})\bn[ée]e?s?(?:\s?\(e\)s?|·e)?\s+(?:en|vers)\s+"
    r"|\bnaissance\s*:?\s*(?:en\s+)?|\bD\.?D\.?N\.?\s*:?\s*|\bD\.?O\.?B\.?\s*:?\s*)"
)

DATE_AFTER_NAME = regex.compile(rf"[ \t]*(?:[,:–-][ \t]*|\([ \t]*)?(?P<date>{FULL_DATE}){END}", CASE_INSENSITIVE)
"""Matched right at the end of a name: « , 12/03/1985 », « (03.04.1990) », « 1985-03-12 »; not « le 03/04/2024 »."""


def _listed(date: str) -> str:
    """Dates before the one matched, in a list after the same cue ("nés le 3 mars 2010 et le 5 juin 2013")."""
    return rf"(?:{START}{date}{END}\s*(?:,|\bet\b|\bou\b)\s*(?:(?:le|en)\s+)?)*"


class FrBirthDateRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern("Date après naissance", rf"(?<={_CUE}{_FILLER}{_listed(FULL_DATE)}){START}{FULL_DATE}{END}", 0.8),
        Pattern("Année après né en", rf"(?<={_YEAR_CUE}{_listed(_PARTIAL_DATE)}){START}{_PARTIAL_DATE}{END}", 0.8),
        Pattern("Date compacte après naissance", rf"(?<={_CUE}{_FILLER}){START}{_COMPACT_DATE}{END}", 0.8),
        Pattern("Date en lettres après naissance", rf"(?<={_CUE}{_FILLER}){START}{SPOKEN_DATE}{END}", 0.8),
        Pattern("Date étrangère après naissance", rf"(?<={_FOREIGN_CUE}{_FILLER}){START}{FOREIGN_DATE}{END}", 0.8),
        Pattern("Date chiffrée après naissance en langue étrangère",
                rf"(?<={_FOREIGN_CUE}{_FILLER}){START}{FULL_DATE}{END}", 0.8),
        Pattern("Année en lettres après né en", rf"(?<={_YEAR_CUE}){START}(?:{_MONTHS}\s+)?{_YEAR_WORDS}{END}", 0.8),
    ]

    ENTITY = "DATE_NAISSANCE"
    FLAGS = CASE_INSENSITIVE


_BIRTH_DATE = rf"(?:{FULL_DATE}|{SPOKEN_DATE}|{_COMPACT_DATE}|{FOREIGN_DATE})"
_TOWN = (
    r"(?!(?:l['’]|la\s|le\s+(?:m[êe]me|lendemain)|domicile\b|terme\b|bord\b|maison\b|cette\b|quel))"
    r"(?:(?:Le|La|Les|El|Al)\s+)?\p{L}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*"
    r"(?:\s+(?:sur|sous|en|lès|les|l[ée]s)[\s-]\p{Lu}[\p{L}'’-]*)?"
)
"""A town: « Lagos », « Pointe-à-Pitre », « Le Caire », « Boulogne-sur-Mer », « Châlons en Champagne »; not
« l'étranger », « domicile », « terme » (« né à terme »)."""
_AT = r"\s*,?\s+(?:à|a)\s+"


class FrBirthPlaceRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern("Ville après la date de naissance",
                rf"(?<={_CUE}{_FILLER}(?:{_BIRTH_DATE}|(?<=\ben\s+){_PARTIAL_DATE}){_AT}){_TOWN}{END}", 0.8),
        Pattern("Ville après né à", rf"(?<=(?<!{_GENERIC}){_BORN}{_AT})(?=\p{{Lu}}){_TOWN}{END}", 0.7),
        Pattern("Ville après lieu de naissance",
                rf"(?<=\blieu\s+de\s+naissance\s*:?\s*|{_CUE}{_FILLER}{_BIRTH_DATE}\s*,?\s*lieu\s*:\s*){_TOWN}{END}",
                0.8),
    ]

    ENTITY = "LIEU_NAISSANCE"
    FLAGS = CASE_INSENSITIVE
