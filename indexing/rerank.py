"""A learned reranking of the fused candidates: a small boosted-tree model over what the fusion already knows of each
document (its rank and score in each list, its title's match, its source, the public-service prior), trained by
`guichet ranker train` (`eval/ranker_training.py`) on the development keyword queries and the corpus's question-titled
fiches, scored under grouped cross-validation, and shipped as JSON."""
from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from corpus.model import SOURCE_LEGIFRANCE, SOURCE_SERVICE_PUBLIC, SOURCE_TRAVAIL_EMPLOI

SHIPPED_RANKER = Path(__file__).with_name("ranker.json")
LISTS = ("bm25_doc", "bm25", "dense")
SOURCES = (SOURCE_SERVICE_PUBLIC, SOURCE_TRAVAIL_EMPLOI, SOURCE_LEGIFRANCE)
FEATURES = (
    *(f"{name}_{part}" for name in LISTS for part in ("present", "rrf", "relative", "log_hits")),
    "title", "title_dense", "public_service", *(f"source_{source}" for source in SOURCES), "fused", "fused_rank",
)


@dataclass
class ListHits:
    """Where a document first appears in one retriever's list, with what score, and how many of its hits it has."""

    rank: int
    score: float
    hits: int = 1


@dataclass(frozen=True)
class Candidate:
    """What the fusion knows of one document, for the reranker."""

    lists: Mapping[str, ListHits]
    tops: Mapping[str, float]
    """Each list's best score, to read a document's score relative to it."""
    title: float
    title_dense: float
    public_service: bool
    source: str
    fused: float
    fused_rank: int


def features(candidate: Candidate, rrf_k: float) -> list[float]:
    """The candidate as the model's input row, in `FEATURES` order."""
    row: list[float] = []
    for name in LISTS:
        found = candidate.lists.get(name)
        top = candidate.tops.get(name) or 0.0
        if found is None:
            row += [0.0, 0.0, 0.0, 0.0]
        else:
            row += [1.0, 1.0 / (rrf_k + found.rank), found.score / top if top else 0.0, math.log1p(found.hits)]
    row += [candidate.title, candidate.title_dense, float(candidate.public_service)]
    row += [float(candidate.source == source) for source in SOURCES]
    row += [candidate.fused, 1.0 / candidate.fused_rank]
    return row


@dataclass(frozen=True)
class Tree:
    """One regression tree, as parallel arrays over its nodes (node 0 is the root)."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    leaf: np.ndarray
    missing_left: np.ndarray

    def predict(self, rows: np.ndarray) -> np.ndarray:
        node = np.zeros(len(rows), dtype=np.int64)
        at = np.arange(len(rows))
        while not self.leaf[node].all():
            inner = ~self.leaf[node]
            values = rows[at, self.feature[node]]
            go_left = np.where(np.isnan(values), self.missing_left[node], values <= self.threshold[node])
            node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
        return self.value[node]


@dataclass(frozen=True)
class Ranker:
    """A boosted sum of trees; higher is more likely relevant. `depth` candidates are reordered, the rest kept."""

    features: tuple[str, ...]
    trees: tuple[Tree, ...]
    baseline: float
    depth: int
    card: Mapping[str, object]
    """How it was trained and what it scored under cross-validation (`guichet ranker train`)."""

    def score(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        matrix = np.asarray(rows, dtype=np.float64)
        return self.baseline + sum((tree.predict(matrix) for tree in self.trees), np.zeros(len(matrix)))

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(self.features),
            "baseline": self.baseline,
            "depth": self.depth,
            "card": dict(self.card),
            "trees": [
                {name: getattr(tree, name).tolist() for name in Tree.__dataclass_fields__} for tree in self.trees
            ],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Ranker:
        if tuple(data["features"]) != FEATURES:  # type: ignore[arg-type]
            raise ValueError("the ranker was trained on other features than this version computes: retrain it "
                             "with `guichet ranker train`")
        kinds = {"feature": np.int64, "threshold": np.float64, "left": np.int64, "right": np.int64,
                 "value": np.float64, "leaf": bool, "missing_left": bool}
        trees = tuple(Tree(**{name: np.asarray(tree[name], dtype=kind) for name, kind in kinds.items()})
                      for tree in data["trees"])  # type: ignore[union-attr]
        return cls(FEATURES, trees, float(data["baseline"]), int(data["depth"]),  # type: ignore[arg-type]
                   dict(data.get("card", {})))  # type: ignore[union-attr, arg-type]


def save_ranker(ranker: Ranker, path: Path) -> None:
    """Written whole to a temporary file, then renamed: a reader never sees half a model."""
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(ranker.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    temporary.replace(path)


@cache
def load_ranker(path: Path = SHIPPED_RANKER) -> Ranker:
    return Ranker.from_json(json.loads(path.read_text(encoding="utf-8")))
