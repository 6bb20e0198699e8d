"""The JSON form of search results and answers: what `guichet search/ask --json` print and the HTTP API returns."""
from __future__ import annotations

from datetime import date
from typing import Any


def passage_json(passage: Any) -> dict[str, Any]:
    return {
        "doc_id": passage.doc_id,
        "source": passage.source,
        "title": passage.title,
        "url": passage.url,
        "chunk_id": passage.chunk_id,
        "score": round(float(passage.score), 6),
        "text": passage.text,
        "audience": list(passage.audience),
        "updated": _iso(passage.updated),
        **_in_force(passage),
    }


def _in_force(text: Any) -> dict[str, str | None]:
    return {"in_force_since": _iso(text.in_force_since), "in_force_until": _iso(text.in_force_until)}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def search_json(
    query: str, passages: list[Any], timings: dict[str, float], as_of: date | None = None
) -> dict[str, Any]:
    return {
        "query": query,
        "as_of": _iso(as_of),
        "results": [passage_json(p) for p in passages],
        "timings": {k: round(v, 1) for k, v in timings.items()},
    }


def set_aside_json(item: Any) -> dict[str, Any]:
    return {
        "doc_id": item.doc_id,
        "title": item.title,
        "number": item.number,
        "url": item.url,
        **_in_force(item),
    }


def answer_json(answer: Any) -> dict[str, Any]:
    return {
        "question": answer.question,
        "redacted_question": answer.redacted_question,
        "answer": answer.text,
        "citations": [
            {"n": c.n, "doc_id": c.doc_id, "title": c.title, "url": c.url, "quote": c.quote,
             "heading_path": list(c.heading_path)}
            for c in answer.citations
        ],
        "sources": [passage_json(p) for p in answer.passages],
        "cases": list(answer.cases),
        "extract": answer.extract,
        "refused": answer.refused,
        "mode": answer.mode,
        "notice": answer.notice,
        "as_of": _iso(answer.as_of),
        "set_aside": [set_aside_json(item) for item in answer.set_aside],
        "timings": {k: round(v, 1) for k, v in answer.timings.items()},
    }
