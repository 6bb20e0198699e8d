"""`guichet verify`: a draft, the ids of the passages it cites (or the passages inline) → which sentences stand,
which were removed and why; run as a subprocess on the index of the fixture fiches."""
from __future__ import annotations

import json
from pathlib import Path

from guichet.config import Settings
from indexing.index import Index
from tests.test_cli import guichet

GROUNDED = "L'indemnité de fin de contrat est égale au minimum à 10 % de la rémunération brute totale [1]."
INVENTED = "Elle est aussi exonérée d'impôt sur le revenu [1]."


def test_a_draft_is_checked_against_a_document_of_the_index(indexed_home: Path) -> None:
    result = guichet(indexed_home, "verify", "--question", "Montant de la prime de précarité ?",
                     "--passage", "F40", f"{GROUNDED} {INVENTED}", "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    payload = json.loads(result.stdout)
    stands = [(s["stands"], s["reason"]) for s in payload["sentences"]]
    assert stands[0] == (True, "ok") and stands[1][0] is False and stands[1][1] != "ok"
    assert not payload["acceptable"] and payload["text"] == ""
    assert payload["passages"][0]["doc_id"] == "F40"
    assert "10 %" in payload["sentences"][0]["quote"]
    trimmed = guichet(indexed_home, "verify", "--passage", "F40", f"{GROUNDED} Pensez à garder vos bulletins de paie.")
    assert trimmed.returncode == 0 and trimmed.stdout.startswith("acceptable: L'indemnité")
    assert "[removed: no_citation] Pensez" in trimmed.stdout and "bulletins" not in trimmed.stdout.splitlines()[0]


def test_a_batch_mixes_chunk_ids_and_inline_passages_and_keeps_ids(
    indexed_home: Path, indexed_settings: Settings, tmp_path: Path
) -> None:
    amount = next(chunk.id for chunk in Index.open(indexed_settings).chunks
                  if chunk.doc_id == "F40" and "égale au minimum à 10 %" in chunk.text)
    inline = {"doc_id": "F87", "title": "Certificat de travail", "text": (
        "Si l'employeur ne remet pas de certificat de travail au salarié qui quitte l'entreprise, "
        "il encourt une amende de 750 €.")}
    rows = [
        {"id": "chunk", "question": "Montant ?", "draft": GROUNDED.replace("[1]", "[2]"),
         "passages": ["F87", amount]},
        {"id": "inline", "question": "Sanction ?", "passages": [inline],
         "draft": "Si l'employeur ne remet pas de certificat de travail, il encourt une amende de 1 500 € [1]."},
    ]
    batch = tmp_path / "drafts.jsonl"
    batch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = guichet(indexed_home, "verify", "--batch", str(batch))
    assert result.returncode == 0, result.stderr[-2000:]
    chunk, inline_result = map(json.loads, result.stdout.splitlines())
    assert chunk["id"] == "chunk" and chunk["sentences"][0]["stands"] and chunk["sentences"][0]["support"] == 2
    assert inline_result["id"] == "inline" and not inline_result["acceptable"]
    assert inline_result["sentences"][0]["reason"] == "missing_number"
    assert inline_result["sentences"][0]["detail"] == "1500 eur"


def test_an_unknown_passage_id_is_a_clear_error(indexed_home: Path) -> None:
    result = guichet(indexed_home, "verify", "--passage", "F00000", GROUNDED)
    assert result.returncode != 0
    assert "F00000" in result.stderr and "Traceback" not in result.stderr


def test_a_batch_checks_every_line_it_can_and_reports_the_others_in_place(indexed_home: Path, tmp_path: Path) -> None:
    inline = {"doc_id": "F40", "title": "Fin d'un CDD", "text": (
        "L'indemnité de fin de contrat est égale au minimum à 10 % de la rémunération brute totale.")}
    good = json.dumps({"id": "good", "question": "Montant ?", "draft": GROUNDED, "passages": [inline]},
                      ensure_ascii=False).encode("utf-8")
    lines = [
        good,
        b"pas du json",
        b"[1, 2]",
        b"\xff\xfe pas de l'UTF-8",
        json.dumps({"id": "no-passages", "draft": GROUNDED}).encode("utf-8"),
        json.dumps({"id": "unknown", "draft": GROUNDED, "passages": ["F00000"]}).encode("utf-8"),
        good,
    ]
    batch = tmp_path / "drafts.jsonl"
    batch.write_bytes(b"\n".join(lines))
    result = guichet(indexed_home, "verify", "--batch", str(batch))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(lines)
    assert [("error" in row) for row in rows] == [False, True, True, True, True, True, False]
    assert rows[0]["id"] == rows[-1]["id"] == "good" and rows[0]["acceptable"]
    assert rows[4]["id"] == "no-passages" and "F00000" in rows[5]["error"]
    for line_number in range(2, 7):
        assert f"{batch}:{line_number}:" in result.stderr
