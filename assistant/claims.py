"""The words that change a rule: quantities with their units, and markers of condition, exception, exclusivity,
modality, bounds, time and audience; plus the role nouns (who owes what to whom).

A sentence that keeps every content word of its source but swaps one of these says something else: the
verifier requires them to be matched in the supporting passage sentence, not merely near it."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from assistant.grammar import without_relative_clauses
from indexing.text import analyze, fold

NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
}
ORDINAL_WORDS = {
    "premier": 1, "premiere": 1, "second": 2, "seconde": 2, "deuxieme": 2, "troisieme": 3, "quatrieme": 4,
    "cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10,
}
"""« le premier enfant » is « le 1er enfant »: an ordinal in words is its number, counted even with no unit after
it (unlike « un », « deux »…), so « le deuxième enfant » does not pass for « le 1er enfant »."""
_TENS = "dix|vingt|trente|quarante|cinquante|soixante"
_DIGITS = "un|deux|trois|quatre|cinq|six|sept|huit|neuf"
COMPOUND_NUMBER = re.compile(rf"({_TENS})(?:[- ]et[- ]un|-({_DIGITS}))")
"""« dix-huit », « vingt-quatre », « trente-cinq », « quarante et un »: a ten and its unit, written in words."""
UNITS = {
    "%": "pct", "pour cent": "pct", "€": "eur", "euro": "eur", "euros": "eur", "jour": "jour", "jours": "jour",
    "mois": "mois", "an": "an", "ans": "an", "annee": "an", "annees": "an", "semaine": "semaine",
    "semaines": "semaine", "heure": "heure", "heures": "heure", "h": "heure", "minute": "minute",
    "minutes": "minute", "fois": "fois", "reprise": "fois", "reprises": "fois", "lot": "lot", "lots": "lot",
    "salaries": "salarie",
}
_UNIT = "|".join(sorted((re.escape(unit) for unit in UNITS), key=len, reverse=True))
NUMBER_WORD = "|".join([rf"(?:{_TENS})(?:[- ]et[- ]un|-(?:{_DIGITS}))",
                        *sorted([*NUMBER_WORDS, *ORDINAL_WORDS], key=len, reverse=True)])
"""A number or an ordinal written in words (« vingt-trois », « trois », « troisième »), folded: a pattern part."""
QUANTITY = re.compile(
    rf"(?<![\w-])(?<!\d,)((?<![\d/])\d{{1,2}}/\d{{1,2}}(?![\d/])|\d+(?:[\s\u00a0\u202f.]\d{{3}})*(?:,\d+)?"
    rf"|(?:{NUMBER_WORD})(?![\w-]))(?:e|er|eme)?\s*(?:({_UNIT})(?![\w]))?"
)
"""A number, in digits or words, with the unit after it; not the tail of a decimal (« 2,5 »), but an amount the
text glues to the word before it (« 112,20 € le samedi,139,65 € le dimanche »); a share (« 2/3 », not a date
« 12/05/2024 ») is one number."""
FRACTION = "part"
"""The unit of a share (« pour 1/3 à l'époux »)."""
SPELLED_FRACTIONS = {"tiers": 3, "quart": 4, "quarts": 4}
_SPELLED_FRACTION = re.compile(r"\b(?:(un|une|deux|trois) (tiers|quarts?)|(?:la |une )?moitie)\b")


def spelled_fractions(folded: str) -> str:
    """Shares written in words as figures: « deux tiers » is « 2/3 », « la moitié » « 1/2 »."""
    return _SPELLED_FRACTION.sub(
        lambda m: f"{NUMBER_WORDS[m.group(1)]}/{SPELLED_FRACTIONS[m.group(2)]}" if m.group(1) else "1/2", folded)

NOT_LESS_THAN = r"\bne (?:peu\w*|doi\w*) (?:[\w'-]+\s+){0,2}?moins de\b"
"""« ne peut avoir lieu moins de cinq jours après »: a minimum written as a denial, folded: a pattern part."""

NOT_RESTRICTIVE = r"(?:pas|point|rien|guere|mais|car)"
"""A word that, between « ne » and « que », makes the « que » another clause's: « n'exige pas qu'un étranger
renonce » denies a duty, « si aucun candidat n'obtient la majorité mais que l'un d'eux… » adds a condition; neither
restricts like « ne … que »."""

SYMMETRIC = "symmetric"
"""Markers the source sentence carries must be carried by the answer too (dropping « sauf » or « peut » changes
the rule as much as adding them); the other markers are only required from the answer to the source."""

MARKERS: dict[str, tuple[str, bool]] = {
    # name: (pattern on folded text, symmetric)
    "condition": (r"(?<!y compris )(?<!meme )(?:\bs(?:i|'il|'ils)\b|\blorsqu|\bquand\b)"
                  r"|\ba (?:la )?condition\b|\bsous reserve\b|\bdes lors\b"
                  r"|\ben cas d|\bdans (?:les|certains|ce) cas\b(?! suivants)|\ben l'absence\b|\ba defaut\b"
                  r"|\bdans le cas contraire\b|\bsinon\b"
                  r"|\bdes que\b|\bsans prejudice d", True),
    "exception": (r"\bsauf\b|\bhors\b(?! tax)|\bexcepte|\ba l'exception\b|\ben dehors\b|\bexclusion\b"
                  r"|\bsans compter\b|\bnon compris\b|\bseule exception\b", True),
    "exclusive": (r"\buniquement\b|(?<!\bun )(?<!\bune )\bseul(?:e|s|es|ement)?\b(?! exception)"
                  r"|\bune? seule? (?:des|d'entre)\b"
                  r"|\bexclusivement\b"
                  r"|\breserve(?:e|s|es)? aux?\b"
                  rf"|\bn(?:e\s+|')(?:(?!{NOT_RESTRICTIVE}\b)[\w-]+\s+){{1,5}}?qu(?:e\b|')(?!\s*une? seule?\b)", True),
    "possibility": (r"\bpeu(?:t|vent|x)\b|\bpouv(?:ez|ons|oir|ant)\b|\bpourr\w*|\b(?:im)?possibl\w*|\bfacult\w*"
                    r"|\bpossibilit\w*|\b(?:vous|lui|leur|nous|ne) permet\w*|\bpermet(?:tent|tra|tront)? (?:a|au|aux)\b"
                    r"|\b(?:a|ont|avez|as) (?:\w+ )?(?:pas )?le (?:droit|choix)\b"
                    r"|\b(?:est|sont|etes|es)(?: \w+)? en droit d|\blibres? de\b"
                    rf"|\bdispos\w* d(?:'un delai d(?:e\b|')|e (?=\d|(?:{NUMBER_WORD})\b))"
                    rf"|\b(?:ont|avez|avons) (?:\d+|{NUMBER_WORD}) (?:[\w']+ ){{1,3}}?pour\b", True),
    "minimum": (r"\bau moins\b|\bminim\w*|\b(?:pas|peu\w*|doi\w*) (?:etre )?inferieur\w*|\bpas moins\b|[⩾≥]"
                r"|\bn(?:e\s+|')(?:[\w'-]+\s+){0,5}?(?:(?:pas|plus)\s+)?(?:etre\s+)?inferieur"
                rf"|{NOT_LESS_THAN}", True),
    "maximum": (r"\bau plus\b(?! tard)|\bmaxim\w*|\bni (?:etre )?superieur\w*"
                r"|\bdans la limite\b|\bplafon\w*|[⩽≤]|\bsans (?:depasser|exceder)\b"
                r"|\bn(?:e\s+|')(?:[\w'-]+\s+){0,5}?(?:(?:pas|plus)\s+)?(?:etre\s+)?(?:superieur|depass|exced)", True),
    "obligation": (r"\bdoi(?:t|vent|s)\b|\bdevr\w*|\bdevez\b|\bobligatoir\w*|\boblig\w*|\btenue?s?\b"
                   r"|\bil faut\b|\bimpos(?!sib|ab|ition)\w*|\bexig(?:e|es|ent|er|ez|ee|ees|era\w*|eait|eant)\b"
                   r"|\brequi(?:ert|erent)\b",
                   False),
    "always": (r"\btoujours\b|\bsystematique\w*|\bdans tous les cas\b|\ben toutes circonstances\b", False),
    "never": (r"\bjamais\b|\ben aucun cas\b", False),
    "none": (r"\baucun\w*|\bnul(?:le)?s?\b", False),
    "all": (r"\btous\b|\btoutes\b|\bchaque\b(?! (?:jour|semaine|mois|annee|an|trimestre)\b)|\bchacun\w*"
            r"|\bquel(?:le)?s? que soit\b", False),
    "without": (r"\bsans\b(?! (?:compter|depasser|exceder)\b)|\ben l'absence d|\ba defaut d", False),
    "absence": (r"\ben l'absence d|^\s*sans\b[^,]*,", True),
    "more_than": (rf"\bplus de\b(?= \d| (?:{NUMBER_WORD})\b)|\bsuperieur\w*"
                  r"|(?<!sans )\b(?:depass(?!ement)|exced)\w*", True),
    "less_than": (rf"\bmoins de\b(?= \d| (?:{NUMBER_WORD})\b)|\binferieur\w*", True),
    "before": (r"\bavant\b|\bprenata\w*|\banterieur\w* a\b|\bpreced(?:ant|ent|e)\w*|\bveille\b", False),
    "after": (r"\bapres\b(?! (?:deduction|abattement|prelevement)s?\b)"
              r"|\bsuivant\w* (?:la|le|les|l'|son|sa|ses|leur|leurs|chaque|ce|cet|cette|votre|vos)\b"
              r"|\b(?:jour|mois|semaine|annee|an)s? suivant\w*|\bqui sui(?:t|v\w*)|\ba l'issue\b|\bpasse ce\b"
              r"|\blendemain\b|\bpostnata\w*|\bposterieur\w* a\b", False),
    "deadline": (r"\bau plus tard\b", False),
    "refusal": (r"\brejet\w*|\brefus\w*", False),
    "acceptance": (r"\baccept\w*|\baccord(?:e|es|ee|ees)\b|\b(?:sauf|avec|sans|apres) (?:l')?accord d"
                   r"|\bva(?:u|len)t accord\b|\ben accord avec\b", False),
    "until": (r"\bjusqu(?:'|e\b)", False),
    "from": (r"\ba partir d|\ba compter d", False),
    "calendar_days": (r"\bcalendaire\w*", False),
    "working_days": (r"\bouvrable\w*", False),
    "business_days": (r"\bouvres\b", False),
    "clear_days": (r"\bfrancs?\b", False),
    "same_day": (r"\bjour meme\b|\bmeme jour\b", False),
    "next_day": (r"(?<!sur)\blendemain\b|\b(?:1|un) jour (?:apres|suivant)\b", False),
    "day_after_next": (r"\bsurlendemain\b", False),
    "eve": (r"\bveille\b|\b(?:1|un) jour (?:avant|precedant)\b", False),
    "gross": (r"\bbrute?s?\b", False),
    "net": (r"\bnet(?:te)?s?\b", False),
    "before_tax": (r"\bhors taxes?\b|\bht\b", False),
    "tax_included": (r"\bttc\b|\btoutes taxes\b|\btva incluse\b", False),
    "monthly": (r"\bmensuel\w*|\bpar mois\b|\b(?:chaque|tous les) mois\b", False),
    "yearly": (r"\bannuel\w*|\bpar an\b|\bchaque annee\b|\btous les ans\b", False),
    "weekly": (r"\bhebdomadaire\w*|\bpar semaine\b|\bchaque semaine\b|\btoutes les semaines\b", False),
    "quarter": (r"\bquarts?\b", False),
    "third": (r"\btiers\b", False),
    "half": (r"\bmoitie\b|\bdemie?\b", False),
    "double": (r"\bdoubl\w*", False),
    "triple": (r"\btripl\w*", False),
    "day": (r"\bjours?\b|\bjournees?\b", False),
    "week": (r"\bsemaines?\b", False),
    "month": (r"\bmois\b", False),
    "year": (r"\bans?\b|\bannees?\b", False),
    "hour": (r"\bheures?\b", False),
    "public_sector": (r"\bfonction publique\b|\bfonctionnaires?\b|\bagents? publics?\b"
                      r"|\bcontractuel\w*|\bterritoria\w*|\bhospitaliere\b", False),
    "private_sector": (r"\bsecteur prive\b|\bdu prive\b|\bentreprises? privees?\b|\bdroit prive\b", False),
}
COMPILED = {name: re.compile(pattern) for name, (pattern, _) in MARKERS.items()}
SYMMETRIC_MARKERS = frozenset(name for name, (_, symmetric) in MARKERS.items() if symmetric)

ROLES = {
    "employeur": "employeur", "employeurs": "employeur", "salarie": "salarie", "salaries": "salarie",
    "salariee": "salarie", "salariees": "salarie", "employe": "salarie", "employes": "salarie",
    "employee": "salarie", "employees": "salarie", "bailleur": "bailleur", "bailleurs": "bailleur",
    "locataire": "locataire", "locataires": "locataire", "proprietaire": "proprietaire",
    "proprietaires": "proprietaire", "vendeur": "vendeur", "vendeurs": "vendeur", "acheteur": "acheteur",
    "acheteurs": "acheteur", "client": "client", "clients": "client", "hotelier": "hotelier",
    "agent": "agent", "agents": "agent", "fonctionnaire": "agent", "fonctionnaires": "agent",
    "administration": "administration", "inspecteur": "inspecteur", "juge": "juge", "tribunaux": "juge",
    "tribunal": "juge", "banque": "banque", "notaire": "notaire", "syndic": "syndic",
    "copropriétaire": "coproprietaire", "coproprietaire": "coproprietaire", "coproprietaires": "coproprietaire",
    "apprenti": "apprenti", "apprentie": "apprenti", "apprentis": "apprenti", "stagiaire": "stagiaire",
    "stagiaires": "stagiaire", "candidat": "candidat", "candidate": "candidat", "candidats": "candidat",
    "interimaire": "interimaire", "interimaires": "interimaire", "cliente": "client", "acheteuse": "acheteur",
    "vendeuse": "vendeur",
}
"""Each party with its feminine and plural forms (« la salariée » is the party « le salarié » names)."""
_NEGATIVES = "pas|plus|jamais|rien|aucun|aucune|guere|point|nullement|ni"
NEGATION = re.compile(
    rf"\bn(?:e\s+|')(?:[\w'-]+\s+){{0,4}}?(?:{_NEGATIVES})\b"
    rf"|\bne (?:peu(?:t|vent)|pourr\w*|saur\w*) (?!(?:[\w'-]+\s+){{0,4}}?(?:{_NEGATIVES}|qu(?:e\b|')))"
    r"|\b(?:aucun|aucune|jamais|interdit|interdite|interdits|interdites|nullement|impossibles?)\b"
    r"|\b(?:illega(?:l|le|ux|les)|illicites?|prohibee?s?)\b"
    r"|\?\s*:\s*non\b"
)
"""A denial: « ne … pas » and its kin (across a pronominal verb: « ne s'appliquent pas »), the written « ne peut
excéder » that needs no « pas », « impossible » (« ne peut pas »), « illégal » (« interdit »), and a table cell
that answers « Non »."""
ALLOWED_NOT = re.compile(r"\b(?:peu\w*|pourr\w*) ne pas\b")
YES_NO = re.compile(r"^\s*(oui|non)\b[\s,.;:!-]*", re.IGNORECASE)
OPPOSITES = (("oral", "ecrit"), ("verbal", "ecrit"), ("gratuit", "payant"), ("provisoire", "definitif"),
             ("acceptation", "rejet"), ("particulieres", "habituelles"), ("particulier", "habituel"),
             ("ouvres", "ouvrables"), ("ouvres", "calendaires"), ("ouvrables", "calendaires"))
"""Forms a thing has one or the other of, so that a rule stating one denies the other: « Le CDD peut-il être
oral ? » is answered « Non » by « le CDD doit être écrit », « le silence vaut-il acceptation ? » by « vaut
décision de rejet », « des règles particulières ? » by « les règles habituelles », « en jours ouvrés ? » by « en
jours ouvrables » (the stemmer cuts the feminine
and the masculine apart, hence both). Not parties or kinds (CDD and CDI, mineur and majeur): a rule on one says
nothing of the other."""
ALONE = re.compile(r"\bseule?s?\b|\bsans\b")
WITHOUT = re.compile(r"\bsans (?:qu'il (?:soit|ne soit) (?:necessaire|besoin|utile) d[e']\s*)?(?!que\b|qu')"
                     r"((?:[\w']+ ){0,2}[\w']+)")
"""What a rule does without (« sans condition d'ancienneté »): three words at most; not « sans que ce refus
constitue une faute », which says what does not follow."""
ONLY_WITH = re.compile(r"\bn(?:e\s+|')(?:[\w-]+\s+){1,5}?qu(?:e\s+|')(?:apres|avec|sur|par)\b")
"""A restriction to a requirement (« il ne peut signer qu'après autorisation »): it answers « Non » to a question
on doing without it (« peut-il signer seul ? »)."""


@dataclass(frozen=True)
class Claim:
    quantities: frozenset[tuple[str, str]]
    """(normalised number, unit or "") pairs: `2 jours ouvrables` -> ("2", "jour")."""
    markers: frozenset[str]
    roles: frozenset[str]


def _normalise_number(raw: str) -> str:
    compound = COMPOUND_NUMBER.fullmatch(raw)
    if compound:
        return str(NUMBER_WORDS[compound.group(1)] + (NUMBER_WORDS[compound.group(2)] if compound.group(2) else 1))
    if raw in NUMBER_WORDS:
        return str(NUMBER_WORDS[raw])
    if raw in ORDINAL_WORDS:
        return str(ORDINAL_WORDS[raw])
    value = re.sub(r"[\s\u00a0\u202f.]", "", raw).replace(",", ".")
    return value.lstrip("0") or "0"


def _quantities_said(text: str) -> Iterator[tuple[str, str]]:
    for match in QUANTITY.finditer(spelled_fractions(fold(text))):
        raw, unit = match.group(1), match.group(2)
        if "/" in raw:
            yield raw, FRACTION
            continue
        if raw in ("un", "une") and not unit:
            continue
        number = "1~" if raw in ("un", "une") else _normalise_number(raw)
        yield number, UNITS.get(unit, "") if unit else ""


def quantities(text: str) -> frozenset[tuple[str, str]]:
    """Numbers with the unit that follows them, a count of anything else as a bare number (« six suspensions »,
    « deux périodes »); « un »/« une » (an article as often as a number: « une semaine complète ») counts only
    before a unit, as `1~`."""
    return frozenset(_quantities_said(text))


def measures_counted(text: str) -> Counter[tuple[str, str]]:
    """How many times the text gives each number with a unit (« 6 mois » twice), « un »/« une » left out."""
    return Counter(quantity for quantity in _quantities_said(text) if quantity[1] and quantity[0] != "1~")


ABSENCE_WORDING = re.compile(r"\ben l'absence d|\ba defaut\b|\bfaute d|\bsinon\b|^\s*sans\b[^,]*,"
                             r"|\bs(?:i|'il|'ils|'elle|'elles)\b(?:\s+[\w'-]+){0,2}?\s+(?:ne |n')"
                             r"(?!(?:[\w'-]+\s+){0,3}?qu(?:e\b|'))")
"""The other ways to say « en l'absence de »: « à défaut de réponse », « faute de », « sinon », « si l'employeur ne
remet pas… » (not « si le bail ne dure que… », a bound)."""


NOTHING_OF = re.compile(r"\bn(?:e\s+|')(?:[\w'-]+\s+){0,3}?pas\s+(?!(?:tous|toutes|toujours|forcement|necessairement"
                        r"|systematiquement|seulement|uniquement|plus|moins)\b)(?:[\w'-]+\s+){0,3}?d(?:e\s|')")
"""« ne peut pas y avoir de dispense », « n'a pas entraîné de dommage »: none of a thing, as « aucune dispense » says
(not « pas tous », « pas plus de »)."""

IMPLIED = {"weekly": "week", "monthly": "month", "yearly": "year"}
"""« hebdomadaire » says « par semaine »: a rate names its period."""


UNIT_GLOSS = re.compile(r"\b(ouvrables?|ouvres|calendaires|francs)\s*"
                        r"\((?:c'est-a-dire )?(?:tous les jours|les jours|du lundi)\b[^)]*\)")
"""The definition of a kind of day in brackets (« 5 jours ouvrables (tous les jours de la semaine sauf les
dimanches et jours fériés) »), folded: it defines the unit, it makes no exception to the rule."""
REWORDINGS = (
    (re.compile(rf"(\b(?:\d+|{NUMBER_WORD})\b(?:\s+[\w'-]+){{0,3}}?)\s+(?:ou|et) plus\b(?!\s+(?:de\b|d'|tard|tot))"),
     r"\1 au moins"),
    (re.compile(rf"(\b(?:\d+|{NUMBER_WORD})\b(?:\s+[\w'-]+){{0,3}}?)\s+(?:ou|et) moins\b(?!\s+(?:de\b|d'))"),
     r"\1 au plus"),
    (re.compile(r"\binferieur\w* ou egal\w*|\begal\w* ou inferieur\w*|\bpas plus d(?:e\b|')"), "au plus "),
    (re.compile(r"\bsuperieur\w* ou egal\w*|\begal\w* ou superieur\w*|\bpas moins d(?:e\b|')"), "au moins "),
    (re.compile(r"\b(?:personnes?|parents?|adultes?|femmes?|hommes?|vi(?:t|vez|vent|vant|vre)|etes) (?:seule?s?)\b"),
     "isole"),
    (re.compile(r"\bn(?:e\s+|')(?:doi(?:t|vent|s)|devez|devr\w*)\b(?=(?:\s+[\w'-]+){0,3}?\s+(?:pas|plus|jamais|aucun\w*|rien)\b"
                r"(?!\s+(?:necessairement|forcement|obligatoirement|toujours|systematiquement)))"
                r"(?!(?:\s+[\w'-]+){0,4}?\s+(?:depass|exced|superieur|inferieur))"), "ne peut"),
    (re.compile(r"\bsauf (?:si|s'ils?|lorsqu\w*|quand)\b"), "sauf"),
    (UNIT_GLOSS, r"\1"),
    (re.compile(r"\b(calcul\w*) a partir (d(?:e|u|es|')\s*+(?>(?:la |l'|les |votre |vos |son |sa |ses |leur |leurs )?))"
                r"(?!date|jour|lendemain|premier|1er|debut|reception|notification|naissance|moment)"),
     r"\1 sur la base \2"),
    (re.compile(r"\bsauf (?=(?:(?:une?|des|les|l')\s*)?(?:conventions?|stipulations?|dispositions? conventionnelles?"
                r"|accords? (?:collectif|de branche|d'entreprise|fixant|prevoyant|contraire|ou convention)))"),
     "a defaut d'"),
)
"""Other wordings of one bound, frequency or modality, read as the usual one before the markers are sought: « trois
enfants ou plus » is « au moins trois enfants », « inférieure ou égale à 1 an » « au plus 1 an », « pas plus de 5
heures » « au plus 5 heures » (not « plus de »); « une personne seule » or « si vous êtes seul » is a household,
not an exclusive rule; « ne doit entraîner aucune perte » forbids as « ne peut entraîner aucune perte » does (not
« ne doit pas nécessairement », which only lifts a duty, nor « ne doit pas dépasser », a bound); « sauf si vous l'en
dispensez » is the exception « sauf dispense », not a condition besides it; « calculé à partir du salaire » names
the base of the sum (« sur la base du salaire »), not when it starts — « à partir de la date » still does; a kind of
day is read without its definition (`UNIT_GLOSS`); « sauf accord fixant une autre période » is « à défaut
d'accord »: the rule that holds when no agreement says otherwise."""


def markers(text: str) -> frozenset[str]:
    lowered = fold(text)
    for wording, usual in REWORDINGS:
        lowered = wording.sub(usual, lowered)
    found = {name for name, pattern in COMPILED.items() if pattern.search(lowered)}
    return frozenset(found | {IMPLIED[name] for name in found & IMPLIED.keys()})


def roles(text: str) -> frozenset[str]:
    return frozenset(ROLES[word] for word in re.findall(r"[a-z]+", fold(text)) if word in ROLES)


RIGHT = re.compile(r"\b(?:a|ont|avez|as|avons|(?P<opens>donn\w*|ouvr\w*)) (?:egalement |aussi |alors )?droit\b"
                   r"(?=\s*(?:a|au|aux)\b|,)")
"""A right, in folded text: « a droit à », « ont également droit aux », « ouvre droit à », « donne droit à »."""
RIGHT_OBJECT = re.compile(r"\s*(?:a l'|a |au |aux )"
                          r"((?:(?!(?:si|lorsque|quand|sous|pendant|des|en cas)\b)[\w']+ ?){1,4})")
CLAUSE_TAIL = re.compile(r"[^.;:,()\n]*$")


def rights(folded: str) -> Iterator[str]:
    """The words of each right a folded text states: what it is a right to (« a droit aux allocations de chômage »)
    and, for a right that something opens or gives, that thing (« Les heures supplémentaires ouvrent droit à une
    majoration »)."""
    for right in RIGHT.finditer(folded):
        found = RIGHT_OBJECT.match(folded, right.end())
        words = found.group(1) if found else ""
        if right.group("opens"):
            words = f"{CLAUSE_TAIL.search(folded[:right.start()]).group()} {words}"
        yield words


QUANTITY_RELATION = re.compile(rf"{QUANTITY.pattern}(?P<between>(?:\s+[\w']+){{0,3}}?)\s+"
                               r"(?P<relation>avant|apres|qui preced\w*|qui sui(?:t|v\w*)|suivant\w*|precedant\w*)\b")
"""A quantity and the side of its event it lies on, said within three words (« six semaines qui suivent
l'accouchement », « 6 semaines avant »)."""
BEFORE_RELATION = re.compile(r"avant|qui preced|precedant")
BOTH_SIDES = re.compile(r"\s+(?:et|ou)\s+(?:avant|apres)\b")
"""« huit semaines au total avant et après l'accouchement »: on both sides."""


def quantity_sides(text: str) -> dict[tuple[str, str], set[str]]:
    """Each quantity of the text bound to « before » or « after » by the words that follow it."""
    sides: dict[tuple[str, str], set[str]] = {}
    for match in QUANTITY_RELATION.finditer(fold(text)):
        number, unit = match.group(1), match.group(2)
        if number in NUMBER_WORDS and not unit:
            continue
        key = ("1~" if number in ("un", "une") else _normalise_number(number), UNITS.get(unit, "") if unit else "")
        side = "before" if BEFORE_RELATION.match(match.group("relation")) else "after"
        both = BOTH_SIDES.match(fold(text), match.end())
        sides.setdefault(key, set()).update({"before", "after"} if both else {side})
    return sides


def claim(text: str) -> Claim:
    return Claim(quantities(text), markers(text), roles(text))


def quantities_held(wanted: frozenset[tuple[str, str]], held: frozenset[tuple[str, str]]) -> bool:
    """Every quantity is in the source with the same unit (a bare number matches the number with any unit);
    « un mois » is held by « 1 mois », « un mois », or a source that gives no number of months at all."""
    held = {("1" if number == "1~" else number, unit) for number, unit in held}
    numbers_held = {number for number, _ in held}
    units_counted = {unit for _, unit in held}
    for number, unit in wanted:
        if number == "1~":
            if ("1", unit) not in held and unit in units_counted:
                return False
        elif (number, unit) not in held if unit else number not in numbers_held:
            return False
    return True


def yes_no(text: str) -> str:
    """`oui`, `non`, or "" when the sentence does not open with one."""
    match = YES_NO.match(text)
    return match.group(1).lower() if match else ""


def without_yes_no(text: str) -> str:
    return YES_NO.sub("", text, count=1)


RELATIVE_CLAUSE = re.compile(r"(?:\b(?:qui|dont|lequel|laquelle|lesquel\w*|auquel|auxquel\w*)\b|,\s*qu(?:e\b|'))"
                             r"[^,;:.]*")
"""A clause that describes a noun (« le locataire, qui peut les remettre en mains propres », « un relevé, que vous
pouvez télécharger »): what it allows is said of the noun, not the sentence's rule."""
DENIED_BOUND = re.compile(r"\bn(?:e\s+|')(?:[\w'-]+\s+){0,5}?(?:(?:pas|plus)\s+)?(?:etre\s+)?"
                          rf"(?:depass\w*|exced\w*|superieur\w*|inferieur\w*)|{NOT_LESS_THAN}")
"""« ne peut pas dépasser 20 % », « ne doit pas être supérieur à 2 mois »: a bound, which says yes to « est-ce
plafonné ? » unless the question asks about going past it or about a quantity (« peut-il durer 24 mois ? »)."""
ASKS_PAST_BOUND = re.compile(r"\bdepass\w*|\bexced\w*|\bsuperieur\w*|\binferieur\w*|\b(?:plus|moins)\s+(?!tard\b)\w+"
                             r"|\bdavantage\b")


DENIED_LOSS = re.compile(r"\bn(?:e\s+|')(?:[\w'-]+\s+){0,3}?(?:aucune?|pas\s+(?:de|d')|plus\s+(?:de|d'))\s*"
                         r"(?:perte|diminution|baisse|reduction|retenue)s?\b")
"""« ne peut entraîner aucune perte de salaire », « n'entraîne aucune diminution de sa rémunération »: the denial
of a loss, which says the thing is kept — « Oui » to « est-il payé ? »."""
ASKS_LOSS = re.compile(r"\bperd\w*|\bperte|\bdiminu\w*|\bbaiss\w*|\bredu\w*|\bretenu\w*|\bmoins\b")
"""A question about the loss itself (« mon salaire baisse-t-il ? »), which the denial of the loss answers « Non »."""


def denies(statement: str, question: str = "") -> bool:
    """Whether the statement denies, a bound aside: what a « Oui » or a « Non » must agree with. A denial in a
    clause that describes a noun (« une entreprise qui ne peut pas interrompre le travail ») says what the noun
    is, not whether the rule holds; the denial of a loss affirms that the thing is kept, unless the question
    asks about the loss."""
    plain = fold(without_relative_clauses(statement))
    asked = fold(question)
    if not ASKS_PAST_BOUND.search(asked) and not quantities(question):
        plain = DENIED_BOUND.sub(" ", plain)
    if not ASKS_LOSS.search(asked):
        plain = DENIED_LOSS.sub(" maintien ", plain)
    return negated(plain)


def negated(text: str) -> bool:
    """Whether the text denies or forbids (`n'a pas droit`, `aucun`, `jamais`, `interdit`); « peut ne pas
    comporter » allows, it does not deny."""
    return NEGATION.search(ALLOWED_NOT.sub(" ", fold(text))) is not None


@cache
def _opposites() -> dict[str, set[str]]:
    stems = [(analyze(left)[0], analyze(right)[0]) for left, right in OPPOSITES]
    return {word: {b if a == word else a for a, b in stems if word in (a, b)} for pair in stems for word in pair}


def answers_by_opposite(question: str, claim_text: str) -> bool:
    """Whether the claim answers the question by the opposite of what it asks, so that its « Oui » / « Non » goes
    against its own polarity: it states the other form (« oral ? » — « doit être écrit »), allows the asked form
    and its opposite alike (« doit-elle être écrite ? » — « peut prévenir par écrit ou par oral », « à la demande
    écrite ou orale »), does without
    what is asked about (« faut-il de l'ancienneté ? » — « sans condition d'ancienneté »), imposes what the question
    asks about refusing (« peut-il la refuser ? » — « elle s'impose au salarié »), or sets a requirement where the
    question asks about doing without one (« seul ? » — « ne peut signer qu'après autorisation »)."""
    asked, said = set(analyze(question)), set(analyze(claim_text))
    opposites = _opposites()
    if any(opposites.get(word, set()) & said and word not in said for word in asked):
        return True
    for word in asked & said:
        for other in opposites.get(word, set()) & said:
            either = rf"\b{word}\w* ou (?:par |en )?{other}|\b{other}\w* ou (?:par |en )?{word}"
            if "possibility" in markers(claim_text) or re.search(either, fold(claim_text)):
                return True
    question_folded, claim_folded = fold(question), fold(claim_text)
    if not ALONE.search(question_folded):
        done_without = {word for phrase in WITHOUT.findall(claim_folded) for word in analyze(phrase)}
        if done_without & asked:
            return True
    if "refusal" in markers(question) and "obligation" in markers(claim_text) - markers(question):
        return True
    return bool(ALONE.search(question_folded)) and bool(ONLY_WITH.search(claim_folded))
