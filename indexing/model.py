"""What indexing produces (chunks) and what search returns (passages)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Chunk:
    id: str
    doc_id: str
    heading_path: tuple[str, ...]
    text: str
    """What is embedded and searched: title + heading path + section text."""
    hash: str
    """Content hash of `text` and the embedding model; the embedding cache key."""


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with the metadata of its document and its scores."""

    chunk_id: str
    doc_id: str
    source: str
    title: str
    url: str
    heading_path: tuple[str, ...]
    text: str
    audience: tuple[str, ...] = ()
    updated: date | None = None
    """A fiche's update date (see `corpus.model.Document`)."""
    number: str = ""
    score: float = 0.0
    """The fused score used for ranking."""
    scores: dict[str, float] = field(default_factory=dict)
    """Per-retriever scores and ranks, e.g. {"bm25": 12.3, "dense": 0.61, "rrf": 0.032}."""
    in_force_since: date | None = None
    """An article's version: in force since (see `corpus.model.Document`)."""
    in_force_until: date | None = None
    part_headings: tuple[str, ...] = ()
    """The headings of its document that name parts, not cases (see `corpus.model.Document`)."""


@dataclass(frozen=True)
class SearchFilters:
    """Restrict a search to some sources and/or audiences (an empty tuple means no restriction), and to the texts in
    force on the day `as_of`: articles whose version's in-force dates cover it, and every text without such dates
    (a fiche has no version history: it is kept, with its update date)."""

    sources: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    as_of: date | None = None
    agreements: tuple[str, ...] = ()
    """IDCCs: a collective agreement's articles are searched only when their agreement is named here."""

    def accepts(self, source: str, audience: tuple[str, ...], agreement: str = "") -> bool:
        if agreement and agreement not in self.agreements:
            return False
        if self.sources and source not in self.sources:
            return False
        return not self.audiences or any(a in self.audiences for a in audience)


@dataclass(frozen=True)
class SetAside:
    """An article found for the query but left out by an as-of date: the version in the index was not in force on
    that day, and the version that was is not in the index (the corpus holds one version per article)."""

    doc_id: str
    title: str
    number: str
    url: str
    """The text on the official site as it stood on the as-of date, where the site has such links."""
    in_force_since: date | None
    in_force_until: date | None
