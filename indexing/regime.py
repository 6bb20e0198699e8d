"""The public service as a special regime: documents written for it, and queries that name it.

Service-public.fr files most work topics twice, « … dans le secteur privé » and « … dans la fonction publique ».
A query that names neither is read under the general rule (the Code du travail), so documents of the public
service rank a little lower (`SearchConfig.public_service_penalty`) unless the query names the public service.
"""
from __future__ import annotations

import re

from indexing.text import fold

PUBLIC_SERVICE = "public_service"
"""The key, in a result's `scores`, of the penalty a public-service document took."""

_PUBLIC_SERVICE = re.compile(
    r"\b(?:fonctions? publiques?|fonctionnaires?|employeurs? publics?"
    r"|agents? (?:publics?|territoria(?:l|ux)|hospitaliers?|contractuels?)|fp[eth])\b"
)
_BARE_AGENT = re.compile(r"\b(?:un|une|l'|cet|cette|son|votre|notre|mon|ma|les|des|ses|vos|nos|mes) ?agents?\b"
                         r"(?! (?:immobiliers?|commerciaux|commercial|de securite|d'entretien|de nettoyage"
                         r"|de maitrise|artistiques?|generaux|general|d'assurances?|sportifs?|de voyages?))")
_PUBLIC_EMPLOYER = re.compile(r"\bl'administration\b|\bla (?:mairie|collectivite|prefecture)\b")


def names_public_service(text: str) -> bool:
    """Whether the text names the public service (« fonctionnaire », « agent public », « employeur public »,
    « FPT »…), or an agent with the administration that employs them (« l'administration met en demeure un agent
    en abandon de poste », « la mairie » and « un agent »), accents ignored. « Agent » alone is no one's side (« un
    agent immobilier », « agent de sécurité »)."""
    folded = fold(text)
    return bool(_PUBLIC_SERVICE.search(folded)) or bool(_BARE_AGENT.search(folded) and _PUBLIC_EMPLOYER.search(folded))


PUBLIC_AUDIENCE = "fonction publique"
PRIVATE_AUDIENCE = "secteur privé"
_PRIVATE_SECTOR = re.compile(
    r"\b(?:secteur prive|(?:entreprises?|employeurs?) prive(?:e?s?)|salarie(?:e?s?)|le prive|du prive)\b"
)
_AUDIENCE_PHRASE = re.compile(
    r"(?:\s*,)?(?:\s+(?:pour|d['’]|de|du|dans|en tant que|chez))?(?:\s*(?:un|une|le|la|les|l['’]|des)\b)?\s*"
    r"\b(?:fonctions? publiques?(?: (?:d['’]etat|territoriale|hospitaliere))?|fonctionnaires?"
    r"|agents? (?:publics?|territoria(?:l|ux)|hospitaliers?|contractuels?)|fp[eth]"
    r"|secteur prive|salarie(?:e?s?)(?: du (?:secteur )?prive)?|(?:le|du) prive)\b",
)


def audience(text: str) -> str:
    """The side of the work rules a text names: `PUBLIC_AUDIENCE`, `PRIVATE_AUDIENCE`, or "" for neither or both."""
    public, private = names_public_service(text), bool(_PRIVATE_SECTOR.search(fold(text)))
    return PUBLIC_AUDIENCE if public and not private else PRIVATE_AUDIENCE if private and not public else ""


def without_audience(text: str) -> str:
    """The text with the phrases naming the public service or the private sector taken out (« d'un fonctionnaire »,
    « dans le secteur privé »), with their preposition and article; accents and case ignored."""
    folded: list[str] = []
    origin: list[int] = []
    """For each folded character, the position of the character it comes from (« œ » gives « oe »)."""
    for position, char in enumerate(text):
        for folded_char in fold(char):
            folded.append(folded_char)
            origin.append(position)
    kept, start = [], 0
    for match in _AUDIENCE_PHRASE.finditer("".join(folded)):
        kept.append(text[start:origin[match.start()]])
        start = origin[match.end() - 1] + 1
    return "".join([*kept, text[start:]]).strip()
