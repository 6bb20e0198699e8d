"""BM25 (bm25s) over the French analyzer's terms, built once at index time, saved and loaded."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np

from indexing.text import analyze

MIN_SLIP_CHARS = 5
"""Shorter stems are too close to each other to correct (« vol », « vote »)."""
MIN_SLIP_HOLDERS = 2
"""A correction is a term several texts hold, not another slip."""


class LexicalIndex:
    def __init__(self, bm25: bm25s.BM25, ids: list[str]) -> None:
        self.bm25 = bm25
        self.ids = ids
        self._slip_map: dict[str, set[str]] | None = None

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

    def written_form(self, term: str) -> str | None:
        """The indexed term most texts hold among those one slip away from `term` (a letter added, dropped or
        replaced, the first one kept: « suplementair » → « supplementair », « trvail » → « travail »), for a term no
        text holds; None when the term is held, short, or has no such neighbour. The first letter is rarely the
        slip, and without it « assmat » (assistante maternelle) read « cassat » (cassation)."""
        if len(term) < MIN_SLIP_CHARS or not term.isalpha() or self.document_frequency(term):
            return None
        slips = self._slips()
        neighbours = slips.get(term, set()).union(*(slips.get(deleted, set()) for deleted in _deletions(term)))
        same_start = sorted(neighbour for neighbour in neighbours if neighbour[0] == term[0])
        return max(same_start, key=self.document_frequency, default=None)

    def _slips(self) -> dict[str, set[str]]:
        """Each indexed term held by at least `MIN_SLIP_HOLDERS` texts, under itself and under each of its
        one-letter deletions (built on first use)."""
        if self._slip_map is None:
            slips: dict[str, set[str]] = {}
            for term in self.bm25.vocab_dict:
                if len(term) < MIN_SLIP_CHARS - 1 or not term.isalpha():
                    continue
                if self.document_frequency(term) >= MIN_SLIP_HOLDERS:
                    for key in (term, *_deletions(term)):
                        slips.setdefault(key, set()).add(term)
            self._slip_map = slips
        return self._slip_map

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


def _deletions(term: str) -> set[str]:
    return {term[:i] + term[i + 1:] for i in range(len(term))}
