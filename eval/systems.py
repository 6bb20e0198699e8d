"""The retrieval systems `guichet eval retrieval` scores: the deployed searcher and its references."""
from __future__ import annotations

MAIN_SYSTEM = "Guichet (hybride)"
FUSION_SYSTEM = "Guichet (fusion seule)"
"""The deployed search without its learned reranking: what the reranking adds, in the same run."""
BM25_SYSTEM = "BM25 seul"
LANGCHAIN_SYSTEM = "LangChain manuel"
BASELINES = {"bm25": BM25_SYSTEM, "langchain": LANGCHAIN_SYSTEM}
"""Reference systems by option name. BM25 over whole documents builds in seconds; the LangChain textbook pipeline
embeds the whole corpus again with all-MiniLM-L6-v2 (about 20 minutes on 2 cores the first time, then read from the
embedding cache), so it runs only when asked for."""
DEFAULT_BASELINES = ("bm25",)
