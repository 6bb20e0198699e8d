"""travail-emploi.gouv.fr fiches (`data/fiches-travail.json`) → `Document`.

Audience: these fiches explain labour law to employees and employers alike, so every fiche is tagged
("particuliers", "professionnels").
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from corpus.model import SOURCE_TRAVAIL_EMPLOI, Document, Section
from corpus.text import clean, clean_lines, html_to_text

AUDIENCE = ("particuliers", "professionnels")
_FRENCH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_fiches(fiches: list[dict[str, Any]]) -> Iterator[Document]:
    for fiche in fiches:
        yield parse_fiche(fiche)


def parse_fiche(fiche: dict[str, Any]) -> Document:
    fiche_id = str(fiche.get("pubId") or "").strip()
    title = clean(fiche.get("title") or "")
    if not fiche_id or not title:
        raise ValueError("fiche travail-emploi sans pubId ou sans titre")
    sections: list[Section] = []
    intro = _body(fiche.get("intro") or "", fiche.get("description") or "")
    if intro:
        sections.append(Section((), intro))
    references: dict[str, None] = {}
    for section in fiche.get("sections") or ():
        heading = clean(section.get("title") or "")
        text = _body(section.get("html") or "", section.get("text") or "")
        if text:
            sections.append(Section((heading,) if heading and heading != title else (), text))
        references.update(dict.fromkeys(_article_ids(section.get("references"))))
    return Document(
        id=fiche_id,
        source=SOURCE_TRAVAIL_EMPLOI,
        title=title,
        url=fiche.get("url") or "",
        sections=tuple(sections),
        audience=AUDIENCE,
        breadcrumb=("Travail-emploi.gouv.fr", title),
        updated=parse_french_date(fiche.get("date") or ""),
        references=tuple(references),
    )


def _body(html: str, plain: str) -> str:
    """The HTML keeps paragraph and list structure that the plain `text` field loses."""
    return html_to_text(html) if html.strip() else clean_lines(plain)


def _article_ids(references: Any) -> Iterator[str]:
    if not isinstance(references, dict):
        return
    for code in references.values():
        for article in (code or {}).get("articles") or ():
            if article.get("id"):
                yield article["id"]


def parse_french_date(value: str) -> date | None:
    """`13/11/2025` → date."""
    match = _FRENCH_DATE.search(value)
    if not match:
        return None
    day, month, year = (int(group) for group in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None
