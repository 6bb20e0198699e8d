"""A LangChain retriever over Guichet's hybrid `Searcher`."""
from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LangChainDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from indexing.model import Passage, SearchFilters
from indexing.search import Searcher


def to_langchain(passage: Passage) -> LangChainDocument:
    return LangChainDocument(
        page_content=passage.text,
        metadata={
            "doc_id": passage.doc_id,
            "chunk_id": passage.chunk_id,
            "title": passage.title,
            "url": passage.url,
            "source": passage.source,
            "heading_path": list(passage.heading_path),
            "score": passage.score,
        },
    )


class GuichetRetriever(BaseRetriever):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    searcher: Searcher
    k: int = 5
    filters: SearchFilters | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, **kwargs: Any
    ) -> list[LangChainDocument]:
        return [to_langchain(p) for p in self.searcher.search(query, k=self.k, filters=self.filters)]
