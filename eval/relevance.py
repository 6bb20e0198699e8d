"""What each query expects, as document ids of the corpus scored against: the rows' relevant items resolved by
document id or alias, and (travail-emploi fiches of 2019, which have no stable id) by URL slug or title."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from corpus.model import SOURCE_TRAVAIL_EMPLOI, Document
from eval.datasets import EvalRow, Relevant, load_rows
from indexing.text import fold


@dataclass(frozen=True)
class Query:
    text: str
    relevant: dict[str, int]
    """Relevance grade (≥ 1) by relevant id: a document id or alias, or `slug:`/`title:` keys for travail fiches."""


def queries_of(rows: Iterable[EvalRow]) -> list[Query]:
    """The rows that expect at least one document, as queries."""
    queries = []
    for row in rows:
        relevant: dict[str, int] = {}
        for item in row.relevant:
            for key in _relevant_keys(item):
                relevant[key] = max(relevant.get(key, 0), item.relevance)
        if row.text and relevant:
            queries.append(Query(row.text, relevant))
    return queries


def load_queries(path: Path) -> list[Query]:
    return queries_of(load_rows(path))


def _relevant_keys(item: Relevant) -> list[str]:
    if item.id:
        return [item.id]
    keys = []
    if item.url:
        keys.append("slug:" + url_slug(item.url))
    if item.title:
        keys.append("title:" + _title_key(item.title))
    return keys


def url_slug(url: str) -> str:
    path = url.split("#", 1)[0].rstrip("/")
    return re.sub(r"-\d+$", "", path.rsplit("/", 1)[-1])


def _title_key(title: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(title)))


def document_keys(document: Document) -> list[str]:
    keys = [document.id, *document.aliases]
    if document.source == SOURCE_TRAVAIL_EMPLOI:
        keys += ["slug:" + url_slug(document.url), "title:" + _title_key(document.title)]
    return keys


def resolve_queries(queries: Iterable[Query], documents: Sequence[Document]) -> list[dict[str, int]]:
    """Each query's relevance by document id, for the queries with at least one relevant document present."""
    owner: dict[str, str] = {}
    for document in documents:
        for key in document_keys(document):
            owner.setdefault(key, document.id)
    resolved = []
    for query in queries:
        grades: dict[str, int] = {}
        for key, grade in query.relevant.items():
            if key in owner:
                grades[owner[key]] = max(grades.get(owner[key], 0), grade)
        resolved.append(grades)
    return resolved
