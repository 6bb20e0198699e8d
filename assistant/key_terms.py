"""The question's key terms that the documents found do not hold: the sign of a question about something the
official texts do not know (an invented aid, an absurd object), which the search still answers with neighbours."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from assistant.verify import content_words
from assistant.workplace import setting_words

MIN_KEY_TERM_CHARS = 4
"""Shorter stems are abbreviations and slang (« RC », « vir(er) ») that the search places by meaning, not by word."""
RARE_SHARE = 0.005
"""A term held by fewer than this share of the corpus's documents names something specific: when none of the
documents found holds it, they are about something else."""
MIN_FAMILY_CHARS = 5

GENERIC_WORDS = """
demande demander demandes obtenir faire droit droits montant delai delais duree prix cout couts tarif tarifs
condition conditions demarche demarches document documents piece pieces justificatif justificatifs formulaire
personne personnes salarie salaries employeur situation cas question exemple possible quoi combien quand
comment pourquoi savoir besoin aide aides payer paye verser versee recevoir toucher avoir etre doit faut
peut fois annee annees mois jours semaine semaines nouveau nouvelle mon ma mes son sa ses leur france francais
"""
GENERIC_TERMS = frozenset(content_words(GENERIC_WORDS))
PLACEHOLDER = re.compile(r"<[A-Z_]+_\d+>")
"""Masked personal data (`<IBAN_1>`): the person's, not the question's subject."""


def _same_family(term: str, other: str) -> bool:
    shorter, longer = sorted((term, other), key=len)
    return len(shorter) >= MIN_FAMILY_CHARS and longer.startswith(shorter)


def _one_edit_apart(term: str, other: str) -> bool:
    """A typing slip: one letter replaced, added or dropped."""
    if abs(len(term) - len(other)) > 1 or min(len(term), len(other)) < MIN_FAMILY_CHARS:
        return False
    if len(term) == len(other):
        return sum(a != b for a, b in zip(term, other, strict=True)) == 1
    shorter, longer = sorted((term, other), key=len)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def held(term: str, document_terms: set[str]) -> bool:
    return term in document_terms or any(
        _same_family(term, other) or _one_edit_apart(term, other) for other in document_terms
    )


def rare_count(documents: int) -> int:
    """Fewer documents than this hold a rare term."""
    return max(1, int(RARE_SHARE * documents))


def unheld_rare_terms(
    question: str,
    document_texts: Iterable[str],
    document_frequency: Callable[[str], int],
    documents: int,
    naming_words: Callable[[str], Iterable[str]] | None = None,
) -> list[str]:
    """Key terms of the question that no document found holds and that few documents of the corpus hold. The
    words naming the asker's trade or sector are its setting, not key terms (`assistant.workplace`).

    `naming_words`: the nouns and adjectives of a text (from a tagger), asked only when some term is unheld; the
    question's verbs (« dois », « advient ») then never count, since they name no thing."""
    document_terms = {term for text in document_texts for term in content_words(text)}
    rare = rare_count(documents)
    question = PLACEHOLDER.sub(" ", question)
    setting = set(setting_words(question))
    unheld = [
        term for term in dict.fromkeys(content_words(question))
        if len(term) >= MIN_KEY_TERM_CHARS and term not in GENERIC_TERMS and term not in setting
        and not held(term, document_terms) and document_frequency(term) < rare
    ]
    if not unheld or naming_words is None:
        return unheld
    naming = set(content_words(" ".join(naming_words(question))))
    return [term for term in unheld if term in naming]
