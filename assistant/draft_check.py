"""`guichet verify`: any draft with `[n]` markers — ours, another model's, another assistant's — checked sentence by
sentence against the official passages it cites, given by index id (`F40`, `F40#5`) or quoted inline."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.intake import json_lines
from assistant.verify import Resemblance, verify
from indexing.model import Passage

if TYPE_CHECKING:
    from indexing.index import Index

PassageRef = str | dict[str, Any]
"""A document or chunk id of the index, or an inline passage (`text`, optional `doc_id`, `title`,
`heading_path`, `url`)."""
DRAFT_FIELDS = ("draft", "answer", "text")


class DraftInputError(ValueError):
    """A draft to check is malformed or cites a passage the index does not hold."""


@dataclass(frozen=True)
class DraftToCheck:
    id: Any
    question: str
    draft: str
    passages: tuple[PassageRef, ...]


def inline_passage(row: dict[str, Any], n: int) -> Passage:
    if not isinstance(row.get("text"), str):
        raise DraftInputError(f"passage {n}: an inline passage needs a `text`")
    return Passage(
        chunk_id=row.get("chunk_id") or f"{row.get('doc_id', 'inline')}#{n}",
        doc_id=row.get("doc_id", "inline"),
        source=row.get("source", ""),
        title=row.get("title", ""),
        url=row.get("url", ""),
        heading_path=tuple(row.get("heading_path", ())),
        text=row["text"],
    )


def indexed_passage(index: Index, ref: str) -> Passage:
    """A chunk (`F40#5`) as indexed, or a whole document (`F40`): the bodies of all its chunks, in order."""
    chunk = index.chunk(ref)
    chunks = [chunk] if chunk else index.document_chunks(ref)
    document = index.document(chunks[0].doc_id) if chunks else None
    if document is None:
        raise DraftInputError(f"{ref}: no such document or chunk in the index")
    bodies = [chunk.text.partition("\n")[2] if chunk.text.startswith(document.title) else chunk.text
              for chunk in chunks]
    return Passage(
        chunk_id=ref,
        doc_id=document.id,
        source=document.source,
        title=document.title,
        url=document.url,
        heading_path=chunks[0].heading_path if len(chunks) == 1 else (),
        text="\n".join(bodies),
        audience=document.audience,
        updated=document.updated,
        number=document.number,
        in_force_since=document.in_force_since,
        in_force_until=document.in_force_until,
    )


def resolve(refs: Sequence[PassageRef], index: Index | None) -> list[Passage]:
    passages = []
    for n, ref in enumerate(refs, start=1):
        if isinstance(ref, dict):
            passages.append(inline_passage(ref, n))
        elif index is None:
            raise DraftInputError(f"{ref}: an id needs the index (guichet index)")
        else:
            passages.append(indexed_passage(index, str(ref)))
    return passages


def check(item: DraftToCheck, passages: list[Passage], resemblance: Resemblance | None) -> dict[str, Any]:
    """Which sentences stand and which go, and why; `text` is what would be shown (nothing when the draft is
    held back whole: the answer is then composed from the texts)."""
    verification = verify(item.draft, passages, resemblance, item.question)
    return {
        "question": item.question,
        "draft": item.draft,
        "acceptable": verification.acceptable,
        "text": verification.text() if verification.acceptable else "",
        "sentences": [
            {
                "sentence": verdict.sentence,
                "cited": list(verdict.cited),
                "stands": verdict.supported,
                "reason": verdict.reason,
                "detail": verdict.detail,
                "support": verdict.support or None,
                "quote": verdict.quote,
            }
            for verdict in verification.verdicts
        ],
        "passages": [
            {"n": n, "doc_id": p.doc_id, "chunk_id": p.chunk_id, "title": p.title, "url": p.url}
            for n, p in enumerate(passages, start=1)
        ],
    }


def read_drafts(path: Path) -> Iterator[tuple[int, Any, DraftToCheck | str]]:
    """One JSON object a line: `question`, `draft` (or `answer`, `text`), `passages` (ids or inline passages,
    in the order of the `[n]` markers), optional `id`. Each line's number and id with its draft, or why it holds
    none."""
    for line_number, row in json_lines(path):
        if isinstance(row, str):
            yield line_number, None, row
        else:
            yield line_number, row.get("id"), _draft(row)


def _draft(row: dict[str, Any]) -> DraftToCheck | str:
    draft = next((row[f] for f in DRAFT_FIELDS if isinstance(row.get(f), str)), None)
    passages = row.get("passages")
    if draft is None or not isinstance(passages, list) or not passages:
        return "needs a `draft` and a non-empty `passages` list"
    return DraftToCheck(row.get("id"), str(row.get("question", "")), draft, tuple(passages))


def render(result: dict[str, Any]) -> str:
    if result["acceptable"]:
        lines = [f"acceptable: {result['text']}"]
    else:
        lines = ["rejected: nothing of the draft is shown (the answer is composed from the texts)"]
    for sentence in result["sentences"]:
        why = "stands" if sentence["stands"] else f"removed: {sentence['reason']}"
        detail = f" ({sentence['detail']})" if sentence["detail"] else ""
        lines.append(f"  [{why}{detail}] {sentence['sentence']}")
    return "\n".join(lines)
