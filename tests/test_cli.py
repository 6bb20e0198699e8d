"""The CLI contract evaluators script against, run as a subprocess on an index of real fixture fiches."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def guichet(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GUICHET_HOME": str(home), "HF_HUB_OFFLINE": "1", "GUICHET_MAX_TOKENS": "96"}
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_search_finds_fin_de_cdd(indexed_home: Path) -> None:
    result = guichet(indexed_home, "search", "fin de CDD", "--k", "5", "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    payload = json.loads(result.stdout)
    assert payload["query"] == "fin de CDD"
    assert payload["results"][0]["doc_id"] == "F40"
    assert set(payload["results"][0]) >= {"doc_id", "source", "title", "url", "chunk_id", "score", "text"}
    assert payload["timings"]["total_ms"] > 0
    scores = [hit["score"] for hit in payload["results"]]
    assert scores == sorted(scores, reverse=True)


def test_search_batch_keeps_order_and_ids(indexed_home: Path, tmp_path: Path) -> None:
    batch = tmp_path / "queries.jsonl"
    rows = [{"id": "a", "query": "fin de CDD"}, {"id": "b", "question": "renouvellement du CDD"}, {"text": "CDI"}]
    batch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = guichet(indexed_home, "search", "--batch", str(batch), "--k", "3")
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("id") for line in lines] == ["a", "b", None]
    assert [line["query"] for line in lines] == ["fin de CDD", "renouvellement du CDD", "CDI"]


def test_ask_citations_point_to_returned_sources(indexed_home: Path) -> None:
    result = guichet(indexed_home, "ask", "Quelle est l'indemnité de fin de CDD ?", "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    payload = json.loads(result.stdout)
    assert payload["mode"] in {"generated", "extractive"}
    assert payload["refused"] is False
    assert payload["citations"], payload
    source_ids = {source["doc_id"] for source in payload["sources"]}
    assert {c["doc_id"] for c in payload["citations"]} <= source_ids
    assert "F40" in {c["doc_id"] for c in payload["citations"]}
    for citation in payload["citations"]:
        assert f"[{citation['n']}]" in payload["answer"]
    assert set(payload["timings"]) >= {"retrieval_ms", "generation_ms", "total_ms"}


def test_config_json_names_resolved_models(indexed_home: Path) -> None:
    result = guichet(indexed_home, "config", "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    config = json.loads(result.stdout)
    assert Path(config["llm_model_path"]).is_file()
    assert Path(config["embedding_model"]).is_dir()
    assert config["index_manifest"]["corpus_versions"] == {"fixtures": "tests/fixtures/corpus"}
    assert config["home"] == str(indexed_home)


def test_bad_batch_file_is_a_clear_error(indexed_home: Path, tmp_path: Path) -> None:
    batch = tmp_path / "bad.jsonl"
    batch.write_text('{"query": "ok"}\n{not json}\n', encoding="utf-8")
    result = guichet(indexed_home, "search", "--batch", str(batch))
    assert result.returncode != 0
    assert "bad.jsonl:2: not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["search", "ask"])
def test_missing_index_is_a_clear_error(tmp_path: Path, command: str) -> None:
    result = guichet(tmp_path, command, "fin de CDD")
    assert result.returncode != 0
    assert "guichet index" in result.stderr
    assert "Traceback" not in result.stderr


def test_redact_batch_echoes_ids_and_masks(tmp_path: Path) -> None:
    batch = tmp_path / "texts.jsonl"
    rows = [{"id": 7, "text": "Mme Fatima Benali, 06 12 34 56 78"}, {"text": "Bonjour, article L1243-8"}]
    batch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = guichet(tmp_path, "redact", "--batch", str(batch))
    assert result.returncode == 0, result.stderr[-2000:]
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["id"] == 7 and "Benali" not in first["text"] and "06 12" not in first["text"]
    assert {e["type"] for e in first["entities"]} == {"PERSONNE", "TELEPHONE"}
    assert second == {"text": "Bonjour, article L1243-8", "entities": []}


def test_model_check_writes_a_card_and_config_shows_the_mode_it_sets(tmp_path: Path, indexed_home: Path) -> None:
    """The shipped SmolLM2 on two questions: a card is written, too few questions to qualify, so answers stay
    composed from the texts, and `guichet config` says so."""
    import shutil

    home = tmp_path / "home"
    shutil.copytree(indexed_home, home)
    before = json.loads(guichet(home, "config", "--json").stdout)["answer_mode"]
    assert before["drafting"] is False and "guichet model check" in before["reason"]
    checked = guichet(home, "model", "check", "--limit", "2")
    assert checked.returncode == 0, checked.stderr[-2000:]
    assert "not qualified" in checked.stdout
    cards = list((home / "models" / "cards").glob("*.json"))
    card = json.loads(cards[0].read_text(encoding="utf-8"))
    assert card["questions"] == 2 and card["qualified"] is False and card["backend"] == "llama_cpp"
    after = json.loads(guichet(home, "config", "--json").stdout)["answer_mode"]
    assert after["drafting"] is False and "n'est pas qualifié" in after["reason"]
    answer = json.loads(guichet(home, "ask", "Quelle est l'indemnité de fin de CDD ?", "--json").stdout)
    assert answer["mode"] == "extractive" and "generation_ms" not in answer["timings"]
