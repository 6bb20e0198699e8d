"""The `guichet redact` contract: `{"text": redacted, "entities": [{"type", "start", "end", "score"}]}`."""

from __future__ import annotations

from typing import Any

from redaction.model import RedactedText


def redacted_to_dict(redacted: RedactedText) -> dict[str, Any]:
    """Offsets are into the input text; placeholders and values are left out."""
    return {
        "text": redacted.text,
        "entities": [
            {"type": entity.type, "start": entity.start, "end": entity.end, "score": entity.score}
            for entity in redacted.entities
        ],
    }
