"""What a question asks for: an amount, a duration or deadline, an age, a count, who does it, a yes/no, a place,
documents, a procedure, a condition or a definition; and the words in a text or a heading that show it answers that."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import claims
from indexing.text import analyze, fold


@dataclass(frozen=True)
class Expectation:
    """One kind of answer: how a question asks for it, what a text holding it looks like, which headings hold it."""

    kind: str
    asked: re.Pattern[str]
    value: re.Pattern[str] | None
    """Present in a sentence that gives this kind of answer (an amount in €, a number of days…)."""
    headings: re.Pattern[str]
    """A heading under which this kind of answer sits (« Montant », « Délai »…)."""


def _pattern(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


NUMBER_WORD = r"(?:\d+(?:[,.]\d+)?|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente)"
TIME_UNIT = r"(?:jours?|mois|semaines?|ans|annees?|heures?|minutes?|trimestres?|semestres?)"
AMOUNT = r"\d[\d\s\u00a0\u202f.,]*\s?(?:€|euros?|%|pour\s?cent)"
PAID_BY_TIME = r"(?:de |d')(?:loyers?|salaires?|remunerations?)\b"
"""What a sum counted in time is counted in: « combien de mois de loyer », « combien de mois de salaire » ask for a
sum of so many months' rent or pay (« 1 mois de loyer hors charges », « 36 mensualités »), not for how long something
lasts nor for a sum in euros; « traitement » is left out, a medical treatment as often as a civil servant's pay."""
MEASURE = (r"(?:distances?|(?<!a quelle )hauteurs?|largeurs?|longueurs?|profondeurs?|dimensions?|surfaces?|"
           r"superficies?|tailles?(?! (?:de l'|d'|de la |du |de )(?:entreprises?|etablissements?|societes?|communes?))|"
           r"vitesses?|poids|puissances?)\b")
"""What a measure question asks (« À quelle distance… », « Quelle hauteur… », « À partir de quel poids… »): a
length, an area, a weight, a speed or a power, in its unit (« à 30 mètres au moins », « 3,5 tonnes »). « À quelle
hauteur » asks for a share (« prise en charge à hauteur de 50 % »); the size of a company or a town is counted in
employees or inhabitants, not measured."""
DURATION = rf"\b{NUMBER_WORD}(?:e|er|eme)?\s+{TIME_UNIT}\b"
AGE_PHRASE = re.compile(
    r"\b(?:agee?s? de|l'age de|(?:enfants?|jeunes?|personnes?|mineurs?|majeurs?|adultes?) (?:ages? )?"
    r"(?:de(?: moins de| plus de)?|entre))"
    r" (?:\d+(?:, | ou | et | a ))*\d+ ans\b|\b\d+ ans revolus\b"
    r"|\b(?:avant|a partir de) (?:ses |leurs )?\d+ ans\b(?! (?:de|d'))"
)
"""An age (« âgés de 16 à 25 ans », « un enfant de moins de 3 ans », « un mineur entre 15 et 17 ans », « un mineur
de 15, 16 ou 17 ans », « 17 € avant 15 ans », « à partir de 18 ans »): a number of years that is no length of time.
« avant 2 ans de mariage » counts years of something: a length of time."""
LENGTH_OR_WEIGHT = r"(?:metres?|kilometres?|km|centimetres?|cm|kilos?|kg|tonnes?)"
COUNTED = re.compile(
    rf"\bcombien (?:de |d')(?!(?:temps|argent|euros?|{TIME_UNIT[3:-1]}|{LENGTH_OR_WEIGHT[3:-1]})\b)([a-z]+)"
)
"""« Combien de chiffres… », « combien de points… »: a count of the noun that follows, unless it is a time, money,
a length or a weight."""

PAYING = (r"(?:pai\w*|pay(?!s\b)\w*|touch\w*|percev\w*|percoi\w*|percu\w*|vers(?:e|es|ent|er|era|eront|ee|ees)\b|"
          r"rembours\w*|pret(?:e|es|er|era)\b|emprunt\w*|financ\w*|dedui\w*|recuper\w*|gagn\w*|cout\w*|"
          r"rapport(?:e|ent|era)\b|vaut\b|valent\b|compter\b|factur\w*|indemnis\w*|remuner\w*)")
"""The verbs of paying, being paid and costing, in any of their forms (« on me paie », « je suis payé », « me
verse », « coûtera »): with « combien » they ask an amount (`EXPECTATIONS`), unless « combien » counts something
else (« Combien de temps vais-je toucher le chômage ? », « Combien de trimestres pour toucher… »)."""
MONEY = r"(?:argent|euros?|chomage|retraite|pensions?|allocations?|indemnites?|aides?|salaires?|primes?)"
"""What « combien de … » counts in euros (« Je touche combien de chômage ? »)."""

NO_STEP = r"\baucune? (?:demarche|formalite|demande)s?\b|\bd'office\b"
"""That there is no step to take answers how to go about it: « Vous n'avez aucune démarche à faire », « inscrit
d'office ». Not « automatiquement », which says how a thing is done as often (« une part des allocations vous est
automatiquement versée » to « comment est répartie la part de quotient familial ? »)."""

PAID_MANNER = r"(?<!conges )(?:versee?s?|payee?s?|attribuee?s?|remboursee?s?|remuneree?s?|reglee?s?|indemnisee?s?)"
"""« Comment la prime est-elle versée ? », « Comment sont payées les heures supplémentaires ? »: how a sum is paid,
not a step the asker takes; « congés payés » is a name."""
ASKS_PAID_MANNER = rf"[^?]*\b{PAID_MANNER}\b"
"""What follows « comment » in a question on how a sum is paid."""
PAID_HOW = (rf"\ben {NUMBER_WORD} (?:fois|versements?)\b|\ben une (?:seule )?fois\b|"
            r"\b(?:chaque|tous les|toutes les) (?:mois|trimestres?|ans|annees?|semaines?|jours?)\b|"
            r"\b(?:mensuel|trimestriel|semestriel|annuel|hebdomadaire)|\bpar (?:virement|cheque|mois|trimestre|an)\b|"
            r"\ben deduction\b|\bdirectement\b|\bd'office\b|\bautomatique|\ba terme echu\b|\bmajore")
"""What says how a sum is paid: in so many instalments, how often, by what means, to whom directly, deducted from
what, at what rate (`AMOUNT`)."""

EXPECTATIONS: tuple[Expectation, ...] = (
    Expectation(
        "montant",
        _pattern(
            rf"\bcombien (?:de |d'){MONEY}\b",
            r"\b(?:montant|prix|tarifs?|couts?|coute|coutent|frais|somme|taux|pourcentage|bareme|remuneration|salaire|"
            r"majorations?)\b",
            rf"\bcombien\b(?! (?:de |d')(?!{MONEY}\b)).{{0,40}}\b(?:euros?|{PAYING})",
            rf"\b{PAYING}.{{0,15}}\bcombien\b(?! (?:de |d')(?!{MONEY}\b))",
            r"\bc'est combien\b",
            r"\bcombien par (?:jour|semaine|mois|an|annee|heure)\b",
            r"\bjusqu'a combien\b(?! de)",
            r"^(?:quel|quelle|quels|quelles) (?:indemnites?|allocations?|primes?|pensions?|aides?|sommes?)\b",
            r"^(?:quel|quelle|quels|quelles) (?:est|sont|sera|seront) (?:l'|le |la |les )(?:indemnites?|pensions?)\b",
            r"\b(?:a combien s'elev|de combien (?:est|sera))",
            r"\b(?:est-(?:il|elle|ce)|c'est) (?:gratuit|payant)",
            r"\ba quelle hauteur\b",
        ),
        _pattern(AMOUNT, r"\bgratuit", r"\bpayant",
                 r"(?:\d|\bfois|\bquarts?|\btiers|\bmoitie)[^.;:]{0,15}\b(?:smic|salaires?|remunerations?|traitements?|"
                 r"loyers?)\b"),
        _pattern(r"\b(?:montant|cout|prix|tarif|calcul|bareme|remuneration|frais|taux)"),
    ),
    Expectation(
        "mensualites",
        _pattern(rf"\bcombien de {TIME_UNIT} {PAID_BY_TIME}"),
        _pattern(rf"\b{NUMBER_WORD}\s+(?:{TIME_UNIT} {PAID_BY_TIME}|mensualites?\b)"),
        _pattern(r"\b(?:montant|calcul|bareme|remuneration|plafond|limite)"),
    ),
    Expectation(
        "duree",
        _pattern(
            rf"\bcombien de (?:temps|{TIME_UNIT}(?! {PAID_BY_TIME}))",
            r"\b(?:duree|delai|delais|jusqu'a quand|a partir de quand|depuis quand|date|periode|anciennete|preavis)\b",
            r"^quand\b",
            r"\bquand\s*\?|\bquand est-ce\b",
            r"\bcombien d'heures\b",
            r"\ba quel moment\b",
        ),
        _pattern(
            DURATION,
            r"\b(?:avant|apres|au plus tard|jusqu'au|a compter|des) (?:le|la|du|de)\b",
            r"\b(?:immediatement|sans delai|le jour meme|le lendemain|chaque annee|\d{1,2}(?:er)? \w+ \d{4})\b",
        ),
        _pattern(r"\b(?:duree|delai|date|periode|calendrier|quand|preavis|validite)"),
    ),
    Expectation(
        "age",
        _pattern(
            r"\b(?:quel|a quel|de quel|jusqu'a quel) age\b",
            r"\bage (?:minimum|maximum|minimal|maximal|limite|requis)\b",
        ),
        _pattern(
            r"\b(?:age de|agee?s? de|des|a partir de|avant|apres|moins de|plus de|au moins|entre|jusqu'a|avoir|ont|a) "
            r"(?:l'age de )?\d+ (?:ans|et \d+ ans)\b",
            r"\b\d+ ans (?:revolus|ou plus|et plus|minimum)\b",
            r"\b(?:des|a partir de|avant|apres) (?:la |sa |leur )?naissance\b",
        ),
        _pattern(r"\bage\b"),
    ),
    Expectation(
        "nombre",
        COUNTED,
        _pattern(r"\b\d+\b", r"\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|"
                 r"cent|mille)\b"),
        _pattern(r"\bnombre\b"),
    ),
    Expectation(
        "mesure",
        _pattern(
            rf"\b(?:a |de |jusqu'a )?(?:quel|quelle|quels|quelles) (?:est la |sont les )?{MEASURE}",
            rf"\bcombien de {LENGTH_OR_WEIGHT}\b",
        ),
        _pattern(rf"\b{NUMBER_WORD}\s?(?:{LENGTH_OR_WEIGHT[3:-1]}|m|m2|m3|mm|millimetres?|kilogrammes?|km/h|cv|kw)"
                 r"(?![\w/])"),
        _pattern(rf"\b{MEASURE}"),
    ),
    Expectation(
        "acteur",
        _pattern(r"^qui (?!peut|peuvent|a droit|ont droit|est concerne|sont concernes|beneficie)\w+",
                 r"^par qui\b", r"\b(?:quel|quelle) (?:organisme|autorite|instance) (?:fixe|decide|verse|paie|paye)"),
        _pattern(r"\b(?:par|aupres de) (?:la|le|l'|les|votre|son|sa|ses|un|une)\b",
                 r"\bc'est (?:la|le|l'|au|a la|aux)\b", r"\b(?:revient|appartient|incombe)(?:nt)? a",
                 r"\ba la charge d"),
        _pattern(r"\bqui\b"),
    ),
    Expectation(
        "lieu",
        _pattern(
            r"^(?:ou|a qui|aupres de qui|aupres de quel|a quel)\b",
            r"\bou (?:s'adresser|faire|deposer|envoyer|demander|obtenir|trouver|se renseigner)\b",
            r"\b(?:quel|quelle) (?:organisme|service|administration|guichet|mairie|tribunal)\b",
        ),
        _pattern(
            r"\b(?:mairie|prefecture|caf|cpam|urssaf|msa|tribunal|france travail|service|centre|organisme|en ligne|"
            r"site|guichet|notaire|consulat|commissariat|gendarmerie|conseil|caisse|administration|aupres)\b",
        ),
        _pattern(r"\b(?:ou s'adresser|adresser|organisme|lieu|contact|aupres)"),
    ),
    Expectation(
        "documents",
        _pattern(
            r"\b(?:quels?|quelles?) (?:documents?|pieces?|justificatifs?|papiers?|formulaires?|attestations?)\b",
            r"\b(?:pieces? justificatives?|fournir|justificatifs?)\b",
            r"\b(?:que|quoi)\b[^?]{0,30}\b(?:joindre|apporter)\b",
        ),
        _pattern(r"\b(?:justificatif|piece|document|formulaire|attestation|certificat|copie|cerfa|carte)"),
        _pattern(r"\b(?:pieces?|documents?|justificatifs?|dossier|formulaires?)"),
    ),
    Expectation(
        "versement",
        _pattern(rf"^(?:comment|de quelle (?:maniere|facon)|sous quelle forme)\b{ASKS_PAID_MANNER}"),
        _pattern(PAID_HOW, AMOUNT),
        _pattern(r"\b(?:versement|paiement|modalites|remboursement|remuneration)"),
    ),
    Expectation(
        "demarche",
        _pattern(rf"^comment\b(?!{ASKS_PAID_MANNER})",
                 r"\b(?:demarches?|procedure|que faire|comment faire|etapes|faire une demande)\b"),
        _pattern(r"\b(?:doit|doivent|devez|faut|pouvez|peut|peuvent|demande|adresse|remplir|envoyer|deposer|"
                 r"en ligne|formulaire|saisir)", NO_STEP),
        _pattern(r"\b(?:demarche|procedure|comment|demande|faire|etapes)"),
    ),
    Expectation(
        "condition",
        _pattern(
            r"\b(?:conditions?|qui peut|eligibles?|a droit|ai-je droit|avoir droit|ont droit|beneficier|"
            r"peut-on beneficier|suis-je concerne)\b",
        ),
        _pattern(r"\b(?:si|lorsque|a condition|doit|doivent|remplir|etre age|avoir|justifier|sous reserve)\b"),
        _pattern(r"\b(?:conditions?|beneficiaires?|qui|eligib|personnes concernees|droit)"),
    ),
    Expectation(
        "definition",
        _pattern(
            r"\b(?:qu'est-ce qu|qu'est ce qu|c'est quoi|definition|que signifie|a quoi sert|a quoi servent|"
            r"quelle difference|quelles differences|de quoi s'agit)",
        ),
        _pattern(r"\b(?:est|sont|permet|permettent|designe|correspond|consiste|s'agit|se situe)\b"),
        _pattern(r"\b(?:definition|de quoi s'agit|principe|qu'est-ce)"),
    ),
)

VALUE_VERB = (
    r"(?:est|sont|s'eleve(?:nt)?|atteint|dure(?:nt)?|(?:est |sont )?(?:fixee?s?|egale?s?|portee?s?|limitee?s?))"
)
STATED = {
    "montant": re.compile(
        rf"\b(?:montant|prix|cout|tarif|taux|somme|majoration)\b[^.;:]{{0,80}}\b{VALUE_VERB} (?:a |de |au |d'environ )?"
        rf"(?:\w+ ){{0,3}}{AMOUNT}|\bcoute(?:nt)? {AMOUNT}|\b(?:montant|prix|cout|tarif|taux)\b[^.;:]{{0,40}}: {AMOUNT}"
    ),
    "duree": re.compile(
        rf"\b(?:duree|delai|preavis|periode)\b[^.;:]{{0,80}}\b{VALUE_VERB} (?:a |de |au |d'au (?:moins|plus) )?"
        rf"(?:\w+ ){{0,4}}{DURATION}|\b(?:duree|delai|preavis|periode) (?:[\w']+ ){{0,3}}(?:de|d'au moins|d'au plus) "
        rf"{DURATION}|\bdure(?:nt)? (?:\w+ ){{0,2}}{DURATION}|\b(?:duree|delai|preavis)\b[^.;:]{{0,40}}: {DURATION}"
    ),
    "documents": re.compile(
        r"\b(?:joindre|joint|jointe|jointes|joints|fournir|fournissez|presenter|presentez|produire|apporter|"
        r"accompagnee? d[eu']|munir|munissez-vous d[eu'])\s?(?:[\w']+ ){0,4}?"
        r"(?:(?:une |la |les |l'|des |d'|votre |vos )?(?:copies?|photocopies?|justificatifs?|pieces?|documents?|"
        r"attestations?|certificats?|formulaires?|originaux|original|preuves?))\b"
    ),
}
"""How a text states the value of what an amount, a duration or a documents question asks: the kind's own word, a
verb of being or fixing, then the value (« Le montant du Smic horaire brut actuel est de 10,15 € », « Les IJ sont
versées après un délai de carence de 3 jours »), or a table cell under the kind's column (« Durée du congé: 3
jours »); for documents, a verb of giving them (« joindre une copie de la décision de refus », « fournir les
justificatifs suivants »), not a document merely named (« votre demande de communication d'un document
administratif »)."""
DEADLINE_BY_DUTY = re.compile(
    rf"\b(?:doit|doivent|devez|dois|faut)\b[^.;:]{{0,60}}\b(?:dans les|dans un delai de|au plus tard) "
    rf"{DURATION} (?:qui (?:suivent|suit|precedent)|suivant|avant|apres|a compter)"
)
"""A deadline set by a duty (« La déclaration doit être faite dans les 5 jours qui suivent l'accouchement »): the
value a question of when asks, not one of how long something lasts."""
ASKS_HOW_LONG = re.compile(
    r"\bcombien de temps (?:dure|durent|va durer|vont durer)\b|\bdure(?:nt)? combien\b|\b(?:quelle|la) duree\b"
)
DEADLINE_WORD = re.compile(r"\bdelais?\b")
"""« Un délai de 4 mois » is a time allowed to do something: to a question of how long something lasts, a sentence
naming it states no value."""
ASKS_WHEN = re.compile(r"\b(?:delais?|quand|date|a quel moment|jusqu'a quand|a partir de quand|au plus tard)\b")
"""A question of how long something lasts (`ASKS_HOW_LONG`) that also names a deadline or a date (« Combien de temps
dure le délai de rétractation ? ») asks about that deadline: its « délai » sentences answer it."""

YES_NO_VALUE = re.compile(
    r"\b(?:doit|doivent|obligation|obligatoire|oblige|peut|peuvent|interdit|interdite|droit|possible|impossible|"
    r"autorise|autorisee|tenu|tenue|n'est pas|ne peut pas|n'a pas)\b"
)
"""A sentence that settles a yes/no question states an obligation, a right, a possibility or a ban."""

YES_NO = re.compile(
    r"(?:^|[,;:]\s*)(?:et |mais |alors |donc )?(?:est[- ]ce qu|esque |eske |y a[- ]t[- ]il)"
    r"|\b[a-z]+-(?:t-)?(?:il|elle|ils|elles|on|je|nous|vous)\b"
    r"|\ba t (?:il|elle|on)\b|\b(?:peut|peuvent|doit|doivent|dois|faut|ai|est|sont|suis|avons|avez|pouvons"
    r"|pouvez|devons|devez) (?:il|elle|ils|elles|on|je|nous|vous)\b"
)
"""« Peut-on… », « Un hôtel doit-il… », « Est-ce que… », also after the situation the asker tells first (« Je suis
étudiant, j'ai 22 ans, est-ce que je peux toucher le RSA ? »): the answer is a yes or a no, then its condition.
Typed fast too, without the hyphens (« est ce que la prime d'activité est versée aux étudiants ? », « peut on… »,
« a t il droit… », « esque »; not « peux je » nor « puis je », which also read « si je peux je pars », « et puis je
pars »): read as a statement, the first question was answered with when the prime is paid.
(« quand » counts as a question of time only where it opens the question: inside, it is the conjunction.)"""
INTERROGATIVE = re.compile(
    r"^(?:[^:?]*:\s*)?(?:(?:a partir de|dans|a|pour|de|en|par|sur|avec|depuis|jusqu'a|aupres de|d')\s*)?"
    r"(?:quels?|quelles?|comment|combien|ou|quand|pourquoi|qui|que|qu'|quoi|lesquel(?:le)?s?|lequel|laquelle)\b"
)
"""A question opening on an interrogative word (« Dans quels cas peut-on… », « Quand doit-on… ») asks for that,
not for a yes or a no, whatever verb it inverts."""


ASKED_BY_TONE = re.compile(r"(?:^|[.!?]\s+)(?P<last>[^.!?]+)\?\s*$")
"""The last sentence of a question asked by its tone alone, its question mark (« … mon RSA continue d'être versé ? »,
« cumul aah et rsa possible ? »)."""
ASKS_SOMETHING = re.compile(
    r"\b(?:quels?|quelles?|comment|combien|quand|pourquoi|qui|quoi|lequel|laquelle|lesquel(?:le)?s|qu'est-ce)\b"
    r"|\bou\s*$|^\s*ou\b"
)
"""An interrogative word anywhere in that sentence (« il doit me rendre quoi ? », « … doit demander une permission à
qui ? »): it asks for that; « ou » only first or last, where it is « où » (« …, salaire maintenu ou non ? » asks a yes
or a no)."""


ASKED_MODALITY = {
    "obligation": re.compile(r"\b(?:faut|dois|doit|doivent|devons|devez|devrai[st]?|devra|devront|obligee?s?"
                             r"|obligatoire\w*|tenue?s?|necessaire|besoin d|exige)\b"),
    "permission": re.compile(r"\b(?:peux|peut|peuvent|pouvons|pouvez|pourrai[st]?|pourra|pourront|puis"
                             r"|(?:le|du) droit|possible|permise?s?|interdite?s?|autorisee?s?)\b"),
}
"""What a yes/no question asks about: a duty (« Faut-il… », « Est-on obligé… », « Est-ce que je dois… », « Mes
enfants doivent-ils… ») or a permission (« Peut-on… », « Est-ce que je peux… », « A-t-on le droit… », « C'est
interdit ? »): the first one the question names, its main verb (« Mon patron peut-il m'obliger à… » asks a
permission)."""
SETTLES = {
    "obligation": re.compile(
        r"\b(?:n'(?:est|etes|sont|ont|avez|a|etait) pas (?:obligatoire|necessaire|oblige|tenue?s?|exige|besoin|a)"
        r"|(?:pas|aucune?) (?:de |d')?(?:demarche|formalite|obligation)s?\b|est (?:obligatoire|necessaire|exige)"
        r"|doi(?:t|vent|vez) obligatoirement|(?:est|sont|etes) (?:obligee?s?|tenue?s?) de"
        r"|(?:est|sont) facultati(?:f|ve)s?|(?:etes|est|sont) libres? de|s'imposen?t?|(?:est|sont) requise?s?)"),
    "permission": re.compile(
        r"\b(?:(?:est|sont) (?:interdite?s?|autorisee?s?)|n'(?:est|sont) pas (?:autorise|permis|possible|interdit)"
        r"|ne (?:peu(?:t|vent)|pouvez) (?:pas|ni|en aucun cas)|(?:a|ont|avez) le droit|(?:etes|est|sont) libres? de"
        r"|ne constitue pas une infraction)"),
}
"""A sentence that settles a duty or a permission, either way: « La transcription n'est pas obligatoire », « Vous
n'avez pas de démarche à effectuer », « La contribution … est facultative », « La remise de l'attestation
s'impose », « La pratique est interdite sur un mineur », « Vous êtes libre de changer d'avocat », « Cela ne constitue
pas une infraction »; not « il est possible de… », which most sentences of a fiche say of something."""
OWED = re.compile(
    r"\b(?:doi(?:t|vent)|devra(?:nt)?) (?:obligatoirement |imperativement )?etre (?:integralement )?"
    r"(?:restitue|rembourse|verse|paye|remis|rendu|accorde|attribue|octroye|donne|indemnise|remunere|regle)e?s?\b"
)
"""A duty to give something, said of the thing (« le dépôt de garantie doit être restitué dans un délai maximal de
1 mois »): it answers « Le bailleur doit-il rembourser le dépôt de garantie ? » when it is said of what the question
asks to be given (`Asked.about`)."""
HAVING_VERB = re.compile(r"\b(?:toucher|percevoir|beneficier|obtenir|recevoir|avoir|prendre|payer|verser|rembourser|"
                         r"indemniser|remunerer|accorder|octroyer|donner)\b")
"""What a right answers: may one have something (« Puis-je toucher le chômage… ? »), must someone give it (« Mon
employeur doit-il me payer les heures supplémentaires ? »); not may one do something (« Peut-on refuser une heure
supplémentaire ? »), which « Les heures supplémentaires ouvrent droit à une majoration » does not say."""


@dataclass(frozen=True)
class Asked:
    kinds: tuple[Expectation, ...]
    yes_no: bool
    counted: str = ""
    """The noun a « combien de … » question counts (« chiffres »), folded."""
    modality: str = ""
    """What a yes/no question asks about (`ASKED_MODALITY`): "obligation", "permission" or ""."""
    about: frozenset[str] = frozenset()
    """The question's own terms (analysed) when it asks whether one may have or must give something
    (`HAVING_VERB`), to tell a right to what it asks from a right to something else; empty otherwise."""
    how_long: bool = False
    """The question asks how long something lasts (« Combien de temps dure le congé paternité ? »), not when
    something is due."""

    @property
    def asks_value(self) -> bool:
        return bool(self.kinds) or self.yes_no

    def expects_value(self, text: str) -> bool:
        """The text holds the kind of value the question asks for (true when it asks for none). A yes/no question
        that also asks a value (« …, encore dans les délais ? », « c'est payant ? ») is answered by the value: « peut
        saisir le conseil de prud'hommes » settles no délai."""
        folded = fold(text)
        if "age" not in self.names:
            folded = AGE_PHRASE.sub(" ", folded)
        patterns = [kind.value for kind in self.kinds if kind.value is not None]
        if self.yes_no and not patterns:
            patterns.append(YES_NO_VALUE)
        return not patterns or any(pattern.search(folded) for pattern in patterns)

    def states_value(self, text: str) -> bool:
        """The text states the value asked by naming what it is (`STATED`); to a question of when, sets it as a
        deadline (`DEADLINE_BY_DUTY`: « Le congé doit débuter dans un délai de 4 mois suivant la naissance » does
        not say how long the congé lasts); settles the duty or permission asked (`SETTLES`); or states a right to
        what the question asks to have or to be given (`about`): « Le salarié a également droit aux allocations de
        chômage » to « Puis-je toucher le chômage… ? », « Les heures supplémentaires ouvrent droit à une majoration »
        to « Mon employeur doit-il me payer les heures supplémentaires ? », or a duty to give it (`OWED`); not « il a
        droit aux indemnités suivantes » to « Peut-on être licencié… ? »."""
        folded = DEADLINE_WORD.sub(" ", fold(text)) if self.how_long else fold(text)
        if any(STATED[kind.kind].search(folded) for kind in self.kinds if kind.kind in STATED):
            return True
        if "duree" in self.names and not self.how_long and DEADLINE_BY_DUTY.search(folded):
            return True
        if self.counted and _counts(folded, self.counted):
            return True
        if self.modality and any(set(analyze(words)) & self.about for words in claims.rights(folded)):
            return True
        owed = OWED.search(folded) if self.modality == "obligation" else None
        if owed and set(analyze(folded[:owed.start()])) & self.about:
            return True
        return bool(self.modality) and SETTLES[self.modality].search(folded) is not None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(kind.kind for kind in self.kinds) + (("oui/non",) if self.yes_no else ())


TOPIC = re.compile(r"^(?:[^:?()]|\([^():?]*\)){1,80}:\s*(?=\S)")
"""« Appel d'un jugement : comment acheter un timbre fiscal ? »: the topic, then the question it asks. A colon inside
brackets is not one (« …une catégorie de salariés (ex : cadres) ? »)."""


RATE_MEASURES = {
    measure: re.compile(rf"\b{said}\b")
    for measure, said in {
        "an": r"(?:par an|par annee|pour (?:une |l')annee(?: complete| civile)?|chaque annee)",
        "mois": r"(?:par mois|pour un mois(?: complet)?|chaque mois)",
        "semaine": r"(?:par semaine|pour une semaine(?: complete)?|chaque semaine)",
        "jour": r"(?:par jour|pour une journee|chaque jour)",
        "heure": r"(?:par heure|de l'heure|pour une heure)",
    }.items()
}
"""How a text says « per year »… (« congés annuels » names the leave, it gives no rate)."""
ASKED_RATE = re.compile(r"\bpar (an|annee|mois|semaine|jour|heure)\b")
NUMBER = re.compile(r"\d")


def asked_rate(question: str) -> str | None:
    """The measure of a rate the question asks (« …par an ? » → "an"), if it asks one."""
    found = ASKED_RATE.search(fold(question))
    if found is None:
        return None
    return "an" if found.group(1) == "annee" else found.group(1)


def states_rate(folded: str, measure: str) -> bool:
    """The folded text gives a number for that measure (« 30 jours ouvrables pour une année complète »)."""
    return bool(NUMBER.search(folded)) and RATE_MEASURES[measure].search(folded) is not None


def asked_after_topic(question: str) -> str | None:
    """What « Topic : question ? » asks after its topic; None without a topic, or when the part before the colon is
    itself the question (« Comment payer le permis de conduire : permis à un euro, apprenti… ? »)."""
    topic = TOPIC.match(question)
    if topic is None or INTERROGATIVE.match(fold(topic.group())):
        return None
    return question[topic.end():]


GREETING = re.compile(r"^(?:(?:bonjour|bonsoir|salut|madame|monsieur)\b[\s,.!:;-]*)+")
"""« Bonjour, comment… »: what the question asks starts after the greeting."""


def _counts(folded: str, counted: str) -> bool:
    """The folded text gives a number of the counted noun (« composé de 14 chiffres » for « chiffres »)."""
    stem = counted[:-1] if counted.endswith(("s", "x")) else counted
    return re.search(rf"\b(?:\d+|{NUMBER_WORD})\s+(?:[a-z']+\s+)?{re.escape(stem)}", folded) is not None


ASKING_CLAUSE = re.compile(
    r"[.,;:!?]\s+(?:et |mais |alors |donc |du coup )?(?=(?:quels?|quelles?|comment|combien|où|quand|pourquoi|à qui"
    r"|auprès de qui|lequel|laquelle|lesquel(?:le)?s)\b)",
    re.IGNORECASE,
)
"""Where the sentence that asks begins after the asker's story (« Je viens de déménager, quand dois-je… ? », « Je
n'ai pas reçu ma carte, où est-elle passée ? »): an interrogative word opening the last clause. Read before folding:
« où » is no « ou »; « que » and « qui » after a comma open relative clauses as often as questions."""


def _asked_by_tone(folded: str) -> bool:
    """A question whose last sentence ends on its question mark and holds no interrogative word asks a yes or a no
    (« Je pèse 47 kilos, je peux donner mon sang ? », « Les visites médicales de bébé à la PMI, c'est payant ? »)."""
    found = ASKED_BY_TONE.search(folded)
    return found is not None and ASKS_SOMETHING.search(found.group("last")) is None


def asking_clause(question: str) -> str | None:
    """The last clause of the question when an interrogative word opens it after the story, else None."""
    found = list(ASKING_CLAUSE.finditer(question))
    return question[found[-1].end():] if found else None


def read_question(question: str) -> Asked:
    folded = GREETING.sub("", fold(question).strip())
    asked = TOPIC.sub("", folded)
    clause = asking_clause(question)
    kinds = tuple(kind for kind in EXPECTATIONS if kind.asked.search(folded) or kind.asked.search(asked))
    counted = COUNTED.search(folded)
    yes_no = (YES_NO.search(folded) is not None or _asked_by_tone(folded)) and not INTERROGATIVE.search(folded) \
        and clause is None
    named = [(found.start(), name) for name, pattern in ASKED_MODALITY.items() if (found := pattern.search(asked))]
    modality = min(named)[1] if named else ""
    how_long = ASKS_HOW_LONG.search(asked) is not None and ASKS_WHEN.search(asked) is None
    return Asked(kinds, yes_no, counted.group(1) if counted else "", modality if yes_no else "",
                 frozenset(analyze(asked)) if HAVING_VERB.search(asked) else frozenset(), how_long)
