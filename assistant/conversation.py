"""Follow-up questions ("et pour un CDI ?") rewritten into standalone ones, from the redacted history."""
from __future__ import annotations

import re
from dataclasses import dataclass

from indexing.regime import audience, without_audience
from indexing.text import analyze, fold, words
from redaction.entities import MASKED_VALUE

MAX_FOLLOW_UP_WORDS = 10
MAX_ANAPHORIC_WORDS = 7
CONNECTIVE = re.compile(
    r"^\s*(?:et|mais|alors|dans ce cas|même question|meme question|pareil|idem|aussi|ou)\b[\s,]*", re.IGNORECASE
)
ELLIPSIS = re.compile(r"^\s*(?:pour|si|s'il|s’il|en cas|avec|sans|concernant|quid)\b", re.IGNORECASE)
INVERTED_PRONOUN = re.compile(r"(\w+)-t?-?(?:il|elle|ils|elles)\b", re.IGNORECASE)
ASKING_OPENING = re.compile(
    r"^\s*(?:(?:a|de|en|dans|pour|par|depuis|jusqu'a)\s+)?(?:combien(?:\s+d[e']\s*\w+)?|comment|quand|ou|pourquoi|"
    r"que|qu'|quoi|quel(?:le)?s?(?:\s+\w+)?|lequel|laquelle|lesquel(?:le)?s)?\s*$"
)
"""What may stand before a verb whose inverted pronoun refers back to the earlier question: nothing (« Peut-il
refuser ? ») or an interrogative (« Combien de temps dure-t-elle ? »). A noun there is the verb's own subject
(« Un salarié peut-il refuser une mutation ? »): the question stands alone."""
_ANAPHORA_TEXT = "elle elles ils cela ca celui celle ceux celles lui"
ANAPHORA = frozenset(_ANAPHORA_TEXT.split())
_LINK_WORDS_TEXT = "pour un une le la les des du de d l en avec dans"
LINK_WORDS = frozenset(_LINK_WORDS_TEXT.split())
_ASPECT_WORDS = (
    "montant delai duree prix cout tarif plafond somme condition demarche document piece justificatif formulaire "
    "demande dossier aide allocation indemnite prestation versement"
)
ASPECT_TERMS = frozenset(analyze(_ASPECT_WORDS))
"""Nouns that name an aspect of a topic (its amount, its deadline, its papers), not a topic."""
_ASKING_TERMS = frozenset(analyze(
    "faire fournir obtenir prevoir payer donner joindre remplir envoyer deposer maximal maximum minimal minimum "
    "total exact"
))
"""What a question about an aspect adds to it: what to do with it, or which bound of it."""
DEFINITE_ASPECT_ASKED = re.compile(
    rf"^\s*(?:le|la|les|l')\s*(?:{'|'.join(_ASPECT_WORDS.split())})s?\s+\w+-t?-?(?:il|elle|ils|elles)\b"
)
"""« Le montant change-t-il ? », « La demande est-elle payante ? »: the aspect with its article and no complement is
the earlier topic's."""
ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


@dataclass(frozen=True)
class Turn:
    """One exchange, redacted: the standalone question actually searched, and the answer shown."""

    question: str
    answer: str
    mode: str


def is_follow_up(question: str, history: list[Turn]) -> bool:
    if not history:
        return False
    tokens = words(question)
    if (CONNECTIVE.match(question) or ELLIPSIS.match(question) or _asks_an_aspect(question)) and (
        len(tokens) <= MAX_FOLLOW_UP_WORDS
    ):
        return True
    anaphoric = _pronoun_refers_back(question) or any(fold(token) in ANAPHORA for token in tokens)
    return anaphoric and len(tokens) <= MAX_ANAPHORIC_WORDS


def _asks_an_aspect(question: str) -> bool:
    """Whether the question asks about an aspect and names no topic of its own (« Quel est le montant ? », « Quels
    justificatifs fournir ? », « Le délai change-t-il ? »)."""
    terms = set(analyze(question))
    only_aspects = bool(terms & ASPECT_TERMS) and terms <= ASPECT_TERMS | _ASKING_TERMS
    return only_aspects or DEFINITE_ASPECT_ASKED.match(fold(question)) is not None


def _pronoun_refers_back(question: str) -> bool:
    inverted = INVERTED_PRONOUN.search(question)
    return inverted is not None and ASKING_OPENING.match(fold(question[: inverted.start()])) is not None


def rewrite(question: str, history: list[Turn]) -> str:
    """A standalone question: the question itself, or the previous topic completed or changed by the follow-up.
    A follow-up that names whom the rules are for (« et pour un fonctionnaire ? » after « … d'un salarié », « et pour
    un contractuel ? » after « … d'un fonctionnaire ») replaces whom the earlier question named."""
    if not is_follow_up(question, history):
        return question.strip()
    base = history[-1].question.strip().rstrip(" ?.!")
    remainder = CONNECTIVE.sub("", question, count=1).strip().rstrip(" ?.!")
    if _asks_an_aspect(remainder):
        base = _without_aspects_asked(base)
    if audience(remainder) and audience(base):
        base = without_audience(base)
    new_terms = ACRONYM.findall(MASKED_VALUE.sub("", remainder))
    old_terms = [term for term in ACRONYM.findall(MASKED_VALUE.sub("", base)) if term not in new_terms]
    if new_terms and old_terms and _only_names(remainder, new_terms):
        for old in old_terms:
            base = re.sub(rf"\b{re.escape(old)}\b", new_terms[0], base)
        return f"{base} ?"
    if not remainder:
        return f"{base} ?"
    if not remainder[1:2].isupper():
        remainder = remainder[:1].lower() + remainder[1:]
    return f"{base}, {remainder} ?"


def _without_aspects_asked(question: str) -> str:
    """The topic an earlier follow-up on an aspect was added to: « Quelle est la durée du congé, quel est le montant »
    → « Quelle est la durée du congé ». The next aspect asked replaces that one rather than piling up."""
    clauses = question.split(", ")
    while len(clauses) > 1 and _asks_an_aspect(clauses[-1]):
        clauses.pop()
    return ", ".join(clauses)


def _only_names(remainder: str, names: list[str]) -> bool:
    """True when the follow-up says nothing but a preposition, an article and the new names."""
    rest = [w for w in words(remainder) if w.upper() not in names]
    return all(w in LINK_WORDS for w in rest)
