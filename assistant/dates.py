"""Dates as the faces show and read them: a text's dates (« en vigueur depuis le … », « mis à jour le … »), the
as-of date typed by an agent or a maintainer, and what an answer at that date says about the articles it left out."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from indexing.model import SetAside

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
FRENCH_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
BAD_DAY_FRENCH = "Date invalide : écrivez-la JJ/MM/AAAA (par exemple 01/01/2020) ou AAAA-MM-JJ (2020-01-01)."
NOTICE_AS_OF = (
    "Textes en vigueur au {day} : les articles entrés en vigueur après cette date, ou abrogés avant, sont écartés ; "
    "les fiches, sans historique de versions, sont gardées avec leur date de mise à jour."
)
NOTICE_SET_ASIDE = (
    "Articles trouvés pour cette question mais pas en vigueur à cette date : {numbers}. L'index ne garde que leur "
    "version en vigueur au jour de la copie des codes, pas les versions antérieures : consultez sur Légifrance la "
    "version applicable au {day} (liens ci-dessous)."
)


def french_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def text_dates(since: date | None, until: date | None, updated: date | None) -> str:
    """« en vigueur depuis le … [jusqu'au …] » for an article's version, « mis à jour le … » for a fiche."""
    if since:
        phrase = f"en vigueur depuis le {french_date(since)}"
        return f"{phrase} jusqu'au {french_date(until)}" if until else phrase
    if until:
        return f"en vigueur jusqu'au {french_date(until)}"
    return f"mis à jour le {french_date(updated)}" if updated else ""


def parse_day(text: str) -> date:
    """A calendar day written AAAA-MM-JJ or JJ/MM/AAAA; `ValueError` for anything else (an impossible day too)."""
    text = text.strip()
    iso, french = ISO_DAY.fullmatch(text), FRENCH_DAY.fullmatch(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif french:
        day, month, year = (int(part) for part in french.groups())
    else:
        raise ValueError("not a date")
    return date(year, month, day)


def as_of_notice(day: date, set_aside: Sequence[SetAside]) -> str:
    notice = NOTICE_AS_OF.format(day=french_date(day))
    if not set_aside:
        return notice
    numbers = ", ".join(item.number or item.title for item in set_aside)
    return f"{notice} {NOTICE_SET_ASIDE.format(numbers=numbers, day=french_date(day))}"
