"""Agents at once on the page's own endpoint, measured the way `guichet bench --page` does."""
from __future__ import annotations

from typing import Any

import pytest

from eval import browser_timing
from eval.page_load import QUESTIONS, measure

pytestmark = pytest.mark.browser


def test_agents_at_once_are_all_answered_without_a_busy_model(server: Any) -> None:
    load = measure(server.url, agents=3, questions_per_agent=2)
    assert load.questions == 6 and load.failures == 0 and load.busy == 0
    assert 0 < load.p50_s <= load.p95_s <= load.max_s


def test_the_first_answer_text_an_agent_sees_is_timed_in_chromium(server: Any) -> None:
    timing = browser_timing.measure(server.url, rounds=1, questions=QUESTIONS[:2])
    assert timing.questions == 2
    assert 0 < timing.first_text_p50_s <= timing.final_p95_s and timing.page_load_s > 0
