"""Hybrid search: BM25 over chunks and whole documents + dense vectors, fused by reciprocal rank, per document."""
from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from corpus.legifrance import url_on
from corpus.model import SOURCE_KALI, SOURCE_SERVICE_PUBLIC, Agreement, in_force_on
from guichet.config import Settings
from indexing.embeddings import Embedder
from indexing.index import Index, IndexMismatch
from indexing.model import Chunk, Passage, SearchFilters, SetAside
from indexing.profiles import profile_for
from indexing.query import in_the_texts_sense, is_question, lexical_query
from indexing.regime import PUBLIC_SERVICE, names_public_service
from indexing.rerank import SHIPPED_RANKER, Candidate, ListHits, Ranker, features, load_ranker
from indexing.text import analyze

__all__ = ["SearchConfig", "Searcher"]

BM25_CHUNKS = "bm25"
BM25_DOCUMENTS = "bm25_doc"
DENSE = "dense"
TITLE = "title"
TITLE_DENSE = "title_dense"
AGREEMENT = "agreement"
RERANK = "rerank"
OTHER_QUESTION = "other_question"
SUBJECT_TITLE = "subject_title"


@dataclass(frozen=True)
class SearchConfig:
    """Which retrievers are fused and how; the defaults are the measured best on the development sets."""

    weights: dict[str, float] = field(
        default_factory=lambda: {BM25_DOCUMENTS: 1.0, BM25_CHUNKS: 1.0, DENSE: 1.0}
    )
    rrf_k: float = 20.0
    title_weight: float = 0.05
    """Added to a document's fused score times its title's share of the query terms (`Index.title_coverage`, `title`
    in its scores). With rrf_k 20 instead of 60, keyword queries hit@5 / MRR@10 0.819 / 0.625 → 0.832 / 0.654 on the
    full corpus, 0.833 / 0.684 → 0.854 / 0.714 on the service-public fiches (`guichet bench --ablations`)."""
    title_dense_weight: float | None = None
    """Added to a document's fused score times the cosine of the query and its title's vector (`title_dense` in its
    scores); needs the dense side. None: the embedding model's own weight (`indexing.profiles`)."""
    public_service_penalty: float = 0.03
    """Taken from the score of a public-service document when the query does not name the public service
    (`indexing.regime`): about three places down, still on the first page. Keyword hit@5 / MRR@10 0.873 / 0.749 →
    0.884 / 0.765 on the service-public fiches, 0.848 / 0.685 → 0.858 / 0.696 on the full corpus; no question lost.
    The development labels hold no query meant for the public service that does not name it, so they cannot show
    this prior's cost: 0.03 is set from the gap between ranks (median 0.05 from 1st to 5th), not to the metric."""
    candidates: int = 100
    agreement_weight: float = 0.03
    """Added to the score of an article of the agreement the search names (`SearchFilters.agreements`): about three
    places. On the 30 reference questions (qa-reference) that name an indexed agreement, full index with the 49
    agreements' base texts: 0.1 refuses 13 (agreement articles lead that do not hold the answer), 0.03 and 0 refuse 9;
    0.03 lets the agreement lead 4 answers, 0 only 1."""
    expand_queries: bool = False
    """Acronym, synonym and everyday-word expansion (`indexing.query.expand_query`): keyword MRR@10 0.668 vs 0.685
    on the full corpus, 0.758 vs 0.749 on the fiches alone (acronyms, measured before the other additions). The
    misspellings and short forms the texts never write and the everyday phrasings (« se faire virer ») are read
    either way (`indexing.query.lexical_query`)."""
    ranker: Path | None = SHIPPED_RANKER
    """The learned reranking of the fused candidates (`indexing.rerank`, `guichet ranker train`); None keeps the
    fusion's order. Not applied when the search names an agreement: the model never saw agreements' articles."""
    other_question_penalty: float = 1.5
    """Taken from the reranker's score (log-odds) of a fiche whose title is a question, times the share of that title
    (its terms weighted by their rarity in titles, `Index.title_uncovered`) that a query phrased as a question does not
    hold: such a fiche answers its own question, and a question that leaves out the particular case its title names
    (« …en cas de changement d'adresse ? », « Un demandeur d'emploi a-t-il droit au RSA ? ») asks something else, so
    it gives way to the fiche on the general case. Keyword queries say nothing of what is asked and are left alone.
    The words that frame a title (« Combien coûte… ? », `indexing.index.QUESTION_FRAME_TERMS`) count neither way.
    Grouped cross-validation on the development queries (one run, the same folds): the 342 phrased as questions,
    hit@1 / hit@5 / MRR@10 0.637 / 0.889 / 0.744 → 0.661 / 0.889 / 0.753 with any penalty from 1 to 2, hit@5 falling
    from 2.5 (0.883); 1.5 is the middle of that plateau. On the 1,019 keyword queries the same penalty would cost
    2.7 points of hit@5, hence the rule's condition. Agents' questions (agent-questions, 45) hit@1 0.667 → 0.778 (1:
    0.756, 2: 0.822), natural fiche questions unchanged at 1.000. 0 keeps the reranker's order."""
    subject_title_bonus: float = 1.5
    """Added to the reranker's score of a service-public information fiche (its title is not a question) whose every
    title term the query holds: service-public gives each subject one such fiche, titled by the subject (« Se
    pacser », « Déclaration de naissance », « Période d'essai »), and a query that names the subject whole asks
    about it. Same cross-validation, with the penalty above: all 1,361 queries hit@1 / hit@5 / MRR@10 0.634 / 0.865 /
    0.731 → 0.664 / 0.868 / 0.749; the questions 0.661 / 0.889 / 0.753 → 0.734 / 0.892 / 0.800, the keywords 0.625 /
    0.857 / 0.723 → 0.640 / 0.860 / 0.732. hit@5 is the same from 0.75 to 2; 1.5 mirrors the penalty. Agents'
    questions hit@1 0.778 → 0.756 (« délai pour contester une amende » now leads with « Amendes »). Travail-emploi's
    pages given the same bonus lose 1.5 points of hit@1: they are articles on a theme, not one fiche per subject."""


class Searcher:
    def __init__(
        self, index: Index, embedder: Embedder | None, settings: Settings, config: SearchConfig | None = None
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings
        config = config or SearchConfig()
        if config.title_dense_weight is None:
            profile = embedder.profile if embedder is not None else profile_for(settings.embedding_model)
            config = dataclasses.replace(config, title_dense_weight=profile.title_dense_weight)
        if not settings.rerank:
            config = dataclasses.replace(config, ranker=None)
        self.config = config
        self._masks: dict[SearchFilters, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._last_query: tuple[str, np.ndarray] | None = None
        self._accepted_documents: dict[SearchFilters, np.ndarray] = {}
        if self.config.weights.get(DENSE) and embedder is None:
            raise ValueError("dense retrieval needs an embedder")
        if embedder is not None and index.manifest.embedding_model != embedder.model_id:
            raise IndexMismatch(
                f"the index was embedded with {index.manifest.embedding_model}, the configured model is "
                f"{embedder.model_id}: run `guichet index` to rebuild it"
            )

    @property
    def agreements(self) -> dict[str, Agreement]:
        """The collective agreements indexed, by IDCC; empty without the `kali` source."""
        return self.index.agreements

    @property
    def document_count(self) -> int:
        return len(self.index.documents)

    def document_frequency(self, term: str) -> int:
        """How many documents hold an analysed term."""
        return self.index.bm25_documents.document_frequency(term)

    def passage_association(self, term: str, other: str) -> float:
        """How much more often than chance the indexed passages hold two analysed terms together
        (`LexicalIndex.association`)."""
        return self.index.bm25_chunks.association(term, other)

    def is_public_service(self, doc_id: str) -> bool:
        """Whether the document is written for the public service (its title or breadcrumb names it)."""
        row = self.index.document_rows.get(doc_id)
        return row is not None and bool(self.index.public_service[row])

    def breadcrumb(self, doc_id: str) -> tuple[str, ...]:
        """Where the document sits in its site or code; empty for an unknown id."""
        document = self.index.document(doc_id)
        return document.breadcrumb if document else ()

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        """Every chunk of a document, in reading order: what widens a passage to its sections."""
        return self.index.document_chunks(doc_id)

    def search(self, query: str, k: int = 10, filters: SearchFilters | None = None) -> list[Passage]:
        return self.search_timed(query, k, filters)[0]

    def search_timed(
        self, query: str, k: int = 10, filters: SearchFilters | None = None
    ) -> tuple[list[Passage], dict[str, float]]:
        """The `k` best documents, each as its best passage, and the time spent per step in milliseconds."""
        timings: dict[str, float] = {}
        started = time.perf_counter()
        filters = filters or SearchFilters()
        ranked, terms, vector = self._lists(query, filters, timings)
        clock = time.perf_counter()
        fusion = self._fuse(ranked, terms, vector, names_public_service(query), filters.agreements)
        order = fusion.order()
        if self.config.ranker is not None and not filters.agreements:
            question_terms = terms if is_question(query) else None
            order = self._reranked(order, fusion, load_ranker(self.config.ranker), terms, question_terms)
        passages = [self._passage(row, fusion.best_chunk.get(row), fusion.ranking_score.get(row, fusion.fused[row]),
                                  fusion.scores_of(row))
                    for row in order[:k]]
        timings["fuse_ms"] = _elapsed_ms(clock)
        timings["total_ms"] = _elapsed_ms(started)
        return passages, timings

    def candidate_features(self, query: str, depth: int) -> list[tuple[str, list[float]]]:
        """The fusion's `depth` best documents, each with the reranker's input row: what `guichet ranker train`
        learns from."""
        ranked, terms, vector = self._lists(query, SearchFilters(), {})
        fusion = self._fuse(ranked, terms, vector, names_public_service(query))
        head = fusion.order()[:depth]
        return [(self.index.documents[row].id, row_features)
                for row, row_features in zip(head, self._feature_rows(head, fusion), strict=True)]

    def _lists(
        self, query: str, filters: SearchFilters, timings: dict[str, float]
    ) -> tuple[dict[str, list[tuple[int, float]]], list[str], np.ndarray | None]:
        """Each retriever's ranked hits (row, score), the query's lexical terms and its vector."""
        clock = time.perf_counter()
        accepted, chunk_rows, document_rows = self._allowed(filters)
        weights = self.config.weights
        terms = analyze(lexical_query(query, self.config.expand_queries))
        terms += [written for term in terms if (written := self.index.bm25_documents.written_form(term))]
        ranked: dict[str, list[tuple[int, float]]] = {}
        vector: np.ndarray | None = None
        if weights.get(BM25_CHUNKS):
            ranked[BM25_CHUNKS] = self.index.bm25_chunks.top(terms, self.config.candidates, chunk_rows)
        if weights.get(BM25_DOCUMENTS):
            ranked[BM25_DOCUMENTS] = self.index.bm25_documents.top(terms, self.config.candidates, document_rows)
        timings["bm25_ms"] = _elapsed_ms(clock)
        if weights.get(DENSE) and self.embedder is not None:
            clock = time.perf_counter()
            vector = self._query_vector(self.embedder, in_the_texts_sense(query))
            timings["embed_ms"] = _elapsed_ms(clock)
            clock = time.perf_counter()
            ranked[DENSE] = self._dense(vector, filters, accepted)
            timings["dense_ms"] = _elapsed_ms(clock)
        return ranked, terms, vector

    def set_aside(self, query: str, k: int, filters: SearchFilters) -> list[SetAside]:
        """The documents the same search without its as-of date ranks in its `k` best that are not in force on that
        date: what the as-of filter left out, for the answer to say so. Empty without an as-of date."""
        if filters.as_of is None:
            return []
        as_of = filters.as_of
        found = self.search(query, k, dataclasses.replace(filters, as_of=None))
        return [
            SetAside(p.doc_id, p.title, p.number, url_on(p.url, as_of), p.in_force_since, p.in_force_until)
            for p in found
            if not in_force_on(as_of, p.in_force_since, p.in_force_until)
        ]

    def _query_vector(self, embedder: Embedder, query: str) -> np.ndarray:
        """The query's embedding; the last one is kept, as `set_aside` searches the same query again."""
        last = self._last_query
        if last is not None and last[0] == query:
            return last[1]
        vector = embedder.encode_query(query)
        self._last_query = (query, vector)
        return vector

    def _dense(
        self, vector: np.ndarray, filters: SearchFilters, accepted: np.ndarray | None
    ) -> list[tuple[int, float]]:
        """The nearest chunks allowed by `filters`. The vector store filters on sources and audiences; the articles
        of agreements other than the named ones (from a deeper list) and those not in force on an as-of date are
        dropped here, by the documents `_allowed` accepted."""
        store_filters = SearchFilters(filters.sources, filters.audiences)
        depth = self.config.candidates
        if self.index.agreements and not filters.agreements:
            others = tuple(source for source in filters.sources or self.index.sources if source != SOURCE_KALI)
            store_filters = SearchFilters(others, filters.audiences)
        elif filters.agreements:
            depth *= 4
        hits = [(self.index.chunk_rows[chunk_id], score) for chunk_id, score in
                self.index.vectors.search(vector, depth, store_filters)]
        if accepted is not None and (filters.agreements or filters.as_of):
            hits = [(row, score) for row, score in hits if accepted[self.index.chunk_document_rows[row]]]
        return hits[: self.config.candidates]

    def _accepted(self, filters: SearchFilters) -> np.ndarray:
        """Per document, whether `filters` accept it: sources and audiences (computed once per pair), then the
        agreements and the as-of date, compared as arrays."""
        general = SearchFilters(filters.sources, filters.audiences)
        if general not in self._accepted_documents:
            self._accepted_documents[general] = np.array(
                [general.accepts(d.source, d.audience) for d in self.index.documents], dtype=bool
            )
        accepted = self._accepted_documents[general]
        if self.index.agreements:
            named = np.isin(self.index.agreement_of, np.array(filters.agreements or ("",)))
            accepted = accepted & ((self.index.agreement_of == "") | named)
        if filters.as_of is not None:
            accepted = accepted & self.index.in_force_on(filters.as_of)
        return accepted

    def _allowed(self, filters: SearchFilters) -> tuple[np.ndarray | None, np.ndarray | None, np.ndarray | None]:
        """Per document whether a search may return it, and the chunk and document rows it may return (None: all).
        The masks of the filters without their date are cached (few combinations); an as-of date, which any day can
        be, is applied on top of them at each search."""
        if not (filters.sources or filters.audiences or filters.as_of or self.index.agreements):
            return None, None, None
        undated = dataclasses.replace(filters, as_of=None)
        if undated not in self._masks:
            accepted = self._accepted(undated)
            chunk_rows = np.flatnonzero(accepted[self.index.chunk_document_rows])
            self._masks[undated] = (accepted, chunk_rows, np.flatnonzero(accepted))
        accepted, chunk_rows, document_rows = self._masks[undated]
        if filters.as_of is None:
            return accepted, chunk_rows, document_rows
        accepted = accepted & self.index.in_force_on(filters.as_of)
        return accepted, np.flatnonzero(accepted[self.index.chunk_document_rows]), np.flatnonzero(accepted)

    def _fuse(
        self,
        ranked: dict[str, list[tuple[int, float]]],
        terms: list[str],
        vector: np.ndarray | None,
        asks_public_service: bool,
        agreements: tuple[str, ...] = (),
    ) -> _Fusion:
        weights, rrf_k = self.config.weights, self.config.rrf_k
        fusion = _Fusion(tops={name: hits[0][1] for name, hits in ranked.items() if hits})
        fused, per_document, in_lists = fusion.fused, fusion.per_document, fusion.in_lists
        chunk_fused: dict[int, float] = {}
        for name, hits in ranked.items():
            weight = weights[name]
            seen: set[int] = set()
            for rank, (row, score) in enumerate(hits, start=1):
                if name == BM25_DOCUMENTS:
                    document_row = row
                else:
                    document_row = int(self.index.chunk_document_rows[row])
                    chunk_fused[row] = chunk_fused.get(row, 0.0) + weight / (rrf_k + rank)
                    fusion.chunk_scores.setdefault(row, {})[name] = score
                if document_row in seen:
                    in_lists[document_row][name].hits += 1
                    continue
                seen.add(document_row)
                in_lists.setdefault(document_row, {})[name] = ListHits(len(seen), score)
                fused[document_row] = fused.get(document_row, 0.0) + weight / (rrf_k + len(seen))
                per_document.setdefault(document_row, {})[name] = score
        if self.config.title_weight:
            for document_row, in_title in self.index.title_coverage(terms, fused).items():
                fused[document_row] += self.config.title_weight * in_title
                per_document[document_row][TITLE] = round(in_title, 3)
        if self.config.title_dense_weight and vector is not None and self.index.title_vectors is not None:
            rows = np.fromiter(fused, dtype=np.int64, count=len(fused))
            cosines = (self.index.title_vectors[rows] @ vector).tolist()
            for document_row, cosine in zip(rows.tolist(), cosines, strict=True):
                fused[document_row] += self.config.title_dense_weight * cosine
                per_document[document_row][TITLE_DENSE] = round(cosine, 3)
        if self.config.public_service_penalty and not asks_public_service:
            for document_row in fused:
                if self.index.public_service[document_row]:
                    fused[document_row] -= self.config.public_service_penalty
                    per_document[document_row][PUBLIC_SERVICE] = -self.config.public_service_penalty
        if agreements and self.config.agreement_weight:
            for document_row in fused:
                if self.index.agreement_of[document_row] in agreements:
                    fused[document_row] += self.config.agreement_weight
                    per_document[document_row][AGREEMENT] = self.config.agreement_weight
        for row, _ in sorted(chunk_fused.items(), key=lambda item: -item[1]):
            fusion.best_chunk.setdefault(int(self.index.chunk_document_rows[row]), row)
        return fusion

    def _feature_rows(self, head: list[int], fusion: _Fusion) -> list[list[float]]:
        return [
            features(
                Candidate(
                    lists=fusion.in_lists[row],
                    tops=fusion.tops,
                    title=fusion.per_document[row].get(TITLE, 0.0),
                    title_dense=fusion.per_document[row].get(TITLE_DENSE, 0.0),
                    public_service=PUBLIC_SERVICE in fusion.per_document[row],
                    source=self.index.documents[row].source,
                    fused=fusion.fused[row],
                    fused_rank=rank,
                ),
                self.config.rrf_k,
            )
            for rank, row in enumerate(head, start=1)
        ]

    def _reranked(
        self, order: list[int], fusion: _Fusion, ranker: Ranker, terms: list[str], question_terms: list[str] | None
    ) -> list[int]:
        """The first `ranker.depth` documents in the model's order, the rest as fused. The model's score (log-odds
        of relevance) becomes each document's score; those beyond its depth keep the fusion's gaps below it. For a
        query phrased as a question (`question_terms`), question-titled fiches that ask something else give way
        (`SearchConfig.other_question_penalty`); a fiche titled by a subject the query names whole comes forward
        (`SearchConfig.subject_title_bonus`)."""
        head, tail = order[: ranker.depth], order[ranker.depth :]
        if not head:
            return order
        penalties = [self._other_question_penalty(row, question_terms) for row in head]
        bonuses = [self._subject_title_bonus(row, terms) for row in head]
        scores = (ranker.score(self._feature_rows(head, fusion)) - penalties + bonuses).tolist()
        for row, score, penalty, bonus in zip(head, scores, penalties, bonuses, strict=True):
            if penalty:
                fusion.per_document[row][OTHER_QUESTION] = -penalty
            if bonus:
                fusion.per_document[row][SUBJECT_TITLE] = bonus
            fusion.per_document[row][RERANK] = fusion.ranking_score[row] = round(score, 4)
        floor = min(scores) - 1.0
        for row in tail:
            fusion.ranking_score[row] = round(floor - (fusion.fused[tail[0]] - fusion.fused[row]), 4)
        return sorted(head, key=lambda row: -fusion.ranking_score[row]) + tail

    def _subject_title_bonus(self, row: int, terms: list[str]) -> float:
        held_whole = (
            self.config.subject_title_bonus and self.index.title_terms[row] and not self.index.question_titled[row]
            and self.index.documents[row].source == SOURCE_SERVICE_PUBLIC and self.index.title_terms[row] <= set(terms)
        )
        return self.config.subject_title_bonus if held_whole else 0.0

    def _other_question_penalty(self, row: int, question_terms: list[str] | None) -> float:
        if question_terms is None or not self.config.other_question_penalty or not self.index.question_titled[row]:
            return 0.0
        return round(self.config.other_question_penalty * self.index.title_uncovered(question_terms, row), 4)

    def _passage(self, document_row: int, chunk_row: int | None, score: float, scores: dict[str, float]) -> Passage:
        document = self.index.documents[document_row]
        if chunk_row is None:
            chunk_row = int(np.flatnonzero(self.index.chunk_document_rows == document_row)[0])
        chunk = self.index.chunks[chunk_row]
        return Passage(
            chunk_id=chunk.id,
            doc_id=document.id,
            source=document.source,
            title=document.title,
            url=document.url,
            heading_path=chunk.heading_path,
            text=chunk.text,
            audience=document.audience,
            updated=document.updated,
            number=document.number,
            score=score,
            scores=scores,
            in_force_since=document.in_force_since,
            in_force_until=document.in_force_until,
            part_headings=document.part_headings,
        )


@dataclass
class _Fusion:
    """The fused candidates of one search: score per document row, each list's view of it, its best chunk."""

    tops: dict[str, float]
    fused: dict[int, float] = field(default_factory=dict)
    per_document: dict[int, dict[str, float]] = field(default_factory=dict)
    in_lists: dict[int, dict[str, ListHits]] = field(default_factory=dict)
    chunk_scores: dict[int, dict[str, float]] = field(default_factory=dict)
    best_chunk: dict[int, int] = field(default_factory=dict)
    ranking_score: dict[int, float] = field(default_factory=dict)
    """The reranker's score where it reordered; the fused score otherwise."""

    def order(self) -> list[int]:
        return sorted(self.fused, key=lambda row: -self.fused[row])

    def scores_of(self, row: int) -> dict[str, float]:
        return {**self.chunk_scores.get(self.best_chunk.get(row, -1), {}), **_document_scores(self.per_document[row]),
                "rrf": self.fused[row]}


def _document_scores(scores: dict[str, float]) -> dict[str, float]:
    return {
        name: scores[name]
        for name in (BM25_DOCUMENTS, TITLE, TITLE_DENSE, PUBLIC_SERVICE, AGREEMENT, OTHER_QUESTION, SUBJECT_TITLE,
                     RERANK)
        if name in scores
    }


def _elapsed_ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 3)
