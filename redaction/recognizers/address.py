"""Postal addresses: number + street type + name (optionally followed by postcode and city), a street with its postcode
and city, postcode + city, a post-office box, a flat's or a building's number; a street alone only after a word
about where someone lives (« elle habite rue Victor Hugo »: « la rue de la Paix » in a question about a prefecture
is a place)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_SENSITIVE, END, START, FrPatternRecognizer

_STREET_TYPES = (
    r"(?i:rue|avenue|av\.|bd|boulevard|impasse|all[ée]e|quai|faubourg|lotissement|hameau|lieu-dit"
    r"|rond-point|esplanade|parvis|sq\.|imp\.|rte|lot\.)"
)
_COMMON_WORD_STREET_TYPES = (
    r"(?i:place|chemin|route|cours|square|passage|cit[ée]|voie|sentier|promenade|mont[ée]e|quartier|ferme|mas)"
)
_PARTICLE = r"(?:(?i:de|du|des|la|le|les|et|sur|sous|en|aux?)\s+|(?i:l|d)['’]\s*)"
_WORD = r"[A-ZÀ-Ýa-zà-ÿ0-9][\w'’-]*"
_NAME_WORD = r"[A-ZÀ-Ý][\w'’-]*"
_RESIDENCE = rf"(?i:r[ée]sidence)\s+(?:(?i:les?|la|du|des)\s+)?(?![A-Z]{{2,}}\b){_NAME_WORD}"
"""A housing estate by its capitalised name (« résidence Les Tilleuls », « Résidence du Parc »); « la résidence
principale », « 5 ans de résidence pour l'ASPA », « résidence en France » are no address."""
_STREET = (
    rf"(?:{_STREET_TYPES}\s+{_PARTICLE}{{0,3}}{_WORD}|{_COMMON_WORD_STREET_TYPES}\s+{_PARTICLE}{{0,3}}{_NAME_WORD}"
    rf"|{_RESIDENCE})"
    rf"(?:\s+{_PARTICLE}{{0,3}}{_NAME_WORD})*(?:\s+n°\s?\d{{1,4}})?"
)
_NUMBER = r"\d{1,4}(?:\s?(?i:bis|ter|quater|[a-d]))?,?"
_POSTCODE = r"(?:0[1-9]|[1-8]\d|9[0-8]|2[AB])\d{3}"
_CITY_LINK = r"(?:[\s-]+(?:(?i:sur|sous|en|le|la|les|de|du|des|lès|lez|et|aux?)[\s-]+)?)"
_CEDEX = r"(?:\s+(?i:cedex)(?:\s+\d{1,2})?)"
_CITY = rf"{_NAME_WORD}(?:{_CITY_LINK}{_NAME_WORD})*{_CEDEX}?"
_TYPED_CITY = rf"(?:(?i:le|la|les|l['’])\s+)?{_WORD}(?:[\s-]+(?i:sur|sous|en|lès|lez)[\s-]+{_WORD})?"
_TYPED_ADDRESS = rf"{_NUMBER}\s+{_STREET_TYPES}\s+(?:{_WORD}\s+){{1,5}}?{_POSTCODE}\s+{_TYPED_CITY}"
"""An address typed fast in lower case, held together by its postcode: « 4 rue jean moulin 76600 le havre »."""
_FOREIGN_STREET = (
    r"(?:Rua|Calle|Carrer|Avenida|Via|Viale|Piazza|Plaza|Strada|Ulica|ul\.)\s+"
    r"(?:(?:das|dos|da|do|de|del|della|di|la|las|los)\s+)*[A-ZÀ-Ý][\w'’-]*\s+(?:[\w'’-]+\s+){0,3}?\d{1,4}[a-zA-Z]?"
    rf"(?:,?\s+(?:\d{{4}}-\d{{3}}|\d{{2}}-\d{{3}}|\d{{4,5}})\s+{_NAME_WORD}(?:[\s-]+{_NAME_WORD})*)?"
)
"""A street abroad, its name before its number (« Rua das Flores 45, 4050-262 Porto », « Calle Mayor 12 »)."""

_GERMAN_STREET = (
    r"[A-ZÄÖÜ][\w'’-]*(?i:stra(?:ß|ss)e|str\.|weg|gasse|platz|allee|ring|damm)\s+\d{1,4}[a-z]?"
    rf"(?:,?\s+(?:[A-Z]-)?\d{{4,5}}\s+{_NAME_WORD}(?:[\s-]+{_NAME_WORD})*)?"
)
"""A German, Austrian or Swiss street, its type joined to its name and its number after it (« Hauptstraße 5,
10115 Berlin », « Lindenweg 12 »)."""
_NUMBER_AFTER_STREET = rf"{_STREET}\s+\d{{1,4}}[a-z]?,?\s+(?:L-)?\d{{4}}\s+{_CITY}"
"""A Belgian, Swiss or Luxembourg address, the number after the street and a postcode of four digits (« Rue de la
Station 16, 4000 Liège »)."""
_KILOMETRE_POINT = (
    rf"(?:{_STREET},?\s+)?PK\s?\d{{1,3}}(?:[,.]\d{{1,3}})?"
    r"(?:\s+(?i:c[ôo]t[ée]\s+(?:mer|montagne|plage|lagon)))?"
)
"""A house found by its kilometre point on the road, where streets have no numbers (Polynesia, Guiana, Réunion):
« PK 12,5 côté mer », « Chemin Saint-Antoine, PK 3 »."""
_POST_BOX = r"(?:B\.?\s?P\.?|(?i:bp|bo[iî]te postale))\s?(?:n°\s?)?\d{1,5}"
"""A post-office box, where the post has no street to deliver to (New Caledonia, Polynesia, rural Africa): « BP
1234 », « B.P. 56 », « boîte postale 7712 »."""
_DWELLING = (
    r"(?:(?i:appartement|appart|app\.|appt\.?|apt\.?|b[aâ]timent|b[aâ]t\.|escalier|esc\.|villa|bloc)\s?(?:n°\s?)?"
    r"\d{1,4}[A-Z]?"
    r"(?!\s*(?i:pi[eè]ces?|chambres?|[ée]tages?|m2|m²|ans?)\b)"
    r"|(?i:b[aâ]timent|immeuble)\s+(?:(?i:les?|la|du|des)\s+)?(?![A-Z]{2,}\b)[A-ZÀ-Ý][\w'’-]+"
    r"|(?i:b[aâ]t\.?|esc\.?|escalier)\s[A-H](?:\d{1,2})?(?=[\s,]))"
)
"""A dwelling inside its building or its estate (« APPARTEMENT 31 », « appt 12 », « Bât. 5 », « escalier 2 »,
« Bâtiment Les Tilleuls », « villa n° 7734 », « Bloc 5 »), which with a name says where one person lives; not « un
appartement 3 pièces » or « un bâtiment 2 étages »."""


class FrAddressRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern(
            "Numéro et voie",
            rf"{START}{_NUMBER}\s+{_STREET}(?:,?\s+{_POSTCODE}\s+{_CITY}|\s+à\s+{_CITY}\s*\(\s*{_POSTCODE}\s*\))?{END}",
            0.6,
        ),
        Pattern("Adresse tapée en minuscules", rf"{START}{_TYPED_ADDRESS}{END}", 0.6),
        Pattern("Voie à l'étranger", rf"{START}{_FOREIGN_STREET}{END}", 0.5),
        Pattern("Voie puis numéro et code postal à quatre chiffres", rf"{START}{_NUMBER_AFTER_STREET}{END}", 0.6),
        Pattern("Point kilométrique", rf"{START}{_KILOMETRE_POINT}{END}", 0.5),
        Pattern("Boîte postale", rf"{START}{_POST_BOX}{END}", 0.5),
        Pattern("Voie germanique", rf"{START}{_GERMAN_STREET}{END}", 0.5),
        Pattern("Appartement, bâtiment ou escalier", rf"{START}{_DWELLING}{END}", 0.5),
        Pattern("Voie, code postal et ville", rf"{START}{_STREET},?\s+{_POSTCODE}\s+{_CITY}{END}", 0.6),
        Pattern("Code postal et ville", rf"{START}{_POSTCODE}\s+{_CITY}{END}", 0.45),
        Pattern("Voie sans numéro", rf"{START}{_STREET}{END}", 0.15),
    ]
    CONTEXT = ["adresse", "domicile", "habite", "demeurant", "domicilié", "réside", "résidant", "vit"]

    ENTITY = "ADRESSE"
    FLAGS = CASE_SENSITIVE
