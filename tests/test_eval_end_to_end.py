"""`run_eval` end to end on the real corpus fixtures: index, retrieval vs baselines, answers, refusals, PII,
latency, and the four report files.

The quick run points the LLM at a closed local port, so the pipeline answers from its extractive fallback (the
embedder, redactor and searcher are the real ones); the slow test drafts with the real GGUF model."""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from eval.datasets import DEFAULT_DATASETS
from eval.run import ANSWER_SETS, config_hash, default_out_dir, run_eval
from guichet.config import Settings, load_settings
from tests.corpus_fixtures import fixture_documents

LIMIT = 1


UNREACHABLE_LLM = "http://127.0.0.1:9/v1"


@pytest.fixture(scope="module")
def llama_settings(indexed_home: Path) -> Settings:
    return load_settings(env={"GUICHET_HOME": str(indexed_home)}, max_tokens=24, n_ctx=2048, n_threads=1)


@pytest.fixture(scope="module")
def settings(llama_settings: Settings) -> Settings:
    return dataclasses.replace(llama_settings, llm_backend="openai", llm_base_url=UNREACHABLE_LLM, llm_model="absent")


@pytest.fixture(scope="module")
def run(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, dict]:
    out = tmp_path_factory.mktemp("eval-out")
    queries = out / "queries.jsonl"
    shipped = DEFAULT_DATASETS["retrieval-queries"].read_text(encoding="utf-8").splitlines()
    queries.write_text("\n".join(shipped[:LIMIT]) + "\n", encoding="utf-8")
    out_dir, status = run_eval(settings, {"retrieval", "answers", "latency"}, datasets={"retrieval": queries},
                               out_dir=out, limit=LIMIT, progress=False, documents=fixture_documents(),
                               baselines=("bm25", "langchain"))
    return out_dir, status, json.loads((out_dir / "results.json").read_text(encoding="utf-8"))


def test_every_file_is_written(run: tuple[Path, int, dict]) -> None:
    out_dir, status, _ = run
    assert status == 0
    for name in ("results.json", "report.md", "report.html", "system-card.md"):
        assert (out_dir / name).stat().st_size > 500
    page = (out_dir / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"""src\s*=\s*["']?https?:""", page) and "data:image/png;base64," in page


def test_retrieval_is_read_against_both_baselines(run: tuple[Path, int, dict]) -> None:
    retrieval = run[2]["retrieval"]
    assert retrieval["n"] == LIMIT
    assert set(retrieval["systems"]) == {"Guichet (hybride)", "Guichet (fusion seule)", "BM25 seul",
                                         "LangChain manuel"}
    for system in retrieval["systems"].values():
        assert 0.0 <= system["ndcg@10"] <= 1.0 and 0.0 <= system["mrr@10"] <= system["hit@10"]
    # the first queries are about "épargne salariale", whose fiches and articles are all in the fixtures
    assert retrieval["systems"]["Guichet (hybride)"]["hit@5"] == 1.0
    held_out = retrieval["ranker"]["cross_validation"]
    assert retrieval["ranker"]["grouped_by"] == "theme" and held_out["ranker"]["mrr@10"] > held_out["fusion"]["mrr@10"]
    report = (run[0] / "report.md").read_text(encoding="utf-8")
    assert "propres données d'apprentissage" in report and "reclassé (validation croisée)" in report


def test_answers_are_scored_with_the_baseline(run: tuple[Path, int, dict]) -> None:
    answers = run[2]["answers"]
    assert answers["n"] == len(ANSWER_SETS) * LIMIT
    assert set(answers["by_dataset"]) == {"fiche-questions", "qa-reference", "agent-questions", "natural-questions"}
    assert 0.0 <= answers["metrics"]["token_f1"] <= 1.0
    assert -1.0 <= answers["metrics"]["semantic_similarity"] <= 1.0
    assert answers["baseline_first_passage"]["answer_span_recall"] is not None
    assert answers["llm_judge_enabled"] is False


def test_latency_and_provenance(run: tuple[Path, int, dict], settings: Settings) -> None:
    results = run[2]
    stages = results["latency"]["stages"]
    assert stages["total_ms"]["n"] >= 2 * LIMIT and stages["total_ms"]["p95"] >= stages["total_ms"]["p50"] > 0
    meta = results["meta"]
    assert meta["config_hash"] == config_hash(settings)
    assert re.fullmatch(r"[0-9a-f]{64}", meta["models"]["embedding"]["sha256"])
    assert meta["models"]["llm"]["id"] == f"absent @ {UNREACHABLE_LLM}"
    assert meta["datasets"]["fiche-questions"]["rows"] == LIMIT
    assert meta["index"]["build_id"]


def test_a_regression_against_a_better_run_fails(run: tuple[Path, int, dict], tmp_path: Path,
                                                 settings: Settings) -> None:
    out_dir, _, results = run
    better = json.loads(json.dumps(results))
    better["retrieval"]["systems"]["Guichet (hybride)"]["ndcg@10"] = 1.5
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "results.json").write_text(json.dumps(better), encoding="utf-8")
    from eval.report import write_report

    regressions = write_report(results, tmp_path / "new", compare_with=tmp_path / "old")
    assert [r["metric"] for r in regressions] == ["retrieval.systems.Guichet (hybride).ndcg@10"]


def test_pii_part_scores_each_set_and_each_type(settings: Settings, tmp_path: Path) -> None:
    out_dir, status = run_eval(settings, {"pii"}, out_dir=tmp_path, limit=20, progress=False)
    pii = json.loads((out_dir / "results.json").read_text(encoding="utf-8"))["pii"]
    assert status == 0
    assert set(pii["by_dataset"]) == {"pii-notes", "agent-questions-pii", "clean-questions"}
    assert pii["by_dataset"]["clean-questions"]["recall"] is None
    assert pii["overall"]["gold"] > 20 and 0.5 < pii["overall"]["recall"] <= 1.0
    assert "PERSONNE" in pii["by_type"]
    assert "false_redaction_rate" in (out_dir / "report.md").read_text(encoding="utf-8")


def test_default_out_dir_is_dated_and_hashed(settings: Settings) -> None:
    from datetime import datetime

    out = default_out_dir(settings, datetime(2026, 11, 25, 21, 0, 0))
    assert out == settings.home / "eval" / f"2026-11-25-210000-{config_hash(settings)}"


@pytest.mark.slow
def test_answers_drafted_by_the_real_model(llama_settings: Settings, tmp_path: Path) -> None:
    drafting = dataclasses.replace(llama_settings, draft_policy="always")
    out_dir, _ = run_eval(drafting, {"answers", "latency"}, out_dir=tmp_path, limit=1, progress=False)
    results = json.loads((out_dir / "results.json").read_text(encoding="utf-8"))
    assert results["meta"]["models"]["llm"]["id"].endswith(".gguf")
    assert re.fullmatch(r"[0-9a-f]{64}", results["meta"]["models"]["llm"]["sha256"])
    assert results["latency"]["stages"]["generation_ms"]["n"] >= 1
    assert 0.0 <= results["answers"]["metrics"]["token_f1"] <= 1.0
