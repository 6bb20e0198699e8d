"""Real service-public passages (F40 fin de CDD, F18960 facture d'hôtel) for the assistant's tests."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from indexing.model import Passage

FIXTURE = Path(__file__).parent / "fixtures" / "assistant" / "passages.json"


def load_passages() -> list[Passage]:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [
        Passage(
            **{
                **row,
                "heading_path": tuple(row["heading_path"]),
                "audience": tuple(row["audience"]),
                "updated": date.fromisoformat(row["updated"]),
            }
        )
        for row in rows
    ]


def by_chunk(passages: list[Passage], *chunk_ids: str) -> list[Passage]:
    index = {p.chunk_id: p for p in passages}
    return [index[chunk_id] for chunk_id in chunk_ids]
