"""`guichet eval`: run the chosen parts on the shipped (or given) datasets and write the report."""
from __future__ import annotations

import hashlib
import json
import platform
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.refusal import threshold as refusal_threshold
from corpus.model import Document
from eval import datasets as ds
from eval.answers import Asked, ask_all, evaluate_answers, evaluate_refusals
from eval.latency import summarize
from eval.report import write_report
from eval.systems import DEFAULT_BASELINES
from guichet.config import Settings
from indexing.embeddings import Embedder
from indexing.index import Index
from indexing.search import Searcher

if TYPE_CHECKING:
    from assistant.pipeline import Assistant
    from redaction.engine import Redactor

PARTS = ("retrieval", "answers", "pii", "latency", "verify")
ANSWER_SETS = ("fiche-questions", "qa-reference", "agent-questions", "natural-questions")
MUST_REFUSE_SETS = ("unanswerable", "invented-questions", "invented-questions-2", "injections")
PART_DATASETS: dict[str, tuple[str, ...]] = {
    "retrieval": ("retrieval-queries",),
    "answers": ANSWER_SETS + MUST_REFUSE_SETS,
    "pii": ("pii-notes", "agent-questions-pii", "clean-questions"),
    "latency": ("fiche-questions",),
    "verify": ("verify-drafts", "verify-drafts-blind2", "verify-drafts-blind3", "verify-drafts-blind4",
               "verify-drafts-blind5", "verify-drafts-blind6", "verify-drafts-blind7",
               "verify-drafts-blind8", "verify-drafts-blind9", "verify-drafts-blind10",
               "verify-drafts-blind11", "verify-drafts-blind12", "verify-drafts-blind13"),
}
"""A `--dataset FILE` given for a part replaces that part's first dataset and drops the others of the part."""
NOT_HASHED_SETTINGS = frozenset({
    "home", "corpus_dir", "index_dir", "cache_dir", "log_dir", "audit_db", "host", "port", "auth",
    "max_concurrent_requests", "queue_size", "request_timeout_s", "llm_api_key", "stale_after_days",
    "maintenance_panel", "audit_retention_days", "eval_regression_threshold",
})
MODEL_WEIGHTS = ("model.safetensors", "pytorch_model.bin", "model.onnx")


def config_hash(settings: Settings) -> str:
    """What decides the results (models, corpus, retrieval and generation settings), hashed to 7 hex digits."""
    relevant = {k: v for k, v in settings.to_dict().items() if k not in NOT_HASHED_SETTINGS}
    return hashlib.sha256(json.dumps(relevant, sort_keys=True, default=str).encode()).hexdigest()[:7]


def default_out_dir(settings: Settings, now: datetime) -> Path:
    return settings.home / "eval" / f"{now:%Y-%m-%d-%H%M%S}-{config_hash(settings)}"


def choose_datasets(parts: set[str], overrides: dict[str, Path] | None) -> dict[str, Path]:
    """Dataset name -> file for the parts to run: the shipped files, or a part's `--dataset` override."""
    chosen: dict[str, Path] = {}
    for part in parts:
        names = PART_DATASETS[part]
        if overrides and part in overrides:
            chosen[names[0]] = Path(overrides[part])
            continue
        for name in names:
            path = ds.DEFAULT_DATASETS[name]
            if path.is_file():
                chosen[name] = path
    unknown = set(overrides or {}) - set(PARTS)
    if unknown:
        raise ds.DatasetError(f"--dataset applies to one part among {', '.join(PARTS)}, not {', '.join(unknown)}")
    return chosen


def _cached_sha256(path: Path, cache_file: Path) -> str:
    """A model file's sha256, remembered by path, size and modification time (multi-GB GGUFs)."""
    stat = path.stat()
    key = f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
    cache: dict[str, str] = json.loads(cache_file.read_text()) if cache_file.is_file() else {}
    if key not in cache:
        cache[key] = ds.sha256_file(path)
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache_file.with_suffix(".tmp")
        temporary.write_text(json.dumps(cache, indent=1))
        temporary.replace(cache_file)
    return cache[key]


def model_descriptions(settings: Settings, parts: set[str]) -> dict[str, dict[str, Any]]:
    cache_file = settings.cache_dir / "model-hashes.json"
    models: dict[str, dict[str, Any]] = {}
    embedding = Path(settings.embedding_model)
    weights = next((embedding / name for name in MODEL_WEIGHTS if (embedding / name).is_file()), None)
    models["embedding"] = {
        "id": f"{embedding.parent.name}/{embedding.name}" if embedding.is_dir() else settings.embedding_model,
        "sha256": _cached_sha256(weights, cache_file) if weights else None,
    }
    if parts & {"answers", "latency"}:
        if settings.llm_backend == "openai":
            models["llm"] = {"id": f"{settings.llm_model} @ {settings.llm_base_url}", "sha256": None}
        else:
            gguf = Path(settings.llm_model_path)
            models["llm"] = {"id": gguf.name, "sha256": _cached_sha256(gguf, cache_file) if gguf.is_file() else None}
    if settings.eval_judge_base_url:
        models["judge"] = {"id": f"{settings.eval_judge_model} @ {settings.eval_judge_base_url}", "sha256": None}
    return models


def index_description(settings: Settings) -> dict[str, Any]:
    from indexing.index import Manifest

    manifest = Manifest.current(settings)
    if manifest is None:
        return {}
    keys = ("build_id", "created", "embedding_model", "corpus_versions", "documents", "chunks")
    return {key: getattr(manifest, key) for key in keys}


def corpus_description(settings: Settings) -> list[dict[str, str]]:
    from corpus.sources import configured_packages, source_of_package

    return [
        {"name": p.name, "version": p.version, "integrity": p.integrity,
         "description": source.attribution if (source := source_of_package(p.name)) else ""}
        for p in configured_packages(settings)
    ]


def _rows(chosen: dict[str, Path], names: Sequence[str], limit: int | None) -> dict[str, list[ds.EvalRow]]:
    return {name: ds.load_rows(chosen[name], limit) for name in names if name in chosen}


class Shared:
    """Heavy objects loaded once for every part of the run."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._embedder: Embedder | None = None
        self._index: Index | None = None
        self._redactor: Redactor | None = None

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = Embedder(self.settings)
        return self._embedder

    @property
    def index(self) -> Index:
        if self._index is None:
            self._index = Index.open(self.settings)
        return self._index

    @property
    def redactor(self) -> Redactor:
        from redaction.engine import Redactor

        if self._redactor is None:
            self._redactor = Redactor.from_settings(self.settings)
        return self._redactor

    def assistant(self) -> Assistant:
        """The deployed pipeline, without the audit log: evaluation questions are not agents' questions."""
        from assistant.llm import make_generator
        from assistant.pipeline import Assistant

        searcher = Searcher(self.index, self.embedder, self.settings)
        return Assistant(self.settings, searcher, self.redactor, make_generator(self.settings), None)


def run_retrieval(
    shared: Shared, path: Path, documents: Sequence[Document] | None, limit: int | None, progress: bool,
    baselines: Sequence[str],
) -> dict[str, Any]:
    from corpus.load import load_documents
    from eval.ranking import evaluate_retrieval

    documents = list(load_documents(shared.settings)) if documents is None else documents
    return evaluate_retrieval(
        shared.settings, path, documents, shared.index, shared.embedder, limit, progress, baselines
    )


def run_pii(shared: Shared, chosen: dict[str, Path], limit: int | None) -> tuple[dict[str, Any], dict[str, int]]:
    """Redaction scored on every PII set together (per type) and on each set alone."""
    from eval.pii import evaluate_pii

    rows = _rows(chosen, PART_DATASETS["pii"], limit)
    combined = evaluate_pii(shared.redactor, [row for name_rows in rows.values() for row in name_rows])
    by_dataset = {}
    for name, name_rows in rows.items():
        report = evaluate_pii(shared.redactor, name_rows)
        micro = report["micro"]
        by_dataset[name] = {
            "rows": report["rows"],
            "precision": micro["precision"] if micro["predicted"] else None,
            "recall": micro["recall"] if micro["gold"] else None,
            "whole_recall": micro["whole_recall"] if micro["gold"] else None,
            "f1": micro["f1"] if micro["predicted"] and micro["gold"] else None,
            "false_redaction_rate": report["false_redaction_rate"] if report["clean_rows"] else None,
        }
    result = {
        "overall": combined["micro"],
        "by_type": combined["per_type"],
        "false_redactions": {"clean_rows": combined["clean_rows"],
                             "false_redaction_rate": combined["false_redaction_rate"]},
        "by_dataset": by_dataset,
        "unmapped_labels": combined["unmapped_labels"],
    }
    return result, {name: len(name_rows) for name, name_rows in rows.items()}


def run_answers(
    shared: Shared, chosen: dict[str, Path], parts: set[str], limit: int | None, progress: bool
) -> tuple[dict[str, Any], dict[str, int]]:
    """The answers, refusals and latency parts, which share one pass of questions through the assistant."""
    from eval.judge import make_judge

    answer_names = ANSWER_SETS if "answers" in parts else ("fiche-questions",)
    answer_rows = _rows(chosen, answer_names, limit)
    refusal_rows = _rows(chosen, MUST_REFUSE_SETS, limit) if "answers" in parts else {}
    asked = ask_all(shared.assistant(), {**answer_rows, **refusal_rows}, progress=progress)
    answered = [item for item in asked if item.dataset in answer_rows]
    results: dict[str, Any] = {}
    if "answers" in parts:
        results["answers"] = evaluate_answers(answered, shared.embedder.encode, make_judge(shared.settings))
        must_refuse = [item for item in asked if item.dataset in refusal_rows]
        if must_refuse:
            results["refusals"] = evaluate_refusals(
                _answerable(answered), must_refuse, refusal_threshold(shared.settings)
            )
    if "latency" in parts:
        results["latency"] = summarize(item.answer.timings for item in asked)
    used = {name: len(rows) for name, rows in {**answer_rows, **refusal_rows}.items()}
    return results, used


ANSWERABLE_SETS = ("fiche-questions", "agent-questions", "natural-questions")


def _answerable(answered: Sequence[Asked]) -> list[Asked]:
    """Questions written on a fiche the corpus holds: refusing them is an error."""
    return [item for item in answered if item.dataset in ANSWERABLE_SETS]


def run_eval(
    settings: Settings,
    parts: set[str],
    datasets: dict[str, Path] | None = None,
    out_dir: Path | None = None,
    compare_with: Path | None = None,
    limit: int | None = None,
    progress: bool = True,
    documents: Sequence[Document] | None = None,
    baselines: Sequence[str] = DEFAULT_BASELINES,
) -> tuple[Path, int]:
    """Run the parts, write the report into `out_dir`; the exit status is 1 when `compare_with` shows a
    regression beyond `settings.eval_regression_threshold`, else 0. `documents` is the corpus retrieval is
    scored against (default: the fetched corpus, as indexed); `baselines` the reference systems retrieval is
    compared with (`eval.systems.BASELINES`)."""
    unknown = parts - set(PARTS)
    if unknown:
        raise ValueError(f"unknown part(s) {', '.join(sorted(unknown))}; expected {', '.join(PARTS)}")
    started = time.perf_counter()
    now = datetime.now().astimezone()
    chosen = choose_datasets(parts, datasets)
    out_dir = out_dir or default_out_dir(settings, now)
    results: dict[str, Any] = {}
    used: dict[str, int] = {}
    shared = Shared(settings)
    if "retrieval" in parts and "retrieval-queries" in chosen:
        results["retrieval"] = run_retrieval(
            shared, chosen["retrieval-queries"], documents, limit, progress, baselines
        )
        used["retrieval-queries"] = results["retrieval"]["n"] + results["retrieval"]["unresolved"]
    if "pii" in parts:
        results["pii"], pii_used = run_pii(shared, chosen, limit)
        used.update(pii_used)
    if parts & {"answers", "latency"}:
        part_results, part_used = run_answers(shared, chosen, parts, limit, progress)
        results.update(part_results)
        used.update(part_used)
    verify_sets = [name for name in PART_DATASETS["verify"] if name in chosen]
    if "verify" in parts and verify_sets:
        from assistant.verify import resemblance_of
        from eval.verify import evaluate_verifier

        files = [chosen[name] for name in verify_sets]
        results["verify"] = evaluate_verifier(files, resemblance_of(shared.embedder), limit)
        used.update({name: len(ds.load_rows(chosen[name], limit)) for name in verify_sets})
    results["meta"] = {
        "date": now.isoformat(timespec="seconds"),
        "config_hash": config_hash(settings),
        "parts": sorted(parts),
        "limit": limit,
        "duration_s": round(time.perf_counter() - started, 1),
        "config": settings.to_dict(),
        "models": model_descriptions(settings, parts),
        "corpus": corpus_description(settings),
        "index": index_description(settings),
        "datasets": {name: ds.describe(chosen[name], rows) for name, rows in used.items()},
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    regressions = write_report(results, out_dir, compare_with, settings.eval_regression_threshold)
    return out_dir, 1 if regressions else 0
