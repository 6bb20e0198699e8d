"""One retrieval suite, run on every vector store: FAISS flat, FAISS HNSW and embedded Qdrant, real embeddings."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from eval.scaling import run as run_scaling
from guichet.config import Settings
from indexing.embeddings import Embedder
from indexing.model import SearchFilters
from indexing.qdrant_store import QdrantStore
from indexing.stores import HNSW_EF_CONSTRUCTION, ApproximateFaissStore, create_store, faiss_kind, load_store
from indexing.vector_store import FaissStore, Payload, VectorStore
from tests.corpus_fixtures import fixture_documents

QUERIES = (
    "Quand se termine un contrat à durée déterminée ?",
    "prime de précarité à la fin du CDD",
    "Comment obtenir la communication d'un document administratif ?",
    "durée du mandat du président d'une association",
    "indemnité légale de licenciement",
)
STORE_KINDS = ("faiss-flat", "faiss-hnsw", "qdrant-embedded")
K = 8


class Corpus:
    def __init__(self, embedder: Embedder) -> None:
        documents = fixture_documents()
        self.ids = [document.id for document in documents]
        self.payloads = [Payload(document.source, document.audience) for document in documents]
        self.vectors = embedder.encode([f"{document.title}\n{document.text[:1200]}" for document in documents])
        self.queries = embedder.encode(list(QUERIES), query=True)
        self.payload_by_id = dict(zip(self.ids, self.payloads, strict=True))
        self.titles = {document.id: document.title for document in documents}

    def exact(self, query: np.ndarray, k: int, filters: SearchFilters | None = None) -> list[tuple[str, float]]:
        scores = self.vectors @ query
        rows = [row for row in np.argsort(-scores) if filters is None or filters.accepts(
            self.payloads[row].source, self.payloads[row].audience
        )]
        return [(self.ids[row], float(scores[row])) for row in rows[:k]]


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(home=tmp_path_factory.mktemp("guichet-scale"))


@pytest.fixture(scope="module")
def corpus(settings: Settings) -> Corpus:
    return Corpus(Embedder(settings))


def make_store(kind: str, settings: Settings, dimension: int) -> VectorStore:
    if kind == "faiss-flat":
        return create_store(settings, dimension, 10, kind="flat")
    if kind == "faiss-hnsw":
        return create_store(settings, dimension, 10, kind="hnsw")
    return create_store(Settings(home=settings.home, vector_store="qdrant"), dimension, 10)


@pytest.fixture(scope="module", params=STORE_KINDS)
def store(request: pytest.FixtureRequest, settings: Settings, corpus: Corpus) -> Iterator[VectorStore]:
    built = make_store(request.param, settings, corpus.vectors.shape[1])
    built.add(corpus.ids, corpus.vectors, corpus.payloads)
    yield built
    if isinstance(built, QdrantStore):
        built.close()


def same_ranking(found: list[tuple[str, float]], expected: list[tuple[str, float]]) -> None:
    assert [doc_id for doc_id, _ in found] == [doc_id for doc_id, _ in expected]
    assert np.allclose([score for _, score in found], [score for _, score in expected], atol=1e-4)


def test_the_factory_builds_the_requested_kind(settings: Settings, corpus: Corpus) -> None:
    dimension = corpus.vectors.shape[1]
    assert type(make_store("faiss-flat", settings, dimension)) is FaissStore
    assert isinstance(make_store("faiss-hnsw", settings, dimension), ApproximateFaissStore)
    qdrant = make_store("qdrant-embedded", settings, dimension)
    assert isinstance(qdrant, QdrantStore)
    qdrant.close()
    assert [faiss_kind(n) for n in (1_000, 1_000_000, 50_000_000)] == ["flat", "hnsw", "ivfpq"]
    with pytest.raises(ValueError, match="vector_store"):
        create_store(Settings(home=settings.home, vector_store="milvus"), dimension, 10)


@pytest.mark.parametrize("query_row", range(len(QUERIES)))
def test_top_results_are_the_exact_nearest_passages(store: VectorStore, corpus: Corpus, query_row: int) -> None:
    query = corpus.queries[query_row]
    same_ranking(store.search(query, K), corpus.exact(query, K))


def test_the_nearest_passage_answers_the_question(store: VectorStore, corpus: Corpus) -> None:
    best = [store.search(query, 1)[0][0] for query in corpus.queries]
    assert corpus.titles[best[2]].startswith("Code des relations entre le public et l'administration")
    assert best[3] == "F34729"


@pytest.mark.parametrize(
    "filters",
    [
        SearchFilters(sources=("legifrance",)),
        SearchFilters(audiences=("professionnels",)),
        SearchFilters(sources=("service-public",), audiences=("associations",)),
        SearchFilters(sources=("travail-emploi", "legifrance")),
    ],
    ids=["legifrance", "professionnels", "service-public+associations", "two-sources"],
)
def test_filters_are_honoured(store: VectorStore, corpus: Corpus, filters: SearchFilters) -> None:
    for query in corpus.queries:
        found = store.search(query, K, filters)
        assert found, "a satisfiable filter must return passages"
        for doc_id, _ in found:
            payload = corpus.payload_by_id[doc_id]
            assert filters.accepts(payload.source, payload.audience)
        same_ranking(found, corpus.exact(query, K, filters))


def test_an_unsatisfiable_filter_returns_nothing(store: VectorStore, corpus: Corpus) -> None:
    assert store.search(corpus.queries[0], K, SearchFilters(sources=("legifrance",), audiences=("associations",))) == []


def test_k_beyond_the_collection_returns_everything_once(store: VectorStore, corpus: Corpus) -> None:
    found = store.search(corpus.queries[0], 500)
    assert sorted(doc_id for doc_id, _ in found) == sorted(corpus.ids)


def test_save_and_load_round_trip(store: VectorStore, settings: Settings, corpus: Corpus, tmp_path: Path) -> None:
    written = store.save(tmp_path)
    assert written and all(path.is_file() and tmp_path in path.parents for path in written)
    loaded = load_store(settings, tmp_path)
    reloaded = load_store(settings, tmp_path)
    assert type(loaded) is type(store) is type(reloaded)
    try:
        for query in corpus.queries:
            same_ranking(loaded.search(query, K), store.search(query, K))
            same_ranking(reloaded.search(query, K), store.search(query, K))
            legifrance = SearchFilters(sources=("legifrance",))
            same_ranking(loaded.search(query, K, legifrance), corpus.exact(query, K, legifrance))
    finally:
        for opened in (loaded, reloaded):
            if isinstance(opened, QdrantStore):
                opened.close()


def test_ivfpq_trains_on_first_add_honours_filters_and_round_trips(settings: Settings, tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((40, 64)).astype(np.float32)
    vectors = centres[rng.integers(0, 40, 3000)] + 0.3 * rng.standard_normal((3000, 64)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = [f"c{row}" for row in range(len(vectors))]
    payloads = [Payload("legifrance" if row % 3 == 0 else "service-public", ("particuliers",)) for row in range(3000)]
    store = create_store(settings, 64, len(vectors), kind="ivfpq")
    store.add(ids, vectors, payloads)
    found = store.search(vectors[7], 10)
    assert found[0][0] == "c7" and len(found) == 10
    legifrance = store.search(vectors[7], 10, SearchFilters(sources=("legifrance",)))
    assert len(legifrance) == 10 and all(int(doc_id[1:]) % 3 == 0 for doc_id, _ in legifrance)
    store.save(tmp_path)
    loaded = load_store(settings, tmp_path)
    assert isinstance(loaded, ApproximateFaissStore)
    assert loaded.search(vectors[7], 10) == found


def test_the_scaling_bench_measures_the_stores_it_recommends(indexed_settings: Settings, tmp_path: Path) -> None:
    report = tmp_path / "scaling.md"
    text = run_scaling([3000], 40, 0, report, indexed_settings)
    rows = [line.split("|")[1:-1] for line in text.splitlines() if line.startswith("| ") and "---" not in line][1:]
    by_kind = {(cells[1].strip(), cells[2].strip()): cells for cells in rows if "extrapolated" not in cells[0]}
    assert set(by_kind) == {(data, kind) for data in ("synthetic", "real") for kind in ("flat", "HNSW", "IVF-PQ")}
    assert f"efC={HNSW_EF_CONSTRUCTION}" in by_kind["synthetic", "HNSW"][3]
    assert "re-rank" in by_kind["synthetic", "IVF-PQ"][3]
    for key, cells in by_kind.items():
        assert float(cells[-1]) >= (1.0 if key[1] == "flat" else 0.9), key
    assert {cells[0].strip() for cells in rows if "extrapolated" in cells[0]} == {
        "1,000,000 (extrapolated)", "10,000,000 (extrapolated)"
    }
    assert report.read_text(encoding="utf-8") == text
