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
    r"\b(?:fonctions? publiques?|fonctionnaires?|agents? (?:publics?|territoria(?:l|ux)|hospitaliers?)|fp[eth])\b"
)


def names_public_service(text: str) -> bool:
    """Whether the text names the public service (« fonctionnaire », « agent public », « FPT »…), accents ignored."""
    return bool(_PUBLIC_SERVICE.search(fold(text)))
