"""Which collective agreement a question names: « IDCC 1486 », « convention Syntec », « convention collective de
la métallurgie », « accord des transports routiers », or the asker's sector (« je travaille dans la propreté »,
« … (Boulangerie) ») when it is the short title of an indexed agreement."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping

from assistant.workplace import setting_words
from corpus.model import Agreement
from indexing.text import analyze, fold

ALIASES: dict[str, str] = {
    "syntec": "bureaux d'études techniques",
    "cinov": "bureaux d'études techniques",
    "hcr": "hôtels cafés restaurants",
    "hotellerie": "hôtels cafés restaurants",
    "nettoyage": "propreté",
    "assistant maternel": "particuliers employeurs emploi à domicile",
    "assistante maternelle": "particuliers employeurs emploi à domicile",
    "assistants maternels": "particuliers employeurs emploi à domicile",
    "particulier employeur": "particuliers employeurs emploi à domicile",
}
"""Names agents use for an agreement that its short title does not hold."""
GENERIC_TERMS = frozenset(analyze("entreprises services associés personnel activités secteur branche connexes "
                                  "professions salariés établissements organismes ouvriers employés cadres "
                                  "techniciens agents maîtrise ETAM occupant"))
"""Short-title words that name no sector by themselves (nor a category of workers)."""
_IDCC = re.compile(r"\bidcc\s*(?:n\s*[°o]\s*)?(\d{1,4})\b")
_NAMED = re.compile(
    r"\b(?:(?:conventions?(?: collectives?)?(?: nationales?)?|ccn)\s+(?:de la |de l'|du |des |de |d')?"
    r"|accords?(?: de branche| nationaux| collectifs?)?\s+(?:de la |de l'|du |des ))(?P<phrase>[a-z][a-z' -]*)"
)
TRADE_TO_SHOP = "er"
"""A trade's stem and its shop's differ by this ending: « boulanger » → « boulang », « boulangerie » → « boulanger »."""


def named_agreements(question: str, agreements: Mapping[str, Agreement]) -> tuple[str, ...]:
    """The IDCCs of the indexed agreements the question names, best first; ties are all kept (« bâtiment »
    names the agreements of its workers, technicians and executives); none when it names no indexed one."""
    folded = fold(question)
    numbers = tuple(dict.fromkeys(number.zfill(4) for number in _IDCC.findall(folded)))
    if numbers:
        return tuple(number for number in numbers if number in agreements)
    words = [*setting_words(question), *(t for m in _NAMED.finditer(folded) for t in analyze(m.group("phrase")))]
    words += [t for alias, name in ALIASES.items() if re.search(rf"\b{alias}\b", folded) for t in analyze(name)]
    if not words:
        return ()
    keys = {idcc: set(analyze(agreement.short_title)) - GENERIC_TERMS for idcc, agreement in agreements.items()}
    frequency = Counter(term for terms in keys.values() for term in terms)
    scores = {
        idcc: sum(math.log(len(keys) / frequency[term]) for term in terms if any(_same(term, w) for w in words))
        for idcc, terms in keys.items()
    }
    best = max(scores.values(), default=0.0)
    if best <= 0:
        return ()
    return tuple(idcc for idcc, score in scores.items() if score == best)


def _same(term: str, word: str) -> bool:
    return term in (word, word + TRADE_TO_SHOP) or word == term + TRADE_TO_SHOP
