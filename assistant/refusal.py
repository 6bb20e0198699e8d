"""When to refuse: requests to bend the rules, questions outside public service, retrieval not relevant enough."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.compose import INTERROGATIVE_TERMS
from assistant.grammar import parse
from assistant.key_terms import FRAMING_TERMS, asked_text
from assistant.prompt import NOT_FOUND
from assistant.verify import content_words, family, naming_terms
from assistant.workplace import setting_words
from guichet.config import Settings
from indexing.model import Passage
from indexing.profiles import profile_for
from indexing.search import DENSE, OTHER_QUESTION
from indexing.text import fold
from redaction.unicode_fold import INVISIBLES

if TYPE_CHECKING:
    from indexing.search import Searcher

REASON_INJECTION = "injection"
REASON_FRAUD = "fraud"
REASON_OUT_OF_SCOPE = "out_of_scope"
REASON_NOT_FOUND = "not_found"
REASON_UNKNOWN_TERMS = "unknown_terms"
REASON_NO_QUESTION = "no_question"
REASON_NO_WORDS = "no_words"

PASSAGES_JUDGED = 3
FULL_COVERAGE_TERMS = 5
"""A passage that holds five of the question's terms covers it: a question told as a story (« J'ai percuté un
sanglier hier soir sur la départementale, tout l'avant de la voiture est enfoncé. Je suis assuré au tiers… ») names
the asker's circumstances, which no official text holds, beside what it asks. Development sets, search unchanged:
natural questions refused for relevance 11 → 4 of 120, reference questions 9 → 5 of 93, unanswerable (35 of 40) and
invented questions (10 of 44) refused for it as before; four terms let two invented questions through."""
NEAREST_LISTED = 3

_INJECTION_PATTERNS = (
    r"\b(ignor|oubli|neglig|contourn)\w*\b.{0,40}\b(instr\w+|consigne|regle|directive|promp?t|filtre|masquage)",
    r"\b(tes|vos|ton|votre) (consignes|instructions|directives|regles|prompt)\b",
    r"\b(regles|consignes|instructions) que ton (developpeur|createur|concepteur)",
    (r"\b(ne (plus|pas) masquer|demasqu\w*|sans (le |aucun )?masquage|non masque\w*|vraies? (valeurs?|noms?)"
     r"|(desactiv|supprim|enlev|retir)\w* (l'|le |la )?(anonymisation|masquage|pseudonymisation|filtre))"),
    r"\b(jetons?|balises?|etiquettes?) de masquage\b|\[(personne|nir|telephone|adresse)(_\d+)?\]",
    r"\b(une|un) (ia|assistant|intelligence artificielle) sans (aucune |aucun )?(restriction|limite|filtre|censure)",
    r"\b(imagine|fais comme si|fais semblant|admettons) (que )?(tu es|tu etais|d'etre)\b",
    r"\btout ce que (tu sais|vous savez|tu as|vous avez|tu connais|vous connaissez) sur\b",
    (r"\b(questions?|demandes?|conversations?)\b.{0,20}\b(posees?|faites?|envoyees?)\b.{0,40}"
     r"\b(par (l'|un |une |mon |ma |mes |les |d'autres )?(agents?|collegues?|usagers?))"),
    r"\b(dont|que) (mon|ma|un|une) (collegue|agent)\w* t'a (parle|dit|donne|ecrit|transmis|communique|envoye|fourni)",
    (r"\b(redonne|rappelle|retrouve)\w*\b.{0,20}\b(son|sa|ses|leur) (adresse|numero|telephone|nir|iban"
     r"|coordonnees|date de naissance)"),
    r"\b(base de connaissances?|documents? internes?)\b.{0,40}\b(brute?s?|confidentiel\w*|internes?)\b",
    (r"\b(genere|invente|cree|fabrique|produis|donne)\w*\b.{0,40}\b(vrais|valides|reels)\b.{0,30}"
     r"\b(numeros? de securite sociale|nir|iban|numeros? fiscaux?)"),
    r"\b(ignore|disregard|forget)\b.{0,30}\b(instruction|rule|prompt)",
    r"\b(prompt|message|instructions?|consignes?)\s+(systeme|system|initia\w*|cache\w*)",
    r"\bsystem prompt\b",
    (r"\b(revele|affiche|montre|donne|repete|recite|imprime|ecris|copie|divulgue)\w*\b.{0,40}"
    r"\b(consignes|instructions|regles|prompt|configuration|mot de passe|cle api|secret)"),
    (r"\b(tu es|vous etes|agis|fais comme si|joue le role|fais semblant)\b.{0,30}\b(desormais|maintenant|plus)\b.{0,30}"
    r"\b(assistant|ia|modele|chatgpt|libre|sans (limite|restriction|filtre))"),
    r"\b(mode|role)\s+(developpeur|developer|admin\w*|debug|dan|sans restriction)\b",
    r"\bjailbreak|\bdan\b.{0,20}\b(mode|maintenant)",
    (r"\b(questions?|demandes?|conversations?|historique|dossiers?|requetes?)\b.{0,40}"
    r"\b(autres? (agents?|usagers?|utilisateurs?|personnes?|collegues?)|precedent\w* utilisateur)"),
    r"\b(journa(l|ux)|logs?|audit|base de donnees)\b.{0,40}\b(affiche|montre|donne|lis|extrai|export)",
    r"\b(affiche|montre|donne|lis|extrai|export)\w*\b.{0,40}\b(journa(l|ux)|logs?|audit|base de donnees)\b",
    (r"\b(donne|affiche|montre|trouve|cherche|communique|envoie|retrouve|liste|indique|quel|quelle|quels|quelles"
     r"|connais|sais)\w*\b.{0,30}"
     r"\b(adresse|telephone|numero de securite sociale|nir|date de naissance|iban|email|courriel|salaire|dossier)\b"
     r".{0,40}\b(de (monsieur|madame|m\.|mme)|d'un (usager|agent|allocataire) (nomme|appele))"),
    (r"\b(donnees personnelles|informations personnelles|coordonnees)\b.{0,40}\b(de|d'un|d'une|des)\b.{0,30}"
    r"\b(usager|agent|allocataire|personne|monsieur|madame|citoyen|voisin|collegue)"),
    r"<\s*/?\s*(system|sources?|question|instructions?)\s*>",
    (r"\b(calcul|devin|reconstitu|retrouv|complet)\w*\b.{0,40}\b(chiffres? manquants?|chiffres? masques?"
     r"|(numero|nir|iban|valeurs?|donnees?) masque\w*)"),
    (r"\b(adresse|telephone|numero|nir|iban|date de naissance|coordonnees)s?\b.{0,60}"
     r"\b(saisi|tape|entre|note|enregistre)e?s?\b.{0,30}"
     r"\b(tout a l'heure|aujourd'hui|hier|ce matin|cet apres-midi|par (mon|ma|un|une) collegue)"),
    (r"\b(ecri|redig|genere|envoi|fai)\w*\b.{0,30}\b(sms|mail|courriel|message|lettre)\b.{0,60}"
     r"\b(ressembl\w*|imit\w*|comme si|se faisant passer|signe de son nom|au nom d)"),
    (r"\b(genere|invente|cree|fabrique|produis)\w*\b.{0,30}\b(une? )?(fausse |nouvelle )?identite "
     r"(complete|credible|fictive)"),
    r"\bcomme si tu etais (m\.|mme|monsieur|madame|un agent|une agente|une conseillere|un conseiller)",
    (r"\b(olvida|ignora|esquece|ignore|vergiss|dimentica)\w*\b.{0,30}\b(instrucciones|instrucoes|regras"
     r"|reglas|anweisungen|regeln|istruzioni|regole)"),
    r"[\"']role[\"']\s*:\s*[\"']system[\"']",
    r"\bne (masque|masquez|cache) (rien|plus rien|aucune? donnee)|\bn'enregistre (rien|plus rien)\b",
    r"\b(decode|dechiffre|execute)\w*\b.{0,40}\b(base ?64|hexadecimal|rot ?13|l'instruction)",
    r"!\[[^\]]*\]\(\s*https?://",
    (r"\bje suis (le |la |un |une )?(developpeu\w*|administrat\w*|admin|mainteneu\w*)\b.{0,30}"
     r"\b(guichet|assistant|systeme|application|outil)"),
    (r"\bquestions?\b.{0,20}\b(a|ont) (pose|posee|posees|fait|faite|faites)\b.{0,20}\b(agent|collegue|usager)"),
    r"\b(nouvelle|nouvelles) (instruction|consigne|regle)s?\b",
    (r"\b(donne|rappelle|redonne|liste|envoie|affiche|communique|retrouve|dis)\w*\b.{0,60}"
     r"\b(numeros? (d')?allocataires?|numeros? de secu\w*|adresse|telephone|iban|e-?mail|coordonnees)\b.{0,40}"
     r"\b(de (monsieur|madame|m\.|mme)|<personne_\d+>|que tu (as|avais|connais))"),
    r"\bce qu'(il|elle|ils|elles) (t'a|t'ont|vous a|vous ont) (ecrit|dit|demande|saisi|tape|envoye)",
    (r"\b(fiches|listes?|donnees|coordonnees|dossiers|numeros?)\b.{0,20}\b(des|de tous les|d'autres) (usagers"
     r"|allocataires|beneficiaires|personnes recues)\b.{0,60}\b(telephones?|e-?mails?|adresses?|nir|iban|numeros?)"),
    r"\b(apparu|apparai|figur|present|donne|saisi|ecrit)\w* dans (la|cette|une autre|les autres|d'autres) "
    r"(conversations?|sessions?|discussions?|echanges?)",
    (r"\b(ou|dans quelle (commune|ville)) (il|elle) (habite|vit|reside|demeure|loge)\b"
     r"|\b(trouve|cherche|retrouve)\w*\b.{0,20}\badresse (actuelle )?de (son|sa|mon|ma|cette|cet) "
     r"(ex|voisin|voisine|compagne|compagnon|mari|femme|conjoint)"),
    (r"\bmasqu\w*\b.{0,60}\b(complete|devine|reconstitue|retrouve|remplace)\w*\b"
     r"|\b(complete|devine|remplace)\w* (les|ces) x\b"),
    (r"\b(reconstitu|devin|retrouv)\w* (son|sa|leur|le|la) (numero de secu\w*|numero de securite sociale|nir"
     r"|numero fiscal)"),
    (r"\b(cinq|dix|\d+|des|quelques|plusieurs) numeros? (de securite sociale |de secu |fiscaux )?"
     r"(reels|valides|existants)"),
    (r"[\"']role[\"']\s*:\s*[\"'](system|admin\w*|developer|root)[\"']"
     r"|\boverride\w*\b.{0,20}\b(privacy|confidential\w*|securite|masquage|filtre)"),
    r"\b(anonymisation|masquage|pseudonymisation|filtrage)\b.{0,20}\b(desactive|supprime|suspendu|leve|coupe)e?\b",
    (r"\b(rules|instructions|guidelines|restrictions)\b.{0,20}\b(suspended|disabled|lifted|void)\b"
     r"|\bto the (ai|assistant|model|llm|bot) reading\b"),
    r"\b(notes?|messages?|consignes?) (cachees? )?(pour|a|destinee?s? a) l'(ia|assistant|intelligence artificielle)\b",
    r"<!--",
    r"\bdecod\w*\b.{0,30}\b(fais|execute|applique|suis|reponds)\w*\b.{0,20}\b(ce qu'il|ce qu'elle|ce que|y)\b",
    r"تجاهل.{0,40}(التعليمات|القواعد)",
    (r"\b(sin|without|ohne|senza|sem) (restricciones|restrictions|einschrankungen|restrizioni|restricoes|filtros?"
     r"|filters?|limites|limits)\b"),
    (r"\b(deine|ihre|your|tus|sus) (internen |internal |internas )?(anweisungen|regeln|instructions|rules"
     r"|instrucciones|reglas)\b"),
    r"(^|\n)\s*#{1,6}\s*(assistant|system|systeme|user)\s*:|\bnouvelle (tache|mission) (prioritaire|urgente)\b",
    r"\b(oubli|ignor)\w*\b.{0,30}\bkonsign",
    (r"\b(t'a|t'ont|vous a|vous ont) (donne|dit|transmis|communique|ecrit)\w*\b.{0,30}"
     r"\b(l'agent|les agents|un agent|une agente|mon collegue|ma collegue|l'usager|un usager)"
     r"|\b(agent|collegue|usager|utilisateur) precedent\b"),
    (r"\b(tu es|tu seras|joue|incarne)\b.{0,30}\bsans (aucun |aucune )?(filtre|regle|limite|restriction|censure)"
     r"|\b(dernier|derniere|derniers|dernieres)\b.{0,20}\b(nir|numeros?|adresses?|noms?|iban|dossiers?)\b.{0,20}"
     r"\bque (tu as|vous avez) (vu|vus|vue|vues|traite|recu)"),
    (r"\b(texte|messages?|ce qui (se trouve|est ecrit))\b.{0,40}\bavant (mon|notre|ce) (premier|1er) message"
     r"|\b(regles|consignes|instructions)\b.{0,20}\b((qu')?on t'a|(qu')?on vous a|que tu as|que vous avez) "
     r"(donne|recu|fourni)\w*"),
    (r"\b(anonymisation|pii[_ ]?filter|masquage|filtre)\s*[=:]\s*(false|off|0|non|desactive)\b"
     r"|\bsystem override\b|\binstructions? pour l'(ia|assistant|intelligence artificielle)\b"),
    r"\bconcaten\w*\b.{0,60}\b(applique|execute|suis|fais)\w*",
    (r"\b(pas|plus|ni) (etre )?masque\w* par (le|ton|votre) (filtre|systeme|masquage)"
     r"|\b(echapp|contourn|trompe)\w*\b.{0,20}\b(au |le |ton |votre )?(filtre|masquage|anonymisation)"),
)
INJECTION = re.compile("|".join(f"(?:{p})" for p in _INJECTION_PATTERNS))

_PAPERS = (r"(?:justificatif|attestation|document|bulletin|fiches? de paie|avis d.imposition|avis|certificat|quittance"
           r"|facture|papier|declaration|diplome|contrat|bail|rib|releve|signature|ordonnance|arret de travail)s?")
_AUTHORITIES = r"(?:caf|msa|impots|fisc|pole emploi|france travail|cpam|secu|urssaf|prefecture|administration|bailleur)"
_FRAUD_PATTERNS = (
    (r"\b(?:fabriqu(?:er|e|es|ez)|redig(?:er|e|ez)|ecri(?:re|s|vez)|cre(?:er|e|ez)|produi(?:re|s|sez)|imprim(?:er|e|ez)"
     r"|gener(?:er|e|ez)|procurer|obtenir|trouver|faire|fais|faites)\b.{0,30}\b(?:un |une |des |de )?"
     rf"(?:faux|fausses?) {_PAPERS}"),
    r"\bmodeles? de (?:faux|fausses?)\b",
    rf"\b(?:falsifi|truqu|trafiqu|maquill|retouch|bidouill|antidat)\w*\b.{{0,60}}\b{_PAPERS}",
    rf"\b{_PAPERS}\b.{{0,40}}\b(?:falsifi|truqu|trafiqu|maquill|retouch|bidouill|antidat)\w*",
    (rf"\bmodifi\w*\b.{{0,60}}\b{_PAPERS}\b.{{0,40}}\bpour (?:baisser|augmenter|gonfler|reduire|diminuer|cacher"
     r"|faire croire|paraitre|toucher|obtenir)"),
    (r"\bsans que (?:la |le |l['’]|les |son |sa |ses |leur |mon |ma |mes )?\w+(?: \w+)? (?:ne )?"
     r"(?:le |l['’]|s['’]en |en )?(?:voi\w*|sache\w*|remarque\w*|apercoiv\w*|decouvr\w*|detect\w*|rend\w* compte"
     r"|dout\w*)"),
    rf"\b(?:cacher|dissimuler|planquer)\b.{{0,40}}\b(?:a|au|aux|a la|a l['’]) {_AUTHORITIES}\b",
    (r"\b(?:comment|meilleure? (?:facon|maniere|moyen|astuce)|astuce|combine|technique)\b.{0,80}\bsans "
     r"(?:le |l['’]|les |lui |leur |en )?(?:dire|declarer|signaler)\b.{0,6}"
     rf"\b(?:a|au|aux|a la|a l['’]) {_AUTHORITIES}\b"),
    r"\bpour qu(?:e |['’])(?:[\w'’-]+ ){1,5}(?:n['’]apparaiss\w*|ne figur\w*) pas\b.{0,80}\balors qu",
    (r"\b(?:faire passer|declarer|inventer|creer|mettre|ajouter|inscrire)\b.{0,40}\b(?:enfant|personne|adresse"
     r"|domicile|bail|emploi|salarie|charge|concubin|separation|demenagement)s? (?:a charge )?ficti(?:f|ve|fs|ves)\b"),
    r"\b(?:comment|astuce|moyen)\b.{0,40}\bne pas declarer\b.{0,80}\b(?:sans risque|pour qu|sans que)",
    (rf"\bpour qu(?:e |['’])(?:la |le |l['’]|les )?{_AUTHORITIES}s? ne (?:rapproch|voi|remarqu|detect|sach|decouvr"
     r"|crois|fasse le lien)\w*"),
    r"\b(?:sans|pour) que (?:ca|cela) (?:ne )?(?:ressort\w*|apparaiss\w*|se voi\w*|se remarqu\w*)",
    r"\bne (?:declare|declarer|declarent)\w*\b.{0,30}\bque (?:la moitie|une partie|le tiers|le quart)\b",
    (r"\b(?:retard|repouss|differ)\w*\b.{0,30}\b(?:information|declaration|signalement|annonce)\b.{0,20}"
     r"\b(?:du|de la|de son|de leur) (?:deces|vie commune|mise en couple|reprise|demenagement|mariage)"),
    r"\bfailles?\b.{0,60}\bexploit\w*|\bexploit\w*\b.{0,60}\bfailles?\b",
    (rf"\b(?:redig|gener|fabriqu|cre|produi|imprim|ecri)\w*\b.{{0,40}}\b{_PAPERS}\b.{{0,120}}"
     r"\b(?:invent\w*|ficti(?:f|ve|fs|ves)|plausibles?|format officiel|2d-?doc|numero rpps|signee? par)"),
    r"\bzone mrz\b|\bmrz\b.{0,40}\b(?:exacte|controle|cle)",
    (rf"\b(?:modele|exemplaire|copie|version)s? (?:d['’]un |d['’]une |de |d['’])?{_PAPERS}\b.{{0,80}}"
     r"\b(?:que (?:je|il|elle|l['’]usager) (?:pourr\w*|puiss\w*) (?:imprimer|presenter|fournir|donner|joindre|utiliser)"
     r"|a imprimer)"),
    (rf"\b(?:gener|redig|fabriqu|cre|produi|imprim|ecri|fai|prepar|etabli)\w*\b.{{0,40}}\b{_PAPERS}\b.{{0,80}}"
     r"\b(?:credibles?|realistes?|vraisemblables?|avec le (?:logo|tampon|cachet)|pour (?:un|une|quelqu['’]un|mon|ma)"
     r"\b.{0,30}\bqui n['’](?:habite|vit|travaille|reside)\w* pas)"),
    r"\b(?:imit|reprodui|copi|recopi)\w*\b.{0,20}\bla signature\b",
    (r"\b(?:carte vitale|carte d['’]identite|passeport|titre de sejour|compte|rib)\b.{0,20}\bau nom (?:de |d['’])"
     r"(?:mon|ma|un|une|son|sa|quelqu['’]un)\b.{0,40}\bpour qu"),
    r"\bsans se faire (?:prendre|attraper|pincer|coincer|reperer|griller)",
    r"\b(?:adresse|domicile|residence|bail|emploi|employeur|enfant)s? (?:fictive?s?|bidon|de complaisance)\b",
    (r"\bdetourn\w*\b.{0,30}\b(?:allocations?|prestations?|aides?|versements?|pensions?|salaires?|rsa|apl)\b"),
    (r"\bse (?:declarer|dire|faire passer pour) separ\w*\b.{0,80}\b(?:alors qu['’] ?|tout en |mais )"
     r"(?:(?:ils|elles|on|nous|vous) )?(?:viv|habit|rest)\w* ensemble"),
)
FRAUD = re.compile("|".join(f"(?:{p})" for p in _FRAUD_PATTERNS))
"""A request to deceive an administration: forge or alter a paper, make one of its papers with invented names or
numbers, a « credible » one, one with a body's logo or stamp, one to print and hand in, a certificate for someone who
does not live there, copy a signature; hide a resource, a person or a death from the body that pays, act « sans que
la CAF le voie », « sans se faire prendre » or « pour que la CAF ne rapproche pas », give a fictitious address, use a
card or an account in a relative's name for him, divert someone's benefits, declare a separation while living
together, look for the « failles » between bodies. A question on what one must declare, or on what a fraud risks,
asks none of these."""

_OUT_OF_SCOPE_PATTERNS = (
    r"\brecettes?\b(?! (fiscal|des impots|publique|de l'etat))",
    r"\b(cuisson|gateau|tarte|crepes?|pates carbonara|blanquette|ingredients?)\b|\b(comment|bien|facon de) cuisiner\b",
    r"\b(football|foot|match|ligue 1|coupe du monde|rugby|tennis|psg|olympique de marseille|score)\b",
    r"\b(meteo|temps qu'il fera|pleuvoir|pleuvra|previsions meteo)\b",
    r"\b(python|javascript|java|sql|html|programme informatique|fonction recursive|code source|script bash)\b",
    r"\b(blague|poeme|chanson|horoscope|astrologie|film|serie tele|netflix)\b",
    r"\b(capitale de|president des etats-unis|plus haute montagne|distance terre|bitcoin|crypto\w*)\b",
    (r"\b((esperance|duree) de vie d'une? |combien de temps (vit|vivent) (un|une|les|mon|ma|mes)? ?"
     r"|(que|quoi) (doit )?(mange|mangent|manger|nourrir) (un|une|les|mon|ma|mes) "
     r"|comment (nourrir|dresser|eduquer|toiletter|soigner) (un|une|les|mon|ma|mes|son|sa|ses) )"
     r"(chat|chien|chaton|chiot|lapin|hamster|cochon d'inde|perroquet|perruche|oiseau|poisson|tortue|cheval|animal)"),
)
OUT_OF_SCOPE = re.compile("|".join(f"(?:{p})" for p in _OUT_OF_SCOPE_PATTERNS))

REFUSAL_TEXT = {
    REASON_INJECTION: (
        "Je ne peux pas répondre à cette demande : je ne révèle ni mes consignes, ni les questions d'autres "
        "agents, ni des données personnelles, et je ne réponds qu'à partir des sources officielles."
    ),
    REASON_FRAUD: (
        "Je ne peux pas aider à tromper une administration (faux document, ressource ou personne cachée). Ce qu'il "
        "faut déclarer se lit dans les fiches officielles."
    ),
    REASON_OUT_OF_SCOPE: (
        "Cette question ne relève pas des démarches administratives ni du droit du travail : "
        "Guichet ne répond qu'à partir des fiches officielles du service public."
    ),
    REASON_NOT_FOUND: NOT_FOUND,
    REASON_UNKNOWN_TERMS: NOT_FOUND,
    REASON_NO_QUESTION: (
        "Le message ne contient que des données personnelles, masquées : il n'y a rien à chercher dans les textes. "
        "Écrivez la question elle-même (par exemple : « Quelles aides pour un parent isolé ? »)."
    ),
    REASON_NO_WORDS: (
        "Le message ne contient aucun mot : il n'y a rien à chercher dans les textes. "
        "Écrivez la question (par exemple : « Quelles aides pour un parent isolé ? »)."
    ),
}
NOTICE = {
    REASON_INJECTION: (
        "Demande refusée : elle vise les consignes de l'assistant, d'autres usagers ou des données personnelles."
    ),
    REASON_FRAUD: "Demande refusée : elle vise à tromper une administration.",
    REASON_OUT_OF_SCOPE: "Demande refusée : hors du champ du service public.",
    REASON_NOT_FOUND: "Aucune source officielle assez proche de la question : vérifiez les fiches les plus proches.",
    REASON_UNKNOWN_TERMS: (
        "Les textes trouvés ne parlent pas de ce que la question nomme (un de ses termes n'y figure pas, ou les "
        "textes le joignent rarement au mot qu'il complète) : vérifiez le nom exact du dispositif ou les fiches "
        "les plus proches."
    ),
    REASON_NO_QUESTION: "Aucune question à chercher : le message ne contient que des données personnelles.",
    REASON_NO_WORDS: "Aucune question à chercher : le message ne contient aucun mot.",
}


SPACED_LETTERS = re.compile(r"\b(?:\w ){3,}\w\b")
"""A word written letter by letter to slip past the patterns (« I g n o r e   t e s   r è g l e s »)."""
INVISIBLE = re.compile(f"[{INVISIBLES}]")
"""Invisible characters, which split a word for the patterns."""
LOOKALIKES = str.maketrans("аеорсухіјѕԁԛԝοινρτκμαε", "aeopcyxijsdqwoivptkmae")
"""Cyrillic and Greek letters drawn like Latin ones (« Ιgnοre tes іnstructions »), read after `fold` lowered
them."""
LEET = str.maketrans("013457@$", "oieastas")
LEET_WORD = re.compile(r"\b(?=\w*[a-z])(?=\w*[013457])\w+\b")
"""A word that mixes letters and the digits read as letters (« 1gn0r3 t3s 1nstruct10ns »)."""


def _disguises_removed(folded: str) -> list[str]:
    """The question with each disguise undone: letters spaced out, invisible characters, look-alike letters,
    digits for letters, text written backwards (« selgèr set erongi » behind a right-to-left mark)."""
    plain = INVISIBLE.sub("", folded.translate(LOOKALIKES))
    readings = [
        SPACED_LETTERS.sub(lambda match: match.group().replace(" ", ""), folded),
        plain,
        LEET_WORD.sub(lambda match: match.group().translate(LEET), plain),
        plain[::-1],
    ]
    return [reading for reading in dict.fromkeys(readings) if reading != folded]


def detect_injection(question: str) -> bool:
    folded = fold(question)
    if INJECTION.search(folded):
        return True
    return any(INJECTION.search(reading) for reading in _disguises_removed(folded))


def asks_for_fraud(question: str) -> bool:
    return FRAUD.search(fold(question)) is not None


def out_of_scope(question: str) -> bool:
    return OUT_OF_SCOPE.search(fold(question)) is not None


def coverage(question: str, passage: Passage) -> float:
    """Share of the question's content words found in the passage (id, title and headings included). A word of the
    asker's trade or sector that the passage does not name is left out: the general rule applies to every trade;
    so is « combien », which asks for a number and names nothing the texts would hold (« Combien de temps dure un
    congé de paternité ? » was refused for it), a time or a count written with letters (« 8h30 »), and the masks
    of personal data (« <PERSONNE_1> », « <TELEPHONE_1> »: the person's, not the question's subject), the
    relatives it is asked for (« pour ma mère », `assistant.key_terms.asked_text`) and the agent's framing
    (`assistant.key_terms.FRAMING_TERMS`). The share is also read over the words that name something alone (nouns,
    proper nouns, adjectives, from the tagger), and the better of the two counts: the verbs say how the asker puts
    it (« est-ce que je dois d'abord passer au commissariat pour déclarer la perte ? »), and a long question told
    as a story held a third of its words in the fiche that answers it; a short one may name a single thing the
    passage spells out (« Peut-on contester un APC ? »)."""
    asked = asked_text(question)
    terms = set(naming_terms(asked)) - INTERROGATIVE_TERMS - FRAMING_TERMS
    named = terms & set(content_words(" ".join(parse(asked).naming)))
    held = set(content_words(" ".join((passage.doc_id, passage.number, passage.title, *passage.heading_path,
                                       passage.text))))
    setting = set(setting_words(question))
    return max(_share_held(terms, held, setting), _share_held(named, held, setting))


def _in_family(term: str, held: set[str]) -> bool:
    """The passage holds the term or a word of its family: the same stem without its final « e » (« remboursée »,
    « remboursement »), or a longer word that begins with a stem of five letters or more (« thermes »,
    « thermale »)."""
    stem = family(term)
    return any(family(word) == stem or (len(stem) >= 5 and word.startswith(stem)) for word in held)


def _share_held(terms: set[str], held: set[str], setting: set[str]) -> float:
    """The share of the question's terms the passage holds; holding `FULL_COVERAGE_TERMS` of them covers a longer
    question as well as a short one held whole."""
    found = {term for term in terms if term in held or _in_family(term, held)}
    counted = terms - (setting - found)
    return min(1.0, len(found) / min(len(counted), FULL_COVERAGE_TERMS)) if counted else 0.0


def relevance(question: str, passages: Sequence[Passage]) -> float:
    """How well the best of the top passages matches: lexical coverage and dense similarity, averaged. The top is
    the search's order before a question-titled fiche gave way to a general one (`SearchConfig.other_question_penalty`):
    that preference chooses which text leads, not whether the texts hold the question."""
    judged = sorted(passages, key=lambda p: p.scores.get(OTHER_QUESTION, 0.0) - p.score)[:PASSAGES_JUDGED]
    if not judged:
        return 0.0
    return max(0.5 * coverage(question, p) + 0.5 * p.scores.get(DENSE, 0.0) for p in judged)


def threshold(settings: Settings) -> float:
    """The configured cut, or the one measured for the embedding model (`indexing.profiles`)."""
    return settings.refusal_threshold or profile_for(settings.embedding_model).refusal_threshold


def refusal_reason(question: str, passages: Sequence[Passage], settings: Settings) -> str | None:
    """Why to refuse this (redacted, standalone) question, or None to answer it."""
    if detect_injection(question):
        return REASON_INJECTION
    if asks_for_fraud(question):
        return REASON_FRAUD
    if out_of_scope(question):
        return REASON_OUT_OF_SCOPE
    if relevance(question, passages) < threshold(settings):
        return REASON_NOT_FOUND
    return None


def nearest_documents(passages: Sequence[Passage], limit: int = NEAREST_LISTED) -> list[Passage]:
    """One passage per document, in rank order."""
    seen: dict[str, Passage] = {}
    for passage in passages:
        seen.setdefault(passage.doc_id, passage)
    return list(seen.values())[:limit]


def refusal_text(reason: str, passages: Sequence[Passage]) -> str:
    text = REFUSAL_TEXT[reason]
    nearest = nearest_documents(passages) if reason != REASON_INJECTION else []
    if not nearest:
        return text
    listed = "\n".join(f"- {p.title} : {p.url}" for p in nearest)
    return f"{text}\nFiches les plus proches à consulter :\n{listed}"


def relevance_scores(searcher: Searcher, questions: Sequence[str], k: int) -> list[float]:
    """The relevance of each question's retrieved passages, to feed `calibrate`."""
    return [relevance(question, searcher.search(question, k)) for question in questions]


def calibrate(answerable: Sequence[float], unanswerable: Sequence[float], min_refused: float = 0.9) -> float:
    """The best balanced-accuracy threshold that still refuses at least `min_refused` of the unanswerable questions.

    Candidate thresholds lie halfway between consecutive observed scores.
    """
    values = sorted(set(answerable) | set(unanswerable))
    cuts = [(low + high) / 2 for low, high in zip(values, values[1:], strict=False)] + [values[-1] + 1e-6]
    best, best_accuracy = cuts[-1], -1.0
    for cut in cuts:
        refused = sum(score < cut for score in unanswerable) / len(unanswerable)
        answered = sum(score >= cut for score in answerable) / len(answerable)
        accuracy = (refused + answered) / 2
        if refused >= min_refused and accuracy > best_accuracy:
            best, best_accuracy = cut, accuracy
    return best
