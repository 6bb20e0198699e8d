"""PII evaluation (overlap matching, label mapping) and the `guichet redact` JSON contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.datasets import load_rows, parse_row
from eval.pii import evaluate_pii
from guichet.config import Settings
from redaction.engine import Redactor
from redaction.jsonio import redacted_to_dict
from redaction.model import Entity

SAMPLE = Path(__file__).parent / "fixtures" / "redaction" / "pii-sample.jsonl"


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor.from_settings(Settings())


def test_evaluate_pii_on_a_small_labelled_set(redactor: Redactor) -> None:
    report = evaluate_pii(redactor, load_rows(SAMPLE))
    per_type = report["per_type"]
    assert per_type["PERSONNE"] == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0, "whole_recall": 1.0, "predicted": 3, "gold": 4
    }
    assert per_type["ADRESSE"] == {
        "precision": 0.0, "recall": 0.0, "f1": 0.0, "whole_recall": 0.0, "predicted": 0, "gold": 1
    }
    assert per_type["TELEPHONE"]["recall"] == per_type["EMAIL"]["recall"] == 1.0
    assert per_type["DATE_NAISSANCE"]["f1"] == 1.0
    assert report["micro"] == {
        "precision": 1.0, "recall": 0.875, "f1": 0.9333, "whole_recall": 0.875, "predicted": 6, "gold": 8
    }
    assert report["clean_rows"] == 2 and report["false_redaction_rate"] == 0.0
    assert report["unmapped_labels"] == []


class _HalfMasking:
    """Masks the first word of a name only, as the redactor did with « Mme Chantal Blanc »."""

    def analyze(self, text: str) -> list[Entity]:
        start = text.index("Chantal")
        return [Entity("PERSONNE", start, start + len("Chantal"), 0.9)]


def test_a_half_masked_name_is_found_but_not_whole() -> None:
    text = "Mme Chantal Blanc au guichet."
    row = parse_row({"text": text, "entities": [{"start": 4, "end": 17, "label": "PERSONNE"}]}, "1")
    scores = evaluate_pii(_HalfMasking(), [row])["micro"]  # type: ignore[arg-type]
    assert scores["recall"] == 1.0 and scores["whole_recall"] == 0.0


def test_out_of_scope_labels_count_neither_way(redactor: Redactor) -> None:
    row = parse_row(
        {"text": "Consultation du Dr Blaye à Necker.", "entities": [{"start": 19, "end": 24, "label": "HOPITAL"}]}, "1"
    )
    assert evaluate_pii(redactor, [row])["micro"]["predicted"] == 0


def test_redact_json_contract(redactor: Redactor) -> None:
    text = "Mme Fatima Benali, tél. 06 12 34 56 78"
    assert redacted_to_dict(redactor.redact(text)) == {
        "text": "Mme <PERSONNE_1>, tél. <TELEPHONE_1>",
        "entities": [
            {"type": "PERSONNE", "start": 4, "end": 17, "score": 0.9},
            {"type": "TELEPHONE", "start": 24, "end": 38, "score": 0.95},
        ],
    }


DATASETS = Path(__file__).parent.parent / "eval" / "datasets"


def test_shipped_agent_and_clean_sets_hold_their_scores(redactor: Redactor) -> None:
    agent = evaluate_pii(redactor, load_rows(DATASETS / "agent-questions-pii.jsonl"))
    clean = evaluate_pii(redactor, load_rows(DATASETS / "clean-questions.jsonl"))
    assert agent["micro"]["precision"] >= 0.98 and agent["micro"]["recall"] >= 0.95
    assert agent["micro"]["whole_recall"] >= 0.99
    assert clean["clean_rows"] == 71 and clean["false_redaction_rate"] == 0.0


@pytest.mark.slow
def test_clinical_notes_precision(redactor: Redactor) -> None:
    notes = evaluate_pii(redactor, load_rows(DATASETS / "pii-notes.jsonl"))
    assert notes["micro"]["precision"] >= 0.9 and notes["micro"]["recall"] >= 0.75
    assert notes["micro"]["whole_recall"] >= 0.75
