"""Precision, recall and F1 per entity type on span-labelled JSON Lines.

Rows (read by `eval.datasets.load_rows`) hold `note_text` (AP-HP eds-pseudo shape) or `text`, and
`entities: [{start, end, label}]`.
Gold labels are mapped to the redaction types (`LABEL_MAP`); labels mapped to None are out of scope.

Matching rule (overlap-based, per type): a gold span is found when a predicted span of the same type overlaps
it by at least one character; a prediction is correct when it overlaps a gold span of its type. So "Mme
LARA BARBECHO" predicted as one PERSONNE matches gold NOM + PRENOM spans, and the counts stay per side
(precision over predictions, recall over gold spans). Whole recall is stricter: a gold span counts only when
every letter and digit of it lies inside redactions of its type, so "Mme <PERSONNE_1> Blanc" leaves "Chantal
Blanc" found but not whole. Predictions overlapping an out-of-scope gold span
(a hospital name, a plain date) count neither way. Micro scores sum the per-type counts.
The false-redaction rate is the share of rows with no gold span at all where something was redacted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from eval.datasets import EvalRow
from redaction.engine import Redactor
from redaction.entities import TYPES
from redaction.model import Entity

LABEL_MAP: dict[str, str | None] = {
    **{entity_type: entity_type for entity_type in TYPES},
    "NOM": "PERSONNE",
    "PRENOM": "PERSONNE",
    "TEL": "TELEPHONE",
    "MAIL": "EMAIL",
    "SECU": "NIR",
    "DATE_NAISSANCE": "DATE_NAISSANCE",
    "ADRESSE": "ADRESSE",
    "ZIP": "ADRESSE",
    "VILLE": "ADRESSE",
    "IBAN": "IBAN",
    "HOPITAL": None,
    "DATE": None,
    "IPP": None,
    "NDA": None,
}


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0


def _scores(
    true_predictions: int, predictions: int, found_gold: int, gold: int, whole_gold: int
) -> dict[str, float | int]:
    precision = _ratio(true_predictions, predictions)
    recall = _ratio(found_gold, gold)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "whole_recall": _ratio(whole_gold, gold),
        "predicted": predictions,
        "gold": gold,
    }


def evaluate_pii(redactor: Redactor, rows: Iterable[EvalRow]) -> dict[str, Any]:
    counts: dict[str, list[int]] = {}
    clean_rows = falsely_redacted = total_rows = 0
    unknown_labels: set[str] = set()
    for row in rows:
        total_rows += 1
        predicted = redactor.analyze(row.text)
        gold, out_of_scope = [], []
        for span in row.entities:
            if span.label not in LABEL_MAP:
                unknown_labels.add(span.label)
            mapped = LABEL_MAP.get(span.label)
            (gold if mapped else out_of_scope).append((mapped, span.start, span.end))
        if not row.entities:
            clean_rows += 1
            falsely_redacted += bool(predicted)
        _count_row(counts, row.text, predicted, gold, out_of_scope)
    per_type = {entity_type: _scores(*values) for entity_type, values in sorted(counts.items())}
    totals = [sum(values[i] for values in counts.values()) for i in range(5)]
    return {
        "rows": total_rows,
        "per_type": per_type,
        "micro": _scores(*totals),
        "clean_rows": clean_rows,
        "false_redaction_rate": _ratio(falsely_redacted, clean_rows),
        "unmapped_labels": sorted(unknown_labels),
    }


def _count_row(
    counts: dict[str, list[int]],
    text: str,
    predicted: list[Entity],
    gold: list[tuple[str, int, int]],
    out_of_scope: list[tuple[None, int, int]],
) -> None:
    for entity in predicted:
        if any(_overlaps(entity.start, entity.end, start, end) for _, start, end in out_of_scope):
            continue
        tally = counts.setdefault(entity.type, [0, 0, 0, 0, 0])
        tally[1] += 1
        tally[0] += any(t == entity.type and _overlaps(entity.start, entity.end, s, e) for t, s, e in gold)
    for entity_type, start, end in gold:
        tally = counts.setdefault(entity_type, [0, 0, 0, 0, 0])
        tally[3] += 1
        tally[2] += any(p.type == entity_type and _overlaps(p.start, p.end, start, end) for p in predicted)
        tally[4] += _wholly_redacted(text, start, end, [p for p in predicted if p.type == entity_type])


def _wholly_redacted(text: str, start: int, end: int, predicted: list[Entity]) -> bool:
    return all(
        any(p.start <= position < p.end for p in predicted)
        for position in range(start, end)
        if text[position].isalnum()
    )
