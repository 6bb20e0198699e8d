"""The planted-draft set and `guichet eval verify`: real passages, every error class, a split by document, and
the verifier's figures on both halves."""
from __future__ import annotations

import dataclasses
import json
from collections import Counter
from pathlib import Path

import pytest

from assistant.verify import verify
from eval.datasets import DEFAULT_DATASETS
from eval.run import run_eval
from eval.verify import FAITHFUL, WRONG, evaluate_verifier, load_drafts, score
from guichet.config import load_settings
from tests.corpus_fixtures import fixture_documents

DRAFTS = DEFAULT_DATASETS["verify-drafts"]
SHARED_DOCUMENTS_OF_BLIND13 = 24
MIN_FAITHFUL_KEPT = 0.8
"""Floor of the faithful drafts kept on each half today (dev 0.89, held-out 0.83, blind 0.93); the goal is 0.9."""
WRONG_CLASSES = {
    "number_changed", "unit_changed", "polarity_flip", "yes_no_flip", "exclusive_added", "role_swap",
    "condition_dropped", "condition_invented", "wrong_table_cell", "fact_added", "wrong_citation",
    "merged_passages", "title_only", "other_audience",
}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return [json.loads(line) for line in DRAFTS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_error_class_is_planted_on_both_halves(rows: list[dict]) -> None:
    assert len(rows) >= 150 and len({r["id"] for r in rows}) == len(rows)
    wrong = Counter((r["class"], r["split"]) for r in rows if r["label"] == WRONG)
    for kind in WRONG_CLASSES:
        assert wrong[kind, "dev"] + wrong[kind, "heldout"] >= 8 and wrong[kind, "heldout"] >= 4, kind
    faithful = Counter(r["class"] for r in rows if r["label"] == FAITHFUL)
    assert sum(faithful.values()) >= 50 and set(faithful) == {"verbatim", "paraphrase"}


def test_the_halves_share_no_document(rows: list[dict]) -> None:
    documents = {split: {p["doc_id"] for r in rows if r["split"] == split for p in r["passages"]}
                 for split in ("dev", "heldout", "blind")}
    assert all(documents.values())
    assert not documents["dev"] & documents["heldout"] and not (documents["dev"] | documents["heldout"]) & documents[
        "blind"]


def test_passages_are_quoted_from_the_real_documents(rows: list[dict]) -> None:
    sections = {d.id: [s.text for s in d.sections] for d in fixture_documents()}
    for row in rows:
        for passage in row["passages"]:
            assert any(passage["text"] in text for text in sections[passage["doc_id"]]), (row["id"], passage)


def test_every_wrong_draft_is_caught_and_most_faithful_kept_on_every_half() -> None:
    result = evaluate_verifier([DRAFTS], resemblance=None)
    assert set(result["splits"]) == {"dev", "heldout", "blind"}
    for split, figures in result["splits"].items():
        missed = [f["id"] for f in result["failures"] if f["split"] == split and f["label"] == WRONG]
        assert figures["wrong_caught_ratio"] == 1.0, (split, missed)
        assert figures["wrong_shown_whole"] == 0, split
        assert figures["faithful_kept_ratio"] >= MIN_FAITHFUL_KEPT, (split, figures["by_class"])


def test_a_wrong_draft_is_caught_whole_and_counted_as_shown_whole_when_every_sentence_passes() -> None:
    blind4 = load_drafts(DEFAULT_DATASETS["verify-drafts-blind4"])
    passing = next(d for d in blind4 if d.id == "b4-conge-sabbatique-02")
    verification = verify(passing.draft, list(passing.passages), None, passing.question)
    assert [v.reason for v in verification.verdicts] == ["ok", "unmatched_word"]
    planted_sentence_removed = score([(passing, verification)])
    mislabelled = dataclasses.replace(next(d for d in blind4 if d.id == "b4-reserve-14"), label=WRONG)
    unchanged = score([(mislabelled, verify(mislabelled.draft, list(mislabelled.passages), None,
                                            mislabelled.question))])
    assert planted_sentence_removed["splits"]["blind4"]["wrong_shown_whole"] == 0
    assert planted_sentence_removed["splits"]["blind4"]["wrong_caught_ratio"] == 1.0
    assert unchanged["splits"]["blind4"]["wrong_shown_whole"] == 1


def test_eval_verify_writes_its_figures_per_class(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts.jsonl"
    lines = DRAFTS.read_text(encoding="utf-8").splitlines()
    drafts.write_text("\n".join(lines[:6]) + "\n", encoding="utf-8")
    settings = load_settings(env={"GUICHET_HOME": str(tmp_path / "home")})
    out_dir, status = run_eval(settings, {"verify"}, datasets={"verify": drafts}, out_dir=tmp_path / "out",
                               progress=False)
    results = json.loads((out_dir / "results.json").read_text(encoding="utf-8"))
    assert status == 0 and results["verify"]["n"] == 6
    dev = results["verify"]["splits"]["dev"]
    planted = load_drafts(drafts)
    assert sum(c["n"] for c in dev["by_class"].values()) == len(planted)
    assert dev["faithful"] == sum(d.label == FAITHFUL for d in planted)
    assert dev["faithful_shown_ratio"] >= dev["faithful_kept_ratio"]
    assert "Vérification des brouillons" in (out_dir / "report.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("split", ["blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9",
                                   "blind10", "blind11", "blind12", "blind13"])
def test_each_later_blind_set_is_scored_with_the_first_on_documents_no_other_set_uses(split: str) -> None:
    """blind13's writer chose documents from the corpus without seeing the other sets: 24 of its 79 documents are
    used by another set too, on other passages or questions (`eval/datasets/SOURCES.md`)."""
    from eval.run import choose_datasets

    blind = DEFAULT_DATASETS[f"verify-drafts-{split}"]
    rows = [json.loads(line) for line in blind.read_text(encoding="utf-8").splitlines() if line.strip()]
    written_before = [name for name in DEFAULT_DATASETS if name.startswith("verify-drafts") and name != blind.stem
                      and (split == "blind13" or name != "verify-drafts-blind13")]
    others = [json.loads(line) for name in written_before
              for line in DEFAULT_DATASETS[name].read_text(encoding="utf-8").splitlines() if line.strip()]
    assert {r["split"] for r in rows} == {split}
    assert {r["class"] for r in rows if r["label"] == WRONG} == WRONG_CLASSES
    assert sum(r["label"] == FAITHFUL for r in rows) >= 30 and sum(r["label"] == WRONG for r in rows) >= 30
    documents = {p["doc_id"] for r in rows for p in r["passages"]}
    shared = documents & {p["doc_id"] for r in others for p in r["passages"]}
    assert len(shared) == (SHARED_DOCUMENTS_OF_BLIND13 if split == "blind13" else 0)
    assert choose_datasets({"verify"}, None)[blind.stem] == blind
