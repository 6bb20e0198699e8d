"""The real `guichet ask --batch --json` over the fixture index, drafting through a scripted OpenAI-compatible
server on loopback that answers each question with a planted draft of `eval/datasets/verify-drafts.jsonl` (its
held-out halves, on documents the rules were not written against): no wrong draft reaches the agent as a
`generated` answer, and faithful drafts do. A draft whose passages the search did not put in the prompt cites
sources the prompt lacks; it still counts for the wrong drafts, not for the faithful ones."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.planted_llm_server import Planted, planted_server

DRAFTS = Path(__file__).parent.parent / "eval" / "datasets" / "verify-drafts.jsonl"
SPLITS = ("heldout", "blind")
MIN_FAITHFUL_ASKED = 15
"""Faithful drafts whose passages the search put in the prompt: enough for the kept share to mean something."""
MIN_FAITHFUL_KEPT = 0.75
"""What the pipeline keeps of them, as `guichet eval verify` does on these halves (the goal is 0.9)."""
MIN_WRONG_CLASSES_ASKED = 10


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    rows = [json.loads(line) for line in DRAFTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row for row in rows if row["split"] in SPLITS]


@pytest.fixture(scope="module")
def asked(indexed_home: Path, rows: list[dict], tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, set, list]:
    """Every planted question through one `guichet ask --batch` process: answers by id, ids whose passages were
    not all in the prompt, ids of the drafts the server sent."""
    batch = tmp_path_factory.mktemp("planted") / "questions.jsonl"
    batch.write_text("\n".join(json.dumps({"id": r["id"], "question": r["question"]}, ensure_ascii=False)
                               for r in rows) + "\n", encoding="utf-8")
    planted = [Planted(r["id"], r["question"], r["draft"], tuple(p["text"] for p in r["passages"])) for r in rows]
    with planted_server(planted) as server:
        env = {
            **os.environ, "GUICHET_HOME": str(indexed_home), "HF_HUB_OFFLINE": "1",
            "GUICHET_LLM_BACKEND": "openai", "GUICHET_LLM_BASE_URL": server.base_url,
            "GUICHET_LLM_MODEL": "planted", "GUICHET_PROMPT_PASSAGES": "5", "GUICHET_DRAFT_POLICY": "always",
        }
        result = subprocess.run([sys.executable, "-m", "assistant.faces.cli", "ask", "--batch", str(batch), "--json"],
                                env=env, capture_output=True, text=True, timeout=1800, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    answers = {answer["id"]: answer for answer in map(json.loads, result.stdout.splitlines())}
    return answers, server.unmapped, server.answered


def _cites_its_own_document(row: dict) -> bool:
    """A citation to another passage of the same document: the prompt gives the model each document's best
    units, so there the claim is the cited document's own, and the agent sees the quote that holds it."""
    return row["class"] == "wrong_citation" and len({p["doc_id"] for p in row["passages"]}) == 1


def test_no_wrong_draft_is_shown_as_a_generated_answer(rows: list[dict], asked: tuple[dict, set, list]) -> None:
    answers, unmapped, answered = asked
    wrong = [r for r in rows if r["label"] == "wrong" and not _cites_its_own_document(r)]
    shown = [(r["id"], answers[r["id"]]["answer"]) for r in wrong if answers[r["id"]]["mode"] == "generated"]
    assert shown == []
    drafted = [r for r in wrong if r["id"] in answered and r["id"] not in unmapped]
    assert len({r["class"] for r in drafted}) >= MIN_WRONG_CLASSES_ASKED, Counter(r["class"] for r in drafted)


def test_faithful_drafts_reach_the_agent_with_their_citations(rows: list[dict], asked: tuple[dict, set, list]) -> None:
    answers, unmapped, answered = asked
    faithful = [r for r in rows if r["label"] == "faithful" and r["id"] in answered and r["id"] not in unmapped]
    assert len(faithful) >= MIN_FAITHFUL_ASKED
    generated = [r for r in faithful if answers[r["id"]]["mode"] == "generated"]
    assert len(generated) >= MIN_FAITHFUL_KEPT * len(faithful), [r["id"] for r in faithful if r not in generated]
    for row in generated:
        answer = answers[row["id"]]
        cited = {c["doc_id"] for c in answer["citations"]}
        assert cited and cited <= {p["doc_id"] for p in row["passages"]}, (row["id"], answer["citations"])
        assert all(f"[{citation['n']}]" in answer["answer"] for citation in answer["citations"])
