"""The asker's trade or sector, as a question describes it (« je suis cuisinier », « une entreprise de la
métallurgie », « (Boulangerie) »): the setting of the question, not the thing it asks about.

The official texts held (the Code du travail, the labour ministry's and service-public's fiches) apply to every
trade and rarely name one, so a trade they do not hold is no sign that the question is off the texts; what a trade
changes is its collective agreement, which the answer then points to."""
from __future__ import annotations

import re
from collections.abc import Callable

from assistant.verify import content_words
from indexing.text import fold

_WORD = r"[a-z][a-z'-]*"
_PHRASE = rf"{_WORD}(?:\s+{_WORD}){{0,5}}"
_ARTICLE = r"(?:(?:un|une|le|la|les|des|d'une|d'un|de la|du)\s+|l'|d')?"
_KEPT_PREPOSITION = frozenset(content_words("chez"))
"""The one preposition of the patterns that the analyser keeps as a content word; the others are stop words."""

_OCCUPATION = re.compile(
    rf"\b(?:je suis|j'etais|je travaille comme|travaillant comme|en tant qu(?:e\s|')|embauche(?:e)? comme|"
    rf"poste d[e'])\s*{_ARTICLE}(?P<phrase>{_WORD}(?:\s+(?:de\s+|d')?(?!(?:dans|chez|en)\b){_WORD})?"
    rf"(?:\s+(?:dans|chez|en)\s+{_ARTICLE}{_PHRASE})?)"
)
"""« je suis cuisinier », « je suis laveur de vitres », « en tant qu'électricien », « un poste de vendeuse en
boulangerie », « je suis commercial dans une concession automobile »."""
_SECTOR = re.compile(
    rf"\b(?:entreprises?|societes?|secteurs?|branches?|industries?|metiers?|activites?|commerces?|"
    rf"conventions? collectives?(?: nationales?)?|accords? (?:de branche|nationaux))\s+(?:de la|de l'|du|des|de|d')\s*"
    rf"(?P<phrase>{_PHRASE})"
)
"""« une entreprise de la métallurgie », « le secteur de la propreté », « activités auxiliaires du transport »."""
_WORKPLACE = re.compile(
    rf"\b(?:je travaille|travaillant|(?P<worker>ouvri\w+|salarie\w*|employe\w*|vendeu\w+|chauffeur\w*|"
    rf"apprenti\w*|cadres?|techniciens?|agents? de maitrise))"
    rf"\s+(?:dans|chez|en|pour|d'une|d'un|de la|du|des)\s*{_ARTICLE}(?P<phrase>{_PHRASE})"
)
"""« ouvrier dans la métallurgie », « chauffeur dans les transports routiers », « je travaille chez un boulanger »."""
_LABEL_PHRASE = rf"{_WORD}(?:\s*[/,&]\s*{_WORD}|\s+{_WORD}){{0,5}}"
_LABEL = re.compile(rf"\((?P<phrase>{_LABEL_PHRASE})\)\s*\??\s*$")
"""A trade added in brackets after the question: « … renouvelée ? (Boulangerie) », « … le droit ? (Métallurgie
Ingénieur/cadre) »."""
_AGREEMENT_LABEL = re.compile(
    rf"[:(]\s*(?P<phrase>{_LABEL_PHRASE})\s+(?:accords? nationaux|conventions? collectives?|ccn)\s*\)?\s*\??\s*$"
)
"""A sector named after the question by its agreements: « … le samedi et le dimanche : Métallurgie accords
nationaux ? »."""
_HIRED = re.compile(
    rf"\b(?:embauch\w*|recrut\w*|employ(?:er|e|ee|ant))\s+(?:(?:sous|en)\s+(?:cdi|cdd)\s+)?(?:un|une)\s+"
    rf"(?P<phrase>{_WORD})"
)
"""The trade of the person an employer hires, told before the question (« Je souhaite embaucher sous CDI une
vendeuse à temps partiel. Suis-je tenu… ? »); in the question itself it is what is asked about (« Peut-on employer
une licorne ? »)."""
_PATTERNS = (_OCCUPATION, _SECTOR, _WORKPLACE)
_LABELS = (_LABEL, _AGREEMENT_LABEL)
"""A label lists its trades whole, whatever separates them (« Hôtels, cafés, restaurants »)."""
_SENTENCE_END = re.compile(r"[.!;]\s+\S")
_CLAUSE_END = re.compile(r"[,.;:!?]")


def _clause(text: str) -> str:
    return _CLAUSE_END.split(text, maxsplit=1)[0]


def _leading_words(phrase: str) -> str:
    """The phrase up to its first function word that opens another clause (« et je … », « qui … »)."""
    words = phrase.split()
    for index, word in enumerate(words[1:], start=1):
        if word in {"je", "j'ai", "qui", "que", "mais", "depuis", "pour", "avec", "sans", "sur"}:
            return " ".join(words[:index])
    return phrase


def setting_words(question: str) -> list[str]:
    """The stemmed content words of the phrases where the question names the asker's trade, employer or sector."""
    folded = fold(question)
    matches = [match for pattern in _PATTERNS for match in pattern.finditer(folded)]
    matches += [match for match in _HIRED.finditer(folded) if _SENTENCE_END.search(folded, match.end())]
    phrases = [_leading_words(_clause(match.group("phrase"))) for match in matches]
    phrases += [match.group("phrase") for label in _LABELS for match in label.finditer(folded)]
    phrases += [worker for match in matches if (worker := match.groupdict().get("worker"))]
    words = [term for phrase in phrases for term in content_words(phrase) if term not in _KEPT_PREPOSITION]
    return list(dict.fromkeys(words))


def named_trade(question: str, document_frequency: Callable[[str], int], rare: int) -> bool:
    """Whether the question names a trade or sector the official texts rarely speak of: its collective agreement
    is then where the answer may differ."""
    return any(document_frequency(term) < rare for term in setting_words(question))
