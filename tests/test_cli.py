"""The CLI contract evaluators script against, run as a subprocess on an index of real fixture fiches."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def guichet(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GUICHET_HOME": str(home), "HF_HUB_OFFLINE": "1", "GUICHET_MAX_TOKENS": "96"}
    return subprocess.run(
        [sys.executable, "-m", "assistant.faces.cli", *args],
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
    assert set(payload["timings"]) >= {"retrieval_ms", "composition_ms", "total_ms"}


def test_config_json_names_resolved_models(indexed_home: Path) -> None:
    result = guichet(indexed_home, "config", "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    config = json.loads(result.stdout)
    assert Path(config["llm_model_path"]).is_file()
    assert Path(config["embedding_model"]).is_dir()
    assert config["embedding_profile"]["model"] == "multilingual-e5-small" and config["embedding_profile"]["calibrated"]
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


def guichet_bytes(home: Path, *args: str | bytes, **env: str) -> subprocess.CompletedProcess[bytes]:
    """The CLI with arguments that may not be UTF-8, and extra environment variables."""
    full_env = {**os.environ, "GUICHET_HOME": str(home), "HF_HUB_OFFLINE": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "assistant.faces.cli", *args], env=full_env, capture_output=True, timeout=600,
        check=False,
    )


def one_line_error(result: subprocess.CompletedProcess[bytes]) -> str:
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode != 0, stderr
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("guichet: "), stderr
    return lines[0]


HOSTILE_BATCH = [
    (b'{"id": "a", "text": "Mme Fatima Benali, 06 12 34 56 78"}', None),
    (b'{not json}', "not valid JSON"),
    (b'{"id": "c", "texte": "pas le bon champ"}', "no text in any of the fields"),
    (b'["a list", "not an object"]', "not a JSON object"),
    (b'"a bare string"', "not a JSON object"),
    (b'{"id": "f", "text": "caf\xe9 en Latin-1, NIR 2 85 03 75 112 045 42"}', "not valid UTF-8"),
    (b'{"id": "g", "text": "lone \\ud800 surrogate"}', "not valid UTF-8"),
    (b'{"id": "h", "text": "   "}', "the question is empty"),
    (b'{"id": "i", "text": 42}', "no text in any of the fields"),
    (b'', None),
    (b'\xef\xbb\xbf{"id": "k", "question": "Dossier de KARIM BENALI, tel 0612345678"}', None),
    (b'{"id": "l", "query": "fin de CDD"}', None),
]


def _write_hostile_batch(path: Path) -> list[tuple[int, str | None]]:
    path.write_bytes(b"\n".join(line for line, _ in HOSTILE_BATCH) + b"\n")
    return [(number, error) for number, (line, error) in enumerate(HOSTILE_BATCH, 1) if line]


def _check_batch_output(
    result: subprocess.CompletedProcess[bytes], batch: Path, expected: list[tuple[int, str | None]]
) -> list:
    assert result.returncode != 0
    stderr = result.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    rows = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len(rows) == len(expected)
    for row, (number, error) in zip(rows, expected, strict=True):
        if error is None:
            assert "error" not in row, row
        else:
            assert row["line"] == number and error in row["error"], row
            assert any(line.startswith(f"{batch}:{number}: ") and error in line for line in stderr.splitlines())
    return rows


def test_redact_batch_answers_every_line_it_can_and_reports_the_others(tmp_path: Path) -> None:
    batch = tmp_path / "hostile.jsonl"
    expected = _write_hostile_batch(batch)
    result = guichet_bytes(tmp_path, "redact", "--batch", str(batch))
    rows = _check_batch_output(result, batch, expected)
    answered = [row for row in rows if "error" not in row]
    assert [row["id"] for row in answered] == ["a", "k", "l"]
    assert "Benali" not in answered[0]["text"] and "BENALI" not in answered[1]["text"]
    assert [row["id"] for row in rows if "error" in row] == [None, "c", None, None, None, "g", "h", "i"]
    assert b"045 42" not in result.stdout + result.stderr


def test_search_batch_answers_every_line_it_can(indexed_home: Path, tmp_path: Path) -> None:
    batch = tmp_path / "hostile.jsonl"
    expected = _write_hostile_batch(batch)
    result = guichet_bytes(indexed_home, "search", "--batch", str(batch), "--k", "2")
    rows = _check_batch_output(result, batch, expected)
    assert [row["id"] for row in rows if "error" not in row] == ["a", "k", "l"]
    assert all(len(row["results"]) <= 2 for row in rows if "error" not in row)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("search", "--batch", "absent.jsonl"), "batch file absent.jsonl does not exist"),
        (("ask", "--batch", "absent.jsonl"), "batch file absent.jsonl does not exist"),
        (("ask", b"caf\xe9 \xff en Latin-1"), "not valid UTF-8"),
        (("redact", b"\xff\xfe"), "not valid UTF-8"),
        (("ask", "   "), "the question is empty"),
        (("search", ""), "the question is empty"),
        (("ask",), "give a text or --batch"),
    ],
)
def test_bad_input_is_one_line_before_any_model_loads(tmp_path: Path, args: tuple, message: str) -> None:
    """No index in this home: had a model loaded first, the error would be about the index."""
    assert message in one_line_error(guichet_bytes(tmp_path, *args))


def test_a_bad_agreement_is_a_usage_error_that_does_not_echo_what_was_typed(tmp_path: Path) -> None:
    result = guichet_bytes(tmp_path, "search", "préavis", "--agreement", "Mme Benali")
    assert result.returncode == 2 and b"expected an IDCC" in result.stderr
    assert b"Benali" not in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("k", ["-1", "0", "101", "deux"])
def test_result_count_out_of_range_is_a_usage_error(tmp_path: Path, k: str) -> None:
    result = guichet_bytes(tmp_path, "search", "fin de CDD", "--k", k)
    assert result.returncode == 2 and b"from 1 to 100" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--agents", "0"), b"from 1 to 200"),
        (("--agents", "1,cinq"), b"from 1 to 200"),
        (("--questions-per-agent", "0"), b"from 1 to 50"),
    ],
)
def test_page_bench_arguments_are_checked(tmp_path: Path, args: tuple, message: bytes) -> None:
    result = guichet_bytes(tmp_path, "bench", "--page", "http://127.0.0.1:9/", *args)
    assert result.returncode == 2 and message in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--baselines", "bm25,textbook"), b"none or names among bm25, langchain"),
        (("--baselines", ""), b"none or names among bm25, langchain"),
        (("--limit", "0"), b"at least 1"),
        (("--limit", "dix"), b"at least 1"),
    ],
)
def test_eval_arguments_are_checked(tmp_path: Path, args: tuple, message: bytes) -> None:
    result = guichet_bytes(tmp_path, "eval", "retrieval", *args)
    assert result.returncode == 2 and message in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("all", "--dataset", "questions.jsonl"), "name the part, not `all`"),
        (("answers", "--dataset", "absent.jsonl"), "dataset absent.jsonl does not exist"),
    ],
)
def test_eval_dataset_is_checked_before_any_model_loads(tmp_path: Path, args: tuple, message: str) -> None:
    assert message in one_line_error(guichet_bytes(tmp_path, "eval", *args))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--dataset", "absent.jsonl"), "dataset absent.jsonl does not exist"),
        (("--out", "no/such/folder/ranker.json"), "cannot write the model into"),
        ((), "run `guichet index` first"),
    ],
)
def test_ranker_training_says_what_is_missing_in_one_line(tmp_path: Path, args: tuple, message: str) -> None:
    assert message in one_line_error(guichet_bytes(tmp_path, "ranker", "train", *args))


def test_eval_help_explains_every_option(tmp_path: Path) -> None:
    help_text = " ".join(guichet_bytes(tmp_path, "eval", "--help").stdout.decode().split())
    for option in ("--dataset FILE.jsonl", "--out DIR", "--compare OLD_DIR", "--limit N", "--baselines LIST"):
        assert option in help_text
    assert "default: bm25" in help_text and "about 20 minutes" in help_text and "verify: planted drafts" in help_text


def test_page_bench_against_no_page_counts_every_question_failed(tmp_path: Path) -> None:
    result = guichet_bytes(tmp_path, "bench", "--page", "http://127.0.0.1:9/", "--agents", "2",
                           "--questions-per-agent", "1")
    assert result.returncode == 1 and b"failures 2" in result.stdout and b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("env", "toml", "words"),
    [
        ({"GUICHET_REDACT_FOR_LLM": "ture"}, None, ["GUICHET_REDACT_FOR_LLM", "redact_for_llm"]),
        ({"GUICHET_TOP_K": "3.7"}, None, ["GUICHET_TOP_K", "top_k"]),
        ({}, "n_ctx = 3.7\n", ["guichet.toml", "n_ctx"]),
        ({}, "top_k = true\n", ["guichet.toml", "top_k"]),
        ({}, "top_k = = 5\n", ["guichet.toml", "not valid TOML"]),
        ({"GUICHET_CONFIG": "/nonexistent/guichet.toml"}, None, ["/nonexistent/guichet.toml"]),
        ({"GUICHET_VECTOR_STORE": "milvus"}, None, ["GUICHET_VECTOR_STORE", "vector_store", "faiss, qdrant"]),
        ({}, 'draft_policy = "sometimes"\n', ["guichet.toml", "draft_policy", "auto, always, never"]),
        ({}, "[indexing]\ntop_k = 3\n", ["guichet.toml", "top_k", "belongs in [retrieval]"]),
        ({}, "top_k = 3\n[retrieval]\ntop_k = 4\n", ["guichet.toml", "top_k is given twice"]),
    ],
)
def test_configuration_error_is_one_line(tmp_path: Path, env: dict, toml: str | None, words: list[str]) -> None:
    if toml is not None:
        (tmp_path / "guichet.toml").write_text(toml, encoding="utf-8")
    line = one_line_error(guichet_bytes(tmp_path, "redact", "Bonjour", **env))
    assert all(word in line for word in words), line


def _unwritable_audit(home: Path, how: str) -> None:
    if how == "read-only home":
        if os.geteuid() == 0:
            pytest.skip("root writes into a read-only folder")
        home.chmod(0o555)
    else:
        (home / "audit.sqlite3").mkdir()


@pytest.mark.parametrize("how", ["read-only home", "audit path taken by a folder"])
def test_unwritable_audit_log_refuses_to_answer_in_one_line(indexed_home: Path, tmp_path: Path, how: str) -> None:
    """Questions are not answered without their audit trail (the DPO's record); masking alone still works."""
    home = tmp_path / "home"
    shutil.copytree(indexed_home, home, ignore=shutil.ignore_patterns("audit.sqlite3*", "logs"))
    _unwritable_audit(home, how)
    try:
        line = one_line_error(guichet_bytes(home, "ask", "Quelle est l'indemnité de fin de CDD ?"))
        redacted = guichet_bytes(home, "redact", "Mme Fatima Benali")
    finally:
        home.chmod(0o755)
    assert "audit log" in line and str(home) in line
    assert redacted.returncode == 0 and b"<PERSONNE_1>" in redacted.stdout


@pytest.mark.parametrize("model", ["absent.gguf", "not-a-model.gguf"])
def test_unusable_model_is_said_at_start_up(indexed_home: Path, tmp_path: Path, model: str) -> None:
    home = tmp_path / "home"
    shutil.copytree(indexed_home, home)
    (tmp_path / "not-a-model.gguf").write_text("<html>404</html>", encoding="utf-8")
    model_path = str(tmp_path / model)
    result = guichet_bytes(home, "ask", "Quelle est l'indemnité de fin de CDD ?", "--json",
                           GUICHET_LLM_MODEL_PATH=model_path)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 0 and "Traceback" not in stderr
    assert f"model file {model_path}" in stderr and "without the model" in stderr
    assert f"model file {model_path}" in (home / "logs" / "guichet.log").read_text(encoding="utf-8")
    assert json.loads(result.stdout)["mode"] == "extractive"


@pytest.mark.parametrize("day", ["2024-02-30", "31/12/2023", "20231231", "demain"])
def test_a_bad_as_of_date_is_a_usage_error(tmp_path: Path, day: str) -> None:
    result = guichet_bytes(tmp_path, "search", "fin de CDD", "--as-of", day)
    assert result.returncode == 2 and b"expected a calendar day as YYYY-MM-DD" in result.stderr
    assert b"Traceback" not in result.stderr


def test_search_and_ask_at_a_date_show_the_texts_in_force_then(indexed_home: Path) -> None:
    searched = guichet(indexed_home, "search", "article L1243-11-1", "--k", "3", "--as-of", "2023-12-31")
    assert searched.returncode == 0, searched.stderr[-2000:]
    assert "texts in force on 2023-12-31" in searched.stdout and "L1243-11-1" not in searched.stdout
    assert "en vigueur depuis le 22 décembre 2014" in searched.stdout
    asked = guichet(indexed_home, "ask", "Que prévoit l'article L1243-11-1 du Code du travail ?", "--json",
                    "--as-of", "2024-01-01")
    assert asked.returncode == 0, asked.stderr[-2000:]
    answer = json.loads(asked.stdout)
    assert answer["as_of"] == "2024-01-01" and answer["set_aside"] == []
    assert answer["sources"][0]["doc_id"] == "LEGIARTI000048600685"
    assert answer["sources"][0]["in_force_since"] == "2024-01-01"
