"""Vector-index scaling figures: FAISS flat, HNSW and IVF-PQ, built exactly as `indexing.stores` builds them.

    nice -n 19 python -m eval.scaling [--sizes 10000,100000,1000000] [--queries 200] [--real]

For every size of synthetic clustered embeddings (and, with `--real`, for the chunk vectors of the index in
service searched with real keyword queries): bytes on disk, build time, single-query search latency
(one thread, as a serving request) p50/p95 and recall@10 against exact (flat) search, with efSearch / nprobe tuned
to the smallest value that reaches the recall target. Then a 10M extrapolation from the measured figures. Writes
a Markdown report to stdout and to `var/bench/scaling.md` (or `--output`).
"""
from __future__ import annotations

import argparse
import dataclasses
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from eval.datasets import DEFAULT_DATASETS, load_rows
from eval.metrics import percentile
from eval.relevance import queries_of
from guichet.config import CHECKOUT, Settings, load_settings
from indexing.embeddings import Embedder
from indexing.index import current_build_dir
from indexing.stores import HNSW_M, IVF_TRAINING_SAMPLE, REFINE_K_FACTOR, faiss_index, ivf_lists
from indexing.vector_store import FaissStore

DIMENSION = 384
CLUSTERS = 2000
CLUSTER_SPREAD = 0.9
"""Noise norm relative to the cluster centre: neighbours at cosine ~0.5-0.7, like sentence embeddings."""
EF_SEARCH_CANDIDATES = (16, 32, 64, 128, 256, 512)
NPROBE_CANDIDATES = (1, 2, 4, 8, 16, 32, 64, 128, 256)
RECALL_TARGET = 0.95
EXTRAPOLATED_SIZES = (1_000_000, 10_000_000)
K = 10
BUILD_THREADS = 2


@dataclass(frozen=True)
class Measure:
    size: int
    kind: str
    parameters: str
    bytes: int
    build_s: float
    p50_ms: float
    p95_ms: float
    recall_at_10: float
    extrapolated: bool = False
    data: str = "synthetic"


def clustered_unit_vectors(count: int, centres: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A Gaussian mixture around unit centres, re-normalised: clustered like real embeddings, not noise."""
    vectors = np.empty((count, centres.shape[1]), dtype=np.float32)
    block = 100_000
    for start in range(0, count, block):
        size = min(block, count - start)
        labels = rng.integers(0, len(centres), size)
        noise = rng.standard_normal((size, centres.shape[1]), dtype=np.float32)
        noise *= CLUSTER_SPREAD / math.sqrt(centres.shape[1])
        chunk = centres[labels] + noise
        chunk /= np.linalg.norm(chunk, axis=1, keepdims=True)
        vectors[start : start + size] = chunk
    return vectors


def unit_centres(count: int, dimension: int, rng: np.random.Generator) -> np.ndarray:
    centres = rng.standard_normal((count, dimension), dtype=np.float32)
    return centres / np.linalg.norm(centres, axis=1, keepdims=True)


def real_vectors(settings: Settings, query_count: int) -> tuple[np.ndarray, np.ndarray]:
    """The chunk vectors of the index in service, and keyword queries of the development set (evenly spaced,
    so that every theme is represented) embedded as agents' queries are."""
    stored = FaissStore.load(current_build_dir(settings)).index
    base = stored.reconstruct_n(0, stored.ntotal)
    texts = [query.text for query in queries_of(load_rows(DEFAULT_DATASETS["retrieval-queries"]))]
    picked = texts[:: max(1, len(texts) // query_count)][:query_count]
    return base, Embedder(settings).encode(picked, query=True)


def recall_at_k(found: np.ndarray, truth: np.ndarray) -> float:
    hits = sum(len(set(row[row >= 0]) & set(expected)) for row, expected in zip(found, truth, strict=True))
    return hits / truth.size


def serialized_bytes(index: faiss.Index) -> int:
    return int(faiss.serialize_index(index).size)


def timed_single_queries(index: faiss.Index, queries: np.ndarray) -> tuple[np.ndarray, list[float]]:
    faiss.omp_set_num_threads(1)
    rows = np.empty((len(queries), K), dtype=np.int64)
    latencies: list[float] = []
    for position, query in enumerate(queries):
        started = time.perf_counter()
        _, found = index.search(query.reshape(1, -1), K)
        latencies.append((time.perf_counter() - started) * 1000)
        rows[position] = found[0]
    faiss.omp_set_num_threads(BUILD_THREADS)
    return rows, latencies


def tune(
    index: faiss.Index,
    queries: np.ndarray,
    truth: np.ndarray,
    candidates: Sequence[int],
    apply: Callable[[int], None],
) -> tuple[int, float]:
    """The smallest parameter reaching the recall target, else the one with the best recall."""
    best = (candidates[0], -1.0)
    for value in candidates:
        apply(value)
        _, found = index.search(queries, K)
        recall = recall_at_k(found, truth)
        if recall >= RECALL_TARGET:
            return value, recall
        if recall > best[1] + 0.005:
            best = (value, recall)
    return best


def measure_flat(size: int, base: np.ndarray, queries: np.ndarray) -> tuple[Measure, np.ndarray]:
    started = time.perf_counter()
    index = faiss.IndexFlatIP(base.shape[1])
    index.add(base)
    build_s = time.perf_counter() - started
    truth, latencies = timed_single_queries(index, queries)
    measure = Measure(
        size, "flat", "exact", serialized_bytes(index), build_s,
        percentile(latencies, 50), percentile(latencies, 95), 1.0,
    )
    return measure, truth


def measure_hnsw(size: int, base: np.ndarray, queries: np.ndarray, truth: np.ndarray) -> Measure:
    started = time.perf_counter()
    index = faiss_index("hnsw", base.shape[1], size)
    index.add(base)
    build_s = time.perf_counter() - started

    def set_ef(value: int) -> None:
        index.hnsw.efSearch = value

    ef_search, _ = tune(index, queries, truth, EF_SEARCH_CANDIDATES, set_ef)
    set_ef(ef_search)
    found, latencies = timed_single_queries(index, queries)
    parameters = f"M={HNSW_M}, efC={index.hnsw.efConstruction}, efSearch={ef_search}"
    return Measure(
        size, "HNSW", parameters, serialized_bytes(index),
        build_s, percentile(latencies, 50), percentile(latencies, 95), recall_at_k(found, truth),
    )


def measure_ivfpq(
    size: int, base: np.ndarray, queries: np.ndarray, truth: np.ndarray, rng: np.random.Generator
) -> Measure:
    """IVF-PQ with its 8-bit re-ranking, as `indexing.stores` builds it; nprobe tuned."""
    started = time.perf_counter()
    index = faiss_index("ivfpq", base.shape[1], size)
    sample = base if size <= IVF_TRAINING_SAMPLE else base[rng.choice(size, IVF_TRAINING_SAMPLE, replace=False)]
    index.train(sample)
    index.add(base)
    build_s = time.perf_counter() - started
    ivf = faiss.extract_index_ivf(index)

    def set_nprobe(value: int) -> None:
        ivf.nprobe = value

    candidates = [value for value in NPROBE_CANDIDATES if value <= ivf.nlist]
    nprobe, _ = tune(index, queries, truth, candidates, set_nprobe)
    set_nprobe(nprobe)
    found, latencies = timed_single_queries(index, queries)
    pq = faiss.downcast_index(ivf)
    parameters = f"nlist={ivf.nlist}, m={pq.pq.M}x8bit, nprobe={nprobe}, re-rank {REFINE_K_FACTOR}k on SQ8"
    return Measure(
        size, "IVF-PQ", parameters, serialized_bytes(index), build_s,
        percentile(latencies, 50), percentile(latencies, 95), recall_at_k(found, truth),
    )


def measure_all(size: int, base: np.ndarray, queries: np.ndarray, rng: np.random.Generator) -> list[Measure]:
    flat, truth = measure_flat(size, base, queries)
    return [flat, measure_hnsw(size, base, queries, truth), measure_ivfpq(size, base, queries, truth, rng)]


def extrapolate(measures: Sequence[Measure]) -> list[Measure]:
    measures = [m for m in measures if m.data == "synthetic"]
    if not measures:
        return []
    largest = max(m.size for m in measures)
    return [row for target in EXTRAPOLATED_SIZES if target > largest for row in extrapolate_to(measures, target)]


def extrapolate_to(measures: Sequence[Measure], target: int) -> list[Measure]:
    """Paper figures from the largest measured size: bytes scale linearly; latency linearly for flat,
    with log(n) for HNSW, with sqrt(n) for IVF-PQ (nlist ~ 4 sqrt(n) at constant nprobe)."""
    largest = max(m.size for m in measures)
    ratio = target / largest
    growth = {"flat": ratio, "HNSW": math.log(target) / math.log(largest), "IVF-PQ": math.sqrt(ratio)}
    build_growth = {"flat": ratio, "HNSW": ratio * growth["HNSW"], "IVF-PQ": ratio}
    return [
        Measure(
            target, m.kind, m.parameters if m.kind != "IVF-PQ" else m.parameters.replace(
                f"nlist={ivf_lists(largest)}", f"nlist={ivf_lists(target)}"
            ),
            int(m.bytes * ratio), m.build_s * build_growth[m.kind], m.p50_ms * growth[m.kind],
            m.p95_ms * growth[m.kind], m.recall_at_10, extrapolated=True,
        )
        for m in measures
        if m.size == largest
    ]


def human_bytes(count: int) -> str:
    value = float(count)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"


def markdown(measures: Sequence[Measure], queries: int) -> str:
    lines = [
        f"# Vector index scaling ({DIMENSION}-d unit vectors, {CLUSTERS}-component Gaussian mixture, "
        f"{queries} queries, k={K})",
        "",
        f"Search latency: one query at a time on one thread; recall@{K} against exact flat search; "
        f"efSearch / nprobe: the smallest reaching recall {RECALL_TARGET}, else the best.",
        "",
        "| vectors | data | index | parameters | size | build (s) | p50 (ms) | p95 (ms) | recall@10 |",
        "|---:|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for m in measures:
        size = f"{m.size:,}" + (" (extrapolated)" if m.extrapolated else "")
        lines.append(
            f"| {size} | {m.data} | {m.kind} | {m.parameters} | {human_bytes(m.bytes)} | {m.build_s:.1f} | "
            f"{m.p50_ms:.2f} | {m.p95_ms:.2f} | {m.recall_at_10:.3f} |"
        )
    lines += [
        "",
        "The extrapolated rows are not measured: sizes scale linearly with the vector count, latency linearly for "
        "flat, as log(n) for HNSW and as sqrt(n) for IVF-PQ at constant nprobe; recall is carried over "
        "(HNSW and IVF-PQ usually need a larger efSearch / nprobe at 10M to hold it). The real rows are the "
        "vectors of the index in service searched with real keyword queries.",
        "",
    ]
    return "\n".join(lines)


def run(sizes: Sequence[int], query_count: int, seed: int, output: Path, settings: Settings | None) -> str:
    """Measure every size in turn, then the real vectors when `settings` are given; the report is rewritten after
    each, so a cut-short run keeps its figures."""
    faiss.omp_set_num_threads(BUILD_THREADS)
    rng = np.random.default_rng(seed)
    centres = unit_centres(CLUSTERS, DIMENSION, rng)
    queries = clustered_unit_vectors(query_count, centres, rng)
    measures: list[Measure] = []
    output.parent.mkdir(parents=True, exist_ok=True)

    def report(done: str) -> str:
        text = markdown(measures + extrapolate(measures), query_count)
        output.write_text(text, encoding="utf-8")
        print(f"measured {done}", flush=True)
        return text

    text = ""
    for size in sizes:
        measures.extend(measure_all(size, clustered_unit_vectors(size, centres, rng), queries, rng))
        text = report(f"{size:,} synthetic vectors")
    if settings is not None:
        base, real_queries = real_vectors(settings, query_count)
        measures.extend(dataclasses.replace(m, data="real") for m in measure_all(len(base), base, real_queries, rng))
        text = report(f"{len(base):,} real vectors")
    return text


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--real", action="store_true", help="also measure the index in service with real queries")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--output", type=Path, default=CHECKOUT / "var" / "bench" / "scaling.md")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    print(run(sizes, args.queries, args.seed, args.output, load_settings() if args.real else None))


if __name__ == "__main__":
    main()
