"""What an agent sees in a real browser (headless Chromium on a running `guichet serve`): seconds from the click on
« Envoyer » to the first answer text in the conversation, and to the final answer (nothing left pending).

Needs Playwright (the `test` extra) and a Chromium binary; it drives the page exactly as the browser tests do."""
from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from eval.metrics import percentile
from eval.page_load import QUESTIONS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 60_000
POLL_MS = 10
FIRST_TEXT = """n => { const m = document.querySelectorAll('.msg-assistant');
  return m.length > n && !!m[n].querySelector('.answer-text, .error'); }"""
FINAL = """n => { const m = document.querySelectorAll('.msg-assistant');
  return m.length > n && !m[n].querySelector('.pending'); }"""


@dataclass(frozen=True)
class BrowserTiming:
    questions: int
    page_load_s: float
    first_text_p50_s: float
    first_text_p95_s: float
    final_p50_s: float
    final_p95_s: float


def _seconds(values: Sequence[float], q: float) -> float:
    return round(percentile(list(values), q), 2)


def measure(url: str, rounds: int, chromium: Path = CHROMIUM, questions: Sequence[str] = QUESTIONS) -> BrowserTiming:
    """One agent asks `questions` `rounds` times in one conversation, as at a counter."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise SystemExit("bench --browser needs Playwright: pip install -e '.[test]'") from error
    if not chromium.exists():
        raise SystemExit(f"bench --browser needs Chromium at {chromium} (Debian: apt install chromium)")
    first: list[float] = []
    final: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            started = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("#question textarea", timeout=TIMEOUT_MS)
            page_load = time.perf_counter() - started
            for question in [q for _ in range(rounds) for q in questions]:
                shown = page.locator(".msg-assistant").count()
                page.fill("#question textarea", question)
                started = time.perf_counter()
                page.click("#send")
                page.wait_for_function(FIRST_TEXT, arg=shown, timeout=TIMEOUT_MS, polling=POLL_MS)
                first.append(time.perf_counter() - started)
                page.wait_for_function(FINAL, arg=shown, timeout=TIMEOUT_MS, polling=POLL_MS)
                final.append(time.perf_counter() - started)
        finally:
            browser.close()
    return BrowserTiming(
        questions=len(first),
        page_load_s=round(page_load, 2),
        first_text_p50_s=_seconds(first, 50),
        first_text_p95_s=_seconds(first, 95),
        final_p50_s=_seconds(final, 50),
        final_p95_s=_seconds(final, 95),
    )


def run(url: str, rounds: int, out: Path | None = None) -> BrowserTiming:
    timing = measure(url, rounds)
    print(
        f"{timing.questions} questions in Chromium: first answer text p50 {timing.first_text_p50_s:.2f} s, "
        f"p95 {timing.first_text_p95_s:.2f} s; final p50 {timing.final_p50_s:.2f} s, p95 {timing.final_p95_s:.2f} s; "
        f"page load {timing.page_load_s:.2f} s",
        flush=True,
    )
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(asdict(timing), indent=2) + "\n", encoding="utf-8")
    return timing
