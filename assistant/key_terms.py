"""The question's key terms that the documents found do not hold: the sign of a question about something the
official texts do not know (an invented aid, an absurd object), which the search still answers with neighbours."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache

import regex

from assistant.places import country_names
from assistant.verify import content_words, naming_terms
from assistant.workplace import setting_words
from indexing.query import ACRONYMS, EVERYDAY_NAMES
from indexing.text import fold
from redaction.entities import MASKED_VALUE

MIN_KEY_TERM_CHARS = 4
"""Shorter stems are abbreviations and slang (« RC », « vir(er) ») that the search places by meaning, not by word."""
RARE_SHARE = 0.005
"""A term held by fewer than this share of the corpus's documents names something specific: when none of the
documents found holds it, they are about something else."""
MIN_FAMILY_CHARS = 5
DERIVING_SUFFIXES = frozenset({"i", "en", "eux"})
"""What the stemmer leaves of the suffixes that make a person or a quality of a short noun: « écolier » (ecoli) of
« école » (ecol), « lycéen » of « lycée », « haineux » of « haine »."""
MIN_DERIVED_BASE_CHARS = 4
CHANCE_SHARE = 0.5
"""A complement the documents found do not hold, and that the corpus's passages hold together with the word it
hangs on less than half as often as chance would, makes with it something the texts do not know. Full index:
« voyager dans le temps » 0.32, « sur la lune » 0 (never written); legit complements the documents found do not
hold: « accident sur le chantier » 0.68, « heures de travail en fin de contrat » 0.95."""

GENERIC_WORDS = """
demande demander demandes obtenir faire droit droits montant delai delais duree prix cout couts tarif tarifs
condition conditions demarche demarches document documents piece pieces justificatif justificatifs formulaire
personne personnes salarie salaries employeur situation cas question exemple possible quoi combien quand
comment pourquoi savoir besoin aide aides payer paye verser versee recevoir toucher avoir etre doit faut
peut fois annee annees mois jours semaine semaines nouveau nouvelle mon ma mes son sa ses leur france francais
"""
GENERIC_TERMS = frozenset(content_words(GENERIC_WORDS))
FRAMING_TERMS = frozenset(content_words(
    "bonjour bonsoir merci madame mme monsieur mlle mademoiselle usager usagers reçois recevons veut voudrait "
    "voudrais souhaite souhaiterait souhaiterais savoir aimerait aimerais "
    "fille épouse époux conjoint conjointe compagnon frère sœur"
))
"""How an agent frames a question (« Bonjour, je reçois Mme X qui veut savoir si… », « sa fille a 17 ans :
peut-elle… »): the greeting, the person received, her relatives and the verb that reports the question say who
asks, not what about. « fils », « père », « mère », « mari » and « compagne » are left out: their stems are other
words' too (« files d'attente », « la mer », « mardi », « compagnie »). « usager » keeps the stem of « usage »: a
question on an usage loses that word from its coverage, which costs less than every « mon usager… » losing one."""
ACRONYM_TERMS = frozenset(term for acronym in ACRONYMS for term in content_words(acronym))
"""A public-service acronym (« MDPH », « CPAM ») names a thing the texts know, often spelled out in full."""
AFTER_PREPOSITION = re.compile(
    r"\b(?:pour|sur|dans|de|d'|du|des|a|au|aux|en|avec|chez|sans|par|pendant|apres|avant|contre|vers)\s*"
    r"(?:(?:les|le|la|l'|un|une|mon|ma|mes|son|sa|ses|ton|ta|tes|notre|nos|votre|vos|leur|leurs|cette|cet|ce|ces)"
    r"\s*)?([a-z]+)"
)
"""A word a preposition brings in, as the folded question writes it: where a complement can stand, read before the
parser is asked (which costs tens of milliseconds on a long question)."""
RELATIVE = re.compile(
    r"\b(?:mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leur|leurs)\s+"
    r"(?:(?:grand|arri[eè]re|beau|belle|demi)-)?"
    r"(?:m[eè]re|p[eè]re|parent|fils|fille|enfant|fr[eè]re|s(?:oe|œ)ur|mari|femme|[ée]pou(?:x|se)|conjointe?"
    r"|compagnon|compagne|concubine?|oncle|tante|neveu|ni[eè]ce|cousine?|petite?-(?:fils|fille|enfant)|b[ée]b[ée])s?\b",
    re.IGNORECASE,
)
"""A relative named after a possessive (« pour ma mère », « mon fils de 15 ans »): who the question is about, never
what the texts must hold. Matched as written, before stemming: « mère » and « la mer » share a stem."""
RESIDENCE = re.compile(
    r"\b(?:(?i:vi(?:s|t|vons|vez|vent|vais|vait)|r[ée]sid\w*|domicili[ée]e?s?|install[ée]e?s?|n[ée]e?s?"
    r"|originaires?|travaill\w*|demeur\w*|d[ée]m[ée]nag\w*)\s+(?:[àa]|au|aux|en|dans)\s+|(?i:habit\w*)\s+"
    r"(?:(?:[àa]|au|aux|en|dans)\s+)?)(?:(?:le|la|les)\s+|l')?"
    r"(?P<place>{name}(?:[\s-]+(?:{name}|(?:sur|en|de|du|la|le|les|l')(?=[\s-]*{name})))*)".replace(
        "{name}", r"[A-ZÀ-Ý][a-zà-ÿ][\w'-]*")
)
"""Where the asker lives, was born or works, by its proper name (« j'habite (à) Villeurbanne », « né à Casablanca »,
« installée en Haute-Savoie », « je travaille à Saint-Étienne »): the setting of the question, which the texts,
written for every commune, never name; matched as written, a capital then a small letter telling a place from a
thing or an acronym (« né en CDD » is not matched, « vivre sur la Lune » neither: only à, au, aux, en, dans)."""
NAMED_VALUE = regex.compile(
    r"(?:^|(?<=\s))((?:[\p{L}-]+\s+)?(?!(?:de|du|des|pour|par|chez|avec|sans|sur|sous|en|et|ou|[àa]|aux?|depuis|via"
    r"|vers|entre|contre|apr[eè]s|avant|pendant|selon)\s)[\p{L}-]+)"
    r"(?:\s+(?:est|c'est))?(?:\s*:)?(?:\s+(?:le|la|l'|n°|no))?\s*"
    rf"(?={MASKED_VALUE.pattern})",
    regex.IGNORECASE,
)
"""The two words at most right before a masked value (« mon IBAN <IBAN_1> », « numéro allocataire
<NUMERO_ALLOCATAIRE_1> »): they name what the value is, a thing the person holds, never a thing the texts do not
know. Not after a preposition: « le passeport gastronomique de <PERSONNE_1> » is hers, and still invented, and « il
a écrit depuis <EMAIL_1> » names no value by « écrit »."""
COUNTED = re.compile(r"\bcombien\s+d(?:e\s+|')")
"""« Combien de temps », « combien de procurations »: what the question counts, not a complement that hangs on a
word; its number is what is asked."""
LOCUTION = re.compile(
    r"\b(?:au bout d(?:e\b|')|du coup|en fait|de toute fa[cç]on|en m[eê]me temps|la plupart du temps|quelque chose"
    r"|n'importe quoi|quoi que ce soit)", re.IGNORECASE
)
"""Phrases whose noun names nothing (« au bout de combien de jours » is « after how many days », « le patron me doit
quelque chose ? » asks whether anything is owed)."""
CIRCUMSTANCES = frozenset(content_words(
    "lundi mardi mercredi jeudi vendredi samedi dimanche week-end matin matinée midi soir soirée hier demain veille "
    "lendemain kilo kilos kg gramme grammes kilomètre kilomètres km mètre mètres centimètre centimètres litre litres"
))
"""When the asker's story happened and how much it measured (« Grève de la maîtresse jeudi », « hier soir », « Je pèse
47 kilos »): days, times of day and units of measure, which the texts write for every day and every quantity, never
name the thing asked about."""
COLLOQUIAL = frozenset(content_words(" ".join(EVERYDAY_NAMES)))
"""Everyday French for things the texts name otherwise (« la sécu », « mon proprio », « ma boîte »): a word the
found texts do not hold, but that names something they hold under its official name (`indexing.query`)."""
NEVER_KEY_TERMS = GENERIC_TERMS | FRAMING_TERMS | ACRONYM_TERMS | COLLOQUIAL | CIRCUMSTANCES


def asked_text(question: str) -> str:
    """The question without what says who asks or for whom (masked personal data, relatives), where the asker
    lives, was born or works (`RESIDENCE`), and without the phrases that name nothing (`LOCUTION`)."""
    unplaced = RESIDENCE.sub(lambda match: match.group()[: match.start("place") - match.start()], question)
    return LOCUTION.sub(" ", RELATIVE.sub(" ", MASKED_VALUE.sub(" ", unplaced)))


def _same_family(term: str, other: str) -> bool:
    shorter, longer = sorted((term, other), key=len)
    if len(shorter) >= MIN_FAMILY_CHARS:
        return longer.startswith(shorter)
    return len(shorter) >= MIN_DERIVED_BASE_CHARS and longer[len(shorter):] in DERIVING_SUFFIXES and \
        longer.startswith(shorter)


def _one_edit_apart(term: str, other: str) -> bool:
    """A typing slip: one letter replaced, added or dropped."""
    if abs(len(term) - len(other)) > 1 or min(len(term), len(other)) < MIN_FAMILY_CHARS:
        return False
    if len(term) == len(other):
        return sum(a != b for a, b in zip(term, other, strict=True)) == 1
    shorter, longer = sorted((term, other), key=len)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


@lru_cache(maxsize=16)
def terms_of(text: str) -> frozenset[str]:
    """A document's content words, kept for the few documents found that both checks read."""
    return frozenset(content_words(text))


def held(term: str, document_terms: set[str]) -> bool:
    return term in document_terms or any(
        _same_family(term, other) or _one_edit_apart(term, other) for other in document_terms
    )


def rare_count(documents: int) -> int:
    """Fewer documents than this hold a rare term."""
    return max(1, int(RARE_SHARE * documents))


def _unheld(question: str, candidates: Iterable[str], document_texts: Iterable[str]) -> list[str]:
    """The candidate terms of the question that are neither generic, nor its framing, nor a known acronym, nor its
    setting (`assistant.workplace`), and that no document found holds, in the question's order. A country is held
    by documents that speak of living or going abroad (`ABROAD`)."""
    document_terms = {term for text in document_texts for term in terms_of(text)}
    setting = set(setting_words(question))
    abroad = bool(document_terms & ABROAD)
    return [
        term for term in dict.fromkeys(candidates)
        if _may_be_key(term, setting) and not held(term, document_terms) and not (abroad and term in countries())
    ]


ABROAD = frozenset(content_words("étranger étrangère pays"))
"""The texts name a country by what it is to the rules, « à l'étranger », « hors de France », « dans un pays de
l'Union européenne »: « Je pars deux mois au Maroc, mon RSA continue d'être versé ? » is answered by the RSA fiche's
« séjour à l'étranger »."""


@cache
def countries() -> frozenset[str]:
    """The countries whose French name is one word (« Portugal », « Maroc », « Algérie »), as terms."""
    return frozenset(words[0] for words in map(content_words, country_names().values()) if len(words) == 1)


def _may_be_key(term: str, setting: set[str]) -> bool:
    """Neither generic, nor the agent's framing, nor a known acronym, nor a circumstance, nor the asker's setting."""
    return term not in NEVER_KEY_TERMS and term not in setting


def _long_enough(asked: str) -> Iterator[str]:
    """The terms of an asked text long enough to name something specific (`MIN_KEY_TERM_CHARS`)."""
    return (term for term in naming_terms(asked) if len(term) >= MIN_KEY_TERM_CHARS)


def unheld_rare_terms(
    question: str,
    document_texts: Iterable[str],
    document_frequency: Callable[[str], int],
    documents: int,
    naming_words: Callable[[str], Iterable[str]] | None = None,
) -> list[str]:
    """Key terms of the question that no document found holds and that few documents of the corpus hold. The
    words naming the asker's trade or sector are its setting, not key terms (`assistant.workplace`), and those
    naming a masked value are a thing the person holds (`NAMED_VALUE`).

    `naming_words`: the nouns and adjectives of a text (from a tagger), asked only when some term is unheld; the
    question's verbs (« dois », « advient ») then never count, since they name no thing."""
    rare = rare_count(documents)
    named_values = set(content_words(" ".join(NAMED_VALUE.findall(question))))
    question = asked_text(question)
    unheld = [term for term in _unheld(question, _long_enough(question), document_texts)
              if document_frequency(term) < rare and term not in named_values]
    if not unheld or naming_words is None:
        return unheld
    naming = set(content_words(" ".join(naming_words(question))))
    return [term for term in unheld if term in naming]


TERMS_PER_UNKNOWN = 5
"""A question that names at least this many key terms for each one the texts do not know tells a story, and the
unknown one is a detail of it (« J'ai percuté un sanglier hier soir… je suis assuré au tiers, est-ce que… ? », « Je
fais les vendanges chez un viticulteur… la prime de précarité ? »): the texts hold what it asks. A question about
something the texts do not know names it among few others (« le passeport gastronomique délivré par la mairie », « la
carte vitale pour mon chien »: one in three). Development sets: every invented question (44) names at most five key
terms, two of them unknown when five; the natural questions refused for a detail named five to six."""


def key_terms(question: str, naming_words: Callable[[str], Iterable[str]]) -> list[str]:
    """The terms of the question that name something the texts would have to hold: long enough, neither generic,
    framing, an acronym nor its setting, and a noun, a proper noun or an adjective (`naming_words`)."""
    asked = asked_text(question)
    setting = set(setting_words(question))
    naming = set(content_words(" ".join(naming_words(asked))))
    return [term for term in dict.fromkeys(_long_enough(asked)) if _may_be_key(term, setting) and term in naming]


SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=\S)")


def a_detail_of_the_story(question: str, unknown: Iterable[str], naming_words: Callable[[str], Iterable[str]]) -> bool:
    """Whether the terms the texts do not know are few among what the question names (`TERMS_PER_UNKNOWN`), or
    are told only in the story before the sentence that asks, when that sentence names on its own what it asks
    (« Mon fils en fauteuil est en 5e… je l'emmène tous les jours en voiture. À qui je dois m'adresser pour me faire
    rembourser ces trajets ? »). A sentence that asks by a pronoun (« Comment la demander ? ») leans on the story:
    what the story names is then what is asked."""
    unknown = set(unknown)
    if len(set(key_terms(question, naming_words)) | unknown) >= TERMS_PER_UNKNOWN * len(unknown):
        return True
    *story, asked = SENTENCE_BREAK.split(question.strip())
    told = set(content_words(" ".join(story)))
    asks_on_its_own = set(key_terms(asked, naming_words)) - unknown
    return bool(story) and bool(asks_on_its_own) and unknown <= told - set(content_words(asked))


def unattested_complements(
    question: str,
    document_texts: Iterable[str],
    association: Callable[[str, str], float],
    complements: Callable[[str], Iterable[tuple[str, str]]],
) -> list[str]:
    """Nouns that a preposition brings into the question (« un passeport pour voyager dans le temps ») that no
    document found holds and that the corpus's passages hold together with the word they hang on less than
    `CHANCE_SHARE` as often as chance would: the question joins common words that the texts never join, an
    invented service (« des vacances sur la lune »), however frequent each word is.

    `association`: how much more often than chance the corpus's passages hold two terms together
    (`Searcher.passage_association`); `complements`: (noun, word it hangs on) pairs of a text, from a parser."""
    question = asked_text(question)
    brought_in = content_words(" ".join(AFTER_PREPOSITION.findall(COUNTED.sub("combien ", fold(question)))))
    unheld = set(_unheld(question, brought_in, document_texts))
    if not unheld:
        return []
    unattested = []
    for noun, head in complements(question):
        nouns, heads = content_words(noun), content_words(head)
        if len(noun) < MIN_KEY_TERM_CHARS or len(nouns) != 1 or len(heads) != 1:
            continue
        term, on = nouns[0], heads[0]
        if term in unheld and on not in GENERIC_TERMS and term != on and association(term, on) < CHANCE_SHARE:
            unattested.append(term)
    return list(dict.fromkeys(unattested))
