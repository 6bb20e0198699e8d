"""Numbers an administration or an employer gives a person's case or a person in its files, taken only after a word
naming them: « dossier MDPH n° 2023-456789 », « numéro de demande : 22-0457813 », « n° de réclamation 4512789 »,
« matricule 458712 », « numéro client 0012457896 », « numéro de badge 45872 », « n° d'agent 123456 », « pré-demande
ANTS 4F7K2P9Q1M », « numéro de formule 2019AZ12345 » (of a registration certificate), « INE 0703459182K » (a
student's), « numéro d'écrou 45721 », « NUR 093122401234P » (numéro unique régional of a social-housing request),
« numéro de série de la carte Vitale 1234567890 », « n° de sinistre SIN-23-0045871 », « n° d'avis 7501234567 » (of a
fine), « RG n° 23/04512 » (a court case), « PDL 14523687456321 » (an electricity meter, « point de livraison »),
« contrat EDF n° 4021 587 396 », « police d'assurance n° 45 872 310 », « n° invariant 6912345678A » (a dwelling's,
for the taxe foncière), « NUD 0752304012345 » (numéro unique of a social-housing request), « ANEF n°
7501-2023-0012345 » (a residence-permit request online), « CMI-93-0458712 » (a disability card), « numéro de prise en
charge PEC-2024-33871 », « le code reçu par SMS : 482913 ». They carry no check digit; what makes them a
number is five digits or more, letters between them or not (« dossier 2 » is not one). A cerfa, an article, a law or
a decree named between the word and the number is what the number belongs to, and is left alone (« demande d'APL :
cerfa 12100*03 »).

The reference of a tax notice is taken with its spaces: « Référence de l'avis d'imposition : 24 75 A123456 78 »."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_INSENSITIVE, END, FrPatternRecognizer

_CUE = (
    r"(?:dossier|(?:num[ée]ro|n[°o]|no\.?|r[ée]f[ée]rence|r[ée]f\.?)\s+(?:de\s+|d['’]\s*)?"
    r"(?:demande|r[ée]clamation|usager|client|adh[ée]rent|b[ée]n[ée]ficiaire|affiliation|pension|contrat|badge"
    r"|salari[ée]e?|employ[ée]e?|agent|locataire|patient|assur[ée]e?|carte\s+professionnelle|s[ée]rie|formule"
    r"|[ée]crou|[ée]tudiant|sinistre|avis|contravention|prise\s+en\s+charge|r[ôo]le)|matricule|badge|\bINE\b"
    r"|\b[ée]crou\b|pr[ée]-?demande|(?:contrat|police|invariant)(?=(?:\s+[\w'’.]{1,12}){0,3}?\s*(?:n[°o]|num[ée]ro))"
    r"|(?:num[ée]ro|n[°o])\s+invariant|invariant\s+fiscal|\b(?:NUR|NUD|PDL|PRM|RG|CMI|ANEF|ANTS)\b|point\s+de\s+livraison"
    r"|num[ée]ro\s+unique(?:\s+r[ée]gional|\s+d['’]enregistrement|\s+de\s+demande)?"
    r"|code\s+(?:re[çc]u|de\s+(?:v[ée]rification|confirmation|s[ée]curit[ée]|validation|connexion|activation)))"
)
_SERIAL_OF = r"(?:\s+de\s+(?:la|sa|ma|votre|cette)\s+carte)?"
"""« numéro de série de la carte Vitale »: the card is what the number belongs to."""
_GAP = r"(?:\s+(?!cerfa|article|art\.|loi|d[ée]cret|arr[êe]t[ée]|formulaire)[\w'’.]{1,12}){0,3}?"
_MARK = r"\s*(?:n[°o]\.?|num[ée]ro|r[ée]f\.?|:|=)?\s*"
_PHONE = r"0[1-9](?:[ ./-]?\d\d){4}(?![\w-])"
"""A phone number given for a case is a phone number (`FrPhoneRecognizer`)."""
_NUMBER = rf"(?!{_PHONE})(?=(?:[A-Z/ -]*\d){{5}})[A-Z0-9](?:[A-Z0-9]|[-/](?=[A-Z0-9])|(?<=\d) ?/? (?=\d)){{4,24}}"
"""Letters and digits, five digits at least, in groups joined by a dash, a slash or a space between digits
(« 2407 3318 7921 5 », « 974 / 2281043 »)."""
MIN_DIGITS = 5
_TAX_NOTICE_CUE = r"\br[ée]f[ée]rence\s+(?:de\s+)?l['’]\s*avis(?:\s+d['’]\s*imp[ôo](?:t|ts|sition))?"
_TAX_NOTICE_REFERENCE = r"(?=(?:[A-Z]?\d ?){8})(?:[A-Z0-9] ?){12}[A-Z0-9]"
"""Thirteen letters or digits, eight digits at least, grouped by spaces or not."""


class FrCaseNumberRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern("Numéro de dossier", rf"(?<=\b{_CUE}{_SERIAL_OF}{_GAP}{_MARK})(?<![\w-]){_NUMBER}{END}", 0.7),
        Pattern(
            "Référence d'avis d'impôt", rf"(?<={_TAX_NOTICE_CUE}{_MARK})(?<![\w-]){_TAX_NOTICE_REFERENCE}{END}", 0.7
        ),
    ]

    ENTITY = "NUMERO_DOSSIER"
    FLAGS = CASE_INSENSITIVE

    def invalidate_result(self, pattern_text: str) -> bool:
        """Five digits at least in the number itself: a word before it (« prise en charge transport PEC-2024-33871 »)
        is none, though digits follow it."""
        return sum(char.isdigit() for char in pattern_text) < MIN_DIGITS
