"""Query understanding: public-service acronyms expanded for BM25 (the acronym is kept), spelling variants, and
whether a query is a question."""
from __future__ import annotations

import re

from indexing.text import fold

ACRONYMS: dict[str, str] = {
    "aah": "allocation aux adultes handicapés",
    "als": "allocation de logement sociale",
    "alf": "allocation de logement familiale",
    "ants": "agence nationale des titres sécurisés",
    "apl": "aide personnalisée au logement",
    "are": "allocation d'aide au retour à l'emploi chômage",
    "ass": "allocation de solidarité spécifique",
    "caf": "caisse d'allocations familiales",
    "cdd": "contrat à durée déterminée",
    "cdi": "contrat à durée indéterminée",
    "cesu": "chèque emploi service universel",
    "cmu": "couverture maladie universelle",
    "cni": "carte nationale d'identité",
    "cpam": "caisse primaire d'assurance maladie",
    "cpf": "compte personnel de formation",
    "cse": "comité social et économique",
    "css": "complémentaire santé solidaire",
    "ctt": "contrat de travail temporaire intérim",
    "dpae": "déclaration préalable à l'embauche",
    "ij": "indemnités journalières",
    "ijss": "indemnités journalières de sécurité sociale",
    "mdph": "maison départementale des personnes handicapées",
    "msa": "mutualité sociale agricole",
    "pacs": "pacte civil de solidarité",
    "pma": "procréation médicalement assistée",
    "rib": "relevé d'identité bancaire",
    "rqth": "reconnaissance de la qualité de travailleur handicapé",
    "rsa": "revenu de solidarité active",
    "rtt": "réduction du temps de travail",
    "smic": "salaire minimum interprofessionnel de croissance",
    "urssaf": "union de recouvrement des cotisations de sécurité sociale et d'allocations familiales",
    "vae": "validation des acquis de l'expérience",
    "chsct": "comité d'hygiène de sécurité et des conditions de travail",
    "irp": "instances représentatives du personnel",
    "tns": "travailleur non salarié indépendant",
}

VARIANTS: dict[str, str] = {
    "licenciment": "licenciement",
    "licencement": "licenciement",
    "licensiement": "licenciement",
    "demision": "démission",
    "chommage": "chômage",
    "heures sup": "heures supplémentaires",
    "arret maladie": "arrêt de travail maladie",
    "prime de precarite": "indemnité de fin de contrat",
}

_WORD = re.compile(r"[\w']+")
_QUESTION = re.compile(
    r"^(?:comment|combien|quel(?:le)?s?|qui|quand|ou|pourquoi|que|qu'|est-ce|c'est quoi|lequel|laquelle"
    r"|(?:a|dans|de|pour|par|en|sur|avec|depuis|jusqu'a) (?:quel|qui|combien|quoi|quand))\b"
    r"|\b\w+-(?:t-)?(?:je|tu|il|elle|on|ils|elles)\b"
)
"""An interrogative word first (« Comment… », « Dans quels cas… ») or a verb with its subject pronoun after it
(« puis-je », « a-t-on », « faut-il »). « vous » and « nous » are left out: « rendez-vous » is not a question."""


def expand_query(query: str) -> str:
    """The query followed by the long forms of its acronyms and the corrected spellings of known misspellings."""
    folded_words = [fold(word) for word in _WORD.findall(query)]
    additions = [ACRONYMS[word] for word in folded_words if word in ACRONYMS]
    folded_query = " ".join(folded_words)
    additions += [
        right for wrong, right in VARIANTS.items() if re.search(rf"\b{re.escape(wrong)}\b", folded_query)
    ]
    return " ".join([query, *dict.fromkeys(additions)])


def is_question(query: str) -> bool:
    """Whether the query is phrased as a question rather than as keywords: a question says what it asks."""
    text = fold(query).strip()
    return text.endswith("?") or bool(_QUESTION.search(text))
