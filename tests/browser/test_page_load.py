"""Agents at once on the page's own endpoint, measured the way `guichet bench --page` does."""
from __future__ import annotations

from typing import Any

import pytest

from eval.page_load import measure

pytestmark = pytest.mark.browser


def test_agents_at_once_are_all_answered_without_a_busy_model(server: Any) -> None:
    load = measure(server.url, agents=3, questions_per_agent=2)
    assert load.questions == 6 and load.failures == 0 and load.busy == 0
    assert 0 < load.p50_s <= load.p95_s <= load.max_s
