"""Agents asking at once through the chat page's own endpoint (Gradio's queue, as the browser calls it).

Each agent is its own Gradio session (its own `gr.State`) and asks its questions one after the other, as an agent
at a counter does; the time counted is from sending a question to its final answer."""
from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from eval.metrics import percentile

QUESTIONS = (
    "Quelle indemnité à la fin d'un CDD ?",
    "Combien de jours de congés payés par an ?",
    "Comment demander le RSA ?",
    "Quel est le délai de préavis en cas de démission ?",
    "Quelle est la durée de la période d'essai d'un CDI ?",
    "Comment obtenir un extrait d'acte de naissance ?",
)
BUSY_MARK = "Le modèle est occupé"
FINAL_MARK = 'class="mode mode-'
ERROR_MARK = 'class="error"'


@dataclass(frozen=True)
class Outcome:
    seconds: float
    failed: bool
    busy: bool


@dataclass(frozen=True)
class PageLoad:
    """One level of concurrency: seconds from sending a question to its final answer, over every question asked."""

    agents: int
    questions: int
    p50_s: float
    p95_s: float
    max_s: float
    failures: int
    busy: int
    """Answers that said « Le modèle est occupé »."""
    wall_s: float


def _agent(url: str, questions: Sequence[str], outcomes: list[Outcome], ready: threading.Barrier) -> None:
    from gradio_client import Client

    try:
        client = Client(url, verbose=False, analytics_enabled=False, download_files=False)
    except Exception:  # noqa: BLE001 - a page that cannot be reached counts as failed questions
        ready.wait()
        return
    ready.wait()
    for question in questions:
        started = time.perf_counter()
        try:
            client.predict(question, "", "", api_name="/enqueue")
            conversation = str(client.predict([], [], "", "", api_name="/answer")[0])
            failed = FINAL_MARK not in conversation.rsplit('class="turn"', 1)[-1] or ERROR_MARK in conversation
            busy = BUSY_MARK in conversation
        except Exception:  # noqa: BLE001 - a failed request is counted, whatever the cause
            failed, busy = True, False
        outcomes.append(Outcome(time.perf_counter() - started, failed, busy))
    client.close()


def measure(url: str, agents: int, questions_per_agent: int) -> PageLoad:
    """`agents` sessions at once, each asking `questions_per_agent` questions in turn (a different first one each)."""
    outcomes: list[Outcome] = []
    ready = threading.Barrier(agents + 1)
    threads = [
        threading.Thread(
            target=_agent,
            args=(url, [QUESTIONS[(a + i) % len(QUESTIONS)] for i in range(questions_per_agent)], outcomes, ready),
            daemon=True,
        )
        for a in range(agents)
    ]
    for thread in threads:
        thread.start()
    ready.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = [outcome.seconds for outcome in outcomes]
    return PageLoad(
        agents=agents,
        questions=len(outcomes),
        p50_s=round(percentile(seconds, 50), 2),
        p95_s=round(percentile(seconds, 95), 2),
        max_s=round(max(seconds, default=math.nan), 2),
        failures=sum(outcome.failed for outcome in outcomes) + agents * questions_per_agent - len(outcomes),
        busy=sum(outcome.busy for outcome in outcomes),
        wall_s=round(time.perf_counter() - started, 1),
    )


def run(url: str, agent_counts: Sequence[int], questions_per_agent: int, out: Path | None = None) -> list[PageLoad]:
    results = []
    for agents in agent_counts:
        result = measure(url, agents, questions_per_agent)
        print(
            f"{result.agents:>3} agents, {result.questions} questions: p50 {result.p50_s:.2f} s, "
            f"p95 {result.p95_s:.2f} s, max {result.max_s:.2f} s, failures {result.failures}, "
            f"« modèle occupé » {result.busy}, wall {result.wall_s:.1f} s",
            flush=True,
        )
        results.append(result)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n", encoding="utf-8")
    return results
