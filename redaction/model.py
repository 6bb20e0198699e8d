"""Redaction results: the redacted text and what was found, never the values."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entity:
    type: str
    start: int
    end: int
    score: float
    placeholder: str = ""


@dataclass(frozen=True)
class RedactedText:
    text: str
    entities: tuple[Entity, ...]
    """Offsets are into the original text; values are kept only in the in-memory vault."""

    def counts(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for entity in self.entities:
            totals[entity.type] = totals.get(entity.type, 0) + 1
        return totals
