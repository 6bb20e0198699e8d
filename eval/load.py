"""Bounded load benchmark on loopback: N concurrent chat sessions asking questions until the time is up.

    python -m eval.load --sessions 20 --duration 120                 # the configured setup (llama.cpp in-process)
    python -m eval.load --sessions 20 --duration 120 --llm-server    # through `python -m llama_cpp.server`

Each session is a thread with its own conversation calling the assistant pipeline (what each Gradio request
runs), asking the development questions in turn. A request fails when it raises or runs past
`request_timeout_s`; requests still running `request_timeout_s` after the end are counted as timeouts and
abandoned (the process then exits). With `--llm-server`, the script starts an OpenAI-compatible llama.cpp server on
127.0.0.1, points the `openai` backend at it, and stops it at the end. Stops by itself: at `--duration`
seconds or `--max-requests` requests, whichever comes first. Questions and answers are never printed.
"""
from __future__ import annotations

import argparse
import dataclasses
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from assistant.ops.llama_server import llama_server
from assistant.pipeline import Assistant, Session
from eval.datasets import DEFAULT_DATASETS, load_rows
from eval.metrics import percentile
from guichet.config import Settings, load_settings


@dataclass
class Tally:
    """What all sessions observed; guarded by `lock`."""

    latencies_ms: list[float] = field(default_factory=list)
    modes: Counter[str] = field(default_factory=Counter)
    notices: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def requests(self) -> int:
        return len(self.latencies_ms) + sum(self.failures.values())


def run_sessions(
    assistant: Assistant, questions: Sequence[str], sessions: int, duration_s: float, max_requests: int
) -> tuple[Tally, float]:
    tally = Tally()
    deadline = time.monotonic() + duration_s
    budget = threading.Semaphore(max_requests)
    timeout_s = assistant.settings.request_timeout_s

    def session_loop(number: int) -> None:
        session = Session()
        turn = number
        while time.monotonic() < deadline and budget.acquire(blocking=False):
            started = time.perf_counter()
            try:
                answer = assistant.ask(questions[turn % len(questions)], session)
            except Exception as error:  # noqa: BLE001 - every failure of a request is what is counted
                with tally.lock:
                    tally.failures[type(error).__name__] += 1
                turn += 1
                continue
            elapsed_ms = (time.perf_counter() - started) * 1000
            with tally.lock:
                if elapsed_ms > timeout_s * 1000:
                    tally.failures["timeout"] += 1
                else:
                    tally.latencies_ms.append(elapsed_ms)
                    tally.modes[answer.mode] += 1
                    if answer.notice:
                        tally.notices[answer.notice] += 1
            turn += 1
            if len(session.history) >= 6:
                session = Session()

    started = time.monotonic()
    threads = [
        threading.Thread(target=session_loop, args=(n,), name=f"session-{n}", daemon=True) for n in range(sessions)
    ]
    for thread in threads:
        thread.start()
    drain_deadline = deadline + timeout_s
    for thread in threads:
        thread.join(timeout=max(0.0, drain_deadline - time.monotonic()))
    with tally.lock:
        stuck = sum(thread.is_alive() for thread in threads)
        if stuck:
            tally.failures["timeout"] += stuck
        return dataclasses.replace(tally, lock=threading.Lock()), time.monotonic() - started


def report(settings: Settings, sessions: int, elapsed_s: float, tally: Tally) -> str:
    latencies = tally.latencies_ms
    backend = settings.llm_backend + (f" ({settings.llm_base_url})" if settings.llm_backend == "openai" else "")
    modes = ", ".join(f"{mode} {count}" for mode, count in sorted(tally.modes.items())) or "none"
    failures = ", ".join(f"{kind} {count}" for kind, count in sorted(tally.failures.items())) or "none"
    lines = [
        f"# Load: {sessions} concurrent sessions, {elapsed_s:.0f} s, backend {backend}",
        "",
        "| requests | failed | throughput (req/s) | p50 (ms) | p95 (ms) | max (ms) |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {tally.requests} | {sum(tally.failures.values())} | {tally.requests / elapsed_s:.2f} | "
        f"{percentile(latencies, 50):.0f} | {percentile(latencies, 95):.0f} | {max(latencies, default=0):.0f} |",
        "",
        f"Answer modes: {modes}. Failures: {failures}.",
        f"Vector store {settings.vector_store}; request timeout {settings.request_timeout_s:.0f} s; "
        f"LLM timeout {settings.llm_timeout_s:.0f} s.",
    ]
    lines += [f"- notice ×{count}: {notice}" for notice, count in tally.notices.most_common()]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--duration", type=float, default=120.0, help="seconds (at most 900)")
    parser.add_argument("--max-requests", type=int, default=5000)
    parser.add_argument("--llm-server", action="store_true", help="start llama_cpp.server on loopback, use it")
    parser.add_argument("--output", type=Path, help="default: var/bench/load-<backend>.md")
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= 200 or not 0 < args.duration <= 900:
        parser.error("--sessions must be in 1..200 and --duration in (0, 900]")
    settings = load_settings()
    questions = [row.text for row in load_rows(DEFAULT_DATASETS["clean-questions"])]
    with _model_server(settings) if args.llm_server else _as_is(settings) as effective:
        assistant = Assistant.from_settings(effective)
        assistant.ask(questions[0])
        tally, elapsed = run_sessions(assistant, questions, args.sessions, args.duration, args.max_requests)
    text = report(effective, args.sessions, elapsed, tally)
    print(text)
    output = args.output or settings.home / "bench" / f"load-{effective.llm_backend}.md"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    return 1 if tally.failures else 0


@contextmanager
def _as_is(settings: Settings) -> Iterator[Settings]:
    yield settings


@contextmanager
def _model_server(settings: Settings) -> Iterator[Settings]:
    with llama_server(settings) as server:
        yield server.settings


if __name__ == "__main__":
    raise SystemExit(main())
