"""The composed answer, with no model: the sentence, list or table row of the top document that answers the
question first, then at most two that qualify it (a condition, an exception), each cited; the cases the
document branches into when the question does not settle them; and a longer extract for the agent who wants more."""
from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant import places
from assistant.anchors import SPECIAL_CASES_BESIDE, TABLE_ROW, heading_shaped
from assistant.claims import ROLES, roles
from assistant.grammar import parse
from assistant.model import Citation
from assistant.quantities import Quantity, asked_quantities, case_fits, fits, row_fits
from assistant.question import Asked, asked_after_topic, asked_rate, read_question, states_rate
from assistant.verify import content_words, family, split_sentences
from indexing.model import Passage
from indexing.query import lexical_query
from indexing.text import fold

Encode = Callable[[Sequence[str], bool], np.ndarray]
"""Texts to unit vectors; the flag says whether they are queries (e5's `query:` prefix)."""

PASSAGES_CONSIDERED = 3
DENSE_CANDIDATES = 12
"""Units of the top documents that the embedding model re-reads (the best by the cheaper signals)."""
MAX_LIST_ITEMS = 6
MIN_WORDS = 5
MAX_UNIT_WORDS = 90
ANSWER_WORD_BUDGET = 60
"""Lead and qualifiers together; a lead longer than this stands alone."""
MAX_QUALIFIERS = 2
QUALIFIER_RATIO = 0.75
"""A condition or exception elsewhere in the document qualifies the lead when it scores this share of the lead."""
CASE_RATIO = 0.7
EXTRACT_UNITS = 6
DUPLICATE_OVERLAP = 0.6
"""Share of the shorter unit's content words found in the other, above which two units say the same thing."""

# Weights of the signals, each in [0, 1] before weighting. The question's words carry most (coverage), then its
# meaning (dense, relative to the best unit), then what kind of value it asks for and where such values sit.
W_COVERAGE = 1.0
"""Half on the unit's own words, half on them with its title and headings: what the unit is about, unsaid."""
W_HEADING = 0.3
W_DENSE = 2.0
W_VALUE = 0.2
W_NO_VALUE = 0.15
"""A unit without the kind of value the question asks for (no amount for « combien ») does not answer it."""
W_KIND_HEADING = 0.15
W_STATED = 0.2
"""A unit that states the value asked by naming it (« La durée du congé… est fixée à 11 jours ») answers more
directly than one that holds such a value beside the question's words; an example or a note does not count."""
W_QUANTITY = 0.3
"""A table row whose range holds the quantity the question names (« un enfant de 16 ans »: « 15 à 18 ans ») is the
asker's row; one whose ranges leave it out is another case's. So is a unit under a case heading that holds it or
leaves it out (« À partir de 18 ans » for « un adulte »)."""
W_RETRIEVED = 0.1
W_ANAPHORA = 0.2
"""A unit that opens on « Cette… », « Il… » reads badly alone; with the unit before it in its block, which it leads
after (`_antecedent`), it costs nothing, and it is read with that unit's words too: « Il ne peut ni être acheté, ni
être vendu » is about « le produit de la pêche » of the sentence before it."""
W_NOTE = 0.1
W_OTHER_THING = 0.5
"""Against a unit that names none of the things the question is about (`VALUE_ASKING_TERMS`), in its text, its
headings or its document's title: « Le passeport coûte 86 € » to « Combien coûte une carte d'identité ? »."""
W_POSITION = 0.01
W_LENGTH = 0.15
LONG_UNIT_WORDS = 35
"""A unit longer than this loses W_LENGTH per as many words again: a long list or table row holds many of the
question's words without answering it better than a sentence that does."""
W_YES_NO = 0.4
"""A yes/no question is answered by the sentence that says yes or no (« Oui, si… », « Non. »); any other question is
not, and such a sentence loses as much: « Oui, si vous êtes au chômage, vous pouvez percevoir le RSA… » answers the
fiche's own question, not « Quelles sont les conditions pour avoir le RSA ? »."""
W_RATE = 0.4
"""« Combien de jours de congés par an ? » asks a rate: the unit that gives a number per year (« 30 jours ouvrables
pour une année complète ») answers it, as « Oui » answers a yes/no question."""
W_GENERAL_CASE = 0.2
GENERAL_CASE = re.compile(
    r"^(?:cas general|regle generale|principe|en principe|dispositions generales|en general|"
    r"en (?:france )?metropole|en france metropolitaine)$"
)
"""A fiche that sets its general rule apart from special cases (« Cas général » beside « VRP », « Journaliste »)
answers a question that names no case with the general rule; so does the case « En métropole » beside each
overseas department and « À l'étranger » (« Par exemple, en métropole, il coûte 86 €… »). A special case the
question does not name loses as much (`_unnamed_special_cases`): the table of the VRP's notice, a number, outranked the
general rule's sentence, which holds none, for « Quelle est la durée du préavis de démission ? »."""
W_OTHER_CASE = W_GENERAL_CASE
"""A unit under a case the question rules out by naming its sibling (`cases_ruled_out`) loses as much as one under
a special case it does not name."""
TOPIC_TERM_SHARE = 0.1
"""The topic's words still count a little: « Conciliateur… : comment y recourir ? » asks about the conciliateur."""
W_OPENING = 0.4
"""A fiche titled by the question it answers (« Peut-on… ? ») opens on its answer (« Oui, si… »): when the agent
asks that question, the opening unit gains this much."""
SAME_QUESTION = 0.6
"""Share of the title's words the question must hold to ask what the title asks."""
DOCUMENT_PRIOR = (0.3, 0.1, 0.0)
"""The search's first document is the fiche the question is about far more often than not (questions hit@1 1.0)."""
LEAD_MARGIN = 0.3
"""The answer leads from the first document unless another's best unit scores this much more than its best, its
prior included: « Quelle est la durée du congé paternité ? » finds first « Peut-on enchaîner congé de naissance et
congé de paternité ? », which never says how long the congé lasts; the second document states it."""

SKIPPED_HEADINGS = ("liens utiles", "services en ligne et formulaires", "textes de reference", "a lire sur",
                    "lire en complement", "a lire egalement", "a lire aussi", "pour aller plus loin", "en savoir plus")
"""Sections that point elsewhere: links, forms, references, and the « À lire sur ce site », « À lire en
complément », « Pour aller plus loin » of travail-emploi.gouv.fr, whose lines are teasers of other pages (« Au
moment du versement de son salaire, un bulletin de paie doit être remis à chaque salarié » under « Les heures
supplémentaires : contreparties ») or lists of guides: what they say is not that page's rule, and an answer citing
it would point to the wrong page."""
PLACE_HEADING = "ou s'adresser"
NOT_ANSWERS = re.compile(
    r"^(?:modele de (?:document|lettre)|formulaire|service en ligne|simulateur|teleservice|ou s'adresser|"
    r"question-reponse|pour en savoir plus|voir aussi|vous pouvez consulter|permet(?:tent)? |concerne(?:nt)? |"
    r"(?:\w+ )?(?:r|l|d)\.? ?\d+(?:-\d+)*\b|(?:loi|decret|arrete|ordonnance|circulaire|directive) (?:n|du|\d)|"
    r"code (?:de|du|des) [\w' ]+ :|"
    r"numero (?:violet|vert|gris|majore|banalise|d'urgence)|(?:cout|prix) d'un appel|(?:appel|service) gratuit\b|"
    r"acces gratuit a un service de visio)"
)
"""Lines that point elsewhere: a form, an online service or a model and the caption under it, which has no subject
(« Permet de contester en ligne une amende… », « Concerne l'étranger non européen… »), a reference to a text, the
price of calling a contact's number (« Numéro violet ou majoré : coût d'un appel… », « Appel gratuit »), which
answers no question on the price of what the fiche is about."""
ARTICLE_REFERENCES = re.compile(r"\b(?:articles?|art\.)?\s*[lrd]\.?\s?\d+(?:-\d+)+\b|\b(?:articles?|art\.)\s*\d+\b")
ITEM = re.compile(r"^(?:-|\d+\.)\s+")
HEADING_LINE = re.compile(r"^[^.!?]+\??(?: > [^.!?]+\??)+$")
"""A heading path that a merged chunk carries inside its body (« Indemnité de fin de contrat > Principe »), its
headings questions or not (« Qui est concerné ? > Salarié en forfait annuel en jours »)."""
QUALIFIER_START = re.compile(
    r"^(?:toutefois|cependant|sauf|si |s'|en revanche|attention|a noter|a savoir|dans ce cas|lorsque|lorsqu|"
    r"par exception|par derogation|neanmoins|en cas d|a defaut|au-dela|en dessous|en-dessous|pour les|seul)"
)
EXAMPLE_START = re.compile(r"^par exemple\b")
"""An example qualifies the lead too when it gives the kind of value asked, an amount or a duration (« Par exemple,
en métropole, il coûte 86 €… » after « Le prix du passeport dépend de l'âge… »); one that only sets up a calculation
is left to the extract."""
NOTE_START = re.compile(r"^(?:exemple|par exemple|a noter|a savoir|attention|rappel)\b")
"""Notes and examples qualify a rule; they rarely state it."""
NOTE_ON_A_CASE = re.compile(
    r"^(?:a noter|a savoir|attention|rappel)\s*:\s*(?:pour (?:un|une|les?|la|l')|en cas d[e']|si|s'ils?|lorsque?|"
    r"dans le cas d[e'u])\b([^,:;.]{1,80}),"
)
"""A note that opens on a case (« Attention : pour un 2 roues de moins de 50 cm3, la carte grise … est gratuite »)
states that case's rule: a special case as much as one a heading names (`_unnamed_special_cases`)."""
EXAMPLE_LABEL = re.compile(r"^exemples?\s*(?:n°\s*\d+\s*)?:")
EXAMPLE_HEADING = re.compile(r"^exemples?\b")
"""An example sets up one case and works it out: « Exemple : Un salarié a travaillé 10 ans à temps plein… Le calcul
de l'indemnité est le suivant : … = 6 000 € », or the lines under « Exemple n° 2 » down to « Soit une indemnité de
licenciement d'un montant total de 6 333,32 € »; none of its sentences is the rule."""
ANNOUNCES_WHAT_FOLLOWS = re.compile(r"\b(?:(?:la|le|les) suivante?s?|ci-dessous|ci-apres)\s*[.!]?\s*$")
IMPERSONAL_IL = (
    r"(?:y a|faut|existe|s'agit|convient|suffit|appartient|importe|reste|peut etre|est (?:possible|impossible|"
    r"interdit|necessaire|obligatoire|conseille|recommande|preferable|utile|indispensable|prevu|rappele))\b"
)
"""« Il y a », « il faut », « il est possible de »: an impersonal « il » refers to nothing before it."""
SUBJECT_PRONOUN = rf"il (?!{IMPERSONAL_IL})|elle |ils |elles "
"""A subject pronoun: first in its block, a unit opening on one speaks of what its headings name."""
ANAPHORA_START = re.compile(
    rf"^(?:cette|ces|cet|ce |celles?|celui|ceux|cela|ca |{SUBJECT_PRONOUN}|dans ce cas|"
    r"dans les 2 cas|dans les deux cas|en outre|de plus|par ailleurs|egalement|aussi|en effet|ainsi(?! que)|de meme|"
    r"des lors(?! qu)|par consequent|c'est pourquoi|dans ce cadre|a ce titre|pour cela|pour ce faire|sinon|enfin|"
    r"dans cette (?:hypothese|situation))\b"
)
SUBJECT_PRONOUN_START = re.compile(rf"^(?:{SUBJECT_PRONOUN})")
FOLLOW_ON_START = re.compile(r"^(?:toutefois|cependant|en revanche|neanmoins|mais|pourtant|par contre|par exemple)\b")
"""« Toutefois, l'employeur peut licencier… », « Par exemple, le salarié ne peut pas être sanctionné s'il refuse… »
qualify the sentence before them: as qualifiers they are welcome; as the lead they are read after that sentence, or
they would state an exception or a case as if it were the rule."""


@dataclass(frozen=True)
class Section:
    """A piece of a document as the index holds it: its heading path, its body, and its chunk."""

    heading_path: tuple[str, ...]
    text: str
    chunk_id: str = ""


@dataclass(frozen=True)
class Unit:
    n: int
    """The 1-based number of its passage in the answer's sources."""
    order: int
    """Reading order in the document."""
    heading_path: tuple[str, ...]
    text: str
    retrieved: bool
    """In the chunk the search chose."""
    title: str
    """Its document's title: what the unit is about, unsaid in it."""
    section: int
    """Index of its section (chunk) in the document."""
    block: int
    """Index of its block in the document: the part of a section under one heading (`section_blocks`). Units of one
    block read on from each other."""
    sub_headings: tuple[str, ...] = ()
    """The heading written inside its chunk above it (`section_blocks`): the case it belongs to. The scores read only
    the words that set it apart from its sibling cases (`_own_case_terms`)."""

    @property
    def case_path(self) -> tuple[str, ...]:
        """Its section's headings, then the one written above it inside its chunk: the case it states."""
        return (*self.heading_path, *self.sub_headings)


@dataclass(frozen=True)
class Scored:
    unit: Unit
    score: float
    valued: bool


@dataclass(frozen=True)
class Composition:
    text: str
    """The lead, then its qualifiers, each followed by `[n]`; empty when no unit answers."""
    citations: list[Citation]
    cases: tuple[str, ...] = ()
    """The situations the top document distinguishes that the question does not settle (empty otherwise)."""
    extract: str = ""
    """The best units of the top documents in reading order, cited: what the agent reads for more."""
    ranked: list[Scored] = field(default_factory=list)
    """Every unit considered, best first: the draft prompt's material."""
    chosen: tuple[Unit, ...] = ()
    """The units of `text`, in its order."""


def terminated(text: str) -> str:
    """A full stop after a line that has none (a table row, a list), so that units do not run together."""
    text = text.rstrip(" ;,")
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def _words(text: str) -> int:
    return len(text.split())


YES_OR_NO = re.compile(r"^(?:oui|non)\b")


def _answer_like(text: str) -> bool:
    """A line that can answer: a yes or a no, or at least MIN_WORDS - 1 words, a number counting as one (« Le
    passeport coûte 86 € »), short of a whole page; not a heading, a link or a reference to a text."""
    folded = fold(text)
    if YES_OR_NO.match(folded):
        return True
    if NOT_ANSWERS.match(folded) or HEADING_LINE.match(text):
        return False
    remainder = ARTICLE_REFERENCES.sub(" ", folded)
    return len(re.findall(r"[a-z]{2,}|\d+", remainder)) >= MIN_WORDS - 1 and _words(text) <= MAX_UNIT_WORDS


def _list_unit(lead_in: str, items: list[str]) -> str:
    shown = [item.rstrip(" ;,.") for item in items[:MAX_LIST_ITEMS]]
    more = " ; …" if len(items) > MAX_LIST_ITEMS else ""
    return f"{lead_in.rstrip()} {' ; '.join(shown)}{more}."


def section_units(text: str) -> list[str]:
    """A section body as answer units: sentences, a list with its lead-in, a table row with its column names
    (and the table's title when it has one), an example line whole (`EXAMPLE_LABEL`)."""
    lines = [line for line in text.split("\n") if line.strip()]
    units: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        index += 1
        if line.endswith(":"):
            items: list[str] = []
            rows: list[str] = []
            while index < len(lines):
                following = lines[index]
                stripped = following.strip()
                if ITEM.match(stripped):
                    items.append(ITEM.sub("", stripped))
                elif following.startswith("  ") and items:
                    items[-1] = f"{items[-1]} {stripped}"
                elif TABLE_ROW.match(stripped) and not items:
                    rows.append(stripped)
                else:
                    break
                index += 1
            if items:
                units.append(_list_unit(line, items))
            elif rows:
                units.extend(f"{line} {row}" for row in rows)
            continue
        if ITEM.match(line):
            units.append(terminated(ITEM.sub("", line)))
        elif EXAMPLE_LABEL.match(fold(line)):
            units.append(line)
        elif TABLE_ROW.match(line):
            units.append(terminated(line))
        else:
            units.extend(split_sentences(line))
    return units


def _is_heading(line: str, previous: str) -> bool:
    """A heading that chunking wrote into the body when it merged small sections (« Avant 15 ans > En Métropole »,
    « En Guyane »): a heading path, or a short line with no final punctuation that is neither a list item, a table
    row, a « label : text » line, a calculation (« 666,66 € x 2 ans = 1 333,32 € ») nor the caption under a link
    to a form or an online service."""
    if HEADING_LINE.match(line):
        return True
    return heading_shaped(line) and "=" not in line and not ITEM.match(line) and not NOT_ANSWERS.match(fold(previous))


def section_blocks(section: Section) -> list[tuple[tuple[str, ...], str]]:
    """A section body cut at the headings written into it, each block with the heading line above it (none for the
    first), which chunking writes relative to the section's path. « Le passeport d'un enfant mineur coûte 8,5 € »
    under « En Guyane » is then one case of « Dans un département d'outre-mer », not the section's rule."""
    blocks: list[tuple[tuple[str, ...], str]] = []
    inline: tuple[str, ...] = ()
    lines: list[str] = []
    previous = ""
    for line in section.text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if _is_heading(stripped, previous):
            if lines:
                blocks.append((inline, "\n".join(lines)))
            inline, lines = tuple(part.strip() for part in stripped.split(" > ")), []
        else:
            lines.append(line)
        previous = stripped
    if lines:
        blocks.append((inline, "\n".join(lines)))
    return blocks


def document_units(
    n: int, title: str, sections: Sequence[Section], retrieved_chunk: str, asked: Asked
) -> list[Unit]:
    units: list[Unit] = []
    for position, section, block, sub_headings, body in _blocks(sections):
        path = fold(" ".join((*section.heading_path, *sub_headings)))
        if any(heading in path for heading in SKIPPED_HEADINGS):
            continue
        if PLACE_HEADING in path and "lieu" not in asked.names:
            continue
        asked_before = ""
        for text in section_units(body):
            if _is_question(text):
                asked_before = text.strip()
                continue
            if _answer_like(text):
                heading_path = section.heading_path
                if asked_before and _asks_alike(asked_before, asked):
                    heading_path = (*heading_path, asked_before)
                units.append(Unit(n, len(units), heading_path, text, section.chunk_id == retrieved_chunk, title,
                                  position, block, sub_headings))
            asked_before = ""
    return units


def _blocks(sections: Sequence[Section]) -> Iterator[tuple[int, Section, int, tuple[str, ...], str]]:
    """Each block of a document's sections with its section's index, its block number and its case headings. A
    section that goes on under the same headings as the one before is the rest of it, cut where the index cut
    its chunks: its first block continues the last one, under the same case (« Il est composé de 14 chiffres »
    reads on from « Le numéro Siret permet… » under « Siret »)."""
    block, sub_headings, path = -1, (), None
    for position, section in enumerate(sections):
        for first, (inline, body) in enumerate(section_blocks(section)):
            continued = first == 0 and not inline and section.heading_path == path
            block, sub_headings = (block, sub_headings) if continued else (block + 1, inline)
            yield position, section, block, sub_headings, body
        path = section.heading_path


def _asks_alike(line: str, asked: Asked) -> bool:
    """A question in the text (« Le salarié bénéficie-t-il d'un tutorat ? ») heads the answer that follows it when it
    asks what the agent asks (a yes or no, a duration…): « Quand peut-on faire une donation ? » does not head the
    answer to « Comment faire une donation ? »."""
    return bool(set(read_question(line).names) & set(asked.names))


def _is_question(text: str) -> bool:
    return text.rstrip().endswith("?")


def _idf_weights(question_terms: set[str], units_terms: Sequence[set[str]]) -> dict[str, float]:
    """Each question term weighted by how few units hold it (`units_terms`: each unit's terms)."""
    frequency = {term: 0 for term in question_terms}
    for held in units_terms:
        for term in question_terms:
            frequency[term] += _matches(term, held)
    return {term: math.log(1 + len(units_terms) / (count + 0.5)) for term, count in frequency.items()}


MIN_STEM_PREFIX = 5
SAME_MEASURE = {
    "an": "année années annuel annuelle annuels annuellement",
    "mois": "mensuel mensuelle mensuels mensuellement",
    "semaine": "hebdomadaire hebdomadaires",
    "jour": "journée journées journalier journalière quotidien quotidienne",
}
"""Words of one unit of time: « par an » asks what « pour une année complète » answers."""
_MEASURE_OF = {stem: content_words(unit)[0] for unit, words in SAME_MEASURE.items() for stem in content_words(words)}


INTERROGATIVE_TERMS = frozenset(content_words("combien"))
"""« Combien » says that a number is asked, not what about: a heading that asks « Combien de jours… peut-on poser en
une fois ? » is no nearer « Combien de jours de congés par an ? » for sharing it."""


KINSHIP = (
    (re.compile(r"\b(?:(?:mon|ma|ton|ta|son|sa|notre|votre|leur) femme|maris?|epoux|epouses?|conjointe?s?)\b"),
     "conjoint"),
    (re.compile(r"\b(?:compagnon|compagne)s?\b"), "concubin"),
    (re.compile(r"\bbelles?-meres?\b"), "mère du conjoint"),
    (re.compile(r"\bbeaux?-peres?\b"), "père du conjoint"),
    (re.compile(r"\bbeaux-parents\b"), "parents du conjoint"),
)
"""The family as people say it and as a table's rows write it: « mon mari », « ma femme » are the « Époux(se) » or
the « conjoint » of a row, « ma compagne » the « concubin(e) », « ma belle-mère » the « Père ou mère de
l'époux(se) ». « Femme » only after a possessive: « une femme enceinte » is no spouse. Read on rows only: in a
sentence, « mon mari » says who asks, and « Au décès de votre époux(se)… » would then lead an answer on the age
required."""


def terms(text: str) -> set[str]:
    """Content words, each unit of time under one name, a verb and its noun as one word (« dure », « durée »)."""
    return {_MEASURE_OF.get(term, family(term)) for term in content_words(text)}


MODAL_TERMS = frozenset(terms("puis peux pouvez pouvons pourrais pourrait dois devez devons doivent après"))
"""How a question asks (« Puis-je toucher le chômage après une rupture conventionnelle ? »): the modal verb says
whether it asks a right or a duty (`Asked.modality`), not what about, and « après », like « avant », is a word of
order. Rare among a fiche's sentences, they weighed more than « chômage », and any sentence that said « puis »
(then) matched the question."""


VALUE_ASKING_TERMS = frozenset(terms("combien coûte coûtent coût prix tarif montant somme frais durée délai temps date "
                                     "âge nombre"))
"""The words with which a question asks for a kind of value; the others, and the long forms of its acronyms and the
official names of its everyday words, each word in the texts' sense (`lexical_query` expanded), say what it is about:
« carte », « identité » in « Combien coûte une carte d'identité ? », and in « Combien coûte une CNI ? »; « dépôt de
garantie », not « caution », in « Quand récupérer ma caution ? »."""


def kin_terms(text: str) -> set[str]:
    """`terms`, the family under one name (`KINSHIP`)."""
    folded = fold(text)
    for said, written in KINSHIP:
        folded = said.sub(written, folded)
    return terms(folded)


def _matches(term: str, terms: set[str]) -> bool:
    """The term, or a word of the same family (« hôtel » / « hôtelier »: one stem starts with the other)."""
    if term in terms:
        return True
    if len(term) < MIN_STEM_PREFIX:
        return False
    return any(len(other) >= MIN_STEM_PREFIX and (other.startswith(term) or term.startswith(other)) for other in terms)


def _topic_weighted(question: str, weights: dict[str, float]) -> dict[str, float]:
    """In « Appel d'un jugement : comment acheter un timbre fiscal ? », the topic sets the scene that the documents
    found share; what is asked comes after the colon. A word only the topic holds counts TOPIC_TERM_SHARE."""
    asked = asked_after_topic(question)
    if asked is None:
        return weights
    asked_terms = terms(asked)
    return {term: weight if term in asked_terms else TOPIC_TERM_SHARE * weight for term, weight in weights.items()}


def _coverage(terms: set[str], weights: dict[str, float]) -> float:
    total = sum(weights.values())
    return sum(weight for term, weight in weights.items() if _matches(term, terms)) / total if total else 0.0


def _own_case_terms(units: Sequence[Unit]) -> dict[Unit, set[str]]:
    """The words of the case a unit's chunk writes above it (`Unit.sub_headings`) that its sibling cases' headings do
    not hold: « guyane » for « En Guyane » beside « En Martinique », « impose » alone for « Si la mutation s'impose au
    salarié » beside « Si la mutation nécessite l'accord préalable au salarié », whose shared words say what the
    fiche is about, not which case the question names."""
    paths = {unit: unit.case_path for unit in units}
    siblings: dict[tuple[str, ...], set[str]] = {}
    for path in paths.values():
        for depth in range(len(path)):
            siblings.setdefault(path[:depth], set()).add(path[depth])
    own: dict[Unit, set[str]] = {}
    for unit in units:
        if unit.sub_headings:
            path = paths[unit]
            others = siblings[path[:-1]] - {path[-1]}
            own[unit] = terms(path[-1]) - {term for other in others for term in terms(other)}
    return own


def _headings_by_level(units: Sequence[Unit]) -> dict[tuple[int, tuple[str, ...]], set[str]]:
    """The headings of each level of each document's case paths: (document number, path above) -> the headings
    side by side there."""
    siblings: dict[tuple[int, tuple[str, ...]], set[str]] = {}
    for unit in units:
        path = unit.case_path
        for depth in range(len(path)):
            siblings.setdefault((unit.n, path[:depth]), set()).add(path[depth])
    return siblings


def _is_general(heading: str) -> bool:
    return bool(GENERAL_CASE.match(fold(heading)))


def _unnamed_special_cases(
    units: Sequence[Unit], question_terms: set[str], quantities: tuple[Quantity, ...]
) -> set[Unit]:
    """The units under a special case that stands beside its fiche's general one (« VRP » beside « Cas général »,
    « Dans un département d'outre-mer > En Guyane » beside « En Métropole ») and that the question does not name:
    neither by a word nor by a quantity of that case's heading or of any heading beneath it; and the notes that open
    on a case (`NOTE_ON_A_CASE`) it does not name the same way."""
    siblings = _headings_by_level(units)
    beside_general = {level for level, headings in siblings.items()
                      if any(SPECIAL_CASES_BESIDE.match(fold(heading)) for heading in headings)}
    named: dict[tuple[str, ...], bool] = {}
    unnamed: set[Unit] = set()
    for unit in units:
        path = unit.case_path
        first = next((depth for depth in range(len(path))
                      if (unit.n, path[:depth]) in beside_general and not _is_general(path[depth])), None)
        if first is None:
            continue
        case = path[first:]
        if case not in named:
            named[case] = any(terms(heading) & question_terms or fits(heading, quantities) for heading in case)
        if not named[case]:
            unnamed.add(unit)
    for unit in units:
        note = NOTE_ON_A_CASE.match(fold(unit.text))
        if note and not (terms(note.group(1)) & question_terms or fits(note.group(1), quantities)):
            unnamed.add(unit)
    return unnamed


def asked_terms(question: str) -> set[str]:
    """The question's terms as the units are scored on them: its words in the texts' sense, less the modal verbs."""
    return terms(lexical_query(question, expand=False)) - MODAL_TERMS


def cases_ruled_out(
    question: str, units: Sequence[Unit], parts: Sequence[frozenset[str]],
    question_terms: set[str], quantities: tuple[Quantity, ...],
) -> set[Unit]:
    """The units under a case whose sibling the question names and that it does not name itself: « il habite en
    France » names « Vous vivez en France », which rules out « Vous vivez à l'étranger » beside it. Not among a
    document's `parts` (« Démarche », « Délai »: a question that names one asks for that part, not for a situation).
    `question_terms` and `quantities`: the question's (`asked_terms`, `asked_quantities`)."""
    question_terms = _without_parties(question, question_terms)
    siblings = _headings_by_level(units)
    named = {
        level: {heading for heading in headings if _names_most_of_its_case(heading, headings - {heading},
                                                                           question_terms, quantities)}
        for level, headings in siblings.items()
        if len(headings) > 1 and not any(_is_part(heading, parts[level[0] - 1]) for heading in headings)
    }
    return {unit for unit in units
            if any(named.get((unit.n, unit.case_path[:depth])) and unit.case_path[depth] not in
                   named[(unit.n, unit.case_path[:depth])] for depth in range(len(unit.case_path)))}


def on_the_other_side(question: str, units: Sequence[Unit]) -> set[Unit]:
    """The units under a heading written for the other side of the border than the question's (`places.other_side`):
    « Je suis né au Maroc » rules out « Né(e) en France », a part of the fiche as much as a case (a place is a
    situation, not a step of the procedure), but not « Vous vivez en France »."""
    if not places.sides(question):
        return set()
    return {unit for unit in units
            if places.other_side(question, " ".join(unit.case_path)) not in ("", places.NAMED_PLACE)}


PARTY_TERMS = frozenset(terms(" ".join(ROLES)))
"""The parties' terms as `terms` reads the question's: « salariée » is « salari » there, not `content_words`'s
« salarie »."""


def _without_parties(question: str, question_terms: set[str]) -> set[str]:
    """The question's terms, less the parties when it names two or more (« bailleur », « locataire »): they say who
    acts in its story, not whose case it asks about (« locataire bénéficiaire de l'APL versée au bailleur » does not
    name « Elle est versée au locataire »)."""
    return question_terms - PARTY_TERMS if len(roles(question)) > 1 else question_terms


def _names_most_of_its_case(
    heading: str, siblings: set[str], question_terms: set[str], quantities: tuple[Quantity, ...]
) -> bool:
    """The question holds most of the words that set `heading` apart from its `siblings`, or a quantity it holds:
    « propriétaire » alone, the landlord of a tenant's question, does not name « Copropriété : propriétaire
    occupant » beside « Logement en location », nor does « décès » name « Décès d'un enfant » beside « Cas général »
    in « Combien de jours de congé pour le décès d'un parent ? »."""
    own = terms(heading) - {term for sibling in siblings for term in terms(sibling)}
    return 2 * len(own & question_terms) > len(own) or bool(fits(heading, quantities))


KIND_COMPLEMENT = re.compile(r"\w*\s+(?:de |d'|du |des )(?:la |l'|les )?(\w+)")
"""The thing a heading's kind of value is of: « envoi » in « Délai d'envoi », « congé » in « Durée du congé »."""


def _heads_value_asked(case_path: tuple[str, ...], asked: Asked, named: set[str]) -> bool:
    """A heading of the case path names the kind of value asked (« Montant maximum », « Durée du congé »), whether
    it heads the unit's chunk or is written inside it, and not that of another thing than the question names
    (`named`: its terms, the long forms of its acronyms…): « Délai d'envoi » (of the dismissal letter) does not head
    the time left to contest a licenciement."""
    for heading in case_path:
        folded = fold(heading)
        for kind in asked.kinds:
            found = kind.headings.search(folded)
            if found is None:
                continue
            complement = KIND_COMPLEMENT.match(folded, found.end())
            if complement is None or any(_matches(term, named) for term in terms(complement.group(1))):
                return True
    return False


def _quantity_fits(unit: Unit, quantities: tuple[Quantity, ...]) -> bool | None:
    row = row_fits(unit.text, quantities)
    return row if row is not None else case_fits(unit.case_path, quantities)


def score_units(
    question: str, units: Sequence[Unit], encode: Encode | None, parts: Sequence[frozenset[str]]
) -> list[Scored]:
    """Every unit scored for how well it answers the question, best first. `parts`: the headings each document
    (by its number `Unit.n`) names as its parts, which are no cases."""
    asked = read_question(question)
    question_terms = asked_terms(question)
    plain_terms = [terms(unit.text) for unit in units]
    kin_read_terms = [kin_terms(unit.text) for unit in units]
    weights = _topic_weighted(question, _idf_weights(question_terms, plain_terms))
    row_weights = _topic_weighted(question, _idf_weights(kin_terms(question) - MODAL_TERMS, kin_read_terms))
    rate = asked_rate(question)
    quantities = asked_quantities(question)
    own_case_terms = _own_case_terms(units)
    unnamed_special_cases = _unnamed_special_cases(units, question_terms, quantities)
    ruled_out = cases_ruled_out(question, units, parts, question_terms, quantities) | on_the_other_side(question, units)
    things = terms(lexical_query(question, expand=True)) - MODAL_TERMS - VALUE_ASKING_TERMS
    named = question_terms | things
    scored: list[Scored] = []
    for unit, plain, kin_read in zip(units, plain_terms, kin_read_terms, strict=True):
        heading = " ".join(unit.heading_path)
        row = bool(TABLE_ROW.match(unit.text))
        held = kin_read if row else plain
        unit_weights = row_weights if row else weights
        heading_terms = (terms(heading) | own_case_terms.get(unit, set())) - INTERROGATIVE_TERMS
        folded = fold(unit.text)
        antecedent = _antecedent(unit, units) if ANAPHORA_START.match(folded) else None
        in_context = held | heading_terms | terms(unit.title) | (terms(antecedent.text) if antecedent else set())
        valued = asked.expects_value(unit.text)
        score = (
            W_COVERAGE * _coverage(held, unit_weights) / 2
            + W_COVERAGE * _coverage(in_context, unit_weights) / 2
            + W_HEADING * _coverage(heading_terms, unit_weights)
            + (W_VALUE if valued else -W_NO_VALUE) * asked.asks_value
            - W_LENGTH * max(0, _words(unit.text) - LONG_UNIT_WORDS) / LONG_UNIT_WORDS
            + W_KIND_HEADING * _heads_value_asked(unit.case_path, asked, named)
            + W_STATED * (asked.states_value(unit.text) and not NOTE_START.match(folded))
            + W_QUANTITY * {True: 1, False: -1, None: 0}[_quantity_fits(unit, quantities)]
            + W_RETRIEVED * unit.retrieved
            + W_YES_NO * (1 if asked.yes_no else -1) * bool(YES_OR_NO.match(folded))
            + W_RATE * (rate is not None and states_rate(folded, rate))
            + W_GENERAL_CASE * any(_is_general(h) for h in unit.case_path)
            - W_GENERAL_CASE * (unit in unnamed_special_cases)
            - W_OTHER_CASE * (unit in ruled_out)
            - W_ANAPHORA * (bool(ANAPHORA_START.match(folded)) and antecedent is None
                            and not _subject_named(unit, question_terms))
            - W_NOTE * bool(NOTE_START.match(folded))
            - W_OTHER_THING * bool(things and not any(_matches(thing, in_context) for thing in things))
            - W_POSITION * min(unit.order, 20)
            + DOCUMENT_PRIOR[min(unit.n, len(DOCUMENT_PRIOR)) - 1]
        )
        scored.append(Scored(unit, score, valued))
    scored.sort(key=lambda s: s.score, reverse=True)
    if encode is None or not scored:
        return scored
    head = scored[:DENSE_CANDIDATES]
    vectors = encode([s.unit.text for s in head], False)
    query = encode([question], True)[0]
    similarity = vectors @ query
    best = float(similarity.max())
    reranked = [
        Scored(s.unit, s.score + W_DENSE * (float(value) - best), s.valued)
        for s, value in zip(head, similarity, strict=True)
    ]
    return sorted(reranked, key=lambda s: s.score, reverse=True) + scored[DENSE_CANDIDATES:]


def _same_thing(left: str, right: str) -> bool:
    first, second = set(content_words(left)), set(content_words(right))
    if not first or not second:
        return left == right
    return len(first & second) / min(len(first), len(second)) >= DUPLICATE_OVERLAP


def _refers_back(unit: Unit) -> bool:
    folded = fold(unit.text)
    return bool(ANAPHORA_START.match(folded) or FOLLOW_ON_START.match(folded))


def _right_after(before: Unit, unit: Unit) -> bool:
    """The unit is the next one of `before`'s block."""
    return (before.n, before.block, before.order + 1) == (unit.n, unit.block, unit.order)


def _antecedent(lead: Unit, units: Sequence[Unit]) -> Unit | None:
    """The unit a lead that opens on « Cette… », « Il… », « Toutefois… », « Par exemple… » refers to: the one before
    it in its block."""
    if not _refers_back(lead):
        return None
    return next((unit for unit in units if _right_after(unit, lead)), None)


def _examples(units: Sequence[Unit]) -> set[Unit]:
    """The units that are an example (`EXAMPLE_LABEL`), sit under an example's heading, or read on from an example
    (« Cependant, le montant de l'indemnité légale perçu … est fixé à 15 000 € » after « Exemple : Un salarié perçoit
    une indemnité de licenciement … de 40 000 € »): units in reading order, each looked at once."""
    found: set[Unit] = set()
    previous: Unit | None = None
    for unit in units:
        labelled = EXAMPLE_LABEL.match(fold(unit.text)) or any(
            EXAMPLE_HEADING.match(fold(heading)) for heading in unit.sub_headings)
        if labelled or (previous is not None and previous in found and _right_after(previous, unit)
                        and _refers_back(unit)):
            found.add(unit)
        previous = unit
    return found


def _reads_alone(unit: Unit, units: Sequence[Unit], question_terms: set[str]) -> bool:
    """The unit can open an answer: it refers to nothing before it, to a unit of its block that does not refer back
    in turn, or, first in its block, by a subject pronoun to the subject its headings name when the question names
    it too (`_subject_named`). « Toutefois, le délai est de 2 ans… » first in its block, or « Il ne pourra pas
    utiliser le compte… » after « Cette ouverture peut se faire… », would lead with a rule whose subject or case is
    missing."""
    if not _refers_back(unit):
        return True
    antecedent = _antecedent(unit, units)
    if antecedent is None:
        return _subject_named(unit, question_terms)
    return not _refers_back(antecedent)


def _subject_named(unit: Unit, question_terms: set[str]) -> bool:
    """« Elle dure au minimum 8 heures… », first under « Formation pratique > Durée », answers « Combien d'heures
    dure la formation pratique du BSR ? »: the question says what « Elle » is. A heading that only names a kind of
    value (« Durée », « Montant ») names no subject."""
    if not SUBJECT_PRONOUN_START.match(fold(unit.text)):
        return False
    subjects = (terms(heading) - VALUE_ASKING_TERMS for heading in unit.case_path)
    return any(subject and all(_matches(term, question_terms) for term in subject) for subject in subjects)


def _states_something(text: str) -> bool:
    """A sentence with a finite verb, a yes or a no, a list or a table row: not a fragment (« Pour déclarer vos
    nouvelles coordonnées, simultanément auprès de plusieurs services… », the caption of an online service; « ou
    auprès du service des impôts via le formulaire… », the end of a line cut in two; « Copie de la décision d'aide
    juridictionnelle… », an item of a list of documents read without its lead-in), nor a sentence that announces
    what follows it (« La durée minimale fixée par la loi est la suivante. »)."""
    if ANNOUNCES_WHAT_FOLLOWS.search(fold(text)):
        return False
    return ":" in text or bool(YES_OR_NO.match(fold(text))) or parse(text).has_finite_verb


def _answers_its_heading(scored: Scored) -> bool:
    """An item with no verb that gives the value asked under a heading that asks for it: « Trois jours pour le décès
    du conjoint… » under « Quelle est la durée du congé ? » is the heading's answer, not a fragment."""
    path = scored.unit.case_path
    return scored.valued and bool(path) and _is_question(path[-1])


def _lead_candidates(
    ranked: Sequence[Scored], units: Sequence[Unit], question_terms: set[str]
) -> tuple[Scored, Scored]:
    """The best unit that reads alone, states something and is no example (`_examples`), and the first document's
    best that does (the best one when it has none); the best units of all when none does. Units are read in rank
    order only as far as these two."""
    examples = _examples(units)
    readable = (s for s in ranked if s.unit not in examples and _reads_alone(s.unit, units, question_terms)
                and (_states_something(s.unit.text) or _answers_its_heading(s)))
    best = next(readable, None)
    if best is None:
        return ranked[0], next((s for s in ranked if s.unit.n == 1), ranked[0])
    return best, best if best.unit.n == 1 else next((s for s in readable if s.unit.n == 1), best)


def _qualifies(folded: str, gives_value_asked: bool) -> bool:
    return bool(QUALIFIER_START.match(folded)) or (gives_value_asked and bool(EXAMPLE_START.match(folded)))


def _in_reach(unit: Unit, lead: Unit) -> bool:
    """A unit can qualify the lead from its block, or from any block of its section when the lead opens the section
    before its first case heading: « Si votre immatriculation est de la forme AB 123 CD… » qualifies the section's
    « Suite à un déménagement, vous avez 1 mois… », but « À Mayotte… 20 € » does not qualify « En Métropole… 17 € »."""
    if unit.n != lead.n:
        return False
    return unit.block == lead.block or (unit.section == lead.section and not lead.sub_headings)


def _qualifiers(lead: Scored, ranked: Sequence[Scored], budget: int, asks_kind: bool) -> list[Unit]:
    """Conditions, exceptions and examples of the lead (units in its reach opening on « Toutefois », « Sauf »,
    « Si », « Par exemple »…):
    the one that follows it, then those nearly as relevant as the lead itself."""
    chosen: list[Unit] = []
    conditions = [s for s in ranked if _in_reach(s.unit, lead.unit)
                  and s.unit is not lead.unit and _qualifies(fold(s.unit.text), asks_kind and s.valued)]
    following = [s for s in conditions if s.unit.order == lead.unit.order + 1]
    pool = following + [s for s in conditions if s.score >= QUALIFIER_RATIO * lead.score and s not in following]
    for candidate in pool:
        if len(chosen) >= MAX_QUALIFIERS:
            break
        if any(_same_thing(candidate.unit.text, other.text) for other in (lead.unit, *chosen)):
            continue
        if _words(candidate.unit.text) > budget:
            continue
        chosen.append(candidate.unit)
        budget -= _words(candidate.unit.text)
    return chosen


def _rival_cases(
    lead: Scored, ranked: Sequence[Scored], depth: int, quantities: tuple[Quantity, ...], parts: frozenset[str]
) -> list[str]:
    """The headings at `depth` of the lead document's units that share the lead's path above it, name another case
    there, and answer nearly as well with the same kind of value; not a case the question's quantities leave out
    (« À partir de 18 ans » for « un mineur »). A heading that asks a question (« Qui doit la payer ? » beside « Quand
    reçoit-on l'avis d'imposition ? ») or that the document names as one of its `parts` (« Montant maximum » beside
    « Restitution au locataire en fin de bail ») is a part of the fiche, not a case."""
    path = lead.unit.case_path
    if _is_part(path[depth], parts):
        return []
    rivals = []
    for scored in ranked:
        other = scored.unit.case_path
        if (scored.unit.n == lead.unit.n and len(other) > depth and other[:depth] == path[:depth]
                and other[depth] != path[depth] and not _is_part(other[depth], parts)
                and scored.score >= CASE_RATIO * lead.score
                and scored.valued == lead.valued and fits(other[depth], quantities) is not False):
            rivals.append(other[depth])
    return rivals


def _is_part(heading: str, parts: frozenset[str]) -> bool:
    return _is_question(heading) or heading in parts


def _cases(lead: Scored, ranked: Sequence[Scored], question: str, parts: frozenset[str]) -> tuple[str, ...]:
    """When units under other headings at a level of the lead's case path answer nearly as well (another case of
    the fiche: « Salarié du privé » / « Fonctionnaire », « Majeur » / « Mineur », « Avant 15 ans » / « Entre 15 et 17
    ans »), the headings of those cases, from the outermost, unless the question names the lead's own: a word of its
    heading that the others' do not hold, or a quantity its heading holds (« un adulte », « À partir de 18 ans »).
    « période d'essai d'un CDD » names no case of « CDD de 6 mois maximum » beside « CDD supérieur à 6 mois »;
    sharing « mutation » with « Si la mutation s'impose au salarié » and « Si la mutation nécessite l'accord
    préalable au salarié » does not settle which one it is. Cases are read on the whole case path, whether the index
    cut a chunk at the heading or wrote it inside one: « Loyer à payer chaque mois », written in the chunk of
    « Location vide », is the rival of « Loyer payable d'avance… », a chunk of its own. The lead document's `parts`
    are no cases."""
    question_terms = terms(question)
    quantities = asked_quantities(question)
    path = lead.unit.case_path
    for depth in range(len(path)):
        rivals = _rival_cases(lead, ranked, depth, quantities, parts)
        if rivals and not _names_own_case(path[depth], rivals, question_terms, quantities):
            return tuple(dict.fromkeys([path[depth], *rivals]))
    return ()


def _names_own_case(
    heading: str, rivals: Sequence[str], question_terms: set[str], quantities: tuple[Quantity, ...]
) -> bool:
    """The question names the case `heading` sets apart from its `rivals`: by a word of it they do not hold, or by a
    quantity it holds."""
    own = terms(heading) - {term for rival in rivals for term in terms(rival)}
    return bool(own & question_terms) or bool(fits(heading, quantities))


MAX_ROW_CASES = 4
CASE_CELL_WORDS = 10


def _row_cases(lead: Scored, ranked: Sequence[Scored], question: str) -> tuple[str, ...]:
    """When the lead is a table row and other rows of its table answer nearly as well, the first cells that set
    them apart (« Ressources: 69 309 € ou moins » / « Ressources: Plus de 92 381 € »), unless the question names
    its own row (its words, or a quantity in the row's range)."""
    lead_in, row = _table_row(lead.unit.text)
    if not row or row_fits(lead.unit.text, asked_quantities(question)):
        return ()
    first_cell = row.split("; ")[0]
    question_terms = set(content_words(question))
    if set(content_words(first_cell)) - set(content_words(lead_in)) <= question_terms:
        return ()
    same_table = (_table_row(s.unit.text) for s in ranked
                  if s.unit.n == lead.unit.n and s.unit.block == lead.unit.block and s is not lead
                  and s.score >= CASE_RATIO * lead.score)
    rivals = [other_row.split("; ")[0] for other_lead_in, other_row in same_table if other_lead_in == lead_in]
    rivals = [cell for cell in rivals if not _narrowed_out(first_cell, cell, question_terms)]
    cases = [cell for cell in dict.fromkeys([first_cell, *rivals]) if _names_a_case(cell)]
    return tuple(cases[:MAX_ROW_CASES]) if len(cases) > 1 and cases[0] == first_cell else ()


def _case_value_table(lead: Scored, units: Sequence[Unit], row_cases: tuple[str, ...]) -> list[Unit]:
    """The lead row's table whole, in reading order, when it gives one value per case (two columns), the question
    settles none of its rows (`_row_cases`) and it fits the answer: « Quel est le montant de l'allocation de rentrée
    scolaire ? » reads the amount for each age side by side, not the first age's alone. The caption opens the first
    row only. A wider table (« Smic horaire; brut; net ») gives several values a row: its lead row stands, its other
    rows named as cases. [] otherwise."""
    if not row_cases:
        return []
    lead_in, _ = _table_row(lead.unit.text)
    in_block = [(unit, *_table_row(unit.text)) for unit in units
                if unit.n == lead.unit.n and unit.block == lead.unit.block]
    rows = [(unit, row) for unit, caption, row in in_block if row and caption == lead_in]
    if len(rows) > MAX_ROW_CASES or any(row.count("; ") != 1 for _, row in rows):
        return []
    shown = [rows[0][0], *(dataclasses.replace(unit, text=terminated(row)) for unit, row in rows[1:])]
    return shown if sum(_words(unit.text) for unit in shown) <= ANSWER_WORD_BUDGET else []


def _narrowed_out(lead_cell: str, other_cell: str, question_terms: set[str]) -> bool:
    """Whether the question, naming a word of the lead row's case, leaves out another row: one that lacks that word
    (« Salarié » for « je suis salarié », not « Fonctionnaire »; « Père ou mère de l'époux(se) » for « la mère de mon
    époux », not « Père ou mère »), or adds words the question does not say (« Père ou mère » for « mon père », not
    « Père ou mère de l'époux(se) »)."""
    lead_terms = set(content_words(_cell_value(lead_cell)))
    other_terms = set(content_words(_cell_value(other_cell)))
    named = lead_terms & question_terms
    added = other_terms - lead_terms
    return bool(named - other_terms) or bool(named and added and not added & question_terms)


def _cell_value(cell: str) -> str:
    """A cell without its column's name (« Statut de la personne décédée: Père ou mère » → « Père ou mère »)."""
    return cell.partition(": ")[2] or cell


def _names_a_case(cell: str) -> bool:
    """A short first cell names a case (« Ressources: 69 309 € ou moins »); a long one or a question is the row
    label of a comparison (« Démarche: Qui peut faire la démarche ? »)."""
    return bool(cell) and _words(cell) <= CASE_CELL_WORDS and not _is_question(cell)


def _table_row(text: str) -> tuple[str, str]:
    """A table row unit as its table's lead-in and its cells (« Col: val; Col: val »); the row alone when it has no
    lead-in; nothing for a unit that is no table row."""
    lead_in, colon, row = text.rstrip(". ").partition(" : ")
    if colon and TABLE_ROW.match(row):
        return lead_in, row
    whole = text.rstrip(". ")
    return ("", whole) if TABLE_ROW.match(whole) else ("", "")


def _sibling_cases(lead_n: int, passages: Sequence[Passage], question: str) -> tuple[str, ...]:
    """When the lead's fiche is one case of a topic that other fiches found cover for other cases (« Prime
    d'activité : travailleur non salarié », « … : étudiant, stagiaire, apprenti »), and the question names none of
    them, those cases, the lead's first."""
    split = [_topic_and_case(p.title) for p in passages]
    lead_topic = split[lead_n - 1][0] if 0 < lead_n <= len(split) else ""
    cases = [case for topic, case in split if topic and topic == lead_topic]
    asked = terms(question)
    if len(set(cases)) < 2 or any(terms(case) & asked for case in cases):
        return ()
    lead_case = split[lead_n - 1][1]
    return tuple(dict.fromkeys([lead_case, *cases]))


def _topic_and_case(title: str) -> tuple[str, str]:
    """« Prime d'activité : travailleur non salarié » → the topic, folded, and the case; nothing for a title that is
    not « topic : case » or whose second part asks a question."""
    topic, colon, case = title.partition(" : ")
    if not colon or _is_question(case):
        return "", ""
    return fold(topic).strip(), case.strip()


def _cited(units: Sequence[Unit], passages: Sequence[Passage]) -> tuple[str, list[Citation]]:
    text = " ".join(f"{terminated(sentence)} [{u.n}]" for u in units for sentence in split_sentences(u.text))
    citations = []
    for n in sorted({u.n for u in units}):
        passage = passages[n - 1]
        quoted = [u for u in units if u.n == n]
        quote = " ".join(terminated(u.text) for u in quoted)
        citations.append(Citation(n, passage.doc_id, passage.title, passage.url, quote, quoted[0].case_path))
    return text, citations


def _asks_the_title(question: str, asked: Asked, title: str) -> bool:
    """The document's title is a question, and the agent asks it (`asked`: the question as read): most of its words,
    and no kind of value it does not ask (« Où acheter le timbre fiscal… ? » asks a place of « Passeport : comment
    acheter un timbre fiscal ? »)."""
    title_terms, asked_terms = terms(title), terms(question)
    return _is_question(title) and bool(title_terms) and (
        sum(_matches(term, asked_terms) for term in title_terms) / len(title_terms) >= SAME_QUESTION
    ) and _kinds(asked) <= _kinds(read_question(title))


def _kinds(asked: Asked) -> set[str]:
    return {kind.kind for kind in asked.kinds}


def _extract_units(chosen: Sequence[Unit], ranked: Sequence[Scored]) -> list[Unit]:
    """The answer's units and the best ones after them, in reading order, each said once: a fiche that repeats a
    sentence under each of its cases (« Reconnaissance » / « Déclaration de naissance ») or says it again in other
    words gives it once, where it ranks best."""
    kept: list[Unit] = []
    for unit in [*chosen, *(s.unit for s in ranked[:EXTRACT_UNITS])]:
        if unit not in kept and not any(_same_thing(unit.text, other.text) for other in kept):
            kept.append(unit)
    return sorted(kept, key=lambda u: (u.n, u.order))


def compose(
    question: str,
    passages: Sequence[Passage],
    sections_of: Callable[[Passage], Sequence[Section]],
    encode: Encode | None = None,
) -> Composition:
    """The composed answer to `question` from the top `passages`, each read whole through `sections_of`."""
    asked = read_question(question)
    units = [
        unit
        for n, passage in enumerate(passages[:PASSAGES_CONSIDERED], start=1)
        for unit in document_units(n, passage.title, sections_of(passage), passage.chunk_id, asked)
    ]
    document_parts = [frozenset(passage.part_headings) for passage in passages[:PASSAGES_CONSIDERED]]
    ranked = score_units(question, units, encode, document_parts)
    if not ranked:
        return Composition("", [])
    if passages and _asks_the_title(question, asked, passages[0].title):
        opening = min((s for s in ranked if s.unit.n == 1), key=lambda s: s.unit.order, default=None)
        if opening is not None:
            ranked = sorted([dataclasses.replace(s, score=s.score + W_OPENING) if s is opening else s for s in ranked],
                            key=lambda s: s.score, reverse=True)
    best, first = _lead_candidates(ranked, units, asked_terms(question))
    lead = best if best.score >= first.score + LEAD_MARGIN else first
    antecedent = _antecedent(lead.unit, units)
    opening = [antecedent, lead.unit] if antecedent else [lead.unit]
    if _words(lead.unit.text) < MIN_WORDS:
        opening += [u for u in units if u.n == lead.unit.n and u.block == lead.unit.block
                    and u.order == lead.unit.order + 1]
    budget = ANSWER_WORD_BUDGET - sum(_words(u.text) for u in opening)
    row_cases = _row_cases(lead, ranked, question)
    table = _case_value_table(lead, units, row_cases)
    if table:
        chosen = table
    else:
        chosen = opening + [u for u in _qualifiers(lead, ranked, budget, bool(asked.kinds)) if u not in opening]
    text, citations = _cited(chosen, passages)
    extract, _ = _cited(_extract_units(chosen, ranked), passages)
    parts = document_parts[lead.unit.n - 1]
    cases = (_cases(lead, ranked, question, parts) or (() if table else row_cases)
             or _sibling_cases(lead.unit.n, passages[:PASSAGES_CONSIDERED], question))
    return Composition(text, citations, cases, extract, list(ranked), tuple(chosen))
