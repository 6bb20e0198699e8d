"""French grammar for the verifier: finite verbs and who does what, from spaCy's `fr_core_news_md` (the model
the redactor already ships with; loaded once per process, without its entity recogniser)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from indexing.text import fold

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL = "fr_core_news_md"
RELATIVE_PRONOUNS = frozenset({"qui", "que", "qu'", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles",
                               "auquel", "auxquels", "auxquelles", "duquel", "desquels", "desquelles"})
SUBJECT_RELATIONS = frozenset({"nsubj", "nsubj:pass", "obl:agent"})
"""Who the clause is about: the subject, active or passive, and the agent of a passive (`par l'employeur`)."""
SUBJECT_PRONOUNS = {"il": ("Masc", "Sing"), "elle": ("Fem", "Sing"), "ils": ("Masc", "Plur"),
                    "elles": ("Fem", "Plur")}
"""A subject pronoun with the gender and number of the noun it stands for."""
PRONOUN_SUBJECT_RELATIONS = SUBJECT_RELATIONS | {"expl:subj"}
"""The parser tells a pronoun that stands for a noun (« …, il doit ») from an impersonal one only by this function,
which it gives to both."""
PERSONAL_PRONOUNS = frozenset({"je", "j'", "tu", "on", "nous", "vous"})
"""Subject pronouns for the person who speaks or is spoken to: they stand for no noun said before."""
IMPERSONAL_VERBS = frozenset({"faut", "agit", "existe", "suffit", "semble", "convient", "arrive", "reste"})
"""Verbs whose « il » stands for nothing (« il faut », « il s'agit de »)."""
CASES = {"de": "de", "du": "de", "des": "de", "d'": "de", "a": "a", "au": "a", "aux": "a", "par": "par",
         "pour": "pour", "aupres": "aupres", "envers": "envers", "contre": "contre", "avec": "avec", "sur": "sur"}
"""The prepositions that hang a noun on a word (« aux frais du locataire », « au choix du salarié »), folded to one
form each."""


POINTING_PRONOUNS = frozenset({"elle", "elles", "ils", "en"})
DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})


@dataclass(frozen=True)
class Parse:
    has_finite_verb: bool
    subjects: frozenset[tuple[str, str]]
    """(folded noun, folded head verb) for every noun that is a subject or a passive's agent."""
    others: frozenset[str]
    """Folded nouns in any other function (object, complement, modifier)."""
    restrictions: frozenset[tuple[str, str]]
    """(folded subject noun, folded word of a noun complement that narrows it by an adjective or a number, and
    that adjective or number): « le CDI à temps partiel » gives (cdi, temps) and (cdi, partiel); « le montant de
    la prestation » narrows nothing."""
    naming: frozenset[str]
    """Folded nouns, proper nouns and adjectives: the words that bring in a thing, not a way of saying it."""
    agents: frozenset[tuple[str, str]] = frozenset()
    """(folded noun, folded noun of an action) for a noun that completes an action noun by « de »: « la demande de
    l'employeur » gives (employeur, demande), the party that does what the noun names."""
    attachments: frozenset[tuple[str, str, str]] = frozenset()
    """(folded noun, folded word it hangs on, preposition) for every noun that is not a subject and hangs on a word
    by a preposition: « aux frais du locataire » gives (locataire, frais, de), « au choix du salarié » (salarie,
    choix, de)."""
    described: frozenset[str] = frozenset()
    """Folded words that describe a subject noun (its adjectives, complements and relative clause): « la salariée
    enceinte qui travaille de nuit » gives enceinte, travaille, de, nuit…"""
    complements: frozenset[tuple[str, str]] = frozenset()
    """(folded noun, folded word it hangs on) for every noun that a preposition, whichever, brings in and that is not
    a subject: « un passeport pour voyager dans le temps » gives (temps, voyager)."""
    points_back: bool = False
    """A pronoun stands for something named before: « elle », « ils », « en » (« vous pouvez en anticiper le
    point de départ »), « y » but in « il y a »; not « il », which is as often impersonal (« il faut »); or a
    demonstrative names it again (« passé ce délai », « cette aide »)."""
    personal_subject: bool = False
    """A subject that needs no noun said before: a pronoun for the person who speaks or is spoken to (« vous
    pouvez… », « on doit… ») or the « il » of an impersonal verb (« il faut… »)."""


@cache
def _nlp() -> Language:
    import spacy

    return spacy.load(MODEL, exclude=["ner", "lemmatizer"])


def _misread_verb(token: Token) -> bool:
    """A conjugated verb the tagger read as something else: an « adjective » that does not agree in gender with
    the noun it is hung on, or that it takes for a preposition (« un CDD conclu… dure au maximum 9 mois »); a
    noun or an adjective with a subject and no copula (« la période se décompte… »: a noun predicate needs
    « être »), or a noun with a direct object (« le salarié garde alors l'ancienneté »: a noun takes none); a
    participle that takes a direct object with no auxiliary (« le salarié avertit son employeur »); a
    conjugated verb hung on a noun as its modifier (« Tout salarié bénéficie d'un repos »)."""
    children = {child.dep_ for child in token.children}
    if token.pos_ in ("NOUN", "ADJ") and children & {"nsubj", "nsubj:pass"} and "cop" not in children:
        return True
    if token.pos_ == "NOUN" and "obj" in children:
        return True
    if token.pos_ == "VERB" and token.dep_ == "acl" and "obj" in children and not children & {"aux", "aux:pass"}:
        return True
    if token.pos_ == "VERB" and token.dep_ == "acl" and "Fin" in token.morph.get("VerbForm"):
        return True
    if token.pos_ != "ADJ" or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ == "case":
        return True
    gender, head_gender = token.morph.get("Gender"), token.head.morph.get("Gender")
    return token.dep_ == "amod" and bool(gender and head_gender) and gender != head_gender


def _finite(doc: Doc) -> bool:
    """A conjugated verb: not a participle or an infinitive (« Cas autorisés », « Démissionner d'un CDI »),
    unless it heads the sentence (the tagger reads some conjugated forms as participles: « n'interrompt ») or ends
    in « -ez », which no infinitive or participle does (it reads the imperative « Envoyez le formulaire » as an
    infinitive). A participle that opens the sentence heads a title (« Saisie sur salaire : montant de la
    saisie »): a conjugated verb has its subject before it."""
    for token in doc:
        forms = set(token.morph.get("VerbForm"))
        if token.pos_ in ("VERB", "AUX") and (not {"Part", "Inf", "Ger"} & forms or token.lower_.endswith("ez")):
            return True
        opens = all(before.is_punct for before in doc[: token.i])
        if token.pos_ == "VERB" and token.dep_ == "ROOT" and "Inf" not in forms and not ("Part" in forms and opens):
            return True
        if _misread_verb(token):
            return True
    return False


def _verb_of(subject: Token) -> Token:
    """The verb a subject is attached to; when the parser hangs it on a noun or an adjective (« a droit »), the
    first verb after the subject, which is where French puts it."""
    if subject.head.pos_ in ("VERB", "AUX"):
        return subject.head
    following = (token for token in subject.doc[subject.i + 1:] if token.pos_ in ("VERB", "AUX"))
    return next(following, subject.head)


def _impersonal(predicate: Token) -> bool:
    """« il est obligatoire de prévoir », « il est possible que »: an adjective whose subject is the clause it
    takes, not a noun."""
    return predicate.pos_ == "ADJ" and any(
        child.dep_ in ("xcomp", "csubj", "ccomp") or fold(child.text) in ("de", "d'", "que", "qu'")
        for child in predicate.children)


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a subject pronoun stands for (« Si l'employeur ne peut pas…, il doit l'informer »): the nearest
    subject noun before it in the sentence that agrees with it in gender and number; None for an impersonal « il »
    (« il faut », « il y a »), which has none."""
    gender, number = SUBJECT_PRONOUNS[fold(pronoun.text)]
    following = pronoun.doc[pronoun.i + 1] if pronoun.i + 1 < len(pronoun.doc) else pronoun
    if fold(following.text) == "y" or fold(_verb_of(pronoun).text) in IMPERSONAL_VERBS or _impersonal(pronoun.head):
        return None
    for token in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in SUBJECT_RELATIONS:
            agrees = all(value in (token.morph.get(feature) or [value])
                         for feature, value in (("Gender", gender), ("Number", number)))
            return token if agrees else None
    return None


def _coordinated_subject(token: Token) -> Token | None:
    """The subject a noun is coordinated with (« l'employeur et le salarié décident », « ni l'employeur, ni le
    salarié ne peuvent »: the parser hangs the second on the first, or reads the « ni » of the first as a
    preposition); None if it is not."""
    if token.dep_ == "conj" and token.head.dep_ in SUBJECT_RELATIONS:
        return token.head
    if not any(fold(child.text) == "ni" for child in token.children):
        return None
    return next((other for other in token.head.children if other is not token and other.dep_ in SUBJECT_RELATIONS
                 and other.pos_ in ("NOUN", "PROPN")
                 and any(fold(word.text) == "ni" for word in (*other.children, *token.head.children))), None)


def _points_back(pronoun: Token) -> bool:
    """`Parse.points_back` for one pronoun: « y » only when not in « il y a »."""
    if pronoun.lower_ == "y":
        return pronoun.i == 0 or pronoun.doc[pronoun.i - 1].lower_ != "il"
    return pronoun.lower_ in POINTING_PRONOUNS


@lru_cache(maxsize=4096)
def parse(text: str) -> Parse:
    doc = _nlp()(text)
    subjects, others = set(), set()
    for token in doc:
        if token.pos_ == "PRON" and token.dep_ in PRONOUN_SUBJECT_RELATIONS and fold(token.text) in SUBJECT_PRONOUNS:
            antecedent = _antecedent(token)
            if antecedent is not None:
                subjects.add((fold(antecedent.text), fold(_verb_of(token).text)))
    naming = frozenset(fold(token.text) for token in doc if token.pos_ in ("NOUN", "PROPN", "ADJ"))
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        coordinated = _coordinated_subject(token)
        if token.dep_ in SUBJECT_RELATIONS:
            subjects.add((fold(token.text), fold(_verb_of(token).text)))
        elif coordinated is not None:
            subjects.add((fold(token.text), fold(_verb_of(coordinated).text)))
        elif token.dep_ == "ROOT" and any(_misread_verb(other) for other in doc if other is not token):
            verb = next(other for other in doc if other is not token and _misread_verb(other))
            subjects.add((fold(token.text), fold(verb.text)))
        else:
            others.add(fold(token.text))
    restrictions = frozenset(
        (fold(token.text), fold(word.text))
        for token in doc
        if token.dep_ in SUBJECT_RELATIONS and token.pos_ in ("NOUN", "PROPN")
        for complement in token.children
        if complement.dep_ == "nmod" and complement.pos_ in ("NOUN", "PROPN")
        and any(child.dep_ in ("amod", "nummod") for child in complement.children)
        for word in (complement, *(child for child in complement.children if child.dep_ in ("amod", "nummod")))
    )
    agents = frozenset(
        (fold(child.text), fold(token.text))
        for token in doc
        if token.pos_ == "NOUN"
        for child in token.children
        if child.dep_ == "nmod" and child.pos_ in ("NOUN", "PROPN")
        and any(fold(case.text) in ("de", "du", "des", "d'") for case in child.children if case.dep_ == "case")
    )
    attachments = frozenset(
        (fold(token.text), fold(token.head.text), CASES[fold(case.text)])
        for token in doc
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in SUBJECT_RELATIONS
        for case in token.children
        if case.dep_ == "case" and fold(case.text) in CASES
    )
    described = frozenset(
        fold(word.text)
        for token in doc
        if token.dep_ in SUBJECT_RELATIONS and token.pos_ in ("NOUN", "PROPN")
        for word in token.subtree
        if word is not token
    )
    complements = frozenset(
        (fold(token.text), fold(token.head.text))
        for token in doc
        if token.pos_ in ("NOUN", "PROPN") and token.head is not token and token.dep_ not in SUBJECT_RELATIONS
        and any(child.dep_ == "case" for child in token.children)
    )
    points_back = any(token.pos_ == "PRON" and _points_back(token)
                      or token.pos_ == "DET" and token.lower_ in DEMONSTRATIVES for token in doc)
    personal_subject = any(
        token.pos_ == "PRON" and token.dep_ in PRONOUN_SUBJECT_RELATIONS
        and (fold(token.text) in PERSONAL_PRONOUNS or fold(token.head.text) in IMPERSONAL_VERBS)
        for token in doc
    )
    return Parse(_finite(doc), frozenset(subjects), frozenset(others), restrictions, naming, agents, attachments,
                 described, complements, points_back, personal_subject)


@lru_cache(maxsize=1024)
def without_relative_clauses(text: str) -> str:
    """The text with its relative clauses blanked out (« une entreprise qui ne peut pas interrompre le travail »
    becomes « une entreprise »): what they say describes a noun, not whether the sentence's rule holds. Not a
    clause on the sentence's predicate (« sont des événements prévisibles qui ne constituent pas… »): that one says
    what the sentence answers. A clause the tagger reads as relative without a relative pronoun is the sentence's
    own (« si vous prenez votre congé du fait de la fermeture, le préavis n'est pas suspendu »)."""
    doc = _nlp()(text)
    kept = list(text)
    attributive = any(child.dep_ == "cop" for token in doc if token.dep_ == "ROOT" for child in token.children)
    for token in doc:
        head = token.head
        predicate = attributive or head.dep_ == "ROOT" or any(child.dep_ == "cop" for child in head.children)
        if token.dep_ != "acl:relcl" or predicate:
            continue
        subtree = list(token.subtree)
        if any(word.lower_ in RELATIVE_PRONOUNS for word in subtree):
            start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
            kept[start:end] = " " * (end - start)
    return "".join(kept)


@lru_cache(maxsize=1024)
def with_named_subject(first: str, second: str) -> str:
    """`second`, a clause that opens on a subject pronoun standing for the subject of `first` (« la révision ne
    s'applique pas rétroactivement » : « elle ne vaut qu'à partir de la demande »), with the pronoun replaced by
    that subject's noun phrase, its relative clauses left out (« la révision du loyer ne vaut qu'à partir… »);
    "" when it opens on no such pronoun (an impersonal « il », a noun, a pronoun that agrees with no subject)."""
    doc = _nlp()(f"{first}, {second}")
    opening = next((token for token in doc if token.idx >= len(first) + 2), None)
    if opening is None or opening.pos_ != "PRON" or opening.dep_ not in PRONOUN_SUBJECT_RELATIONS or \
            fold(opening.text) not in SUBJECT_PRONOUNS:
        return ""
    antecedent = _antecedent(opening)
    if antecedent is None or antecedent.idx >= len(first):
        return ""
    phrase = [token for token in antecedent.subtree
              if not any(ancestor.dep_ == "acl:relcl" for ancestor in (token, *token.ancestors))
              or token is antecedent]
    return f"{doc[phrase[0].i: phrase[-1].i + 1].text}{second[len(opening.text):]}"
