"""The learned reranking: the shipped model, its export from scikit-learn, its training under grouped
cross-validation on real development queries, and the searcher's use of it, on the index of the real fixture
documents."""
from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import numpy as np
import pytest

import eval.ranker_training as training
from eval.datasets import DEFAULT_DATASETS
from eval.ranker_training import (
    CORPUS_THEME,
    DEPTH,
    TrainingQuery,
    collect,
    corpus_questions,
    cross_validate,
    export,
    train,
    train_model,
)
from guichet.config import Settings
from indexing.embeddings import Embedder
from indexing.index import Index
from indexing.model import SearchFilters
from indexing.rerank import FEATURES, Ranker, load_ranker, save_ranker
from indexing.search import OTHER_QUESTION, RERANK, SUBJECT_TITLE, SearchConfig, Searcher
from indexing.text import analyze
from tests.corpus_fixtures import fixture_documents

QUERIES = DEFAULT_DATASETS["retrieval-queries"]


@pytest.fixture(scope="module")
def searcher(indexed_settings: Settings) -> Searcher:
    return Searcher(Index.open(indexed_settings), Embedder(indexed_settings), indexed_settings)


@pytest.fixture(scope="module")
def queries(searcher: Searcher) -> list[TrainingQuery]:
    """The development keyword queries whose relevant documents are among the fixtures (224, 9 themes)."""
    return collect(searcher, fixture_documents(), QUERIES, progress=False)


def test_the_shipped_ranker_matches_the_features_and_beat_the_fusion_on_themes_it_never_saw() -> None:
    ranker = load_ranker()
    assert ranker.features == FEATURES and ranker.depth == DEPTH and len(ranker.trees) >= 10
    card = ranker.card
    assert card["grouped_by"] == "theme" and card["folds"] >= 5 and card["queries"] > 1000
    assert card["corpus_questions"] > 1000
    fusion, learned = card["cross_validation"]["fusion"], card["cross_validation"]["ranker"]
    assert learned["mrr@10"] > fusion["mrr@10"] and learned["hit@5"] >= fusion["hit@5"]


def test_candidates_are_the_fusions_first_documents_with_one_row_each(searcher: Searcher) -> None:
    fusion_only = Searcher(searcher.index, searcher.embedder, searcher.settings, SearchConfig(ranker=None))
    candidates = searcher.candidate_features("fin de CDD", 8)
    assert [doc for doc, _ in candidates] == [p.doc_id for p in fusion_only.search("fin de CDD", 8)]
    assert all(len(row) == len(FEATURES) for _, row in candidates)
    first = dict(zip(FEATURES, candidates[0][1], strict=True))
    assert first["fused_rank"] == 1.0 and first["dense_present"] == 1.0 and 0 < first["dense_relative"] <= 1.0


def test_the_corpus_questions_are_question_titled_fiches_answered_by_themselves(searcher: Searcher) -> None:
    questions = corpus_questions(searcher, progress=False)
    titled = {doc.id: doc.title for doc in fixture_documents()
              if doc.source == "service-public" and doc.title.endswith("?")}
    assert questions and {query.text for query in questions} == set(titled.values())
    for query in questions:
        (answer,) = query.relevant
        assert titled[answer] == query.text and query.theme == CORPUS_THEME and answer in query.documents


def test_exported_trees_score_exactly_as_the_fitted_model(queries: list[TrainingQuery]) -> None:
    model = train_model(queries)
    ranker = export(model, DEPTH, {})
    rows = np.concatenate([query.rows for query in queries[:40]])
    assert np.allclose(ranker.score(rows), model.decision_function(rows))


def test_the_model_survives_its_json_and_refuses_other_features(queries: list[TrainingQuery], tmp_path: Path) -> None:
    ranker = export(train_model(queries), DEPTH, {"dataset": "test"})
    path = tmp_path / "ranker.json"
    save_ranker(ranker, path)
    loaded = load_ranker(path)
    rows = queries[0].rows
    assert np.allclose(loaded.score(rows), ranker.score(rows)) and loaded.card == {"dataset": "test"}
    data = ranker.to_json()
    with pytest.raises(ValueError, match="retrain"):
        Ranker.from_json({**data, "features": [*FEATURES[:-1], "something_else"]})


def test_cross_validation_never_trains_on_a_test_querys_theme(
    searcher: Searcher, queries: list[TrainingQuery], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[set[str], set[str]]] = []
    fitted = training.fit

    def recording_fit(train_queries: list[TrainingQuery]) -> Ranker:
        seen.append(({query.theme for query in train_queries}, set()))
        return fitted(train_queries)

    scored = training.ranked_scores

    def recording_scores(test_queries: list[TrainingQuery], ranker: Ranker | None) -> dict[str, float]:
        if ranker is not None:
            seen[-1][1].update(query.theme for query in test_queries)
        return scored(test_queries, ranker)

    monkeypatch.setattr(training, "fit", recording_fit)
    monkeypatch.setattr(training, "ranked_scores", recording_scores)
    always = corpus_questions(searcher, progress=False)
    result = cross_validate(queries, folds=3, always=always)
    assert len(seen) == 3 and all(train_themes and test_themes and not train_themes & test_themes
                                  for train_themes, test_themes in seen)
    assert set().union(*(test_themes for _, test_themes in seen)) == {query.theme for query in queries}
    assert all(CORPUS_THEME in train_themes for train_themes, _ in seen)
    assert set(result) == {"fusion", "ranker"} and 0 < result["ranker"]["hit@5"] <= 1


def test_training_writes_a_model_the_searcher_reorders_with(searcher: Searcher, tmp_path: Path) -> None:
    out = tmp_path / "ranker.json"
    ranker = train(searcher, fixture_documents(), QUERIES, out, progress=False)
    assert out.exists() and ranker.card["queries"] == 224 and ranker.card["themes"] == 9
    assert ranker.card["corpus_questions"] > 0
    config = dataclasses.replace(searcher.config, ranker=out)
    reranked = Searcher(searcher.index, searcher.embedder, searcher.settings, config)
    passages = reranked.search("rupture anticipée d'un CDD", 10)
    scores = [p.scores[RERANK] for p in passages]
    assert scores == sorted(scores, reverse=True)
    fusion_only = Searcher(searcher.index, searcher.embedder, searcher.settings, SearchConfig(ranker=None))
    fused = fusion_only.search("rupture anticipée d'un CDD", DEPTH)
    assert {p.doc_id for p in passages} <= {p.doc_id for p in fused} and all(RERANK not in p.scores for p in fused)
    assert [p.doc_id for p in passages] != [p.doc_id for p in fused[:10]]


def test_too_few_themes_are_refused(searcher: Searcher, tmp_path: Path) -> None:
    dataset = tmp_path / "one-theme.jsonl"
    dataset.write_text(QUERIES.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="theme"):
        train(searcher, fixture_documents(), dataset, tmp_path / "ranker.json", progress=False)


def test_a_named_agreement_keeps_the_fusions_order(searcher: Searcher) -> None:
    passages = searcher.search("préavis de démission", 5, SearchFilters(agreements=("1486",)))
    assert passages and all(RERANK not in p.scores for p in passages)
    assert any(RERANK in p.scores for p in searcher.search("préavis de démission", 5))


def test_the_setting_turns_the_reranking_off(indexed_settings: Settings, searcher: Searcher) -> None:
    off = Searcher(searcher.index, searcher.embedder, dataclasses.replace(indexed_settings, rerank=False))
    assert off.config.ranker is None
    assert all(RERANK not in p.scores for p in off.search("fin de CDD", 5))


def test_scores_follow_the_order_beyond_the_reranked_head(searcher: Searcher, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow.json"
    save_ranker(dataclasses.replace(load_ranker(), depth=10), shallow)
    config = dataclasses.replace(searcher.config, ranker=shallow)
    passages = Searcher(searcher.index, searcher.embedder, searcher.settings, config).search("fin de CDD", 25)
    assert len(passages) == 25
    scores = [p.score for p in passages]
    assert scores == sorted(scores, reverse=True)
    head, tail = passages[:10], passages[10:]
    assert all(p.score == p.scores[RERANK] for p in head) and all(RERANK not in p.scores for p in tail)
    fused_tail = [p.scores["rrf"] for p in tail]
    assert fused_tail == sorted(fused_tail, reverse=True)


def test_a_question_titled_fiche_that_asks_something_else_gives_way_to_the_general_fiche(searcher: Searcher) -> None:
    """« Qui peut toucher la prime de précarité à la fin d'un contrat de travail ? » (F803) answers its own question:
    asked what happens at the end of a contract, the fiche on the end of a CDD (F40) leads; asked about the bonus,
    F803 still does, and keywords leave the reranker's order alone."""
    unpenalized = Searcher(searcher.index, searcher.embedder, searcher.settings,
                           dataclasses.replace(searcher.config, other_question_penalty=0.0))
    question = "Que se passe-t-il à la fin d'un contrat de travail ?"
    assert [p.doc_id for p in unpenalized.search(question, 2)] == ["F803", "F40"]
    led = searcher.search(question, 2)
    assert [p.doc_id for p in led] == ["F40", "F803"]
    assert led[1].scores[OTHER_QUESTION] < 0 and OTHER_QUESTION not in led[0].scores
    scores = [p.score for p in searcher.search(question, DEPTH + 10)]
    assert scores == sorted(scores, reverse=True)
    assert searcher.search("Quelle prime à la fin d'un contrat de travail ?", 1)[0].doc_id == "F803"
    keywords = searcher.search("fin de CDD prime", 5)
    assert "F803" in {p.doc_id for p in keywords} and all(OTHER_QUESTION not in p.scores for p in keywords)
    assert [p.doc_id for p in keywords] == [p.doc_id for p in unpenalized.search("fin de CDD prime", 5)]


def test_title_uncovered_is_the_rare_part_of_a_title_the_query_lacks(searcher: Searcher) -> None:
    index = searcher.index
    row = index.document_rows["F803"]
    assert index.question_titled[row] and not index.question_titled[index.document_rows["F40"]]
    assert index.title_uncovered(analyze(index.documents[row].title), row) == 0.0
    assert index.title_uncovered([], row) == 1.0
    partial = index.title_uncovered(analyze("fin d'un contrat de travail"), row)
    assert 0.3 < partial < 1.0
    assert index.title_uncovered(analyze("prime de précarité"), row) < partial


def test_the_words_that_frame_a_question_title_are_not_what_it_is_about(searcher: Searcher) -> None:
    """« Combien coûte un passeport ? » is about the passeport: asked the price of a carte d'identité, the whole of
    its title is left out, as « Combien coûte la création d'une association ? » is for an acte de naissance."""
    index = copy.copy(searcher.index)
    row = index.document_rows["F803"]
    index.title_terms = list(index.title_terms)
    index.title_terms[row] = frozenset(analyze("Combien coûte un passeport ?"))
    assert index.title_uncovered(analyze("Combien coûte une carte d'identité ?"), row) == 1.0
    assert index.title_uncovered(analyze("Combien coûte un passeport pour un adulte ?"), row) == 0.0
    index.title_terms[row] = frozenset(analyze("Que faire si je retrouve une carte d'identité ?"))
    assert index.title_uncovered(analyze("Que faire pour un acte de naissance ?"), row) == 1.0


def test_an_information_fiche_titled_by_a_subject_the_query_names_whole_comes_forward(searcher: Searcher) -> None:
    """« Intéressement » (F2140) is the fiche on the subject the query names; « Plan d'épargne entreprise (PEE) »
    (F2142), whose title the query holds only in part, led before. A question-titled fiche asked word for word gets no
    such bonus: it is the question's own answer already."""
    without = Searcher(searcher.index, searcher.embedder, searcher.settings,
                       dataclasses.replace(searcher.config, subject_title_bonus=0.0))
    query = "intéressement et plan d'épargne"
    assert [p.doc_id for p in without.search(query, 2)] == ["F2142", "F2140"]
    first, second = searcher.search(query, 2)
    assert (first.doc_id, second.doc_id) == ("F2140", "F2142")
    assert first.scores[SUBJECT_TITLE] > 0 and SUBJECT_TITLE not in second.scores
    asked = searcher.search("Qui peut toucher la prime de précarité à la fin d'un contrat de travail ?", 3)
    assert asked[0].doc_id == "F803" and all(SUBJECT_TITLE not in p.scores for p in asked if p.doc_id == "F803")
