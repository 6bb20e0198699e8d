"""The mutation test of the verifier: the changes it makes, and the holes it finds on a planted draft."""
from __future__ import annotations

from eval.datasets import DEFAULT_DATASETS
from eval.mutants import holes, mutants


def test_each_fact_of_a_sentence_is_changed_once_per_place():
    changed = dict(mutants("Le salarié prévient l'employeur au moins 1 mois avant [1]."))
    assert [kind for kind, _ in mutants("Le salarié prévient l'employeur au moins 1 mois avant [1].")] == [
        "number", "unit", "role", "role", "bound", "time"]
    assert changed["number"] == "Le salarié prévient l'employeur au moins 2 mois avant [1]."
    assert changed["time"] == "Le salarié prévient l'employeur au moins 1 mois après [1]."
    assert all("[1]" in text for _, text in mutants("Oui, il a droit à 10 % du salaire [1]."))


def test_a_party_swap_on_the_planted_set_is_no_longer_a_hole(tmp_path):
    """« Le CDD doit être remis au employeur » passed on « transmis au salarié » before `_party_replaced`."""
    path = tmp_path / "drafts.jsonl"
    rows = [line for line in DEFAULT_DATASETS["verify-drafts"].read_text(encoding="utf-8").splitlines()
            if '"id": "conclusion-cdd-02"' in line]
    assert len(rows) == 1
    path.write_text(rows[0] + "\n", encoding="utf-8")
    assert list(holes([path], None, {"role"})) == []
