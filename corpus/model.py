"""The document model every source is parsed into."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SOURCE_SERVICE_PUBLIC = "service-public"
SOURCE_TRAVAIL_EMPLOI = "travail-emploi"
SOURCE_LEGIFRANCE = "legifrance"
SOURCES = (SOURCE_SERVICE_PUBLIC, SOURCE_TRAVAIL_EMPLOI, SOURCE_LEGIFRANCE)

AUDIENCES = ("particuliers", "professionnels", "associations")


@dataclass(frozen=True)
class Section:
    """A titled part of a document; `heading_path` runs from the outermost heading inwards."""

    heading_path: tuple[str, ...]
    text: str


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
    references: tuple[str, ...] = ()
    number: str = ""
    """A Légifrance article's number (`L1243-8`); empty for fiches."""
    aliases: tuple[str, ...] = field(default=())
    """Other stable ids of the same text (e.g. a Légifrance article's `cid`), used by evaluation only."""

    @property
    def text(self) -> str:
        return "\n\n".join(section.text for section in self.sections)
