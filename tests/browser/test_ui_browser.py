"""End to end in headless Chromium: ask, watch the answer stream, check sources, give feedback, see masking."""
from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CDD_QUESTION = "Quelle indemnité à la fin d'un CDD ?"
PERSONAL_QUESTION = "Mme Fatima Benali, 06 12 34 56 78, demande le RSA"
FEEDBACK_COMMENT = "Réponse claire, je rappelle M. Jean Dupont au 06 98 76 54 32 demain."
ANSWER_TIMEOUT_MS = 240_000


def open_page(browser: Any, server: Any) -> tuple[Any, Any]:
    """A new browser context on the page, once its question box is there."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.goto(server.url)
    page.get_by_label("Votre question").wait_for()
    return context, page


def _ask(page: Any, question: str) -> None:
    page.get_by_label("Votre question").fill(question)
    page.get_by_role("button", name="Envoyer").click()


def _wait_for_final(page: Any, turns: int = 1) -> None:
    page.locator("#conversation .turn .mode").nth(turns - 1).wait_for(timeout=ANSWER_TIMEOUT_MS)


def _audit_text(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = [row for table in tables for row in connection.execute(f'SELECT * FROM "{table}"')]
    return json.dumps(rows, ensure_ascii=False, default=str)


def test_ask_stream_sources_and_feedback(browser: Any, server: Any, screenshots: Path) -> None:
    context, page = open_page(browser, server)
    try:
        assert page.get_by_role("note").first.inner_text().startswith("Réponse composée automatiquement")
        assert page.locator("#answer-mode").inner_text().startswith("Réponses composées d'extraits")
        asked = time.monotonic()
        _ask(page, CDD_QUESTION)
        page.locator("#conversation .answer-text").first.wait_for(timeout=ANSWER_TIMEOUT_MS)
        first_text_s = time.monotonic() - asked
        streamed_before_final = page.locator("#conversation .mode").count() == 0
        _wait_for_final(page)
        final_s = time.monotonic() - asked
        page.screenshot(path=str(screenshots / "answer.png"), full_page=True)

        links = page.locator('#sources-panel a.official-link[href*="service-public.fr"]')
        assert links.count() >= 1
        assert links.first.get_attribute("target") == "_blank"
        assert "noopener" in (links.first.get_attribute("rel") or "")
        mode = page.locator("#conversation .mode").first.inner_text()
        assert mode == "Réponse composée d'extraits des textes officiels"
        assert "10 %" in page.locator("#conversation .answer-text").first.inner_text().split("[1]")[0]
        page.locator("#conversation details.extract summary").first.click()
        assert page.locator("#conversation details.extract").first.get_attribute("open") is not None
        if page.locator("#conversation a.citation").count():
            target = page.locator("#conversation a.citation").first.get_attribute("href")
            assert page.locator(f"#sources-panel {target}").count() == 1
        assert "Sources :" in page.locator("#copy-text textarea").input_value()

        page.locator("#feedback-comment textarea").fill(FEEDBACK_COMMENT)
        page.get_by_role("button", name="Réponse utile", exact=True).click()
        page.locator("#feedback-status").get_by_text("Merci").wait_for(timeout=30_000)
        page.screenshot(path=str(screenshots / "feedback.png"), full_page=True)

        stored = _audit_text(server.settings.audit_db)
        assert "je rappelle" in stored, "the redacted feedback comment is in the audit database"
        assert "Dupont" not in stored and "06 98 76 54 32" not in stored and "0698765432" not in stored
        assert "<PERSONNE_" in stored and "<TELEPHONE_" in stored
        timings = {"first_text_s": round(first_text_s, 2), "final_s": round(final_s, 2)}
        timings["streamed"] = streamed_before_final
        (screenshots / "timings.json").write_text(json.dumps(timings))
    finally:
        context.close()


def test_personal_data_is_shown_masked(browser: Any, server: Any, screenshots: Path) -> None:
    context, page = open_page(browser, server)
    try:
        _ask(page, PERSONAL_QUESTION)
        _wait_for_final(page)
        page.screenshot(path=str(screenshots / "masked.png"), full_page=True)
        shown = page.locator("#conversation .question-text").first.inner_text()
        assert "<PERSONNE_1>" in shown and "<TELEPHONE_1>" in shown and "RSA" in shown
        conversation = page.locator("#conversation").inner_text()
        assert "Benali" not in conversation and "06 12 34 56 78" not in conversation
        assert "Données masquées" in conversation
        assert page.get_by_label("Votre question").input_value() == ""
        assert "Benali" not in server.log.read_text(errors="replace")

        page.get_by_role("button", name="Nouvelle conversation").click()
        page.locator("#conversation .turn").first.wait_for(state="detached", timeout=10_000)
    finally:
        context.close()


def _record_wait_message(page: Any) -> None:
    """Whether the page ever showed the queue's wait message, however briefly: a fast server replaces it at once."""
    page.evaluate(
        """() => {
            window.sawWaitMessage = false;
            new MutationObserver(() => {
                const conversation = document.querySelector('#conversation');
                if (conversation && conversation.textContent.includes('En attente')) window.sawWaitMessage = true;
            }).observe(document.body, {subtree: true, childList: true, characterData: true});
        }"""
    )


def test_parallel_agents_are_all_answered(browser: Any, server: Any, screenshots: Path) -> None:
    agents = 5
    pages = [open_page(browser, server) for _ in range(agents)]
    try:
        for _, page in pages:
            _record_wait_message(page)
        started = time.monotonic()
        for _, page in pages:
            _ask(page, CDD_QUESTION)
        for _, page in pages:
            _wait_for_final(page)
        elapsed = time.monotonic() - started
        pages[-1][1].screenshot(path=str(screenshots / "parallel.png"), full_page=True)
        assert all(page.evaluate("window.sawWaitMessage") for _, page in pages)
        assert all(page.locator("#conversation .error").count() == 0 for _, page in pages)
        report = {"agents": agents, "all_answered_s": round(elapsed, 1)}
        (screenshots / "concurrency.json").write_text(json.dumps(report))
    finally:
        for context, _ in pages:
            context.close()
