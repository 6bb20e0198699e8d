"""Citation verification: every sentence of a draft must rest on one sentence of a passage it cites.

Support is measured on the passage's body (its title and heading path are context, not evidence): one body
sentence, table row or list lead-in with one item — the anchor — must hold the sentence's quantities with their
units and every word that changes the rule (condition, exception, exclusivity, modality, bounds, time words,
audience), carry the conditions the anchor itself states, name the same parties in the same roles, have the same
polarity, and leave at most `MAX_NEW_TERMS` content words of the sentence unaccounted for. Where a check cannot
tell, the sentence goes."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from assistant import claims, places
from assistant.anchors import (
    BODY_SENTENCE_END,
    CLAUSE_BREAK,
    PATH_SEPARATOR,
    Anchor,
    anchors,
    case_heading,
    passage_body,
    path_above,
    shared_path,
    special_case,
)
from assistant.claims import negated
from assistant.grammar import Parse, parse, with_named_subject
from assistant.question import INTERROGATIVE
from indexing.embeddings import Embedder
from indexing.model import Passage
from indexing.query import ACRONYMS
from indexing.regime import audience
from indexing.text import analyze, fold

Similarity = Callable[[str, str], float]
"""Semantic similarity of two texts in [-1, 1] (cosine of their embeddings)."""


@dataclass(frozen=True)
class Resemblance:
    """How close in meaning a claim must be to the passage sentence it rests on: the embedding model's similarity
    and its cut (`indexing.profiles.EmbeddingProfile.claim_similarity`)."""

    similarity: Similarity
    minimum: float

    def holds(self, claim: str, anchor: str) -> bool:
        return self.similarity(claim, anchor) >= self.minimum


def resemblance_of(embedder: Embedder) -> Resemblance:
    return Resemblance(embedder.similarity, embedder.profile.claim_similarity)

CITATION = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
NUMBER = re.compile(r"\d+(?:[\s\u00a0\u202f.]\d{3})*(?:,\d+)?")
DIGIT = re.compile(r"\d")
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)\s+(?=[A-ZÀ-Ý«\"(\d•—–-])|\s*\n+\s*")
"""Where a draft (and an extract) is cut into sentences: not the « L. » of « article L. 3121-19 »; before a dash too
(« Quel est le barème… ? — Barème applicable aux revenus de 2019 »: a title, then a heading)."""
CLEFT = re.compile(r"^\s*(?:c['’]est|ce sont)\s+(.+?)\s+qui\s+", re.IGNORECASE)
"""« C'est l'employeur qui demande… »: said plainly, « l'employeur demande… »."""
BARE_YES_NO = re.compile(r"(^|[.!?]\s+)((?i:oui|non))\s*[.!]\s+(?=\S)")
"""« Oui. Le salarié… »: the answer and the sentence that says why are one."""
MARKERS_AFTER_STOP = re.compile(r"([.!?])((?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+)")

LISTED_CASES = re.compile(r"\b(?:l'un |l'une )?(?:des |les )?cas suivants\b|\b(?:des |les )?conditions suivantes\b")
"""A lead-in's « dans les cas suivants : » is the condition its items spell out (« lorsque… » in an answer), as
a table row's first cell is the condition of its other cells."""
CONDITION_SPAN = re.compile(r"(?:\b(?:si|s'il|s'ils|lorsqu\w*|quand|a condition|sous reserve|des lors|sauf"
                            r"|a l'exception)\b|\ben cas d(?:es?\b|u\b|'))"
                            r"([^,;:.]*(?:,\s*(?:pendant|durant|hors|en dehors|au cours|avant|apres)\b[^,;:.]*(?=,))*)")
"""A condition, up to the main clause: « lorsque le salarié mobilise son compte pour un bilan, pendant le temps de
travail, il doit… » holds « pendant le temps de travail », which sets it apart from « hors temps de travail »."""
STATED_CONDITION = re.compile(r"(?:\b(?:si|s'il|s'ils|lorsqu\w*|quand|a condition|sous reserve|des lors|des que"
                              r"|en l'absence|a defaut)\b|\ben cas d(?:es?\b|u\b|'))([^,;:.]*)")
"""The condition a passage sentence states, with its words: an answer may say it otherwise (« si vous êtes
mensualisé » as « pour un salarié mensualisé ») as long as it keeps them."""
SANS_QUE = re.compile(r"\bsans qu(?:e\b|')([^,;:.]*)")
"""« sans que ce refus constitue une faute »: what the rule says does not follow."""
ANAPHORIC_CONDITION = re.compile(r"^\s*(?:tel est le cas|c'est le cas|ce cas)\s*$")
"""« si tel est le cas », « dans ce cas »: the condition is the sentence before, which the answer restates."""
REQUIREMENT_ITEM = re.compile(r"^(?:\w+ant|avoir|etre|\w+er|\w+ir)\b")
"""A list item that is a requirement to meet (« Comptant au moins 8 mois d'ancienneté », « Avoir travaillé… »): an
answer says it with « doit »."""
WHICHEVER = re.compile(r"\(?\b(?:que ce soit|qu['’]il s['’]agisse|quel(?:le)?s? que soi(?:t|ent))\b[^),;.]*\)?",
                       re.IGNORECASE)
"""« (que ce soit pour motif personnel ou économique) », « quel que soit le contrat »: every case, not a limit."""
WIDENING = re.compile(r"(?:y compris|meme)\s*$")
"""« y compris lorsque… », « même si… »: a case that the rule also covers, not one it is limited to."""
SECOND_CONDITION = re.compile(r"\bet (?:que|qu'|si|s'il|s'ils|lorsqu\w*)")
"""« si l'agent n'a pas repris le travail plus de 48 heures … et que les 2 arrêts ont la même cause »: a second
condition, which an answer must keep as much as the first. What it adds is what counts: the words it repeats from
the rule and the first condition (« arrêts de travail ») keep nothing of it."""
MIN_CONDITION_COVERAGE = 0.6
"""Share of the words of the anchor's conditions (« lorsque l'immeuble a moins de 10 lots et que le syndicat
décide… ») that the sentence must keep: keeping the « lorsque » and half the condition drops the other half."""

HEADING_CASE = re.compile(r"^((?:[Pp]our|[Ee]n cas d|[Dd]ans le cas d|[Ll]ors d|[Ee]n|[Ss]i|[Ll]orsqu\w*|[Qq]uand)\b"
                          r"[^,]{2,80}),\s*(\S.*)$")
"""An opening phrase that names a case (« Pour un CDD de 6 mois maximum, … », « Si l'état des lieux est
conforme, … »)."""
JOINED_RULES = re.compile(rf"{CLAUSE_BREAK.pattern}|(?:,\s+et\s+(?:alors\s+)?|\s+:\s+)"
                          r"(?=(?:il|elle|ils|elles|on|le|la|les|l'|son|sa|ses|leur|leurs|ce|cet|cette|ces)\b)")
"""Where a sentence joins two rules: « mais », « ; », or « , et » or « : » before a new subject."""
DISCOURSE_OPENING = re.compile(r"^\s*(?:(?:attention|[àa] (?:noter|savoir)|par ailleurs|de plus|en outre)\s*[,:]"
                               r"|(?:sachez|notez)(?: aussi| également| bien)? que\b)\s*", re.IGNORECASE)
"""« Attention, … », « Sachez aussi que … »: a model's way into a sentence, which states nothing itself; the sentence
is checked without it."""
OPENING_PHRASE = re.compile(r"^(\s*(?:en principe|en g[ée]n[ée]ral|en r[èe]gle g[ée]n[ée]rale|en pratique|par principe"
                            r"|en revanche|par exemple|dans ce cas|de m[êe]me))\s+(?=\w)", re.IGNORECASE)
"""« en principe l'employeur est tenu … »: an opening phrase the draft did not set off by a comma, once « Non, »
is taken off; the parser finds the sentence's subject only once it is."""
CODE_DIVISION = re.compile(r"^\s*(?:partie|livre|titre|chapitre|section|sous-section|paragraphe|sous-paragraphe|"
                           r"article)\b")
POINTING_BACK = re.compile(r"^\s*(?:dans ce cas|si tel est le cas|si c'est le cas|le cas echeant)\b\s*,?")
"""An anchor that opens on the case the sentence before it states."""
DEMONSTRATIVE = re.compile(r"\b(?:ce|cet|cette|ces)\s+(?!cas\b)[a-z]\w+|^\s*(?:s'ils?|si elles?|ils?|elles?)\b")
"""« ce report », « cette demande », « il »: the thing the sentence before has just named, with its conditions."""
MARKER_WORDING = re.compile(r"\S+(?:\s+\S+){2,3}")
"""A marker's wording as a later sentence may lean on it: its first word and the three after it (« moins de 16
ans »)."""
REQUIRED_STEP = re.compile(r"\ba condition d(?:e |')(?:l'|le |la |les |lui |leur |y |en )?(\w+)")
"""« à condition de l'indiquer », « à condition d'envoyer »: the verb of a step the sentence makes a condition."""
JOINED_ITEMS = re.compile(r",?\s+(?:et|ou|dont|puis)\s+|\s*;\s*")
"""Where a sentence that says several list items in one joins them."""
CONTRARY_VERBS = (("perd", "conserv|gard"), ("augment|hauss", "diminu|baiss|redui|redu[ic]"),
                  ("prolong|allong", "raccourc|abreg"), ("suspend|interromp", "maint[ie]n|poursui|continu"),
                  ("major", "minor"), ("ajout", "retir|retranch|dedui"), ("debut|commenc", "termin|achev"),
                  ("obligatoir", "facultati|optionnel"), ("multipli", "divis"), ("au[- ]dela", "en deca"))
"""Pairs of word roots that say the opposite of each other (« perd » and « conserve »): a sentence that uses one
where its anchor uses the other reverses the rule while reusing its words, and no paraphrase allowance covers
it."""
NON_WORD = re.compile(r"\bnon[- ](?!plus\b|seulement\b|pas\b)(\w+)")
"""« non professionnelle », « non-salarié »: a word denied by « non » (not « non seulement », « non plus »)."""
NOT_WORD = re.compile(r"\b(?:non|pas|sans)\b")

MIN_OVERLAP = 0.6
"""Share of a sentence's content words that its anchor sentence must contain (its neighbours give context, the
anchor gives the rule)."""
MAX_NEW_TERMS = 1
"""Content words of a sentence found neither in its anchor, nor next to it, nor in the passage's title and
headings: one verb or adverb is a paraphrase (« touche » for « perçoit »); a noun or an adjective, or a second
word, is a new fact."""
SAME_ROOT = 6
"""Letters a stem must share with a heading's word, from its start, to be named by it (« convent » and
« conventionnel »)."""
MIN_SUPPORTED_SHARE = 0.5
"""Share of a draft's sentences that must survive for the draft to be shown as `generated`."""
UNCLAIMED_REASONS = frozenset({"no_citation", "question", "no_verb"})
"""Why a sentence goes when it claims nothing of a source (a courtesy line with no citation, a question back, a
title): it is removed alone. Any other failure (a quantity, a condition, a party, the polarity or the audience
stated otherwise than the passage, or a claim cited to a passage that does not hold it) says the draft was
written from a misreading or from elsewhere than its sources: its other sentences may lean on it (« Elle est
versée automatiquement… » after a wrong income ceiling), so none of the draft is shown."""
CASE_NAMING = re.compile(r"\b(?:cas|particuli\w*|situations?|autres?)\b")
"""Words that say a heading is a case (« Cas particulier du 1er mai »), not which one."""
ACRONYM_EXPANDED_WORDS = 3
"""A source's acronym stands for its long form when that form is short (« CDD »), not for a whole name whose
words would then cover anything (« URSSAF »)."""
BOUNDS = frozenset({"maximum", "minimum", "until"})
"""A bound says what is allowed: « plafonnés à 25 % » keeps the « vous pouvez verser au maximum 25 % »."""
STATED_BOUND = re.compile(r"\bau (?:moins|plus)\b(?! tard)|\bminim\w*|\bmaxim\w*")
BOUND_VERB = re.compile(r"\bdepass\w*|\bexced\w*|\bsuperieur\w*|\binferieur\w*")
MARKER_KIN = {"after": frozenset({"from"}), "from": frozenset({"after"}), "until": frozenset({"maximum"}),
              "maximum": frozenset({"until"})}
"""Wordings of one bound: « dans les 15 jours suivant la notification » is « à compter de la notification »,
« jusqu'à neuf mois » is « dans la limite de neuf mois ». Not « avant » and « après », nor « le jour même » and « le
lendemain »."""
STARTS = frozenset({"after", "from"})
TIME_WINDOW = re.compile(r"\bdans (?:les|un delai d|le delai d)|\bdelai d"
                         rf"|\b(?:avez|a|ont|disposez de|dispose de|disposent de) (?:\d+|{claims.NUMBER_WORD}) \w+ "
                         r"(?:a compter|a partir|pour)\b")
"""« dans les 15 jours suivant » and « dans les 15 jours à compter de » are one window; « à partir du 15e jour » is
not « dans les 15 jours suivant »: a start is one only inside a window."""
BOUND_WORDINGS = {"less_than": "minimum", "more_than": "maximum"}
"""« ne peut être inférieure à trois jours » is « au moins trois jours », « ne peut être supérieure à » « au plus »:
a bound both state needs no « inférieur » or « supérieur » in the answer."""
LABEL_GLOSS = re.compile(r"\([^)]*\)")
"""A gloss in brackets in a table row's first cell."""
LISTED_CASE_END = re.compile(r"[,;]|\bou\b")
"""What closes one case of a row's first cell that lists several."""
COLUMN_KINDS = frozenset({"gross", "net", "before_tax", "tax_included", "monthly", "yearly", "weekly"})
"""The words that tell the amounts of one table row apart (« Montant brut », « Montant net »)."""
CANDIDATE_ANCHORS = 8
"""Anchors tried per cited passage, by decreasing overlap (the grammar and embedding checks cost)."""
QUALIFIER_START = re.compile(r"\s*(?:le|la|les|l'|pour|par|au|aux|du|des|en|a)\b")
QUALIFIER_END = re.compile(r"[,;:.()]|\b(?:et|ou|si|mais|lorsque|quand|qui|que|dont)\b")
QUALIFIER_WORDS = 4
"""The words that say what a measure is for follow it, opened by an article or a preposition, and reach to the
next punctuation or clause, four words at most."""
SYNONYMS = {
    "recoit": "percoit", "recoivent": "percoivent", "recevoir": "percevoir", "touche": "percoit",
    "touchent": "percoivent", "toucher": "percevoir", "remis": "remet", "remise": "remet", "remettre": "remet",
    "delivre": "remet", "delivrer": "remet", "transmis": "remet", "transmet": "remet", "transmettre": "remet",
    "fournir": "remet", "durant": "pendant", "issue": "fin", "expiration": "fin", "risque": "encourt",
    "risquer": "encourir", "garde": "conserve", "garder": "conserve", "apparaitre": "figurer", "apparait": "figure",
    **dict.fromkeys(("prevenir", "previent", "previennent", "prevenez", "previens", "avertir", "avertit",
                     "avertissent", "avertissez"), "informer"),
    "expose": "encourt", "exposent": "encourent", "retour": "reprise",
    **dict.fromkeys(("retrait", "retraits", "retirent", "retirez", "perte", "pertes", "perd", "perdre", "perdent",
                     "perdez", "perdu", "perdue", "perdus", "perdues"), "retire"),
    **dict.fromkeys(("veut", "veulent", "voulez", "veux", "vouloir"), "souhaite"),
    "prison": "emprisonnement", "lettre": "courrier", "lettres": "courriers", "devient": "transforme",
    "demarre": "commence",
    "demarrer": "commencer", "notifiant": "notifie", "equivalent": "egal", "equivalente": "egale",
    "equivalents": "egaux", "equivalentes": "egales",
    **dict.fromkeys(("effectuer", "effectue", "effectuee", "effectues", "effectuees", "effectuent", "effectuez"),
                    "accomplir"),
}
"""Everyday paraphrases of the administrative verbs, folded: the answer may say « remet » for « délivre »."""
VALUE_KINDS = "montant somme prix coût tarif taux nombre durée délai date période"
"""Nouns that say what kind of value a sentence gives (« dans un délai d'1 mois » for « au bout d'1 mois »), not what
it is about: the value itself, its number and unit, is checked on its own (`missing_number`). Such a noun the anchor
does not write still counts against `MAX_NEW_TERMS`, but names no thing the anchor would have to hold."""
CONNECTIVES = frozenset({"exemple", "notamment", "toutefois", "cependant", "neanmoins", "egalement", "donc",
                         "revanche", "ainsi", "effet", "outre", "pratique", "principe", "puis", "ensuite",
                         "voire", "pourtant"})
"""Words that link or illustrate (« par exemple », « en revanche »), not facts."""
LOCUTIONS = re.compile(r"\b(?:y compris|meme) (?:si|s'il|s'ils|lorsqu\w*|quand)\b"
                       r"|\b(?:est|sont|etre|sera|seront) ega(?:l|le|ux|les) a(?= \d)|\bs'elev\w* a(?= \d)"
                       r"|\b(?:etre|est|etes|sont|soit|soyez) titulaires? d(?:u|e|es|')"
                       r"|\b(?:(?:dans (?:des|les) conditions|selon (?:des|les) modalites) )?"
                       r"(?:(?:determin|fix|prevu|defini)\w* )?par (?:decret|arrete|voie reglementaire)"
                       r"(?: en conseil d'etat)?"
                       r"|\by compris\b|\bdonn\w* lieu\b|\b(?:y )?(?:a|ont|avoir|aur\w*) lieu\b|\bau total\b"
                       r"|\b(?:dans le |en )?cas general\b"
                       r"|\b(?:aux? |a l'|de l'|des |l')?articles? [lrd]\b\.?(?: ?\d[\d-]*)?"
                       r"(?:,? (?:et|a) [lrd]\.? ?\d[\d-]*)*|\bpar la loi\b"
                       r"|\b(?:l')?agee?s? (?:de )?(?=(?:moins de |plus de |au moins |au plus )?\d+ ans\b)"
                       r"|\b(?:mise?s?|mettre|met(?:tent)?) en place\b|\bla loi\b|\ben particulier\b"
                       r"|\bau titre d(?:e|u|es)\b"
                       r"|\bpuisqu(?:e\b|')|\bsachant qu(?:e\b|')|\bd'abord\b|\bpar ailleurs\b"
                       r"|\ben tant qu(?:e\b|')|\bfaute de quoi\b"
                       r"|\b(?:c'est|ce qui est) (?:aussi |egalement |encore )?(?:le|votre|son|leur) cas\b"
                       r"|\bsous (?:la )?forme d(?:e\b|')|\bde (?:facon|maniere)\b"
                       r"|\bdur(?:e|ent)\b(?= (?:au (?:moins|plus) |jusqu'a )?\d)"
                       r"|\b(?:a cause|en raison|en fonction) d(?:e\b|u\b|es\b|')|\bselon\b|\ben cours\b")
"""Set phrases whose noun names nothing: « y compris » links like « notamment » (« même si » and « y compris
lorsque » too: they widen the rule, they set no condition), « est égal à 50 % » and « s'élève à 10,15 € » say no
more than « est de », « être titulaire du permis » no more than « avoir le permis », « dans des conditions
déterminées par décret » points to a decree without saying it, « donne lieu à » is a verb
(« ouvre droit à ») and so is « a lieu » (« se fait »), « s'il y a lieu », « au total » and « dans le cas général »
qualify nothing, a cross-reference (« aux articles L. 3131-2 et L. 3131-3 », « par la loi », « la loi interdit »)
points to the law without saying it, « âgé de 18 ans » says no more than « 18 ans », « mettre en place » is a verb
(« instaurer »), and « en particulier », « au titre de » link like « notamment », « puisque », « sachant que »,
« d'abord », « par ailleurs » like « donc »; « en tant que » introduces who is meant, « faute de quoi » is
« sinon », « c'est (aussi) le cas » points back, « sous forme de » and « de façon » say how, not what, and « dure
25 jours » no more than « est de 25 jours »; « à cause de » and « en raison de », « selon » and « en fonction de »
are prepositions that say why or on what a rule depends, and « en cours » says no more than « pendant »."""
ENTITLEMENT = re.compile(r"\b(?:a|ont|avez|as) le droit de (?:beneficier|percevoir|obtenir|recevoir)\b"
                         r"|\b(?:peu(?:t|vent|x)|pouvez|pouvons) (?:beneficier d|percevoir\b|toucher\b|recevoir\b)")
"""« a le droit de bénéficier d'un congé », « peut bénéficier d'un congé » are « a droit à un congé »: an
entitlement, not a mere possibility."""
DUTY = re.compile(r"\bdoi(?:t|vent|s)\b|\bdevez\b|\bdevr\w*|\bil faut\b")
DUTY_VERB = re.compile(r"\b(?:doi(?:t|vent|s)|devez|devr\w*|il faut)\s+(?:(?:l'|le|la|les|lui|leur|y|en|se|s'|ne|pas"
                       r"|alors|donc|aussi|egalement)\s+)*([\w']+)")
"""The verb a « doit » governs (« l'employeur doit alors verser »)."""
HEDGE = re.compile(r"\bconseill\w*|\b(?:est|sont) recommande\w*|\bpreferable\b|\bsouhaitable\b|\ben principe\b"
                   r"|\bgeneral\w*|\ble plus souvent\b|\bhabituel\w*|\bsouvent\b|\bparfois\b|\bexemple\b"
                   r"|\bpeu\w*\b|\bpourr\w*")
"""What makes a statement in the present short of a rule: advice, a habit, an example, a possibility."""
_ALL_MARKERS = re.compile("|".join(f"(?:{pattern})" for pattern, _ in claims.MARKERS.values()))


def content_words(text: str) -> list[str]:
    """The stemmed, accent-folded words that carry meaning (stop words, numbers and `[n]` markers dropped)."""
    return [term for term in analyze(strip_citations(text)) if len(term) > 1 and not term.isdigit()]


def naming_terms(text: str) -> list[str]:
    """The content words that name something: not a time, a count or a rank written with letters (« 8h30 »,
    « 151h67 », « 13ème », « 3x8 »), which says how much, not what."""
    return [term for term in content_words(text) if not DIGIT.search(term)]


def family(term: str) -> str:
    """A stem without its final « e »: the verb and its noun are one word (« dure » and « durée », « recrute » and
    « recrutée »)."""
    return term[:-1] if len(term) > 3 and term.endswith("e") else term


@cache
def _long_forms() -> dict[str, set[str]]:
    """Each acronym as a term of a text (« Pacs » reads « pac »), with the terms of its long form."""
    return {family(next(iter(content_words(acronym)), acronym)): {family(term) for term in content_words(long_form)}
            for acronym, long_form in ACRONYMS.items()}


@cache
def _value_kinds() -> frozenset[str]:
    """The nouns that name the kind of a value (`VALUE_KINDS`) as terms."""
    return frozenset(_terms(VALUE_KINDS))


@cache
def _role_terms() -> frozenset[str]:
    """The parties' nouns as terms: a party alone does not tie a sentence to one item of a list (« … pour les
    employeurs » is not the item's rule when the rest of the sentence is another item's)."""
    return frozenset(_terms(" ".join(claims.ROLES), source=True))


def _terms(text: str, source: bool = False) -> set[str]:
    """Content words less the rule-changing words and quantities (checked on their own), paraphrases merged;
    a long form brings its acronym (« contrat à durée indéterminée » holds « CDI ») and, in a source, a short
    acronym its long form."""
    plain = LOCUTIONS.sub(" ", claims.RIGHT.sub("beneficie", fold(strip_citations(text))))
    plain = claims.QUANTITY.sub(" ", _ALL_MARKERS.sub(" ", plain))
    plain = re.sub(r"[a-z]+", lambda word: SYNONYMS.get(word.group(), word.group()), plain)
    kept = " ".join(word for word in re.findall(r"[\w']+", plain) if word not in CONNECTIVES)
    terms = {family(term) for term in content_words(kept)}
    for acronym, long_form in _long_forms().items():
        if long_form <= terms:
            terms.add(acronym)
        elif source and acronym in terms and len(long_form) <= ACRONYM_EXPANDED_WORDS:
            terms |= long_form
    return terms


def numbers(text: str) -> set[str]:
    """Numbers written in the text, normalised (`1 500` -> `1500`, `2,5` -> `2.5`)."""
    found = set()
    for match in NUMBER.finditer(strip_citations(text)):
        raw = re.sub(r"[\s\u00a0\u202f.]", "", match.group()).replace(",", ".")
        found.add(raw.lstrip("0") or "0")
    return found


def strip_citations(text: str) -> str:
    return CITATION.sub("", text)


def _without_markers(sentence: str) -> str:
    """`… brute totale [1].` becomes `… brute totale.`"""
    return re.sub(r"\s+([.,])", r"\1", strip_citations(sentence)).strip()


def cited_numbers(sentence: str) -> list[int]:
    return [int(n) for group in CITATION.findall(sentence) for n in re.split(r"\s*[,;]\s*", group)]


def split_sentences(text: str) -> list[str]:
    """Sentences, each keeping the `[n]` markers that close it (`… contrat. [1]` becomes `… contrat [1].`)."""
    text = MARKERS_AFTER_STOP.sub(lambda m: f" {m.group(2).strip()}{m.group(1)}", text.strip())
    return [part.strip() for part in SENTENCE_END.split(text) if part.strip()]


@dataclass(frozen=True)
class SentenceVerdict:
    sentence: str
    cited: tuple[int, ...]
    supported: bool
    reason: str
    """`ok`, or why the sentence goes: `no_citation`, `unknown_source`, `question` (it asks, it does not answer),
    `no_verb` (a title or a heading, not an answer), `missing_number` (a quantity, with its unit, that the anchor
    lacks), `unmatched_word` (a condition, exclusive, modal, bound, time or audience word the anchor lacks),
    `dropped_condition` (the anchor's condition, exception, exclusivity, possibility or bound left out),
    `other_audience` (a passage for the public service answering a question on the private sector, or the
    reverse; a rule written for a birth or a residence in France answering one abroad, or the reverse),
    `unmatched_role` (a party the passage does not name), `other_row` (a table row's amounts given to the key of
    another row), `low_overlap`, `new_words` (more than `MAX_NEW_TERMS` content words from nowhere in
    the passage), `negation`, `yes_no` (« Oui » on a denial, « Non » on an
    affirmation), `role_swap` (a party in another's place, or a sentence that says of its subject what the anchor
    says of the thing it compares it with), `low_similarity`, `other_source` (a pronoun for what the sentence
    before took from another text)."""
    overlap: float = 0.0
    support: int = 0
    """The cited passage number that supports the sentence (0 when unsupported)."""
    detail: str = ""
    """The word, quantity or role behind the reason, for the agent and the evaluator."""
    quote: str = ""
    """The passage sentence the verdict was reached on."""


@dataclass(frozen=True)
class Verification:
    verdicts: tuple[SentenceVerdict, ...]

    @property
    def supported(self) -> list[SentenceVerdict]:
        return [v for v in self.verdicts if v.supported]

    @property
    def acceptable(self) -> bool:
        """The draft may be shown as a generated answer, its sentences that claim nothing removed: its first
        sentence, the answer, stands; every other sentence stands or claims nothing (`UNCLAIMED_REASONS`); and at
        least `MIN_SUPPORTED_SHARE` of it stands."""
        if not self.verdicts or self.misread:
            return False
        return len(self.supported) / len(self.verdicts) >= MIN_SUPPORTED_SHARE

    @property
    def misread(self) -> bool:
        """Its first sentence, the answer, does not stand, or a sentence makes a claim its passage does not hold
        (`UNCLAIMED_REASONS`): no sentence after it can make the draft showable."""
        return not self.verdicts[0].supported or any(
            not verdict.supported and verdict.reason not in UNCLAIMED_REASONS for verdict in self.verdicts)

    def text(self) -> str:
        """The supported sentences only, each followed by the marker of the passage that supports it."""
        return " ".join(f"{_without_markers(v.sentence)} [{v.support}]" for v in self.supported)


def overlap(sentence: str, passage_text: str) -> float:
    words = _terms(sentence)
    if not words:
        return 0.0
    return len(words & _terms(passage_text, source=True)) / len(words)


def passage_text(passage: Passage) -> str:
    return f"{passage.title}\n{' '.join(passage.heading_path)}\n{passage.text}"


def _headings_over(passage: Passage, anchor_text: str) -> tuple[str, ...]:
    """The passage's headings that an anchor sits under: all of them, unless the body writes above the anchor the
    path of another case (a prompt's passage holds the units of the document's other chunks, each under its path:
    « Saisir le juge > Créancier » in the passage of « Saisir le juge > Débiteur »); then only those the two share."""
    body = passage_body(passage)
    if not anchor_text or PATH_SEPARATOR not in body:
        return passage.heading_path
    line = case_heading(body, anchor_text)
    if PATH_SEPARATOR not in line:
        return passage.heading_path
    return shared_path(passage.heading_path, tuple(line.split(PATH_SEPARATOR)))


def _context(passage: Passage, anchor_text: str = "") -> str:
    return f"{passage.title}\n{' '.join(_headings_over(passage, anchor_text))}"


def _case_quantities(passage: Passage, anchor_text: str = "") -> frozenset[tuple[str, str]]:
    """The numbers of the case an anchor sits in, its last heading (« En 2020 », « 3 enfants »): not the title's,
    which may name a range the case narrows (« famille de 2 enfants ou plus »), nor a code's divisions (« Section
    2 »)."""
    headings = [heading for heading in _headings_over(passage, anchor_text) if not CODE_DIVISION.match(fold(heading))]
    return claims.quantities(headings[-1]) if headings else frozenset()


def _said_more_often(claim_text: str, anchor_text: str, case: frozenset[tuple[str, str]]) -> str:
    """A measure the sentence gives to more things than the anchor, or the case it sits in, gives it to (« au-delà
    de 6 mois, … une affiliation depuis au moins 6 mois » on « au-delà de 6 mois, … depuis 12 mois »): the
    other fact's own figure was changed into it; "" if none."""
    held = claims.measures_counted(anchor_text)
    return ", ".join(sorted(f"{number} {unit}" for (number, unit), times in claims.measures_counted(claim_text).items()
                            if times > max(held[number, unit], (number, unit) in case)))


def _does(role: str, action: str, anchor_text: str, subjects: frozenset[tuple[str, str]]) -> bool:
    """Whether the anchor makes the party the subject of the verb of an action noun, or of the « peut » or « doit »
    that governs it (« le salarié peut demander » for « la demande du salarié »)."""
    named = _terms(action)
    folded = fold(anchor_text)
    for noun, verb in subjects:
        if claims.ROLES.get(noun) != role:
            continue
        if _terms(verb) & named:
            return True
        for governed in re.finditer(rf"\b{re.escape(verb)}\b((?:\s+[\w']+){{1,3}})", folded):
            if _terms(governed.group(1)) & named:
                return True
    return False


def _role_swap(claim_text: str, anchor_text: str) -> str:
    """A party put in another's place: the subject of a verb the anchor gives another subject (or whose noun it
    gives another agent: « à la demande de l'employeur » for « le salarié demande »), a subject that
    the anchor names only as an object, or an object the anchor names only as a subject (when the parser found
    the sentence's subject at all) — not the party that completes an action noun whose verb the anchor gives it
    (« la demande du salarié » for « le salarié peut demander »); "" if none."""
    said, source = parse(CLEFT.sub(r"\1 ", claim_text)), parse(anchor_text)

    def by_verb(subjects: frozenset[tuple[str, str]]) -> dict[str, set[str]]:
        roles: dict[str, set[str]] = {}
        for noun, verb in subjects:
            if noun in claims.ROLES:
                roles.setdefault(verb, set()).add(claims.ROLES[noun])
        return roles

    said_by_verb, source_by_verb = by_verb(said.subjects), by_verb(source.subjects)
    source_by_action = by_verb(source.agents)
    source_agents = set().union(*source_by_action.values())
    source_subjects = set().union(*source_by_verb.values())
    source_others = {claims.ROLES[noun] for noun in source.others if noun in claims.ROLES}
    for verb, roles in said_by_verb.items():
        for role in roles:
            if role not in source_subjects | source_agents and role in source_others:
                return role
            if verb in source_by_verb and role not in source_by_verb[verb]:
                return role
            if verb not in source_by_verb and verb in source_by_action and role not in source_by_action[verb]:
                return role
    for noun, head, case in said.attachments:
        given = {claims.ROLES[other] for other, on, by in source.attachments
                 if (on, by) == (head, case) and other in claims.ROLES}
        if noun in claims.ROLES and given and claims.ROLES[noun] not in given:
            return claims.ROLES[noun]
    if not said.subjects:
        return ""
    said_subjects = set().union(*said_by_verb.values())
    doing = {role for noun, action in said.agents
             if (role := claims.ROLES.get(noun)) and _does(role, action, anchor_text, source.subjects)}
    for role in {claims.ROLES[noun] for noun in said.others if noun in claims.ROLES} - said_subjects - doing:
        if role in source_subjects and role not in source_others:
            return role
    return ""


def _party_replaced(claim_text: str, anchor: Anchor) -> str:
    """A party the sentence names more often than its anchor while it names another party less often (« doit être
    remis au salarié » said « remis à l'employeur », « au service du même employeur » said « du même salarié »): one
    took the other's place; "" if none. A pronoun the sentence spells out adds a party, it takes none away. An
    anchor of several sentences is counted on the one closest to the sentence; an anchor that names no party (« Il
    acquiert ses congés dans les mêmes conditions ») on the sentences around it, which say whom it speaks of."""
    def parties(text: str) -> Counter[str]:
        return Counter(claims.ROLES[word] for word in re.findall(r"[a-z]+", fold(text)) if word in claims.ROLES)

    closest = max(BODY_SENTENCE_END.split(anchor.text), key=lambda part: overlap(claim_text, part))
    said, held = parties(claim_text), parties(closest) or parties(anchor.window)
    if not held - said:
        return ""
    return ", ".join(sorted(said - held))


def _subject_unnamed(claim_text: str, anchor: Anchor) -> str:
    """A party the sentence makes the subject of a verb that neither the anchor nor the sentence before it names
    (« l'employeur doit lui envoyer un certificat » on « Ce courrier doit être envoyé… », after « La salariée
    doit lui envoyer un certificat »): the nearest party named says who acts. Where neither names anyone
    (« L'indemnité de fin de contrat est égale à 10 %… »), the passage's parties do (« …offertes au salarié »). A list
    item rests on its whole list, which may name the party in another item or in the sentence its lead-in points
    back to; "" if none."""
    start = anchor.window.find(anchor.text)
    listed = bool(anchor.item or anchor.items) or start < 0
    named = claims.roles(anchor.window if listed else anchor.window[: start] + anchor.text) or claims.roles(
        anchor.window)
    acting = {claims.ROLES[noun] for noun, _ in parse(CLEFT.sub(r"\1 ", claim_text)).subjects if noun in claims.ROLES}
    return ", ".join(sorted(acting - named))


def _dropped_restrictions(claim_text: str, anchor_text: str) -> str:
    """The words that narrow a subject in the anchor but not in the sentence (« le CDI à temps partiel doit être
    écrit » said as « le CDI doit être écrit »); "" if none. « Que ce soit pour motif personnel ou économique »
    widens: it narrows nothing."""
    said_subjects = {_terms(noun).pop() for noun, _ in parse(claim_text).subjects if _terms(noun)}
    missing = {
        term
        for noun, modifier in parse(WHICHEVER.sub("", anchor_text)).restrictions
        if _terms(noun) & said_subjects
        for term in _terms(modifier) - _terms(claim_text, source=True)
    }
    return ", ".join(sorted(missing))


def _made_of_headings(words: set[str], anchor: Anchor, passage: Passage) -> bool:
    """Whether what a sentence says beyond its anchor comes from the headings, while what it shares with the anchor
    only names the passage's topic, its title: « Le cadre dirigeant est concerné par les heures supplémentaires »
    on « Les heures supplémentaires sont effectuées à la demande de l'employeur » under « Qui est concerné ? > Cadre
    dirigeant » — the headings say what the passage is about, not what holds for it."""
    held = _terms(anchor.scope, source=True)
    headings = _terms(" ".join(_headings_over(passage, anchor.text)), source=True)
    return bool((words - held) & headings) and words & held <= _terms(passage.title, source=True)


DEFINED_ACRONYM = re.compile(r"((?:[\w'’-]+\s+){1,8})\(([A-Z][A-Za-z]{1,7})\)")
"""A long form followed by its acronym in brackets, as the texts define one: « l'allocation personnalisée d'autonomie
(Apa) »."""
LINKING_WORDS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "a", "à", "en", "au", "aux", "pour"})


@lru_cache(maxsize=512)
def _acronyms_defined(body: str) -> dict[str, str]:
    """The acronyms a passage defines, each with its long form: the words before the brackets whose initials spell
    it, small linking words aside."""
    defined = {}
    for match in DEFINED_ACRONYM.finditer(body):
        words, acronym = re.split(r"[\s'’-]+", match.group(1).strip()), match.group(2).lower()
        letters, start = list(acronym), len(words)
        while letters and start:
            start -= 1
            word = fold(words[start])
            if word and word[0] == letters[-1] and word not in LINKING_WORDS:
                letters.pop()
            elif word not in LINKING_WORDS:
                break
        if not letters:
            defined[acronym] = " ".join(words[start:])
    return defined


def _spelled_out(claim_text: str, body: str) -> str:
    """The sentence with each acronym the passage defines followed by its long form (« si elle perçoit l'Apa »
    names the « allocation personnalisée d'autonomie » the passage's condition names)."""
    defined = _acronyms_defined(body)
    if not defined:
        return claim_text
    return re.sub(r"\b[A-Z][A-Za-z]{1,7}\b", lambda word: f"{word.group()} ({defined[word.group().lower()]})"
                  if word.group().lower() in defined else word.group(), claim_text)


def _unnamed_by(words: set[str], held: set[str]) -> set[str]:
    """The words that the held ones (a passage's title and headings, an anchor's sentences) do not name, in the same
    family or another form of the same root (« la convention » under « Rupture conventionnelle », « licencié » for
    « licenciement »: the stemmer cuts the noun and its adjective or participle apart)."""
    return {word for word in words if not any(
        word == other or (min(len(word), len(other)) >= SAME_ROOT and (
            other.startswith(word) or word.startswith(other))) for other in held)}


def _share(words: set[str], anchor: Anchor, passage: Passage) -> float:
    """Share of a sentence's content words found in the anchor's scope; words the passage has only in its title
    or headings (« fonds de travaux ») count neither way: they say what the passage is about, not what it says."""
    held = _terms(anchor.scope, source=True)
    evidence = words - (_terms(_context(passage, anchor.text), source=True) - held)
    return len(evidence & held) / len(evidence) if evidence else 0.0


def _cells_used(anchor: Anchor, words: set[str]) -> str:
    """The cells of a table row that the sentence draws on, with the row's first cell: what it says."""
    cells = anchor.text.split("; ")
    return "; ".join([cells[0], *(cell for cell in cells[1:] if _terms(cell, source=True) & words)])


def _names_row(claim: claims.Claim, words: set[str], label: str) -> bool:
    """Whether a sentence names a table row by all of its first cell: its quantities, its bounds and its words."""
    key = claims.claim(label)
    key_words = _terms(label, source=True)
    return bool(key.quantities or key_words) and key.quantities <= claim.quantities and (
        key.markers <= claim.markers and key_words <= words)


def _case_unnamed(claim_text: str, question: str, anchor: Anchor, body: str) -> str:
    """The special case the anchor's rule holds for (`anchors.special_case`) when neither the sentence nor the
    question names it, by its heading's words or by every word of the anchor but one (« en raison du caractère
    temporaire de l'activité » under « Emploi saisonnier »); "" if named."""
    case = special_case(body, anchor.text)
    words = _terms(CASE_NAMING.sub(" ", fold(case)), source=True)
    if not words:
        return ""
    said = _terms(f"{claim_text}\n{question}", source=True)
    if _kept_share(words, _unnamed_by(words, said)) >= MIN_CONDITION_COVERAGE:
        return ""
    return "" if len(_unnamed_by(_terms(anchor.text, source=True), said)) <= MAX_NEW_TERMS else case


DENIED_CASE = re.compile(r"\b(?:non|sans|pas d(?:e |'))\s*([a-z]{4,})")
"""A case named by what it lacks (« État des lieux non conforme », « Sans enfant », « Pas de convention »)."""


def _case_denied(claim_text: str, anchor: Anchor, body: str) -> str:
    """The word a case heading denies (« non conforme ») when the sentence says it undenied (« Si l'état des lieux
    est conforme, … 2 mois » on the rule under « État des lieux non conforme »): the rule of the other case; "" if
    none. Read on the sentence as written, after `_check` passed it: the opening case that `_past_heading_case`
    strips from the claim is where the sentence names the case."""
    claim = fold(claim_text)
    for word in DENIED_CASE.findall(fold(case_heading(body, anchor.text))):
        said = re.search(rf"\b{word}", claim)
        denied = re.search(rf"\b(?:non|sans|pas|plus|aucune?)\s+(?:d(?:e |')\s*)?{word}", claim)
        if said and not denied:
            return f"non {word}"
    return ""


CONTRARY_OPENING = re.compile(r"^\s*(?:en revanche|toutefois|cependant|par contre|neanmoins|mais|a l'inverse|sauf)\b")
EXCEPTIONS_READ = 2


def _answered_by_the_exception(claim_text: str, anchor: Anchor, body: str, reply: Reply) -> str:
    """The words of the question that a sentence next to the anchor names (right after it as the fiche writes it,
    or right before it once an extract has put the closest sentences first), when it opens on « En revanche »,
    « Toutefois »… and neither the answer nor its anchor names them: the question may be the exception's case
    (« grève des pilotes de la compagnie » against « n'est pas due si… grève des contrôleurs aériens. En revanche,
    la grève de personnels de la compagnie vous autorise… »), and a « Oui » or « Non » given on the rule cannot
    tell, unless the draft states the exception as well; "" if none."""
    if reply.draft is None:
        return ""
    at = body.find(anchor.text)
    if at < 0:
        return ""
    before = [part for part in BODY_SENTENCE_END.split(body[:at]) if part.strip()]
    after = [part for part in BODY_SENTENCE_END.split(body[at + len(anchor.text):]) if part.strip()]
    said = _terms(claim_text) | _terms(anchor.text, source=True)
    for sentence in after[:EXCEPTIONS_READ] + before[-EXCEPTIONS_READ:]:
        if CONTRARY_OPENING.match(fold(sentence)) and overlap(sentence, _spelled_out(reply.draft, body)) < MIN_OVERLAP:
            named = (_terms(reply.question) & _terms(sentence, source=True)) - said
            if named:
                return ", ".join(sorted(named))
    return ""


def _against_its_case(claim_text: str, anchor: Anchor, body: str, reply: Reply) -> tuple[str, str]:
    """(reason, detail) for a sentence as written, once `_check` rested its claim on the anchor: the other case's
    rule (`_case_denied`), or a « Oui » / « Non » the exception next to the anchor may contradict
    (`_answered_by_the_exception`); `ok` when neither."""
    denied_case = _case_denied(claim_text, anchor, body)
    if denied_case:
        return "negation", denied_case
    exception = _answered_by_the_exception(claim_text, anchor, body, reply) if reply.word else ""
    return ("yes_no", exception) if exception else ("ok", "")


def _label_unnamed(label: str, claim_text: str) -> set[str]:
    """Words and figures of a table row's first cell that the sentence leaves unsaid. A gloss in brackets need not
    be said (« entre 0,5 et 0,8 g/litre de sang (0,25 et 0,4 mg / litre d'air expiré) »); of a cell that lists
    cases (« Père ou mère », « Stationnement gênant : sur un trottoir…, en double file, … », « 69 309 € ou
    moins »), the sentence names the heading and one case, with its figure if it has one."""
    said, figures_said = _terms(claim_text, source=True), claims.quantities(claim_text)

    def unsaid(part: str) -> set[str]:
        figures = claims.quantities(part)
        missing = set() if not figures or figures & figures_said else {f"{n} {u}".strip() for n, u in figures}
        return (_terms(part, source=True) - said) | missing

    heading, _, listed = LABEL_GLOSS.sub(" ", label).rpartition(":")
    cases = [case for case in LISTED_CASE_END.split(listed) if _terms(case, source=True) or claims.quantities(case)]
    return unsaid(heading) | min((unsaid(case) for case in cases), key=len, default=set())


def _other_row_named(claim_text: str, anchor: Anchor, body: str) -> str:
    """The first cell of another row of the anchor's table that the sentence names, when it does not name the
    anchor's own (« jusqu'à 50 m² » with the amount of the row « Supérieure à 50 m² et jusqu'à 150 m² »): a
    row's amounts belong to its own key; "" if none."""
    if not anchor.label:
        return ""
    said, words = claims.claim(claim_text), _terms(claim_text, source=True)
    if _names_row(said, words, anchor.label):
        return ""
    return next((other.label for other in anchors(body)
                 if other.label and other.label != anchor.label and _names_row(said, words, other.label)), "")


def _between_quantities(folded: str, found: list[re.Match[str]]) -> Iterator[tuple[re.Match[str], str, str]]:
    """Each quantity found in a folded text, with the text since the quantity before it and up to the next one."""
    for n, match in enumerate(found):
        yield (match, folded[found[n - 1].end() if n else 0: match.start()],
               folded[match.end(): found[n + 1].start() if n + 1 < len(found) else len(folded)])


def _qualifiers(anchor_text: str) -> list[tuple[tuple[str, str], set[str]]]:
    """Each measure of a sentence followed by the words that say what it is for, up to the next punctuation, clause
    or measure (« 112,20 € le samedi », « 25 % pour les cadres »); a measure followed by anything else (« 5 jours si
    l'enfant… », « 22 heures et 6 heures ») has none."""
    folded = claims.spelled_fractions(fold(anchor_text))
    found = [match for match in claims.QUANTITY.finditer(folded) if match.group(2) or "/" in match.group(1)]
    measures = []
    for match, _, after in _between_quantities(folded, found):
        if not QUALIFIER_START.match(after):
            continue
        words = _terms(" ".join(QUALIFIER_END.split(after)[0].split()[:QUALIFIER_WORDS]))
        measures += [(quantity, words) for quantity in claims.quantities(match.group(0)) if words]
    return measures


def _given_to_another(claim_text: str, anchor_text: str) -> str:
    """The words a sentence gives its measure that the anchor gives another measure of the same unit, when it
    names none of its own (« indemnisée 112,20 € le dimanche » on « 112,20 € le samedi, 139,65 € le dimanche ou un
    jour férié »): an enumeration pairs each figure with its case; "" if none. When the sentence itself pairs its
    figures with their cases (« 2/3 à l'époux et 1/3 aux enfants »), each figure is judged by its own words, so
    that two figures swapped between two cases are read as swapped."""
    measures, said = _qualifiers(anchor_text), _terms(claim_text)
    paired = _qualifiers(claim_text)
    for quantity in sorted(claims.quantities(claim_text)):
        own = {word for held, words in measures if held == quantity for word in words}
        others = {word for held, words in measures if held[1] == quantity[1] and held != quantity
                  for word in words} - own
        given = {word for held, words in paired if held == quantity for word in words} or said
        if own and given & others and not given & own:
            return ", ".join(sorted(given & others))
    return ""


def _column_given_to_another(claim_text: str, anchor: Anchor) -> str:
    """The kind (« net », « brut », « HT », « par mois »…) a sentence gives an amount of a table row whose column
    heading says another kind and not its own (« le Smic horaire net est de 10,15 € » on « Montant brut: 10,15 €;
    Montant net: 8,03 € »); "" if none."""
    if not anchor.label:
        return ""
    columns = [(claims.quantities(value), claims.markers(heading) & COLUMN_KINDS)
               for heading, _, value in (cell.partition(": ") for cell in anchor.text.split("; "))]
    for quantity, given in _kinds_beside(claim_text):
        own = set().union(*(kinds for held, kinds in columns if quantity in held))
        others = set().union(*(kinds for held, kinds in columns if quantity not in held)) - own
        if given & others and not given & own:
            return ", ".join(sorted(given & others))
    return ""


def _kinds_beside(text: str) -> list[tuple[tuple[str, str], frozenset[str]]]:
    """Each quantity of a text with the kinds (`COLUMN_KINDS`) said next to it, within its clause and before the
    next quantity (« brut s'élève à 10,15 €, soit 8,03 € net »)."""
    folded = fold(text)
    beside = []
    for match, before, after in _between_quantities(folded, list(claims.QUANTITY.finditer(folded))):
        near = [*QUALIFIER_END.split(before)[-1].split()[-QUALIFIER_WORDS:],
                *QUALIFIER_END.split(after)[0].split()[:QUALIFIER_WORDS]]
        kinds = claims.markers(" ".join(near)) & COLUMN_KINDS
        beside += [(quantity, kinds) for quantity in claims.quantities(match.group(0))]
    return beside


def _uncovered_conditions(claim_text: str, anchor_text: str, said_before: str = "") -> set[str]:
    """Words of the anchor's conditions the sentence leaves out, when it leaves out too many of them; a case the
    rule also covers (« y compris lorsque… ») and a condition its list items spell out are not limits. A sentence
    that opens on « Dans ce cas », or names a thing by « ce », « cette » (« si l'employeur n'accorde pas ce
    report »), keeps the words of the passage sentence the one before it rests on; an answer keeps those of the
    question it answers (« Un intérimaire embauché par l'entreprise où il était en mission… ? » sets the case of
    « Oui, les missions… sont déduites »)."""
    said = _terms(f"{claim_text}\n{said_before}", source=True)
    missing: set[str] = set()
    folded = claims.UNIT_GLOSS.sub(r"\1", fold(anchor_text))
    for match in CONDITION_SPAN.finditer(folded):
        span = match.group(1)
        if WIDENING.search(folded[: match.start()]) or LISTED_CASES.search(span) or ANAPHORIC_CONDITION.match(span):
            continue
        first, *others = SECOND_CONDITION.split(span)
        said_first = _terms(folded[: match.start()], source=True) | _terms(first, source=True)
        for words in [_terms(span, source=True), *(_terms(other, source=True) - said_first for other in others)]:
            unkept = _unnamed_by(words, said)
            if words and _kept_share(words, unkept) < MIN_CONDITION_COVERAGE:
                missing |= unkept
    return missing


def _kept_share(words: set[str], unkept: set[str]) -> float:
    """Share of a condition's words the sentence keeps, in any form of their root (`_unnamed_by`: « à condition
    qu'une clause le prévoie » keeps « si une clause le prévoit »), given those it does not."""
    return 1 - len(unkept) / len(words)


@dataclass(frozen=True)
class Reply:
    """The « Oui » / « Non » a sentence opens with ("" if none), the question it answers and the whole draft."""

    word: str
    flipped: bool
    """The sentence answers by the opposite of what is asked, so that its « Oui » / « Non » goes against it."""
    question: str
    draft: str | None = ""
    """None while it is being written: the exception an answer leaves out may still come."""
    rest: str = ""
    """The sentence's other clauses, when one clause is checked on its own: a condition said there binds this
    clause too (« Vous devez recevoir la lettre au moins six mois avant ; si elle vous parvient en retard, le congé
    n'est pas valable » keeps the anchor's « pour que le congé soit valable »)."""


def _condition_restated(kept_in: str, stated_in: str) -> bool:
    """Whether one text keeps the words of every condition the other states, in other words than its « si »: a
    sentence, or the question it answers, keeps the anchor's (« si vous êtes mensualisé » said « pour un salarié
    mensualisé »); an anchor keeps a sentence's when the « si » only names a case it states otherwise (« quand le
    CDD sert à remplacer un salarié absent » for « pour le remplacement d'un salarié absent »)."""
    said = _terms(kept_in, source=True)
    spans = [_terms(span, source=True) for span in STATED_CONDITION.findall(fold(stated_in))]
    return bool(spans) and all(
        words and _kept_share(words, _unnamed_by(words, said)) >= MIN_CONDITION_COVERAGE for words in spans
    )


def _case_of_the_anchor(claim_text: str, anchor_text: str) -> bool:
    """Whether the sentence's « si », « quand »… only names, in other words, the case the anchor states its rule
    for (« quand le CDD sert à remplacer un salarié absent » for « pour le remplacement d'un salarié absent »): the
    anchor keeps the words of each, and none denies (« si le justificatif ne porte pas de code » is the other
    case)."""
    spans = STATED_CONDITION.findall(fold(claim_text))
    return _condition_restated(anchor_text, claim_text) and not any(
        negated(span) or NOT_WORD.search(span) for span in spans)


def _said_before(dropped: set[str], claim_text: str, anchor_text: str, previous: str) -> set[str]:
    """The markers the anchor states in the very words the sentence before rested on, when the sentence speaks of
    what that one named (« il », « cette aide »): « Il ne peut par ailleurs effectuer aucune heure supplémentaire »
    after a sentence on « un salarié de moins de 16 ans » keeps the anchor's « de moins de 16 ans »."""
    if not previous or not _leans_on_previous(claim_text):
        return set()
    before, anchor = fold(previous), fold(anchor_text)
    return {marker for marker in dropped
            if (wording := claims.COMPILED[marker].search(anchor))
            and (said := MARKER_WORDING.match(anchor, wording.start())) and said.group(0) in before}


def _leans_on_previous(claim_text: str) -> bool:
    """Whether the sentence speaks of what the one before named: it opens on « dans ce cas », or names it by « il »,
    « ce report », « cette demande »."""
    folded = fold(claim_text)
    return bool(POINTING_BACK.match(folded) or DEMONSTRATIVE.search(folded))


def _bound_as_possibility(said: frozenset[str], held: frozenset[str]) -> bool:
    """Whether a sentence's « peut » only says the bound the anchor states with it (« ce cumul peut porter sur six
    années au maximum » for « le cumul porte au maximum sur six années »): not where the anchor sets a duty."""
    return bool(said & held & BOUNDS) and "obligation" not in held


def _contrary_word(claim_text: str, anchor_text: str) -> str:
    """A word of the sentence whose root is the contrary of a root the anchor uses and the sentence does not
    (« le salarié perd l'ancienneté » on « le salarié conserve l'ancienneté »); "" if none."""
    said, held = fold(claim_text), fold(anchor_text)
    for one, other in CONTRARY_VERBS:
        for this, that in ((one, other), (other, one)):
            word = re.search(rf"\b(?:{this})\w*", said)
            if word and not re.search(rf"\b(?:{this})", held) and re.search(rf"\b(?:{that})", held) and not re.search(
                    rf"\b(?:{that})", said):
                return word.group()
    return ""


DENIAL_TAIL = re.compile(r"(?:\s+(?!(?:qui|que|qu'\w*|si|s'il|s'ils|lorsqu\w*|quand|et|mais|ou|car|donc|sauf|ni)\b)"
                         r"[\w'-]+){1,6}")
"""What a denial bears on: the words after it, up to the next clause (« n'est pas suspendu et n'est donc pas
prolongé » denies « suspendu », then « prolongé »)."""
CELL_DENIAL = re.compile(r"([^;:\n]*)\?\s*:\s*non\b")
"""A table cell answering « Non » denies its column's name (« Cumul possible avec les indemnités ? : Non »)."""
CONCORD = re.compile(r"\bni\b")
"""« ni … ni » carries on a denial already made (« ne s'appliquent pas aux saisonniers, ni aux intérimaires »)."""
UNIT_STEMS = frozenset({"an", "ann", "annee", "jour", "semain", "moi", "mois", "heur", "minut", "foi"})
"""Units are checked with their quantities, wherever the denial puts them."""


def _stems(text: str) -> set[str]:
    return {family(term) for term in content_words(text)} - UNIT_STEMS


AUXILIARIES = frozenset({"peut", "peuvent", "pouvez", "pourra", "pourront", "pourrait", "doit", "doivent", "devez",
                         "devra", "est", "sont", "etre", "a", "ont", "avez", "as", "sera", "seront", "tenu", "tenue",
                         "tenus", "tenues", "donc", "alors", "toujours", "plus", "pas", "jamais", "ne", "n"})
"""Words that carry a denial to the verb after them (« ne peut pas interrompre », « n'est pas tenu de récupérer »)."""


def _denials(text: str) -> tuple[set[str], set[str]]:
    """What the text denies or forbids: the head of each denial (its first content word past the auxiliaries:
    « suspendu » in « n'est pas suspendu ») and the words it bears on, up to the next clause (`DENIAL_TAIL`); a « Non »
    cell denies its column's head. What « ne … pas interdit » bears on is allowed, not denied."""
    plain = claims.ALLOWED_NOT.sub(" ", fold(text))
    heads: set[str] = set()
    denied: set[str] = set()
    for cell in CELL_DENIAL.finditer(plain):
        column = _stems(" ".join(cell.group(1).split()[:2]))
        heads |= column
        denied |= column
    rest = CELL_DENIAL.sub(" ", plain)
    resumed = 0
    for match in claims.NEGATION.finditer(rest):
        if match.start() < resumed or CONCORD.fullmatch(match.group()):
            continue
        said = match.group().rstrip()
        tail = DENIAL_TAIL.match(rest, match.start() + len(said))
        scope = said + (tail.group() if tail else "")
        resumed = match.start() + len(scope)
        if said.startswith("n") and re.search(r"\binterdit", scope):
            continue
        words = [word for word in re.findall(r"[a-z]+", scope) if word not in AUXILIARIES]
        head = next((stems for stems in (_stems(word) for word in words) if stems), set())
        heads |= head
        denied |= _stems(scope)
    return heads, denied


TIME_UNITS = {"jour": "jour", "jours": "jour", "semaine": "semaine", "semaines": "semaine",
              "hebdomadaire": "semaine", "hebdomadaires": "semaine", "mois": "mois", "mensuel": "mois",
              "mensuelle": "mois", "mensuels": "mois", "mensuelles": "mois", "an": "an", "ans": "an", "annee": "an",
              "annees": "an", "annuel": "an", "annuelle": "an", "annuels": "an", "annuelles": "an",
              "annuellement": "an", "mensuellement": "mois", "hebdomadairement": "semaine", "heure": "heure",
              "heures": "heure"}
"""The time units, and the rates that name them (« mensuel » is « par mois », « annuellement » « chaque année »)."""


UNIT_LINKS = frozenset({"de", "d", "du", "des"})
UNIT_RATES = frozenset({"par", "chaque"})


def _unit_bonds(text: str) -> set[tuple[str, str]]:
    """Each time unit with the word it qualifies or is qualified by: (« supplementaires », heure) in « heures
    supplémentaires », (« absence », jour) in « jours d'absence », (« par », mois) in « par mois » and
    « mensuellement »."""
    words = re.findall(r"[a-z]+", fold(text))
    bonds = set()
    for n, word in enumerate(words):
        if word not in TIME_UNITS:
            continue
        if (n and words[n - 1] in UNIT_RATES) or word.endswith("ment"):
            bonds.add(("par", TIME_UNITS[word]))
        following = [w for w in words[n + 1:n + 3] if w not in UNIT_LINKS]
        if following and following[0] not in TIME_UNITS and content_words(following[0]):
            bonds.add((following[0], TIME_UNITS[word]))
    return bonds


def _time_unit_unmatched(claim_text: str, anchor_text: str) -> str:
    """A time unit the sentence names outside a quantity that its anchor does not name at all (« les jours
    supplémentaires » on « les heures supplémentaires », « versée à partir de l'année qui suit » on « du mois
    suivant »), or bound to a word the anchor binds to another unit only (« un quart de mois de salaire » said « un
    quart d'année de salaire », « deux fois par an » on « deux fois par mois »): the unit is the rule as much as the
    number; "" if none."""
    def units(text: str) -> set[str]:
        return {TIME_UNITS[word] for word in re.findall(r"[a-z]+", text) if word in TIME_UNITS}

    said = units(claims.QUANTITY.sub(" ", fold(claim_text)))
    unnamed = said - units(fold(anchor_text))
    held = _unit_bonds(anchor_text)
    rebound = {unit for word, unit in _unit_bonds(claim_text) - held
               if any(other == word for other, _ in held)}
    return ", ".join(sorted(unnamed | rebound))


def _denial_moved(claim_text: str, anchor_text: str) -> str:
    """A word both say that one denies and the other does not (« lorsque le contrat n'est pas conclu avec un
    jeune » on « lorsque le contrat est conclu avec un jeune », « il n'est pas passible d'une amende » on « il est
    passible d'une amende » beside another denial): the sentence's polarity as a whole may agree with the anchor's
    while a denial moved to another clause; "" if none."""
    (said_heads, said_denied), (held_heads, held_denied) = _denials(claim_text), _denials(anchor_text)
    moved = (said_heads & _stems(anchor_text) - held_denied) | (held_heads & _stems(claim_text) - said_denied)
    return ", ".join(sorted(moved))


def _borrowed_against(claim_text: str, anchor: Anchor) -> str:
    """The words a sentence takes from the sentence before an anchor that opens on a pronoun, when that sentence
    says the opposite of the anchor and of the sentence (« Il perçoit l'indemnité de licenciement et l'indemnité
    compensatrice de préavis, ainsi que … congés payés » on « L'indemnité de licenciement et l'indemnité compensatrice
    de préavis ne sont pas versées au salarié. Il reçoit l'indemnité compensatrice de congés payés »): the sentence
    before names whom the pronoun stands for, one word, not what the rule gives; "" if none."""
    before = anchor.scope[: len(anchor.scope) - len(anchor.text)].strip()
    if not before or negated(before) == negated(anchor.text) or negated(before) == negated(claim_text):
        return ""
    borrowed = _terms(claim_text) & _terms(before, source=True) - _terms(anchor.text, source=True)
    return ", ".join(sorted(borrowed)) if len(borrowed) > 1 else ""


def _unmatched_non(claim_text: str, anchor: Anchor) -> str:
    """A word the sentence says with « non » where the anchor says it without (« maladie non professionnelle » for
    « maladie professionnelle »), or its neighbours when the anchor does not say it at all, or a word the anchor
    says with « non » that the sentence says without; "" if none. « non » is a stop word, so the content words
    alone do not tell them apart; the anchor's own wording comes first, since its neighbour may state the other
    case (« … maladie non professionnelle n'interrompt pas… » before « … maladie professionnelle interrompt… »)."""
    said, stated = fold(claim_text), fold(anchor.text)
    for text, others in ((said, (stated, fold(anchor.window))), (stated, (said,))):
        for word in NON_WORD.findall(text):
            other = next((other for other in others if re.search(rf"\b{re.escape(word)}\b", other)), "")
            if other and not re.search(rf"\bnon[- ]{re.escape(word)}\b", other):
                return f"non {word}"
    return ""


ITEM_RESTRICTION = re.compile(r"\s(?:dans|pour|chez|en cas d|lorsqu|si|sauf|a condition|sous reserve)\b.*$")
"""What an item writes after the thing it names to restrict it: where (« dans les communes ayant… »), for whom
(« pour les 8 premières heures »), in which case (« si l'enfant a moins d'un an »)."""
ITEM_NAMING_WORDS = 2
"""Words of its own by which a sentence names another item of a list (« Vendredi Saint »): one word the two share
is a coincidence (« beau-parent » and « l'enfant décédé était lui-même parent »)."""


def _other_item_named(words: set[str], anchor: Anchor, passage: Passage) -> str:
    """An item of the anchor's list, other than the one it rests on, that the sentence names (« le Vendredi Saint …
    comme le 1er Mai » on « … sont des jours chômés : Le 1er Mai ») without most of its words: the words an item
    adds to the thing it names are its condition (« Le Vendredi Saint dans les communes ayant un temple
    protestant ou une église mixte »), and the sentence, which says that item too, drops them; "" if none. On a
    lead-in with all its items, every item the sentence names."""
    context = _context(passage, anchor.text)
    if anchor.items:
        return _item_named_without_its_words(words, anchor.items, _terms(f"{anchor.lead_in}\n{context}", source=True))
    lines = anchor.window.split("\n")
    lead = anchor.lead_in.strip()
    if lead not in lines:
        return ""
    others = [item for item in lines[lines.index(lead) + 1:] if not item.startswith(anchor.item)]
    return _item_named_without_its_words(words, others, _terms(f"{lead}\n{anchor.item}\n{context}", source=True))


def _restriction_of_the_item_dropped(words: set[str], anchor: Anchor, passage: Passage) -> str:
    """The anchor's item when it restricts the thing it names (« Le Vendredi Saint dans les communes ayant un temple
    protestant ou une église mixte », `ITEM_RESTRICTION`) and the sentence drops two words of the restriction at
    least, and more than `MIN_CONDITION_COVERAGE` allows; "" otherwise. Words of the lead-in, the headings and
    the parties, and a gloss in brackets, restrict nothing of their own."""
    restriction = ITEM_RESTRICTION.search(fold(LABEL_GLOSS.sub(" ", anchor.item)))
    if not restriction:
        return ""
    said = _unnamed_by(_terms(restriction.group(), source=True),
                       _terms(f"{anchor.lead_in}\n{_context(passage, anchor.text)}", source=True) | _role_terms())
    dropped = _unnamed_by(said, words)
    return anchor.item if len(dropped) >= ITEM_NAMING_WORDS and \
        len(said - dropped) < MIN_CONDITION_COVERAGE * len(said) else ""


def _item_named_without_its_words(words: set[str], items: Iterable[str], known: set[str]) -> str:
    """The first item whose own words (not `known` ones, nor the parties', nor those of a gloss in brackets, which
    describes and restricts nothing: « l'aide sur quittance (subvention pouvant financer…) ») the sentence names by
    two at least (`ITEM_NAMING_WORDS`) but less than `MIN_CONDITION_COVERAGE` of; "" if none."""
    known = known | _role_terms()
    for item in items:
        its_own = _unnamed_by(_terms(LABEL_GLOSS.sub(" ", item), source=True), known)
        named = its_own - _unnamed_by(its_own, words)
        if ITEM_NAMING_WORDS <= len(named) < MIN_CONDITION_COVERAGE * len(its_own):
            return item
    return ""


def _numbers_of_item(words: set[str], said: frozenset[tuple[str, str]], anchor: Anchor) -> bool:
    """Whether the sentence names the anchor's list item by a number only the item has (« de la 36e à la 43e
    heure »), and names no other item by its words (« pour les cadres, … trois mois » takes the number of one
    item for another)."""
    lead = anchor.lead_in
    own = {number for number, _ in claims.quantities(anchor.item)} - {n for n, _ in claims.quantities(lead)}
    others = {term for line in anchor.window.split("\n")[1:] if line != anchor.item
              for term in _terms(line, source=True)}
    others -= _terms(anchor.text, source=True)
    return bool(own & {number for number, _ in said}) and not words & others


def _allowed_in_a_relative_clause(text: str) -> bool:
    """Whether the text's only possibility is said of a noun (« un salarié dont le poste permet d'en
    bénéficier »): it describes the noun, it states no possibility of the rule."""
    return "possibility" not in claims.markers(claims.RELATIVE_CLAUSE.sub(" ", fold(text)))


MAY_ASK = re.compile(r"\b(?:peu(?:t|vent|x)|pouvez|pourr\w*)\s+(?:(?:lui|leur|en|y|vous|se|s')\s*)?"
                     r"(?:demander|solliciter|reclamer)\b")
REQUEST_NAMED = re.compile(r"\b(?:la|sa|leur|votre|une|cette|les|ses|leurs|vos|des)\s+(?:demande|sollicitation"
                           r"|reclamation)s?\b")


def _request_presupposed(claim_text: str, anchor_text: str) -> bool:
    """Whether the anchor's only possibility is to ask (« le salarié peut demander à ne pas exécuter son préavis »)
    and the sentence speaks of that request (« l'employeur n'est pas obligé d'accepter la demande du salarié »):
    asking grants nothing, so a sentence on what becomes of the request drops no rule."""
    anchor = fold(anchor_text)
    return bool(MAY_ASK.search(anchor)) and "possibility" not in claims.markers(MAY_ASK.sub(" ", anchor)) and \
        bool(REQUEST_NAMED.search(fold(claim_text)))


NONE_OF = re.compile(r"\baucun\w*\s+(\w+)", re.IGNORECASE)
WITHOUT_OF = re.compile(r"\bsans\s+(?:d(?:e\s+|'))?(?!(?:d[ée]lai|doute|cesse)\b)(\w+)", re.IGNORECASE)
"""« sans N », not the set phrases « sans délai » (at once: « aucun délai » is no time limit), « sans doute »
(likely), « sans cesse »."""


def _none_as_the_anchor_says_it(claim_text: str, anchor_text: str) -> str:
    """The sentence with « sans N » read as « aucun N » where the anchor says « aucun N » of the same noun, and the
    reverse: « le bulletin sans condamnation » is « ne comporte aucune condamnation », « les demandeurs d'emploi
    sans activité » those « qui n'exercent aucune activité » — one denial, said two ways. Another noun keeps
    them apart (« sans mention » on « aucune condamnation »)."""
    def nouns(pattern: re.Pattern[str], text: str) -> set[str]:
        return {family(term) for term in content_words(" ".join(pattern.findall(text)))}

    def reworded(pattern: re.Pattern[str], word: str, denied: set[str], text: str) -> str:
        return pattern.sub(lambda m: f"{word} {m.group(1)}" if nouns(pattern, m.group()) & denied else m.group(),
                           text)

    claim_text = reworded(WITHOUT_OF, "aucun", nouns(NONE_OF, anchor_text), claim_text)
    return reworded(NONE_OF, "sans", nouns(WITHOUT_OF, anchor_text), claim_text)


def _requirement_as_condition(claim_text: str, anchor_text: str) -> bool:
    """Whether the sentence's only condition is « à condition de » + a verb that the anchor makes a duty (« a un
    préavis d'un mois, à condition de l'indiquer dans sa lettre » for « le locataire doit indiquer dans la lettre
    … »): a right that needs a step is a right whose step is owed."""
    folded = fold(claim_text)
    steps = REQUIRED_STEP.findall(folded)
    if not steps or "condition" in claims.markers(REQUIRED_STEP.sub(" ", folded)):
        return False
    anchor = fold(anchor_text)
    owed = DUTY.sub(" doit ", anchor)
    return "obligation" in claims.markers(owed) and all(
        re.search(rf"\bdoit\s+(?:[\w']+\s+){{0,2}}?{re.escape(verb)}\b", owed) for verb in steps)


def _condition_describes_subject(claim_text: str, anchor_text: str) -> bool:
    """Whether every condition of the sentence says what the anchor's subject is (« si vous êtes enceinte et
    travaillez de nuit, vous êtes affectée… » for « la salariée enceinte qui travaille de nuit est affectée… »):
    the same people, named by a case instead of a description."""
    spans = [_terms(span) for span in CONDITION_SPAN.findall(fold(claim_text))]
    described = _terms(" ".join(parse(anchor_text).described), source=True)
    return bool(spans) and all(words and words <= described for words in spans)


def _case_pointed_back(claim_text: str) -> bool:
    """Whether the sentence's only condition is the « dans ce cas » it opens on (the case of the sentence before,
    or of the question): a rule its anchor states without a condition holds in that case too."""
    folded = fold(claim_text)
    opening = POINTING_BACK.match(folded)
    return bool(opening) and "condition" not in claims.markers(folded[opening.end():])


def _points_back(anchor: Anchor, previous: str) -> bool:
    """Whether the anchor's only condition is « dans ce cas » (« si tel est le cas »…) and the case it points back
    to is the passage sentence just before it, on which the clause or sentence before the claim rests: said in the
    same order, the answer keeps the link."""
    folded = fold(anchor.text)
    opening = POINTING_BACK.match(folded)
    if not previous or not opening or "condition" in claims.markers(folded[opening.end():]):
        return False
    return f"{previous} {anchor.text}" in anchor.window


def _prescribed(claim_text: str, anchor_text: str) -> bool:
    """Whether the sentence's « doit » says what the anchor states in the present as a rule (« chaque journée est
    prise dans un délai de 2 mois » said « doit être prise »): a text of law prescribes in the indicative, unless
    it advises, describes a habit, gives an example or allows — in the anchor's sentence that states the verb
    owed, not in the one before it (« prévoit généralement un minimum. Si…, l'employeur verse un complément »). A
    bound written as a denial (« est prévenu dans un délai qui ne peut être inférieur à ») is no possibility."""
    said = fold(claim_text)
    if "obligation" in claims.markers(DUTY.sub(" ", said)):
        return False
    owed = _terms(" ".join(DUTY_VERB.findall(said)))
    sentences = [part for part in BODY_SENTENCE_END.split(anchor_text) if part.strip()]
    stating = [part for part in sentences if owed & _terms(part, source=True)] or sentences
    anchor = claims.DENIED_BOUND.sub(" ", fold(" ".join(stating)))
    if HEDGE.search(anchor):
        return False
    return "possibility" not in claims.markers(anchor) and parse(" ".join(stating)).has_finite_verb


def _entitlement_reworded(entitlement_text: str, entitled_text: str) -> bool:
    """Whether the first text's only possibility is an entitlement (« a le droit de bénéficier de », « peut bénéficier
    de », « pouvez percevoir ») that the other says « a droit à », either way round: the anchor's entitlement said « a
    droit à » by the sentence, or the anchor's « vous avez droit à la majoration si… » said « vous pouvez la
    percevoir » — who is entitled can receive."""
    folded = fold(entitlement_text)
    return (bool(ENTITLEMENT.search(folded)) and bool(claims.RIGHT.search(fold(entitled_text)))
            and "possibility" not in claims.markers(ENTITLEMENT.sub(" ", folded)))


def _spread_over_items(claim_text: str, anchor: Anchor, passage: Passage) -> bool:
    """Whether a sentence says several items of a list in one: each part it joins by « et », « ou », « dont » or
    « ; » holds its quantities in one item and its words in that item, the lead-in or the passage's title and
    headings, and the parts draw on two items at least; a part no item holds may list items by commas (« sauf
    dérogation accordée par l'inspecteur, en cas d'urgence ou dans les cas prévus… »), each held with its words (a
    figure alone is no item: « Pour les cadres, … trois mois »). A condition stays with the item that states it: a
    part an item holds is never cut inside."""
    lead = anchor.lead_in
    lead_terms = _terms(f"{lead}\n{_context(passage)}", source=True)
    lead_amounts = claims.quantities(lead)

    def holder(part: str, named: bool = False) -> int | None:
        """The first item that holds the part; -1 when the lead-in says all of it, None when no item holds it or,
        if it must be `named`, when it gives a figure without the words of its item."""
        own, amounts = _terms(part) - lead_terms, claims.quantities(part) - lead_amounts
        if not own and not amounts:
            return -1
        if named and not own:
            return None
        return next((n for n, item in enumerate(anchor.items) if own <= _terms(item, source=True)
                     and claims.quantities_held(amounts, claims.quantities(item))), None)

    used: set[int] = set()
    for part in JOINED_ITEMS.split(claim_text):
        holders = [holder(part)]
        if holders[0] is None:
            holders = [holder(piece, named=True) for piece in part.split(",")]
        if None in holders:
            return False
        used |= {n for n in holders if n is not None and n >= 0}
    return len(used) > 1


def _states_the_exception(claim_text: str, anchor: Anchor) -> bool:
    """Whether the sentence states one of the cases a lead-in excepts, by denying what the lead-in affirms for it
    (« doit exécuter un préavis, sauf dans les cas suivants : faute grave » said « pour faute grave, il n'a pas à
    exécuter de préavis »)."""
    if not anchor.item or "exception" in claims.markers(claim_text):
        return False
    lead = anchor.lead_in
    if "exception" not in claims.markers(lead) or not LISTED_CASES.search(fold(lead)):
        return False
    named = _terms(claim_text) & (_terms(anchor.item, source=True) - _terms(lead, source=True))
    return bool(named) and negated(claim_text) != negated(lead)


def _asserts_what_does_not_follow(claim_text: str, anchor_text: str) -> bool:
    """The sentence affirms what the anchor says does not follow (« sans que ce refus constitue une faute » said
    « ce refus constitue une faute »)."""
    if claims.negated(claim_text) or "without" in claims.markers(claim_text):
        return False
    said = set(content_words(claim_text))
    for span in SANS_QUE.findall(fold(anchor_text)):
        words = set(content_words(span))
        if words and len(words & said) / len(words) >= MIN_CONDITION_COVERAGE:
            return True
    return False


def _check(
    claim_text: str, reply: Reply, anchor: Anchor, passage: Passage, resemblance: Resemblance | None,
    previous: str = "",
) -> tuple[str, str]:
    """(reason, detail) for a sentence against one anchor of a passage; reason `ok` when it rests on it. The
    parties and the audience it names may be named anywhere in the passage, its title and its headings. An
    answer (« Oui », « Non ») agrees with the anchor's polarity, or goes against it when the sentence answers by
    the opposite of what was asked (`flipped`)."""
    body, context = passage_body(passage), _context(passage, anchor.text)
    claim_text = _none_as_the_anchor_says_it(claim_text, anchor.text)
    elsewhere = _for_another_place(passage, body, reply.question, claim_text, anchor.text)
    if elsewhere:
        return "other_audience", elsewhere
    said, held = claims.claim(claim_text), claims.claim(anchor.text)
    case = _case_quantities(passage, anchor.text)
    if not claims.quantities_held(said.quantities, held.quantities | case):
        missing = sorted(f"{n} {u}".strip() for n, u in said.quantities - held.quantities)
        return "missing_number", ", ".join(missing)
    repeated = _said_more_often(claim_text, anchor.text, case)
    if repeated:
        return "missing_number", repeated
    other_side = _other_side(claim_text, anchor.text) or _time_unit_unmatched(claim_text, anchor.text)
    if other_side:
        return "unmatched_word", other_side
    conditional = bool(anchor.label) or bool(LISTED_CASES.search(anchor.text))
    required = anchor.item and REQUIREMENT_ITEM.match(fold(anchor.item))
    unmatched = said.markers - held.markers - ({"condition"} if conditional else set())
    unmatched -= {"obligation"} if required or _prescribed(claim_text, anchor.text) else set()
    unmatched -= {"condition"} if _requirement_as_condition(claim_text, anchor.text) else set()
    unmatched -= {"condition"} if _condition_describes_subject(claim_text, anchor.text) else set()
    unmatched -= {"possibility"} if _entitlement_reworded(claim_text, anchor.text) else set()
    unmatched -= {"condition"} if _case_of_the_anchor(claim_text, anchor.text) else set()
    unmatched -= {"condition"} if _case_pointed_back(claim_text) else set()
    unmatched -= {"possibility"} if _bound_as_possibility(said.markers, held.markers) else set()
    unmatched -= {"none"} if claims.NOTHING_OF.search(fold(anchor.text)) else set()
    windowed = bool(TIME_WINDOW.search(fold(claim_text)))
    unmatched = {marker for marker in unmatched
                 if not (MARKER_KIN.get(marker, frozenset()) & held.markers and (windowed or marker not in STARTS))}
    unmatched -= {"absence"} if claims.ABSENCE_WORDING.search(fold(anchor.text)) else set()
    if unmatched:
        return "unmatched_word", ", ".join(sorted(unmatched))
    dropped = set() if anchor.label else set(held.markers & claims.SYMMETRIC_MARKERS - said.markers)
    dropped -= claims.markers(reply.rest)
    if said.markers & held.markers & BOUNDS:
        dropped.discard("possibility")
    dropped -= {bound for bound, kin in BOUND_WORDINGS.items() if kin in said.markers & held.markers}
    dropped -= {"absence"} if claims.ABSENCE_WORDING.search(fold(claim_text)) else set()
    if "possibility" in dropped and _entitlement_reworded(anchor.text, claim_text):
        dropped.discard("possibility")
    if "condition" in dropped and (_condition_restated(f"{claim_text}\n{reply.question}\n{reply.rest}", anchor.text)
                                   or _points_back(anchor, previous)):
        dropped.discard("condition")
    if _allowed_in_a_relative_clause(anchor.text) or _request_presupposed(claim_text, anchor.text):
        dropped.discard("possibility")
    dropped -= _said_before(dropped, claim_text, anchor.text, previous)
    excepted = _states_the_exception(claim_text, anchor)
    if excepted:
        dropped.discard("exception")
    if dropped:
        return "dropped_condition", ", ".join(sorted(dropped))
    named = claims.roles(f"{body}\n{context}") | claims.markers(f"{body}\n{context}")
    strangers = (said.roles - named) | ({"public_sector", "private_sector"} & said.markers - named)
    if strangers:
        return "unmatched_role", ", ".join(sorted(strangers))
    words = _terms(claim_text)
    if _share(words, anchor, passage) < MIN_OVERLAP:
        return "low_overlap", ""
    if not said.quantities and _made_of_headings(words, anchor, passage):
        return "low_overlap", "headings"
    by_number = bool(anchor.item) and _numbers_of_item(words, said.quantities, anchor)
    if anchor.item and not words & (_terms(anchor.item, source=True) - _terms(anchor.lead_in, source=True)
                                    - _role_terms()) and not by_number:
        return "dropped_condition", "item"
    other_item = _other_item_named(words, anchor, passage) if anchor.item or anchor.items else ""
    if anchor.item and not other_item and not by_number:
        other_item = _restriction_of_the_item_dropped(words, anchor, passage)
    if other_item:
        return "dropped_condition", other_item
    unnamed = _label_unnamed(anchor.label, claim_text) if anchor.label and previous != anchor.text else set()
    if unnamed:
        return "dropped_condition", ", ".join(sorted(unnamed))
    unnamed_case = _case_unnamed(claim_text, reply.question, anchor, body)
    if unnamed_case:
        return "dropped_condition", unnamed_case
    other_row = _other_row_named(claim_text, anchor, body) or _given_to_another(claim_text, anchor.text) or \
        _column_given_to_another(claim_text, anchor)
    if other_row:
        return "other_row", other_row
    said_before = previous if _leans_on_previous(claim_text) else ""
    uncovered = _uncovered_conditions(claim_text, anchor.text, f"{said_before}\n{reply.question}\n{reply.rest}")
    if uncovered:
        return "dropped_condition", ", ".join(sorted(uncovered))
    parties = _terms(" ".join(w for w in re.findall(r"[a-z]+", fold(claim_text)) if w in claims.ROLES))
    headings = _terms(context, source=True)
    new = _unnamed_by(words - parties, headings | _terms(anchor.window, source=True))
    naming = {term for word in parse(claim_text).naming for term in _terms(word)} - _value_kinds()
    naming &= _unnamed_by(words - parties, headings | _terms(anchor.scope, source=True))
    if naming or len(new) > MAX_NEW_TERMS:
        return "new_words", ", ".join(sorted(naming or new))
    contrary = _contrary_word(claim_text, anchor.text) or _unmatched_non(claim_text, anchor)
    if contrary:
        return "negation", contrary
    stated = _cells_used(anchor, words) if anchor.label else anchor.text
    bounded = bool(said.markers & held.markers & {"minimum", "maximum"}) and _states_bound(claim_text)
    if negated(_bound_undenied(claim_text, bounded)) != (negated(_bound_undenied(stated, bounded)) != excepted) or \
            _asserts_what_does_not_follow(claim_text, anchor.text):
        return "negation", ""
    moved = "" if excepted else _denial_moved(claim_text, stated) or _borrowed_against(claim_text, anchor)
    if moved:
        return "negation", moved
    if reply.word and (reply.word == "oui") == (claims.denies(claim_text, reply.question) != reply.flipped):
        return "yes_no", reply.word
    swapped = _role_swap(claim_text, anchor.scope) or _subject_unnamed(claim_text, anchor) or \
        _party_replaced(claim_text, anchor)
    if swapped:
        return "role_swap", swapped
    narrowed = _dropped_restrictions(claim_text, anchor.text)
    if narrowed:
        return "dropped_condition", narrowed
    if resemblance is not None and not resemblance.holds(claim_text, anchor.text):
        return "low_similarity", ""
    return "ok", ""


def _other_side(claim_text: str, anchor_text: str) -> str:
    """The side of its event (« before », « after ») a quantity of the sentence lies on where the anchor puts the
    same quantity on the other side only (« six semaines avant l'accouchement » on « les six semaines qui suivent son
    accouchement »), whatever else the anchor says before or after; "" if none."""
    held = claims.quantity_sides(anchor_text)
    for quantity, sides in claims.quantity_sides(claim_text).items():
        if quantity in held and not sides & held[quantity]:
            return ", ".join(sorted(sides))
    held_events = _event_sides(anchor_text)
    for event, side in _event_sides(claim_text) - held_events:
        if any(other == event for other, _ in held_events):
            return side
    return ""


EVENT_SIDE = re.compile(r"\b(avant|apres)\s+(?:(?:le|la|les|l'|du|de|des|d'|son|sa|ses|leur|leurs)\s*)*([a-z]+)")


def _event_sides(text: str) -> set[tuple[str, str]]:
    """Each event with the side of it a sentence speaks of: (« depart », « avant ») in « malade avant le départ en
    congés », (« date », « apres ») in « report après la date de reprise »."""
    return {(family(stems[0]), side) for side, word in EVENT_SIDE.findall(fold(text))
            if (stems := content_words(word))}


def _states_bound(claim_text: str) -> bool:
    """« au moins 30 % », « 10 heures au maximum »: a bound stated as such, not as going past it (« peut dépasser »)."""
    folded_claim = fold(claim_text)
    return bool(STATED_BOUND.search(folded_claim)) and not BOUND_VERB.search(folded_claim)


def _bound_undenied(text: str, bounded: bool) -> str:
    """« ne peut être inférieure à 30 % » without its denial when the answer states the same bound (« au moins
    30 % »): a bound written as a denial is no denial of the rule."""
    return claims.DENIED_BOUND.sub(" ", fold(text)) if bounded else text


VAGUE = re.compile(r"\b(?:certain|certaine|certains|certaines|determinee?s?|precise?s?)\s+([\w'-]+)")
"""A word that leaves the value unsaid: « dans un certain délai », « un montant déterminé »."""


def _evades_title(claim_text: str, passage: Passage) -> bool:
    """A sentence that only turns the passage's question into a statement, or says its value is « certain »
    (« Un supplément d'impôt peut être réclamé dans un certain délai », « L'administration dispose d'un certain délai
    pour vous réclamer un supplément d'impôt » under « Dans quel délai un supplément d'impôt peut-il être
    réclamé ? »): no number, and no word the title does not hold, or a vague word before one the title asks about.
    Only under a question asking what, when, how much: a sentence that states a yes/no title answers it."""
    title = fold(passage.title.strip())
    if not title.endswith("?") or not INTERROGATIVE.match(title) or DIGIT.search(claim_text):
        return False
    asked = _terms(title)
    folded = fold(claim_text)
    vague = VAGUE.findall(folded)
    said = _terms(VAGUE.sub(lambda match: match.group(1), folded))
    return bool(said) and (said <= asked or any(_terms(noun) & asked for noun in vague))


def _past_heading_case(claim_text: str, passage: Passage, anchor_text: str) -> str:
    """The sentence without an opening case that only restates the passage's title and the headings the anchor
    sits under (« Pour un CDD de 6 mois maximum, … » under « CDD de 6 mois maximum »): the headings say which case
    the anchor is about, and the rest of the sentence must then rest on it. The sentence unchanged otherwise."""
    opening = HEADING_CASE.match(claim_text)
    if not opening:
        return claim_text
    case, rest = opening.groups()
    context = _context(passage, anchor_text)
    said, heading = claims.claim(case), claims.claim(context)
    words = _terms(case)
    same_sense = bool(NOT_WORD.search(fold(case))) == bool(NOT_WORD.search(fold(context)))
    held = words <= _terms(context, source=True) and said.markers - {"condition"} <= heading.markers and same_sense
    if words and held and claims.quantities_held(said.quantities, _case_quantities(passage, anchor_text)):
        return rest
    return claim_text


def _for_other_audience(passage: Passage, question: str, claim_text: str) -> bool:
    """Whether the passage is written for the other side of the work rules than the one the question names (the
    public service for « dans une entreprise privée »), by its title, headings and body, and the sentence does not
    say which side it speaks of: a rule of one side is no answer for the other."""
    asked, written_for = audience(question), audience(passage_text(passage))
    return bool(asked and written_for) and asked != written_for and audience(claim_text) != written_for


def _for_another_place(passage: Passage, body: str, question: str, claim_text: str, anchor_text: str) -> str:
    """Where the question puts the asker when the passage writes the anchor's rule for the other side (by its title
    and the headings above the anchor: the chunk's, or the path a prompt's passage writes above it;
    `places.other_side`: « Né(e) en France » to « je suis né au Maroc »), or for one side while the question names a
    place without saying which it is on (« né à Casablanca »: where a check is uncertain, the sentence goes), and the
    sentence does not say which side it speaks of itself; "" otherwise."""
    if not question or not places.asker_sides(question):
        return ""
    headings = path_above(body, anchor_text) or " ".join(passage.heading_path)
    written_for = f"{passage.title}\n{headings}"
    said = places.sides(claim_text)
    if said and said.items() <= places.sides(written_for).items():
        return ""
    return places.other_side(question, written_for)


def _joined(claim_text: str) -> list[str]:
    """The clauses of a sentence that joins two rules (« …, mais … », « … ; … », « …, et le salarié … »); one
    clause if it does not."""
    return [clause.strip().rstrip(".") for clause in JOINED_RULES.split(claim_text) if clause.strip()]


def _clauses(claim_text: str) -> list[str]:
    """The clauses of a sentence that joins two rules, when each names its subject and has its own verb (« ce sont
    les statuts qui la fixent » names « les statuts »); a clause that opens on a pronoun for the subject before it
    (« …, mais il ne peut pas… ») is read with that subject named; [] otherwise."""
    clauses = _joined(claim_text)
    if len(clauses) < 2:
        return []
    named = clauses[:1]
    for clause in clauses[1:]:
        named.append(clause if _names_its_subject(parse(CLEFT.sub(r"\1 ", clause))) else
                     with_named_subject(named[-1], clause))
    parsed = [parse(CLEFT.sub(r"\1 ", clause)) for clause in named]
    return named if all(_names_its_subject(p) and p.has_finite_verb for p in parsed) else []


def _names_its_subject(parsed: Parse) -> bool:
    """A clause that says who it is about: a noun, or a pronoun that stands for no noun said before."""
    return bool(parsed.subjects) or parsed.personal_subject


def verify_sentence(
    sentence: str, passages: list[Passage], resemblance: Resemblance | None = None, question: str = "",
    previous: str = "", draft: str | None = "",
) -> SentenceVerdict:
    """Supported when one sentence of a cited passage's body holds it (see the module's docstring); a sentence
    that joins two rules by « mais » or « ; » when each of its clauses rests on the same cited passage, and only
    so when one clause denies and the other affirms (the sentence's polarity is then no one clause's). A sentence
    that joins two rules and rests whole on one passage sentence still goes when one of its rules, checked on its
    own, contradicts the passage (the words of the other rule may sit in the anchor's window)."""
    cited = tuple(dict.fromkeys(cited_numbers(sentence)))
    if not cited:
        return SentenceVerdict(sentence, cited, False, "no_citation")
    if any(n < 1 or n > len(passages) for n in cited):
        return SentenceVerdict(sentence, cited, False, "unknown_source")
    text = _without_markers(sentence)
    if text.endswith("?"):
        return SentenceVerdict(sentence, cited, False, "question")
    answer = claims.yes_no(text)
    claim_text = OPENING_PHRASE.sub(r"\1, ", DISCOURSE_OPENING.sub("", claims.without_yes_no(text), count=1), count=1)
    if not parse(claim_text).has_finite_verb:
        return SentenceVerdict(sentence, cited, False, "no_verb")
    if not answer and all(_evades_title(claim_text, passages[n - 1]) for n in cited):
        return SentenceVerdict(sentence, cited, False, "no_verb", detail="title")
    if question and all(_for_other_audience(passages[n - 1], question, claim_text) for n in cited):
        return SentenceVerdict(sentence, cited, False, "other_audience", detail=audience(question))
    flipped = bool(answer and question) and claims.answers_by_opposite(question, claim_text)
    mixed = len({negated(clause) for clause in _joined(claim_text) if parse(clause).has_finite_verb}) > 1
    reply = Reply(answer, flipped, question, draft)
    whole = None if mixed else _rest(sentence, cited, claim_text, reply, passages, resemblance, previous)
    compared = _said_of_the_subject_too(claim_text, previous)
    if whole is not None and whole.supported and compared:
        alone = _rest(sentence, cited, compared, reply, passages, resemblance, previous)
        if not alone.supported:
            return alone
        unnamed = _subject_unnamed_by(compared, alone.quote)
        if unnamed:
            return replace(alone, supported=False, reason="role_swap", support=0, detail=unnamed)
    clauses = _clauses(claim_text)
    if whole is not None and whole.supported and not clauses:
        return whole
    if not clauses:
        return whole or SentenceVerdict(sentence, cited, False, "negation", detail="clauses")
    parts: list[SentenceVerdict] = []
    for n, clause in enumerate(clauses):
        said_before = parts[-1].quote if parts else previous
        rest = " ; ".join(other for other in clauses if other != clause)
        parts.append(_rest(sentence, cited, clause, replace(reply, rest=rest) if n == 0 else
                           Reply("", flipped, question, rest=rest), passages, resemblance, said_before))
    if whole is not None and whole.supported:
        contradicted = next((part for part in parts if part.reason == "negation"), None)
        return replace(contradicted, sentence=sentence) if contradicted else whole
    if all(part.supported for part in parts) and len({part.support for part in parts}) == 1:
        other_case = _clause_of_another_case(clauses, parts, passages[parts[0].support - 1])
        if other_case:
            return SentenceVerdict(sentence, cited, False, "dropped_condition", detail=other_case)
        return SentenceVerdict(sentence, cited, True, "ok", min(part.overlap for part in parts), parts[0].support,
                               quote=" ".join(dict.fromkeys(part.quote for part in parts)))
    failed = next((part for part in parts if not part.supported), None)
    return whole or failed or SentenceVerdict(sentence, cited, False, "low_overlap", detail="clauses")


COMPARED_OPENING = re.compile(r"^\s*(?:tout\s+comme|comme|de\s+m[eê]me\s+que|au\s+m[eê]me\s+titre\s+que"
                              r"|[àa]\s+l['’]instar\s+d(?:e\s+|['’]|u\s+|es\s+))(?P<compared>[^,]{1,80}),\s*(?P<main>.+)$",
                              re.IGNORECASE)
"""« Tout comme la garantie commerciale, elle est facultative » says the rule of two things: the one it compares
with, and its own subject."""


def _said_of_the_subject_too(claim_text: str, previous: str) -> str:
    """The main clause of a sentence that opens on a comparison (`COMPARED_OPENING`), its subject pronoun named by
    the passage sentence the sentence before rests on (« la garantie légale … est facultative »): the sentence
    says it as much as it says the rule of what it compares with, and a passage that holds the latter only (« [la
    garantie commerciale] : ces derniers sont libres de l'offrir ou non ») does not hold it. "" when the sentence
    opens on no comparison, or on « comme » with a verb, which gives a reason (« Comme vous avez plus de 55 ans,
    … »)."""
    opening = COMPARED_OPENING.match(claim_text)
    if not opening or parse(opening.group("compared")).has_finite_verb:
        return ""
    main = opening.group("main")
    return (with_named_subject(previous.rstrip(" .;!?"), main) if previous else "") or main


def _subject_unnamed_by(claim_text: str, anchor_text: str) -> str:
    """The words of the sentence's subjects, and of what narrows them (« la garantie légale de conformité »), that
    the anchor does not write; "" if none."""
    parsed = parse(claim_text)
    subject = " ".join([*(noun for noun, _ in parsed.subjects), *(word for _, word in parsed.restrictions)])
    return ", ".join(sorted(_unnamed_by(_terms(subject), _terms(anchor_text, source=True))))


def _clause_of_another_case(clauses: list[str], parts: list[SentenceVerdict], passage: Passage) -> str:
    """The case heading of a clause's anchor when the sentence names a sibling case (headings that share words and
    differ by others: « Congé parental à temps plein », « … à temps partiel ») by what sets it apart and that
    clause does not name its own: « En congé parental à temps partiel, le salarié reste remboursé…, mais il ne
    perçoit pas l'indemnité journalière » gives the part-time case the full-time rule. A sentence that names no
    case may join the same rule written under two of them; "" otherwise."""
    body = passage_body(passage)
    cases = [case_heading(body, part.quote) for part in parts]
    if len(set(cases)) < 2:
        return ""
    said = _terms(" ".join(clauses), source=True)
    for clause, case in zip(clauses, cases, strict=True):
        own = _terms(case, source=True)
        for other in {other for other in cases if other != case}:
            theirs = _terms(other, source=True)
            if own & theirs and not _unnamed_by(theirs - own, said) and \
                    _unnamed_by(own - theirs, _terms(clause, source=True)):
                return case
    return ""


def _rest(
    sentence: str,
    cited: tuple[int, ...],
    claim_text: str,
    reply: Reply,
    passages: list[Passage],
    resemblance: Resemblance | None,
    previous: str = "",
) -> SentenceVerdict:
    """The verdict on a claim: supported by the first of the cited passages' best anchors that holds it, or the
    reason the best of them does not (the best of those joining at most two sentences, when one was tried); the
    claim is tried whole and without an opening case that restates the headings the anchor sits under. Anchors
    are tried by decreasing overlap, and among equals those that hold the sentence's quantities first (a table of
    durations repeats the same words on every line)."""
    candidates = []
    terms_and_quantities: dict[str, tuple[set[str], frozenset[tuple[str, str]]]] = {}
    for n in cited:
        body = passage_body(passages[n - 1])
        spelled = _spelled_out(claim_text, body)
        for anchor in anchors(body):
            for claim in dict.fromkeys((_past_heading_case(spelled, passages[n - 1], anchor.text), spelled)):
                if claim not in terms_and_quantities:
                    terms_and_quantities[claim] = _terms(claim), claims.quantities(claim)
                words, said = terms_and_quantities[claim]
                if anchor.items and not _spread_over_items(claim, anchor, passages[n - 1]):
                    continue
                share = _share(words, anchor, passages[n - 1])
                held = claims.quantities_held(said, claims.quantities(anchor.text))
                candidates.append((share, held, n, claim, anchor))
    candidates.sort(key=lambda candidate: (-candidate[0], not candidate[1]))
    first_failure: SentenceVerdict | None = None
    last_chance: SentenceVerdict | None = None
    tried: dict[tuple[int, str], int] = {}
    for share, _, n, claim, anchor in candidates:
        if tried.get((n, claim), 0) >= CANDIDATE_ANCHORS:
            continue
        tried[(n, claim)] = tried.get((n, claim), 0) + 1
        reason, detail = _check(claim, reply, anchor, passages[n - 1], resemblance, previous)
        if reason == "ok":
            reason, detail = _against_its_case(claim_text, anchor, passage_body(passages[n - 1]), reply)
        if reason == "ok":
            return SentenceVerdict(sentence, cited, True, "ok", share, n, quote=anchor.text)
        failure = SentenceVerdict(sentence, cited, False, reason, share, 0, detail, anchor.text)
        if anchor.joined < 3:
            first_failure = first_failure or failure
        last_chance = last_chance or failure
    return first_failure or last_chance or SentenceVerdict(sentence, cited, False, "low_overlap")


def verify(
    draft: str, passages: list[Passage], resemblance: Resemblance | None = None, question: str = "",
    finished: bool = True,
) -> Verification:
    """Each sentence of the draft against the passages it cites; the question, when given, tells whether a
    « Oui » / « Non » answers it by the opposite of what it asks. A bare « Oui. » or « Non. » opens the sentence
    that follows it. A draft not `finished` may still state the exception its answer leaves out."""
    verdicts: list[SentenceVerdict] = []
    for sentence in split_sentences(_bare_yes_no_joined(draft)):
        previous = verdicts[-1].quote if verdicts and verdicts[-1].supported else ""
        verdict = verify_sentence(sentence, passages, resemblance, question, previous, draft if finished else None)
        if verdict.supported and verdicts and _points_to_another_text(verdict, verdicts[-1]):
            verdict = replace(verdict, supported=False, reason="other_source", support=0,
                              detail=passages[verdict.support - 1].doc_id)
        verdicts.append(verdict)
    return Verification(tuple(verdicts))


def _points_to_another_text(verdict: SentenceVerdict, before: SentenceVerdict) -> bool:
    """Whether a sentence that points back by a pronoun or a demonstrative (« vous pouvez en anticiper le point de
    départ [2] », « passé ce délai… [1] ») rests on another passage than the sentence before it: it then stands for
    what that other passage names (« le congé d'adoption [1] », « 10 ans [2] »), and joins two passages into a rule
    neither holds, even two passages of one text."""
    earlier = (before.support,) if before.supported else before.cited
    return verdict.support not in earlier and parse(
        _without_markers(claims.without_yes_no(verdict.sentence))).points_back


def _bare_yes_no_joined(draft: str) -> str:
    return BARE_YES_NO.sub(lambda m: f"{m.group(1)}{m.group(2)}, ", draft.strip())


def hopeless(partial_draft: str, passages: list[Passage], question: str = "") -> bool:
    """True when a draft still being written can no longer be shown (`Verification.acceptable`): stop generating
    and answer from the texts at once. That is when it starts repeating itself, when its first sentence, the
    answer, does not stand, or when a finished sentence makes a claim its passage does not hold. Without the
    embedding check, which only ever removes more."""
    sentences = split_sentences(_bare_yes_no_joined(partial_draft))[:-1]
    if len(set(sentences)) < len(sentences):
        return True
    if not sentences:
        return False
    return verify(" ".join(sentences), passages, question=question, finished=False).misread


def best_quote(sentence: str, passage: Passage) -> str:
    """The passage sentence closest to an answer sentence: what the citation shows."""
    candidates = [anchor.text for anchor in anchors(passage_body(passage)) if not anchor.items] or [passage.text]
    return max(candidates, key=lambda candidate: overlap(sentence, candidate))
