"""The document model every source is parsed into."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SOURCE_SERVICE_PUBLIC = "service-public"
SOURCE_TRAVAIL_EMPLOI = "travail-emploi"
SOURCE_LEGIFRANCE = "legifrance"
SOURCE_KALI = "kali"
"""Collective agreements (conventions collectives nationales), from Légifrance's KALI base."""

AUDIENCES = ("particuliers", "professionnels", "associations")


@dataclass(frozen=True)
class Section:
    """A titled part of a document; `heading_path` runs from the outermost heading inwards."""

    heading_path: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Agreement:
    """The collective agreement a KALI article belongs to."""

    idcc: str
    """Its four-digit number (`1486`), the one printed on payslips."""
    short_title: str
    """Légifrance's short name (« Métallurgie », « Hôtels, cafés, restaurants »)."""


@dataclass(frozen=True)
class Document:
    id: str
    source: str
    title: str
    url: str
    sections: tuple[Section, ...]
    audience: tuple[str, ...] = ()
    breadcrumb: tuple[str, ...] = ()
    updated: date | None = None
    """When a fiche was last updated; None for a versioned text (an article), which has in-force dates instead."""
    references: tuple[str, ...] = ()
    number: str = ""
    """A Légifrance article's number (`L1243-8`); empty for fiches."""
    aliases: tuple[str, ...] = field(default=())
    """Other stable ids of the same text (e.g. a Légifrance article's `cid`), used by evaluation only."""
    in_force_since: date | None = None
    """The day this version of a versioned text (an article) entered into force; None for a fiche or when unknown."""
    in_force_until: date | None = None
    """The day this version stops being in force, when the text already says so; None when open-ended or unknown."""
    agreement: Agreement | None = None
    """The collective agreement of a KALI article; None for every other text."""
    part_headings: tuple[str, ...] = ()
    """The headings that name a part of the document (a fiche's « Conditions », « Démarche », « Montant maximum »),
    as against the cases it sets side by side (« Location vide », « Salarié du privé »); empty where the source does
    not tell them apart."""

    @property
    def text(self) -> str:
        return "\n\n".join(section.text for section in self.sections)


def in_force_on(day: date, since: date | None, until: date | None) -> bool:
    """Whether a text with these in-force dates applies on `day`; an unknown bound does not exclude it."""
    return (since is None or since <= day) and (until is None or day < until)
