"""`guichet ranker train`: learn the reranking of the fused candidates from the development keyword queries and the
corpus's question-titled fiches, score it under grouped cross-validation (every query of one theme in the same fold,
so that no paraphrase of a test query is learnt from), then fit it on all the queries and write it where the searcher
reads it."""
from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from tqdm import tqdm

from corpus.model import SOURCE_SERVICE_PUBLIC, Document
from eval.datasets import DEFAULT_DATASETS, load_rows
from eval.relevance import queries_of, resolve_queries
from eval.retrieval_metrics import query_scores
from indexing.rerank import FEATURES, Ranker, Tree, save_ranker
from indexing.search import Searcher

if TYPE_CHECKING:
    from sklearn.ensemble import HistGradientBoostingClassifier

DEFAULT_DATASET = DEFAULT_DATASETS["retrieval-queries"]
DEPTH = 30
"""Candidates reordered: 94.6 % of the development queries have a relevant document among the fusion's first 30."""
FOLDS = 5
TREES = 100
TREE_DEPTH = 3
LEARNING_RATE = 0.05
"""Small and shallow on purpose (about 1,300 queries). Grouped cross-validation on the development queries, full
index, trained on those queries alone: depth 2 or 3 and 100 trees give hit@5 0.866–0.868 and MRR@10 0.743–0.751 over
three fold draws, 6 levels and 300 trees 0.862 / 0.714, a linear pairwise model 0.859 / 0.729, the fusion alone
0.857 / 0.696. With the corpus questions added to every fold's training (what ships): 0.865 / 0.728."""
METRICS = ("hit@1", "hit@5", "mrr@10", "ndcg@10")
CORPUS_THEME = "corpus: question titles"


@dataclass(frozen=True)
class TrainingQuery:
    text: str
    theme: str
    documents: list[str]
    rows: np.ndarray
    relevant: dict[str, int]

    @property
    def labels(self) -> np.ndarray:
        return np.array([self.relevant.get(doc, 0) > 0 for doc in self.documents])


def collect(searcher: Searcher, documents: Sequence[Document], dataset: Path, depth: int = DEPTH,
            limit: int | None = None, progress: bool = True) -> list[TrainingQuery]:
    """Each query with a relevant document in the corpus, as the fusion's first `depth` candidates and their rows."""
    rows = load_rows(dataset)
    theme = {row.text: row.theme or row.text for row in rows}
    queries = queries_of(rows)[:limit]
    resolved = resolve_queries(queries, documents)
    asked = (_asked(searcher, query.text, theme[query.text], relevant, depth)
             for query, relevant in tqdm(list(zip(queries, resolved, strict=True)), desc="candidates",
                                         disable=not progress) if relevant)
    return [query for query in asked if query is not None]


def corpus_questions(searcher: Searcher, depth: int = DEPTH, progress: bool = True) -> list[TrainingQuery]:
    """The service-public fiches whose title is a question, each asked by its title and answered by itself: the
    corpus's own questions. They only ever train, never score: without them the model, which learns from keyword
    queries whose labels favour the Code's articles, moved a fiche asked by its own title from first to second
    place for 2 of the 55 natural development questions."""
    questions = [info for info in searcher.index.documents
                 if info.source == SOURCE_SERVICE_PUBLIC and info.title.rstrip().endswith("?")]
    asked = (_asked(searcher, info.title, CORPUS_THEME, {info.id: 1}, depth)
             for info in tqdm(questions, desc="corpus questions", disable=not progress))
    return [query for query in asked if query is not None]


def _asked(searcher: Searcher, text: str, theme: str, relevant: dict[str, int], depth: int) -> TrainingQuery | None:
    """One query as the fusion's first `depth` candidates and their rows; None when the search finds nothing."""
    candidates = searcher.candidate_features(text, depth)
    if not candidates:
        return None
    return TrainingQuery(text, theme, [doc for doc, _ in candidates],
                         np.array([row for _, row in candidates], dtype=np.float64), relevant)


def train_model(queries: Sequence[TrainingQuery]) -> HistGradientBoostingClassifier:
    """A boosted-tree classifier of relevant vs not among the candidates."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    features = np.concatenate([query.rows for query in queries])
    labels = np.concatenate([query.labels for query in queries])
    return HistGradientBoostingClassifier(max_depth=TREE_DEPTH, max_iter=TREES, learning_rate=LEARNING_RATE,
                                          early_stopping=False, random_state=0).fit(features, labels)


def export(model: HistGradientBoostingClassifier, depth: int, card: dict[str, Any]) -> Ranker:
    """The fitted model as plain trees, which the searcher evaluates with numpy alone."""
    trees = tuple(_tree(predictors[0].nodes) for predictors in model._predictors)
    return Ranker(FEATURES, trees, float(np.ravel(model._baseline_prediction)[0]), depth, card)


def fit(queries: Sequence[TrainingQuery], depth: int = DEPTH, card: dict[str, Any] | None = None) -> Ranker:
    return export(train_model(queries), depth, card or {})


def _tree(nodes: np.ndarray) -> Tree:
    return Tree(
        feature=nodes["feature_idx"].astype(np.int64),
        threshold=nodes["num_threshold"].astype(np.float64),
        left=nodes["left"].astype(np.int64),
        right=nodes["right"].astype(np.int64),
        value=nodes["value"].astype(np.float64),
        leaf=nodes["is_leaf"].astype(bool),
        missing_left=nodes["missing_go_to_left"].astype(bool),
    )


def ranked_scores(queries: Sequence[TrainingQuery], ranker: Ranker | None) -> dict[str, float]:
    """Mean metrics of the candidates in the fusion's order (None) or the ranker's."""
    per_query = []
    for query in queries:
        order = np.arange(len(query.documents))
        if ranker is not None:
            order = np.argsort(-ranker.score(query.rows), kind="stable")
        per_query.append(query_scores([query.documents[i] for i in order], query.relevant))
    return {name: round(float(np.mean([scores[name] for scores in per_query])), 4) for name in METRICS}


def cross_validate(queries: Sequence[TrainingQuery], folds: int = FOLDS, seed: int = 0,
                   always: Sequence[TrainingQuery] = ()) -> dict[str, dict[str, float]]:
    """Fusion and ranker side by side, each query scored by a model that saw none of its theme (`always` is added
    to every fold's training queries and never scored)."""
    themes = sorted({query.theme for query in queries})
    random.Random(seed).shuffle(themes)
    fold_of = {theme: i % folds for i, theme in enumerate(themes)}
    held_out: list[TrainingQuery] = []
    reranked: list[dict[str, float]] = []
    for fold in range(folds):
        train = [query for query in queries if fold_of[query.theme] != fold]
        test = [query for query in queries if fold_of[query.theme] == fold]
        if not train or not test:
            continue
        held_out += test
        reranked.append({**ranked_scores(test, fit([*train, *always])), "n": len(test)})
    total = sum(scores["n"] for scores in reranked)
    return {
        "fusion": ranked_scores(held_out, None),
        "ranker": {name: round(sum(scores[name] * scores["n"] for scores in reranked) / total, 4) for name in METRICS},
    }


def train(searcher: Searcher, documents: Sequence[Document], dataset: Path, out: Path,
          limit: int | None = None, progress: bool = True) -> Ranker:
    queries = collect(searcher, documents, dataset, limit=limit, progress=progress)
    themes = len({query.theme for query in queries})
    if themes < FOLDS:
        raise ValueError(f"{dataset.name}: {themes} theme(s), grouped cross-validation needs at least {FOLDS}")
    questions = corpus_questions(searcher, progress=progress)
    card = {
        "dataset": dataset.name,
        "queries": len(queries),
        "themes": themes,
        "corpus_questions": len(questions),
        "folds": FOLDS,
        "grouped_by": "theme",
        "cross_validation": cross_validate(queries, always=questions),
        "index_documents": len(searcher.index.documents),
        "trained": date.today().isoformat(),
    }
    ranker = fit([*queries, *questions], card=card)
    save_ranker(ranker, out)
    return ranker
