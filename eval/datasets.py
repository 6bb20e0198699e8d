"""Evaluation sets as JSON Lines: the shipped files and any file in the same shape.

A row's text is read from `query`, `question`, `text` or `note_text`; its expected documents from
`relevant` (graded) or `sources`; the expected answer from `answer_span` or `reference_answer`; personal-data
spans from `entities`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indexing.index import sha256_file

DATASETS_DIR = Path(__file__).resolve().parent / "datasets"

DEFAULT_DATASETS: dict[str, Path] = {
    "retrieval-queries": DATASETS_DIR / "retrieval-queries.jsonl",
    "fiche-questions": DATASETS_DIR / "fiche-questions.jsonl",
    "qa-reference": DATASETS_DIR / "qa-reference.jsonl",
    "pii-notes": DATASETS_DIR / "pii-notes.jsonl",
    "agent-questions-pii": DATASETS_DIR / "agent-questions-pii.jsonl",
    "clean-questions": DATASETS_DIR / "clean-questions.jsonl",
    "unanswerable": DATASETS_DIR / "unanswerable.jsonl",
    "invented-questions": DATASETS_DIR / "invented-questions.jsonl",
    "injections": DATASETS_DIR / "injections.jsonl",
    "verify-drafts": DATASETS_DIR / "verify-drafts.jsonl",
}

TEXT_KEYS = ("query", "question", "text", "note_text")
ID_KEYS = ("id", "note_id")


@dataclass(frozen=True)
class Relevant:
    id: str
    relevance: int = 1
    corpus: str = ""
    num: str = ""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class EvalRow:
    id: str
    text: str
    relevant: tuple[Relevant, ...] = ()
    answer_span: str = ""
    reference_answer: str = ""
    entities: tuple[Span, ...] = ()
    theme: str = ""
    group_id: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    """Every other field of the row, untouched."""

    @property
    def gold_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.relevant)


class DatasetError(ValueError):
    pass


def parse_row(data: dict[str, Any], fallback_id: str) -> EvalRow:
    text = next((data[key] for key in TEXT_KEYS if isinstance(data.get(key), str)), None)
    if text is None:
        raise DatasetError(f"row {fallback_id}: none of {', '.join(TEXT_KEYS)}")
    row_id = next((str(data[key]) for key in ID_KEYS if data.get(key) is not None), fallback_id)
    known = set(TEXT_KEYS) | set(ID_KEYS) | {
        "relevant", "sources", "answer_span", "reference_answer", "entities", "theme", "group_id",
    }
    return EvalRow(
        id=row_id,
        text=text,
        relevant=tuple(_relevant(item) for item in (data.get("relevant") or data.get("sources") or [])
                       if isinstance(item, dict) and item.get("id")),
        answer_span=str(data.get("answer_span") or ""),
        reference_answer=str(data.get("reference_answer") or ""),
        entities=tuple(
            Span(int(item["start"]), int(item["end"]), str(item.get("label") or item.get("type") or ""))
            for item in data.get("entities") or []
        ),
        theme=str(data.get("theme") or ""),
        group_id=str(data.get("group_id") or ""),
        extra={key: value for key, value in data.items() if key not in known},
    )


def _relevant(item: dict[str, Any]) -> Relevant:
    return Relevant(
        id=str(item["id"]),
        relevance=int(item.get("relevance") or 1),
        corpus=str(item.get("corpus", "")),
        num=str(item.get("num", "")),
    )


def load_rows(path: Path, limit: int | None = None) -> list[EvalRow]:
    rows: list[EvalRow] = []
    with Path(path).open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                raise DatasetError(f"{path}:{line_number}: not JSON ({error.msg})") from None
            rows.append(parse_row(data, f"{Path(path).stem}-{line_number}"))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def describe(path: Path, rows_used: int) -> dict[str, Any]:
    """What the report says about a dataset: its file, its hash and how many rows were scored."""
    return {"file": str(path), "name": Path(path).name, "sha256": sha256_file(path), "rows": rows_used}

