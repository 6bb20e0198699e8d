"""Personal-data redaction for agent questions, answers, logs and the audit trail (Presidio, French).

Entity types, which are also the placeholder names (`<PERSONNE_1>` …), are listed with their labels, thresholds
and what confirms each in `redaction.entities`.
"""

from __future__ import annotations

from redaction.entities import ENTITY_TYPES, TYPES, EntityType

__all__ = ["ENTITY_TYPES", "TYPES", "EntityType"]
