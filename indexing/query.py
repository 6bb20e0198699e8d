"""Query understanding: public-service acronyms expanded for BM25 (the acronym is kept), spelling variants, everyday
words and phrasings under their official names, and whether a query is a question."""
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
}
"""Misspellings and short forms the texts never write: read on every search (`lexical_query`). « J'ai fait
beaucoup d'heures sup, est-ce que je paie des impôts dessus ? » led with the IFI's fiche; it now leads with « Les
heures supplémentaires sont-elles imposées sur le revenu ? »."""
SYNONYMS: dict[str, str] = {
    "arret maladie": "arrêt de travail maladie",
    "prime de precarite": "indemnité de fin de contrat",
}
"""Other names the texts use too (« arrêt maladie » in 59 documents, « prime de précarité » in 15): added only by the
full expansion."""

EVERYDAY_NAMES: dict[str, str] = {
    "secu": "sécurité sociale assurance maladie",
    "alloc": "allocations",
    "allocs": "allocations",
    "proprio": "propriétaire bailleur",
    "proprios": "propriétaire bailleur",
    "appart": "appartement logement",
    "apparts": "appartement logement",
    "coloc": "colocation",
    "toubib": "médecin",
    "gastro": "gastro-entérite maladie",
    "taf": "travail emploi",
    "taff": "travail emploi",
    "job": "travail emploi",
    "boulot": "travail emploi",
    "boite": "entreprise",
    "patron": "employeur",
    "patronne": "employeur",
    "boss": "employeur",
    "chomdu": "chômage",
    "bagnole": "voiture véhicule",
    "ado": "adolescent mineur",
    "ados": "adolescents mineurs",
    "gamin": "enfant",
    "gamins": "enfants",
    "gosse": "enfant",
    "gosses": "enfants",
    "fisc": "impôts administration fiscale",
    "recre": "récréation",
    "copain": "ami",
    "copains": "amis",
    "copine": "amie",
    "copines": "amies",
    "pote": "ami",
    "potes": "amis",
    "prof": "professeur enseignant",
    "profs": "professeurs enseignants",
    "fac": "université",
    "resto": "restaurant",
    "tele": "télévision",
    "ordi": "ordinateur",
    "flic": "police",
    "flics": "police",
}
"""Everyday French for what the official texts name otherwise (« la sécu », « mon proprio », « ma boîte »): the
expanded lexical query adds the official words, and the everyday word never counts as a term the texts must hold
(`assistant.key_terms.COLLOQUIAL`). Not added by default: « gamin » → « enfant » led « mon gamin de 15 ans peut
bosser l'été ? » to the adoption fiches."""

EVERYDAY_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:changer d'avis|revenir (?:dessus|sur (?:ma|sa|mon|son|notre|votre|leur|cette|la|le) "
                r"(?:decision|choix|signature|engagement|achat|commande|accord))|faire marche arriere)\b"),
     "rétractation"),
    (re.compile(r"\b(?:(?:faire|fait|faite|faits|faites|fais) virer|(?:m|t)'(?:a|ont) viree?s?"
                r"|(?:me|te|le|la|nous|vous|les) virer|(?:suis|es|sommes|etes|j'ai ete|as ete|avons ete|avez ete) "
                r"viree?s?|mise? a la porte)\b"),
     "licenciement"),
    (re.compile(r"\b(?:(?:pas|plus|jamais|non)(?: ete| encore| toujours)? (?:payee?s?|payer|reglee?s?|regler)"
                r"|ne (?:(?:me|te|lui|nous|vous|leur|les|la|le) )?(?:paie|paye|paies|payes|paient|payent|regle|reglent)"
                r" (?:pas|plus|jamais)"
                r"|(?:me|nous|lui|leur) doi(?:t|vent) (?:encore )?(?:\d+ (?:mois|semaines|jours)|de l'argent"
                r"|(?:mon|mes|son|ses|notre|nos|leur|leurs) (?:salaires?|loyers?|paies?|payes?|pensions?)))\b"),
     "impayé"),
    (re.compile(r"\b(?:decede|decedee|decedes|decedees|deceder|decedent)\b"), "décès"),
    (re.compile(r"\b(?:perd|perds|perdons|perdez|perdent|perdre|perdue?s?|egaree?s?)\b"), "perte"),
    (re.compile(r"\bvolees?\b"), "vol"),
    (re.compile(r"\b(?:abimee?s?|endommagee?s?|deteriorees?)\b"), "détérioration"),
    (re.compile(r"\b(?:rend|rembours|recuper|redonn)\w* (?:(?:le|la|mon|ma|ton|ta|son|sa|notre|votre|leur) )?"
                r"(?:depot de garantie|caution)\b"
                r"|\b(?:depot de garantie|caution) (?:[\w']+ ){0,5}?(?:rendue?|remboursee?|recuperee?)\b"),
     "restitution"),
)
"""Everyday phrasings of what the texts name with one word: « j'ai combien de temps pour changer d'avis ? » asks
for the délai de rétractation, « je me suis fait virer » for a licenciement, « le locataire n'a pas payé son loyer »,
« mon ex ne paie plus la pension », « l'employeur me doit 3 mois de salaire » for an impayé, the texts' one word
(« loyers impayés », « pension alimentaire impayée »; « non-paiement » too, but adding it weighed the notion twice
and led « mon patron ne me paye pas mes heures sup » away from the overtime fiche). « Mon conjoint est décédé » asks
about a « décès », the texts' noun, which shares no stem with the verb (« deced », « dec »): « … combien de jours de
congé ? » led with the fiche on days given to a parent whose child « est décédé », not the leave for a death in the
family. A thing « perdu », « égaré », « volée », « abîmé » or « endommagé » is the subject of fiches titled « en cas de
perte », « en cas de vol », « Détérioration du permis de conduire »: « Comment refaire un permis de conduire perdu ? »
led with « Permis de chasse perdu ou abîmé : quelles démarches pour le refaire ? », which shares the participle (the
forms that share the noun's stem already, « volé », « voler », « détérioré », get nothing more). A landlord « rend »,
« rembourse » a deposit, the tenant « récupère » it: the texts say « restitution » (« le dépôt de garantie doit être
restitué dans un délai maximal de 1 mois »). The verb « virer » is read only with a person (« virer de l'argent », « le
salaire est viré » are transfers); « doit » only as a debt already owed (« me doit 3 mois de salaire »), not as what
must be paid (« l'employeur me doit-il une indemnité ? »)."""

EVERYDAY_SENSES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"\b(?:(?:rend|rembours|gard|recuper|restitu|reten|retien|conserv|encaiss|vers|pay)\w* "
                r"(?:(?:ma|la|sa|notre|votre|leur|une|de|mon|son|ta) )?caution"
                r"|caution (?:[\w']+ ){0,3}?(?:rendue?|remboursee?|restituee?|recuperee?|gardee?|retenue?)"
                r"|caution (?:de|du|d') ?(?:l'|la |le |mon |ma |un |une )?(?:appartement|appart|logement|location|loyer"
                r"|bail|studio|maison))\b"),
     "caution", "dépôt de garantie"),
)
"""Words the texts use in another sense than the everyday phrasing does (phrasing, word, what the texts call it):
« ma caution » that the landlord keeps, gives back or holds back, or « la caution de l'appartement », is the dépôt
de garantie the tenant paid, the texts' « caution » being the person who stands surety (« se porter caution »,
« être caution d'un locataire »). The lexical lists read the texts' name in the word's place: added beside it, the
word still led to the surety fiches."""

_WORD = re.compile(r"[\w']+")
_QUESTION = re.compile(
    r"^(?:comment|combien|quel(?:le)?s?|qui|quand|ou|pourquoi|que|qu'|est-ce|c'est quoi|lequel|laquelle"
    r"|(?:a|dans|de|pour|par|en|sur|avec|depuis|jusqu'a) (?:quel|qui|combien|quoi|quand))\b"
    r"|\b\w+-(?:t-)?(?:je|tu|il|elle|on|ils|elles)\b"
)
"""An interrogative word first (« Comment… », « Dans quels cas… ») or a verb with its subject pronoun after it
(« puis-je », « a-t-on », « faut-il »). « vous » and « nous » are left out: « rendez-vous » is not a question."""


def lexical_query(query: str, expand: bool) -> str:
    """What the lexical lists search: the query in the texts' sense of its words (`in_the_texts_sense`), how the
    texts write its misspellings and short forms (`VARIANTS`) and the official words of its everyday phrasings,
    always (the texts never say « virer », and its stem finds « virement »); with `expand`, everything
    `expand_query` adds."""
    query = in_the_texts_sense(query)
    if expand:
        return expand_query(query)
    return " ".join([query, *_written_otherwise(query, VARIANTS), *named_in_phrases(query)])


def in_the_texts_sense(query: str) -> str:
    """The query with each word said in an everyday sense the texts name otherwise replaced by their name
    (`EVERYDAY_SENSES`)."""
    folded_query = _folded_words(query)
    for phrase, word, official in EVERYDAY_SENSES:
        if phrase.search(folded_query):
            query = re.sub(rf"\b{word}\b", official, query, flags=re.IGNORECASE)
    return query


def expand_query(query: str) -> str:
    """The query followed by the long forms of its acronyms, the corrected spellings of known misspellings and the
    official words for its everyday ones."""
    folded_words = [fold(word) for word in _WORD.findall(query)]
    additions = [ACRONYMS[word] for word in folded_words if word in ACRONYMS]
    additions += [EVERYDAY_NAMES[word] for word in folded_words if word in EVERYDAY_NAMES]
    additions += _written_otherwise(query, VARIANTS | SYNONYMS)
    return " ".join([query, *dict.fromkeys(additions + named_in_phrases(query))])


def _written_otherwise(query: str, forms: dict[str, str]) -> list[str]:
    """How the texts write the query's forms listed in `forms`."""
    folded_query = _folded_words(query)
    return [right for wrong, right in forms.items() if re.search(rf"\b{re.escape(wrong)}\b", folded_query)]


def named_in_phrases(query: str) -> list[str]:
    """The official words for the everyday phrasings of the query (`EVERYDAY_PHRASES`)."""
    folded_query = _folded_words(query)
    return [official for phrase, official in EVERYDAY_PHRASES if phrase.search(folded_query)]


def _folded_words(query: str) -> str:
    """The query's words, folded (the typographic apostrophe read as the straight one), one space apart."""
    return " ".join(_WORD.findall(fold(query)))


def is_question(query: str) -> bool:
    """Whether the query is phrased as a question rather than as keywords: a question says what it asks."""
    text = fold(query).strip()
    return text.endswith("?") or bool(_QUESTION.search(text))
