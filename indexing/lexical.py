"""BM25 (bm25s) over the French analyzer's terms, built once at index time, saved and loaded."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np

from indexing.text import analyze


class LexicalIndex:
    def __init__(self, bm25: bm25s.BM25, ids: list[str]) -> None:
        self.bm25 = bm25
        self.ids = ids

    @classmethod
    def build(cls, ids: Sequence[str], texts: Sequence[str], k1: float = 1.2, b: float = 0.75) -> LexicalIndex:
        bm25 = bm25s.BM25(k1=k1, b=b, method="lucene")
        bm25.index([analyze(text) or [""] for text in texts], show_progress=False)
        return cls(bm25, list(ids))

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """The BM25 score of every indexed text for the (already analysed) query terms."""
        known = self.bm25.get_tokens_ids(list(terms))
        if not known:
            return np.zeros(len(self.ids), dtype=np.float32)
        return self.bm25.get_scores_from_ids(known)

    def document_frequency(self, term: str) -> int:
        """How many indexed texts hold the (analysed) term."""
        return len(self._holding(term))

    def association(self, term: str, other: str) -> float:
        """How many indexed texts hold both (analysed) terms, over how many would if they were spread by chance
        (the product of their frequencies over the number of texts); 0 when no text holds both."""
        first, second = self._holding(term), self._holding(other)
        together = len(np.intersect1d(first, second, assume_unique=True))
        return together * len(self.ids) / (len(first) * len(second)) if together else 0.0

    def _holding(self, term: str) -> np.ndarray:
        """The rows of the texts that hold the term."""
        known = self.bm25.get_tokens_ids([term])
        if not known:
            return np.zeros(0, dtype=np.int64)
        indptr = self.bm25.scores["indptr"]
        return self.bm25.scores["indices"][indptr[known[0]]:indptr[known[0] + 1]]

    def top(self, terms: Sequence[str], k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(row, score) of the `k` best texts with a positive score, optionally among `allowed` rows only."""
        scores = self.scores(terms)
        if allowed is not None:
            masked = np.full_like(scores, -1.0)
            masked[allowed] = scores[allowed]
            scores = masked
        k = min(k, len(scores))
        if k <= 0:
            return []
        rows = np.argpartition(-scores, k - 1)[:k]
        rows = rows[np.argsort(-scores[rows], kind="stable")]
        return [(int(row), float(scores[row])) for row in rows if scores[row] > 0]

    def save(self, directory: Path) -> list[Path]:
        directory.mkdir(parents=True, exist_ok=True)
        self.bm25.save(str(directory), show_progress=False)
        (directory / "ids.txt").write_text("\n".join(self.ids), encoding="utf-8")
        return sorted(path for path in directory.iterdir() if path.is_file())

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        bm25 = bm25s.BM25.load(str(directory), show_progress=False, verbosity=0)
        ids = (directory / "ids.txt").read_text(encoding="utf-8").split("\n")
        return cls(bm25, ids)
