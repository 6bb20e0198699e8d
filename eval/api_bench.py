"""The HTTP API against the in-process call: same answers as `guichet ask --json`, and what HTTP adds to each.

    guichet bench --api --cli-answers answers.jsonl   # from `guichet ask --batch questions.jsonl --json`

The served application comes from the caller (`guichet serve`'s, built by the CLI): evaluation never imports a face.
Each development question is asked in process and through `guichet serve`'s application under uvicorn on loopback,
alternately, `--repeat` times; the overhead is the difference of each pair's wall times, and, less noisy, the API's
wall time beyond the pipeline's own `total_ms` for the same request (a benchmark: the figures depend on the machine
and its load)."""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from assistant.answer_json import answer_json
from assistant.ops.llama_server import free_port
from assistant.pipeline import Assistant, Session
from eval.datasets import DEFAULT_DATASETS, load_rows
from eval.metrics import percentile

App = Callable[..., Awaitable[None]]
"""An ASGI application."""
COMPARED = ("question", "redacted_question", "answer", "citations", "sources", "cases", "extract", "refused", "mode",
            "notice")


@contextmanager
def serving(app: App) -> Iterator[str]:
    """The application under uvicorn on a free loopback port, for as long as the block runs; yields its URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        thread.join(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def compared(answer: dict[str, Any]) -> dict[str, Any]:
    return {key: answer[key] for key in COMPARED}


def bench(assistant: Assistant, app: App, questions: list[str], repeat: int) -> dict[str, Any]:
    in_process: list[float] = []
    over_http: list[float] = []
    beyond_pipeline: list[float] = []
    answers: list[dict[str, Any]] = []
    with serving(app) as url, httpx.Client(base_url=url, timeout=300) as client:
        for question in questions:
            for attempt in range(repeat):
                started = time.perf_counter()
                assistant.ask(question, Session())
                in_process.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                reply = client.post("/api/ask", json={"question": question}).json()
                over_http.append((time.perf_counter() - started) * 1000)
                beyond_pipeline.append(over_http[-1] - reply["timings"]["total_ms"])
                if attempt == 0:
                    answers.append(reply)
    overheads = [http - local for http, local in zip(over_http, in_process, strict=True)]
    return {
        "questions": len(questions),
        "pairs": len(overheads),
        "in_process_p50_ms": round(percentile(in_process, 50), 1),
        "api_p50_ms": round(percentile(over_http, 50), 1),
        "overhead_p50_ms": round(percentile(overheads, 50), 1),
        "overhead_p90_ms": round(percentile(overheads, 90), 1),
        "http_beyond_pipeline_p50_ms": round(percentile(beyond_pipeline, 50), 1),
        "http_beyond_pipeline_p90_ms": round(percentile(beyond_pipeline, 90), 1),
        "answers": answers,
    }


def run(assistant: Assistant, app: App, limit: int, repeat: int, cli_answers: Path | None) -> dict[str, Any]:
    """The first `limit` development fiche questions, each asked `repeat` times both ways; the API's answers are
    compared with `cli_answers` (`guichet ask --batch --json` output for the same questions) when given, else with
    the in-process ones."""
    assistant.warm_up()
    questions = [row.text for row in load_rows(DEFAULT_DATASETS["fiche-questions"], limit)]
    result = bench(assistant, app, questions, repeat)
    answers = result.pop("answers")
    if cli_answers:
        from_cli = [json.loads(line) for line in cli_answers.read_text(encoding="utf-8").splitlines()]
        result["equal_to_cli"] = sum(compared(a) == compared(c) for a, c in zip(answers, from_cli, strict=True))
    else:
        result["equal_to_in_process"] = sum(
            compared(a) == compared(answer_json(assistant.ask(q, Session()))) for a, q in zip(answers, questions,
                                                                                             strict=True))
    result["modes"] = {mode: sum(a["mode"] == mode for a in answers) for mode in sorted({a["mode"] for a in answers})}
    return result
