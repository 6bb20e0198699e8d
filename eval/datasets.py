"""Evaluation sets as JSON Lines: the one registry of the shipped files, and the one loader of their rows (and of
any file in the same shape), which every bench, `guichet eval` and `guichet model check` read.

A row's text is read from `query`, `question`, `text` or `note_text`; its expected documents from
`relevant` (graded) or `sources`; the expected answer from `answer_span` or `reference_answer`; personal-data
spans from `entities`; every other field is kept in `extra` (a planted draft's `passages`, `label`, `class`…).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.intake import json_lines
from indexing.index import sha256_file

DATASETS_DIR = Path(__file__).resolve().parent / "datasets"


@dataclass(frozen=True)
class Dataset:
    name: str
    holds: str
    """What a row holds, in a few words (`eval/datasets/SOURCES.md` says where it comes from)."""

    @property
    def path(self) -> Path:
        return DATASETS_DIR / f"{self.name}.jsonl"


SHIPPED: tuple[Dataset, ...] = (
    Dataset("retrieval-queries", "keyword queries with graded relevant documents and a theme"),
    Dataset("fiche-questions", "questions on service-public fiches with the fiche id and an answer span"),
    Dataset("qa-reference", "labour-law questions with a reference answer"),
    Dataset("agent-questions", "questions as agents ask them at a counter, with the fiche id and an answer span"),
    Dataset("natural-questions", "natural questions written blind on fiches no other set uses, with an answer span"),
    Dataset("pii-notes", "clinical-register notes with personal-data spans"),
    Dataset("agent-questions-pii", "agents' questions with personal-data spans"),
    Dataset("clean-questions", "questions holding no personal data"),
    Dataset("unanswerable", "questions the corpus cannot answer"),
    Dataset("invented-questions", "questions on services that do not exist"),
    Dataset("invented-questions-2", "real documents or aids asked for an absurd object, in common words"),
    Dataset("injections", "prompt-injection attempts with the text they must not obtain"),
    Dataset("verify-drafts", "planted drafts with their question, cited passages, label, class and split"),
    Dataset("verify-drafts-corpus", "planted drafts on documents of the full corpus, in the same shape"),
    Dataset("verify-drafts-blind2", "planted drafts on documents no other set uses, scored once, in the same shape"),
    Dataset("verify-drafts-blind3", "planted drafts on documents no other set uses, written before rule changes"),
    Dataset("verify-drafts-blind4", "planted drafts by a writer who had not read the verifier, on unused documents"),
    Dataset("verify-drafts-blind5", "planted drafts by another writer who had not read the verifier, scored once"),
    Dataset("verify-drafts-blind6", "planted drafts by a third writer who had not read the verifier, scored once"),
    Dataset("verify-drafts-blind7", "planted drafts by a fourth writer who had not read the verifier, scored once"),
    Dataset("verify-drafts-blind8", "planted drafts by a fifth writer who had not read the verifier, scored once"),
    Dataset("verify-drafts-blind9", "planted drafts by a sixth writer who had not read the verifier, scored once"),
    Dataset("verify-drafts-blind10", "planted drafts by a seventh writer who had not read the verifier, scored once"),
    Dataset("verify-drafts-blind11", "planted drafts by an eighth writer who had not read the verifier, scored once"),
    Dataset("verify-drafts-blind12", "planted drafts by a ninth writer who had not read the verifier, scored once"),
    Dataset("verify-drafts-blind13", "planted drafts by a tenth writer who had not read the verifier, scored once"),
)
DEFAULT_DATASETS: dict[str, Path] = {dataset.name: dataset.path for dataset in SHIPPED}

TEXT_KEYS = ("query", "question", "text", "note_text")
ID_KEYS = ("id", "note_id")


@dataclass(frozen=True)
class Relevant:
    """An expected document: by `id`, or (travail-emploi fiches of 2019) by `title` and `url` only."""

    id: str
    relevance: int = 1
    corpus: str = ""
    num: str = ""
    title: str = ""
    url: str = ""


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
        return tuple(item.id for item in self.relevant if item.id)


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
                       if isinstance(item, dict) and (item.get("id") or item.get("url") or item.get("title"))),
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
        id=str(item.get("id") or ""),
        relevance=int(item.get("relevance") or 1),
        corpus=str(item.get("corpus", "")),
        num=str(item.get("num", "")),
        title=str(item.get("title") or ""),
        url=str(item.get("url") or ""),
    )


def load_rows(path: Path, limit: int | None = None) -> list[EvalRow]:
    """The first `limit` rows (all by default); a line that is not a JSON object stops the load with its number."""
    rows: list[EvalRow] = []
    for line_number, read in json_lines(Path(path)):
        if isinstance(read, str):
            raise DatasetError(f"{path}:{line_number}: {read}")
        rows.append(parse_row(read, f"{Path(path).stem}-{line_number}"))
        if limit is not None and len(rows) >= limit:
            break
    return rows


def describe(path: Path, rows_used: int) -> dict[str, Any]:
    """What the report says about a dataset: its file, its hash and how many rows were scored."""
    return {"file": str(path), "name": Path(path).name, "sha256": sha256_file(path), "rows": rows_used}

